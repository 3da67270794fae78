/**
 * Who a key press belongs to. Fields and dialogs handle their own keys (a picker's Escape closes
 * its list, a dialog's closes the dialog), so the page's shortcuts leave those presses alone.
 */
const NO_KEYS_OF_THEIR_OWN = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

export function keyBelongsToWidget(event: KeyboardEvent): boolean {
  const target = event.target;
  // A checkbox or radio keeps focus after a click but has no keys of its own beyond Space.
  if (target instanceof HTMLInputElement) return !NO_KEYS_OF_THEIR_OWN.has(target.type);
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  return target instanceof Element && target.closest('dialog') !== null;
}
