import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '../../web/src/lib/tab-keys.ts';

describe('the keys of a row of tabs', () => {
  it('steps right and left, round from one end to the other', () => {
    expect(tabAfterKey('ArrowRight', 0, 3)).toBe(1);
    expect(tabAfterKey('ArrowRight', 2, 3)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 1, 3)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, 3)).toBe(2);
  });

  it('goes to the first with Home and the last with End', () => {
    expect(tabAfterKey('Home', 2, 3)).toBe(0);
    expect(tabAfterKey('End', 0, 3)).toBe(2);
  });

  it('stays on the one tab of a row of one', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End'])
      expect(tabAfterKey(key, 0, 1)).toBe(0);
  });

  it('leaves other keys to the page', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Enter', ' ', 'Tab', 'a'])
      expect(tabAfterKey(key, 0, 2)).toBeNull();
  });

  it('refuses a row without tabs or a tab outside the row', () => {
    expect(() => tabAfterKey('ArrowRight', 0, 0)).toThrow(RangeError);
    expect(() => tabAfterKey('ArrowRight', 2, 2)).toThrow(RangeError);
    expect(() => tabAfterKey('ArrowRight', -1, 2)).toThrow(RangeError);
    expect(() => tabAfterKey('ArrowRight', 0.5, 2)).toThrow(RangeError);
  });
});
