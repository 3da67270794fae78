// A kept synthetic graph is reused only when nothing that decides it changed: the fingerprint
// must follow every file of the load path, and the marker must survive a round trip.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadFingerprint,
  readMarker,
  writeMarker,
  type SyntheticMarker,
} from '../../bench/synthetic/synthetic-store.ts';

const roots: string[] = [];
function fakeRepo(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'synthetic-store-'));
  roots.push(root);
  for (const [file, text] of [
    ['bench/synthetic/synthetic-graph.ts', 'export const seed = 1;'],
    ['server/importers/graph/graph-writer.ts', 'export {};'],
    ['cypher/import/merge-nodes.cypher', 'MERGE (n:Entity {id: $id})'],
    ['server/insights/network-measures.ts', 'export {};'],
  ]) {
    mkdirSync(path.dirname(path.join(root, file!)), { recursive: true });
    writeFileSync(path.join(root, file!), text!);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('synthetic graph store', () => {
  it('fingerprints the load path: stable, and changed by any file in it', () => {
    const root = fakeRepo();
    const before = loadFingerprint(root);
    expect(loadFingerprint(root)).toBe(before);
    writeFileSync(path.join(root, 'cypher/import/merge-nodes.cypher'), 'MERGE (n:Entity {id: $x})');
    const afterCypher = loadFingerprint(root);
    expect(afterCypher).not.toBe(before);
    writeFileSync(path.join(root, 'server/insights/network-measures.ts'), 'export const x = 1;');
    expect(loadFingerprint(root)).not.toBe(afterCypher);
  });

  it('ignores files outside the load path', () => {
    const root = fakeRepo();
    const before = loadFingerprint(root);
    mkdirSync(path.join(root, 'web'), { recursive: true });
    writeFileSync(path.join(root, 'web/app.ts'), 'export {};');
    expect(loadFingerprint(root)).toBe(before);
  });

  it('reads back the marker it wrote, and nothing from a folder without one', () => {
    const root = fakeRepo();
    expect(readMarker(root)).toBeUndefined();
    const marker: SyntheticMarker = {
      relationships: 10_000,
      seed: 7,
      fingerprint: 'abc',
      storedRelationships: 12_345,
      loadedAt: '2026-12-03T06:00:00.000Z',
      load: {
        entities: 2_000,
        relationships: 10_000,
        ms: 1_000,
        timings: { generateMs: 1, writeMs: 2, indexesMs: 3, metricsMs: 4 },
      },
      sample: {
        hubOrganisation: 'org:a',
        dpg: 'dpg:b',
        activity: 'activity:c',
        pathPair: ['org:a', 'org:d'],
        searchTerms: ['a'],
      },
    };
    writeMarker(root, marker);
    expect(readMarker(root)).toEqual(marker);
    writeFileSync(path.join(root, 'synthetic-graph.json'), '{ not json');
    expect(readMarker(root)).toBeUndefined();
  });
});
