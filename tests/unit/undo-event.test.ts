import { describe, expect, it } from 'vitest';
import { alreadyUndoneMessage } from '../../server/curation/undo-event.ts';

describe('alreadyUndoneMessage', () => {
  it('says when in words and UTC, as a person reads it, not as the ISO time the details keep', () => {
    expect(alreadyUndoneMessage('merge', '2026-12-06T12:55:16.224Z')).toBe(
      'This merge was undone already, on 6 Dec 2026 at 12:55 UTC.',
    );
    // Neo4j's own temporal text, with nanoseconds, and a time past midnight elsewhere.
    expect(alreadyUndoneMessage('delete', '2026-01-31T23:05:00.123456789Z')).toBe(
      'This delete was undone already, on 31 Jan 2026 at 23:05 UTC.',
    );
  });

  it('says only that it was, when the event does not say when', () => {
    expect(alreadyUndoneMessage('merge', null)).toBe('This merge was undone already.');
    expect(alreadyUndoneMessage('delete', 'not a time')).toBe('This delete was undone already.');
  });
});
