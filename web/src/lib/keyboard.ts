/**
 * Who a key press belongs to. Fields and dialogs handle their own keys (a picker's Escape closes
 * its list, a dialog's closes the dialog), so the page's shortcuts leave those presses alone.
 */
export function keyBelongsToWidget(event: KeyboardEvent): boolean {
  const target = event.target;
  if (
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
  )
    return true;
  return target instanceof Element && target.closest('dialog') !== null;
}
