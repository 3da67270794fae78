/**
 * The PNG download: the SVG export (svg-export.ts) drawn at twice its size. One picture in both
 * formats, with the labels placed for the picture (export-labels.ts) rather than those the screen
 * had room for. Cytoscape's own `png()` drew the canvas as styled for the screen: on a phone, or
 * zoomed out, with labels grown to stay readable there and most of them hidden for it (QA).
 */
import { PNG_SCALE, pngScale } from './svg-export';

/**
 * An SVG document drawn into a PNG at `scale`. Throws where the browser cannot draw a canvas that
 * big (the export menu then suggests the SVG).
 */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const factor = pngScale(image.naturalWidth, image.naturalHeight, scale);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * factor));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * factor));
    const context = canvas.getContext('2d');
    if (!context) throw new Error(`png-export: no ${canvas.width}×${canvas.height} canvas`);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) =>
          blob ? resolve(blob) : reject(new Error('png-export: the canvas made no picture')),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
