/**
 * Keyboard focus across side-panel changes. A panel that replaces the one holding the focus (an
 * insight's row opened in the details, the details' way back to the list, a panel closed) takes
 * the focused element with it, and the browser drops the focus to the page: the next Tab started
 * from the top of the page, 24 stops from where the reader was (QA). The focus goes to the start
 * of the panel now showing instead: its title, or the first element marked `data-panel-start`
 * while the title loads (or, on a phone, the folded overview's button, which has no title).
 */

/**
 * Moves the focus to the start of `panel` if it fell to the page, or wherever it is with
 * `moveFocus` (the control that opened the panel has it); true when it moved.
 */
export function focusPanelStart(panel: HTMLElement, { moveFocus = false } = {}): boolean {
  const active = document.activeElement;
  if (!moveFocus && active !== null && active !== document.body && active.isConnected) return false;
  const target =
    panel.querySelector<HTMLElement>('h2') ??
    panel.querySelector<HTMLElement>('[data-panel-start]');
  if (!target) return false;
  // A title is not focusable by itself; -1 keeps it out of the Tab order (a button, a phone's
  // folded overview, is in it already and stays there).
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex'))
    target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  return true;
}
