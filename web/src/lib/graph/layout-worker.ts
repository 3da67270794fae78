/**
 * The layout worker: runs the big-graph force layout (force-layout.ts) off the main thread, so the
 * page stays responsive while ~1,000 nodes settle. Loaded by layout-runner.ts as a module worker
 * from its own same-origin file (the app's Content-Security-Policy allows that and forbids blob:
 * workers). Positions travel as transferred Float64Arrays: `[x0, y0, x1, y1, …]` in request order.
 */
import { forceLayout } from './force-layout';
import type { LayoutJob, LayoutReply } from './layout-protocol';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<LayoutJob>) => void) | null;
  postMessage(message: LayoutReply, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  try {
    const positions = forceLayout(request);
    scope.postMessage({ id, kind: 'done', positions }, [positions.buffer]);
  } catch (error) {
    scope.postMessage({ id, kind: 'error', message: (error as Error).message }, []);
  }
};
