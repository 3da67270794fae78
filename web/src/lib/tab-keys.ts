/**
 * The keys of a row of tabs, as the WAI-ARIA tabs pattern has them: Left and Right step to the next
 * tab (past the last, back to the first), Home and End go to the ends. Only the selected tab is in the
 * Tab order, so these keys are how a keyboard reaches the others; a tab is selected as it takes the
 * focus (the pattern's automatic activation), since its panel is at hand without a wait.
 */

/**
 * The index of the tab `key` moves to from the tab at `current` in a row of `count`, or null when
 * the key is not one of the tabs' (the caller leaves that press alone).
 */
export function tabAfterKey(key: string, current: number, count: number): number | null {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`tab-keys: a row of tabs needs at least one tab, not ${count}`);
  if (!Number.isInteger(current) || current < 0 || current >= count)
    throw new RangeError(`tab-keys: tab ${current} is not in a row of ${count}`);
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
