// Unit tests of the watch on the reader's hold of the graph (web/src/lib/graph/hold-watch.ts).
import { describe, expect, it, vi } from 'vitest';
import { type GraphEvents, watchHold } from '../../web/src/lib/graph/hold-watch.ts';

/** A renderer that emits what a test tells it to, as a Cytoscape core's `on` / `off` / `emit`. */
function fakeGraph() {
  const handlers = new Map<string, Set<() => void>>();
  const graph: GraphEvents & { emit(event: string): void; listeners(): number } = {
    on: (event, handler) => handlers.set(event, (handlers.get(event) ?? new Set()).add(handler)),
    off: (event, handler) => handlers.get(event)?.delete(handler),
    emit: (event) => handlers.get(event)?.forEach((handler) => handler()),
    listeners: () => [...handlers.values()].reduce((n, set) => n + set.size, 0),
  };
  return graph;
}

/** A pointer event of `pointerId` (Node has no PointerEvent). */
const pointer = (type: string, pointerId: number) => Object.assign(new Event(type), { pointerId });

function setUp() {
  const graph = fakeGraph();
  const page = new EventTarget();
  const onRelease = vi.fn();
  const watch = watchHold(graph, page, onRelease);
  return { graph, page, onRelease, watch };
}

describe('watchHold', () => {
  it('holds from tapstart to tapend, and says so once when released', () => {
    const { graph, onRelease, watch } = setUp();
    expect(watch.held()).toBe(false);
    graph.emit('tapstart');
    expect(watch.held()).toBe(true);
    graph.emit('tapend');
    expect(watch.held()).toBe(false);
    expect(onRelease).toHaveBeenCalledTimes(1);
  });

  it.each(['pointerup', 'pointercancel', 'blur'])(
    'ends a hold whose tapend never comes on the page’s %s',
    (type) => {
      const { graph, page, onRelease, watch } = setUp();
      graph.emit('tapstart');
      page.dispatchEvent(new Event(type));
      expect(watch.held()).toBe(false);
      expect(onRelease).toHaveBeenCalledTimes(1);
      // The tapend that may follow the page's release ends nothing more.
      graph.emit('tapend');
      expect(onRelease).toHaveBeenCalledTimes(1);
    },
  );

  it('listens to the page in the capture phase, so a handler that stops a release cannot hide it', () => {
    const page = new EventTarget();
    const add = vi.spyOn(page, 'addEventListener');
    watchHold(fakeGraph(), page, () => {});
    expect(add.mock.calls.map(([type, , capture]) => [type, capture])).toEqual([
      ['pointerdown', true],
      ['pointerup', true],
      ['pointercancel', true],
      ['blur', true],
    ]);
  });

  it.each(['pointerup', 'pointercancel'])(
    'holds through a pinch until the last finger’s %s, not the first’s',
    (type) => {
      const { graph, page, onRelease, watch } = setUp();
      page.dispatchEvent(pointer('pointerdown', 1));
      graph.emit('tapstart');
      page.dispatchEvent(pointer('pointerdown', 2));
      page.dispatchEvent(pointer(type, 1));
      expect(watch.held()).toBe(true);
      expect(onRelease).not.toHaveBeenCalled();
      page.dispatchEvent(pointer(type, 2));
      expect(watch.held()).toBe(false);
      expect(onRelease).toHaveBeenCalledTimes(1);
    },
  );

  it('forgets the fingers still counted down once the renderer or the window says all are up', () => {
    const { graph, page, onRelease, watch } = setUp();
    page.dispatchEvent(pointer('pointerdown', 1));
    page.dispatchEvent(pointer('pointerdown', 2));
    graph.emit('tapstart');
    // Both lifted where the page did not hear it: Cytoscape's tapend comes after the last touch.
    graph.emit('tapend');
    expect(onRelease).toHaveBeenCalledTimes(1);
    // The next hold ends with its one finger, not held open by the two never heard lifting.
    page.dispatchEvent(pointer('pointerdown', 3));
    graph.emit('tapstart');
    page.dispatchEvent(pointer('pointerup', 3));
    expect(watch.held()).toBe(false);
    expect(onRelease).toHaveBeenCalledTimes(2);
    // A window left mid-pinch ends the hold and forgets its fingers too.
    page.dispatchEvent(pointer('pointerdown', 4));
    page.dispatchEvent(pointer('pointerdown', 5));
    graph.emit('tapstart');
    page.dispatchEvent(new Event('blur'));
    expect(onRelease).toHaveBeenCalledTimes(3);
    page.dispatchEvent(pointer('pointerdown', 6));
    graph.emit('tapstart');
    page.dispatchEvent(pointer('pointerup', 6));
    expect(onRelease).toHaveBeenCalledTimes(4);
  });

  it('calls nothing for a release without a hold (a click elsewhere on the page)', () => {
    const { page, onRelease, watch } = setUp();
    page.dispatchEvent(new Event('pointerup'));
    expect(watch.held()).toBe(false);
    expect(onRelease).not.toHaveBeenCalled();
  });

  it('stops listening to the graph and the page', () => {
    const { graph, page, onRelease, watch } = setUp();
    watch.stop();
    expect(graph.listeners()).toBe(0);
    graph.emit('tapstart');
    expect(watch.held()).toBe(false);
    page.dispatchEvent(new Event('blur'));
    graph.emit('tapend');
    expect(onRelease).not.toHaveBeenCalled();
  });
});
