import { describe, expect, it } from 'vitest';
import { leadRole } from '../../server/importers/lead-role.ts';

describe('leadRole', () => {
  it('reads a shared lead from the activity title', () => {
    for (const title of [
      'Co-leading the Community of Practice on AI',
      'Co-Leading the Digital Public Goods Charter',
      'Co-Coordinate DPG Charter to Mobilise High-Level Commitments to DPGs',
      'Co-Chair Food Security Community Of Practice',
      'Co-Chair: Health Community of Practice',
      'Co chairing the data working group',
    ])
      expect(leadRole(title), title).toBe('CO_LEADS');
  });

  it('leaves other titles led alone, "co-" words and coordination among them', () => {
    for (const title of [
      'Support DPGs for DPI via Co-Develop Fund',
      'Setting up the Co-Develop Fund',
      'Coordinate the DPG Charter',
      'Leading the Health Community of Practice',
      'Cooperation with local leaders',
      'Partnering with COLEAD on food safety',
    ])
      expect(leadRole(title), title).toBe('LEADS');
  });
});
