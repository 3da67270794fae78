import { afterEach, describe, expect, it } from 'vitest';
import { useUntranslatedStackTraces } from '../../server/stack-traces.ts';

const enabledBefore = process.sourceMapsEnabled;

describe('useUntranslatedStackTraces', () => {
  afterEach(() => process.setSourceMapsEnabled(enabledBefore));

  it('turns source-map translation off by default', () => {
    process.setSourceMapsEnabled(true);
    expect(useUntranslatedStackTraces({})).toBe(true);
    expect(process.sourceMapsEnabled).toBe(false);
  });

  it('keeps translation with SOURCE_MAPS=1', () => {
    process.setSourceMapsEnabled(false);
    expect(useUntranslatedStackTraces({ SOURCE_MAPS: '1' })).toBe(false);
    expect(process.sourceMapsEnabled).toBe(true);
  });
});
