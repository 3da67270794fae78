/**
 * Follows where an element floating over the canvas (the legend, a notice) lies on it, as either
 * changes size: the canvas keeps that place clear when it fits the graph, and labels keep out.
 */
import { untrack } from 'svelte';

/** The element's box and the canvas's, in the window's coordinates. */
export interface OverCanvas {
  box: DOMRect;
  canvas: DOMRect;
}

/**
 * Calls `report` with where `element` lies over the canvas now and whenever either resizes (null
 * while there is no canvas), and with null once the returned function stops following. Reports run
 * untracked: they write view state an effect calling this must not come to depend on.
 */
export function followOverCanvas(
  element: HTMLElement,
  report: (where: OverCanvas | null) => void,
): () => void {
  const measure = () =>
    untrack(() => {
      const canvas = document.querySelector('[data-graph-state]');
      report(
        canvas && {
          box: element.getBoundingClientRect(),
          canvas: canvas.getBoundingClientRect(),
        },
      );
    });
  measure();
  const observer = new ResizeObserver(measure);
  observer.observe(element);
  window.addEventListener('resize', measure);
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', measure);
    untrack(() => report(null));
  };
}
