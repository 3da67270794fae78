/**
 * Whether the canvas should draw with Cytoscape's WebGL renderer. Measured in headless Chromium (see
 * web/README.md): the canvas renderer pans 500–5,000 elements at ~17 ms a frame, while WebGL on a
 * software GL (SwiftShader, llvmpipe — what --disable-gpu or a GPU-less machine gives) takes
 * 0.4–2.3 s a frame. So WebGL is used only for big graphs on a hardware GPU.
 */

/** Elements above which WebGL is worth it on a hardware GPU. */
export const WEBGL_MIN_ELEMENTS = 3000;

const SOFTWARE_GL = /swiftshader|llvmpipe|software|softpipe|basic render/i;

/** Whether to use WebGL for `elementCount` elements, given the GL renderer's name (undefined: no WebGL). */
export function useWebgl(elementCount: number, glRenderer: string | undefined): boolean {
  if (glRenderer === undefined || SOFTWARE_GL.test(glRenderer)) return false;
  return elementCount > WEBGL_MIN_ELEMENTS;
}
