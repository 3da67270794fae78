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
      ['pointerup', true],
      ['pointercancel', true],
      ['blur', true],
    ]);
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
