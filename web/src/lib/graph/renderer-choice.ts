/**
 * Whether the canvas should draw with Cytoscape's WebGL renderer. Measured in headless Chromium (see
 * web/README.md): the canvas renderer pans 500–5,000 elements at ~17 ms a frame, while WebGL on a
 * software GL (SwiftShader, llvmpipe — what --disable-gpu or a GPU-less machine gives) takes
 * 0.4–2.3 s a frame. So WebGL is used only for big graphs on a hardware GPU.
 */
import { WORKER_LAYOUT_MIN_NODES } from './layout';

/** Elements above which WebGL is worth it on a hardware GPU. */
export const WEBGL_MIN_ELEMENTS = 3000;

const SOFTWARE_GL = /swiftshader|llvmpipe|software|softpipe|basic render/i;

/** Whether to use WebGL for `elementCount` elements, given the GL renderer's name (undefined: no WebGL). */
export function useWebgl(
  elementCount: number,
  glRenderer: string | undefined | (() => string | undefined),
): boolean {
  if (elementCount <= WEBGL_MIN_ELEMENTS) return false;
  // Asked only now: naming the GPU creates a WebGL context, ~10–14 ms of the main thread at load,
  // for nothing when the graph is small (the canvas usually mounts before the overview arrives).
  const name = typeof glRenderer === 'function' ? glRenderer() : glRenderer;
  return name !== undefined && !SOFTWARE_GL.test(name);
}

/** Class given to the edges of a big graph, drawn the cheap way ({@link BULK_EDGE_STYLE}). */
export const BULK_EDGE_CLASS = 'bulk';

/**
 * Straight "haystack" edges without arrowheads: Cytoscape computes no curve control points and
 * draws no arrows for them. Measured in headless Chromium on the 5,000-element benchmark graph, the
 * first frame after the graph arrives takes ~1.0 s of CPU with the usual curved, arrowed edges and
 * ~0.7 s with these; at the zoom that fits a graph that big the arrowheads are a pixel or two anyway.
 * Appended after the app's stylesheet, so it overrides only these properties.
 */
export const BULK_EDGE_STYLE = [
  {
    selector: `edge.${BULK_EDGE_CLASS}`,
    // haystack-radius is 0 by default: straight from centre to centre.
    style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none' },
  },
] as const satisfies readonly { selector: string; style: Record<string, string | number> }[];

/** Nodes above which a graph's edges are drawn the cheap way: where the layout worker takes over. */
export const BULK_EDGE_MIN_NODES = WORKER_LAYOUT_MIN_NODES;

/** Whether a graph of `nodeCount` nodes draws its edges as {@link BULK_EDGE_STYLE}. */
export function useBulkEdges(nodeCount: number): boolean {
  return nodeCount > BULK_EDGE_MIN_NODES;
}
