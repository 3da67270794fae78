import { describe, expect, it } from 'vitest';
import { sharedDpgSentence, type ViaFund } from '../../server/insights/shared-dpg-sentence.ts';

const AVYANTRA = {
  id: 'dpg:avyantra-health-technologies',
  label: 'Avyantra Health Technologies',
  type: 'DPG',
};
const fund = (id: string, label: string, runBy: string): ViaFund => ({
  id: `initiative:${id}`,
  label,
  type: 'Initiative',
  runBy: { id: `org:${runBy.toLowerCase().replace(/ /g, '-')}`, label: runBy },
});
const VENTURE_FUND = fund('unicef-venture-fund', 'UNICEF Venture Fund', 'UNICEF');

describe('sharedDpgSentence', () => {
  it('is the DPG’s name when both parties back it themselves', () => {
    expect(sharedDpgSentence(AVYANTRA, [])).toBe('Avyantra Health Technologies');
  });

  it('names the fund a party backs the DPG through, and who runs it', () => {
    expect(sharedDpgSentence(AVYANTRA, [VENTURE_FUND])).toBe(
      'Avyantra Health Technologies, which UNICEF funds through UNICEF Venture Fund',
    );
  });

  it('lists a runner’s funds together, once each', () => {
    const second = fund('innovation-fund', 'Innovation Fund', 'UNICEF');
    expect(sharedDpgSentence(AVYANTRA, [VENTURE_FUND, second, VENTURE_FUND])).toBe(
      'Avyantra Health Technologies, which UNICEF funds through UNICEF Venture Fund and Innovation Fund',
    );
  });

  it('names both runners when both parties go through funds, in the order given', () => {
    const rival = fund('grand-challenges', 'Grand Challenges', 'Gates Foundation');
    expect(sharedDpgSentence(AVYANTRA, [VENTURE_FUND, rival])).toBe(
      'Avyantra Health Technologies, which UNICEF funds through UNICEF Venture Fund, and Gates Foundation through Grand Challenges',
    );
  });

  it('agrees with a runner named for its members', () => {
    const group = fund('pool', 'Pooled Fund', 'DPGA Board Members');
    expect(sharedDpgSentence(AVYANTRA, [group])).toBe(
      'Avyantra Health Technologies, which DPGA Board Members fund through Pooled Fund',
    );
  });
});
