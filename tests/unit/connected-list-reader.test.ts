import { describe, expect, it } from 'vitest';
import {
  readConnectedList,
  splitNameList,
} from '../../server/importers/member-page/connected-list-reader.ts';

describe('readConnectedList', () => {
  it('reads a co-lead sentence and a sized group with its named members', () => {
    const statements = readConnectedList(
      'GIZ Co-Leads AI CoP with UNICEF. AI CoP constitutes 50 members both from within and outside of DPGA, including organizations such as: Tony Blair Institute, Google, Samsung, and more.',
    );
    expect(statements[0]).toMatchObject({ kind: 'co-lead', names: ['GIZ'] });
    expect(statements[1]).toMatchObject({
      kind: 'group',
      groupName: 'AI CoP members',
      memberCount: 50,
      names: ['Tony Blair Institute', 'Google', 'Samsung'],
    });
  });

  it('drops quantifiers and lower-case qualifiers', () => {
    const statements = readConnectedList(
      'All DPGA Board Members. UN System agencies, including those that are not part of the DPGA.',
    );
    expect(statements.map((s) => (s.kind === 'names' ? s.names : []))).toEqual([
      ['DPGA Board Members'],
      ['UN System agencies'],
    ]);
  });

  it('keeps prose as a note and reads placeholders as nothing', () => {
    expect(readConnectedList('This is solely a UNICEF exploration for now.')).toEqual([
      { kind: 'note', sentence: 'This is solely a UNICEF exploration for now.' },
    ]);
    expect(readConnectedList('TBC')).toEqual([]);
    expect(readConnectedList('')).toEqual([]);
    expect(readConnectedList(undefined)).toEqual([]);
  });

  it('reads a name followed by a wish as a name and a note', () => {
    const statements = readConnectedList(
      'UNDP. We would like other UN Agencies that are part of DPGA to get involved.',
    );
    expect(statements.map((s) => s.kind)).toEqual(['names', 'note']);
  });

  it('reads one name per line', () => {
    expect(
      readConnectedList('MOSIP\nX-Road').flatMap((s) => (s.kind === 'names' ? s.names : [])),
    ).toEqual(['MOSIP', 'X-Road']);
  });
});

describe('splitNameList', () => {
  it('splits on commas and "and" before a capital, not inside names', () => {
    expect(splitNameList('DHIS2, MOSIP and OpenCRVS')).toEqual(['DHIS2', 'MOSIP', 'OpenCRVS']);
    expect(splitNameList('Bill and Melinda Gates Foundation')).toEqual([
      'Bill and Melinda Gates Foundation',
    ]);
  });
});
