/**
 * Hands a file made in the page to the browser as a download (an export of the canvas, a ranked
 * list): a link to the blob, clicked once, its URL revoked after the browser has read it.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A CSV file's contents, with a byte-order mark first: Excel reads a CSV as UTF-8 only with one
 * ("SantéMPI", "editors’ notes" came out garbled without).
 */
export function csvBlob(text: string): Blob {
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}
