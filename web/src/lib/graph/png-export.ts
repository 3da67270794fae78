/**
 * The PNG download. Cytoscape's `png({ full: true })` crops to the outermost node's edge, so a
 * picture pasted into a slide had labels touching its border; the export draws it onto a larger
 * canvas with the same margin the SVG export leaves.
 */
import { CANVAS_THEME } from './stylesheet';
import { EXPORT_MARGIN } from './svg-export';

/** Pixels per model pixel: twice the screen, sharp on a projector. */
export const PNG_SCALE = 2;

/** The picture with `margin` pixels of the canvas background on every side. */
export async function withMargin(
  picture: Blob,
  margin = EXPORT_MARGIN * PNG_SCALE,
  background: string = CANVAS_THEME.background,
): Promise<Blob> {
  const bitmap = await createImageBitmap(picture);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width + 2 * margin;
  canvas.height = bitmap.height + 2 * margin;
  const context = canvas.getContext('2d');
  if (!context) {
    bitmap.close();
    return picture;
  }
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, margin, margin);
  bitmap.close();
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? picture), 'image/png'));
}
