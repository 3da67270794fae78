import { describe, expect, it } from 'vitest';
import {
  findSector,
  sectorId,
  unknownSectorMessage,
} from '../../server/insights/sector-subject.ts';

const SECTORS = [
  { sector: 'Health', dpgs: 43 },
  { sector: 'Water and Sanitation', dpgs: 5 },
  { sector: 'Digital/Data/Tech', dpgs: 11 },
];

describe('a sector named as the subject of a stakeholder map', () => {
  it('reads the name whatever its case and spacing, as the DPGs spell it', () => {
    expect(findSector(SECTORS, 'health')).toEqual({ sector: 'Health', dpgs: 43 });
    expect(findSector(SECTORS, '  water   AND sanitation ')?.sector).toBe('Water and Sanitation');
    expect(findSector(SECTORS, 'digital/data/tech')?.sector).toBe('Digital/Data/Tech');
    // A whole name, not a part of one.
    expect(findSector(SECTORS, 'water')).toBeUndefined();
    expect(findSector([], 'Health')).toBeUndefined();
  });

  it('goes by an id no entity has', () => {
    expect(sectorId('Digital/Data/Tech')).toBe('sector:Digital/Data/Tech');
  });

  it('says which sectors there are when it names none, the first twenty by name', () => {
    expect(unknownSectorMessage('Finance', SECTORS)).toBe(
      'No DPG has the sector "Finance"; the sectors are: Health, Water and Sanitation, Digital/Data/Tech',
    );
    const many = Array.from({ length: 23 }, (_, i) => ({ sector: `S${i}`, dpgs: 1 }));
    expect(unknownSectorMessage('x', many)).toMatch(/S19, and 3 more$/);
    expect(unknownSectorMessage('Health', [])).toBe(
      'No DPG has the sector "Health": no DPG has a sector yet',
    );
  });
});
