import { describe, expect, it } from 'vitest';
import {
  generateSyntheticGraph,
  type SyntheticGraph,
} from '../../bench/synthetic/synthetic-graph.ts';
import { pickSample } from '../../bench/synthetic/synthetic-sample.ts';
import type { NodeFact, RelationshipFact } from '../../server/importers/graph/graph-facts.ts';
import { relationshipKey } from '../../server/importers/graph/graph-facts.ts';
import type { EntityType, RelationshipType } from '../../server/model/graph-model.ts';

/** Which labels each relationship type joins, as docs/graph-model.md states them. */
const ENDS: Record<RelationshipType, [EntityType[], EntityType[]]> = {
  LEADS: [['Organisation'], ['Activity']],
  CO_LEADS: [['Organisation'], ['Activity']],
  PARTICIPATES_IN: [['Organisation', 'Group'], ['Activity']],
  INVOLVES: [['Activity'], ['DPG', 'Organisation', 'Group', 'Initiative']],
  TAKES_PLACE_IN: [['Activity'], ['Country']],
  MEMBER_OF: [['Organisation'], ['Organisation', 'Group']],
  RUNS: [['Organisation'], ['Initiative']],
  OWNS: [['Organisation'], ['DPG']],
  MAINTAINS: [['Organisation'], ['DPG']],
  IMPLEMENTS: [['Organisation'], ['DPG']],
  FUNDS: [['Organisation', 'Initiative'], ['DPG']],
  ADVANCES: [['DPG'], ['SDG']],
  DEPLOYED_IN: [['DPG'], ['Country']],
  DEVELOPED_IN: [['DPG'], ['Country']],
  BASED_IN: [['Organisation'], ['Country']],
};

function allNodes(graph: SyntheticGraph): NodeFact[] {
  return graph.documents.flatMap((d) => d.facts.nodes);
}

function allRelationships(graph: SyntheticGraph): RelationshipFact[] {
  return graph.documents.flatMap((d) => d.facts.relationships);
}

function labels(graph: SyntheticGraph): Map<string, EntityType> {
  return new Map(allNodes(graph).map((n) => [n.id, n.label]));
}

function degrees(graph: SyntheticGraph): Map<string, number> {
  const degree = new Map<string, number>();
  for (const r of allRelationships(graph)) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  return degree;
}

/** Everything a graph states, in order, as text: two equal texts are the same graph. */
function serialise(graph: SyntheticGraph): string {
  return JSON.stringify(
    graph.documents.map((d) => [d.source, d.facts.nodes, d.facts.relationships]),
  );
}

describe('generateSyntheticGraph', () => {
  const graph = generateSyntheticGraph({ relationships: 20_000, seed: 7 });

  it('gives the same graph for the same seed, and another for another seed', () => {
    const small = (seed: number) =>
      serialise(generateSyntheticGraph({ relationships: 3000, seed }));
    expect(small(11)).toBe(small(11));
    expect(small(12)).not.toBe(small(11));
  });

  it('holds exactly the relationships asked for, none stated twice', () => {
    const keys = allRelationships(graph).map(relationshipKey);
    expect(keys).toHaveLength(20_000);
    expect(new Set(keys).size).toBe(20_000);
    expect(graph.counts.relationships).toBe(20_000);
    const byType = Object.values(graph.counts.byType).reduce((sum, n) => sum + n, 0);
    expect(byType).toBe(20_000);
  });

  it('gives every id one label, and every organisation its own id', () => {
    const seen = new Map<string, EntityType>();
    for (const node of allNodes(graph)) {
      expect(seen.get(node.id) ?? node.label).toBe(node.label);
      seen.set(node.id, node.label);
      expect(node.id.split(':')[0]).toBe(
        {
          Organisation: 'org',
          Activity: 'activity',
          DPG: 'dpg',
          Country: 'country',
          SDG: 'sdg',
          Group: 'group',
          Initiative: 'initiative',
        }[node.label],
      );
    }
    expect(seen.size).toBe(graph.counts.entities);
    // 2,000 organisations (one per 10 relationships), all named, plus the DPGA itself.
    expect(graph.counts.byLabel.Organisation).toBe(2001);
    const names = allNodes(graph)
      .filter((n) => n.label === 'Organisation' && n.props.name)
      .map((n) => `${n.id}=${String(n.props.name)}`);
    expect(new Set(names).size).toBe(2001);
  });

  it('states both ends of every relationship in the same document, with the model’s labels', () => {
    const wrong: string[] = [];
    for (const { facts } of graph.documents) {
      const stated = new Map(facts.nodes.map((n) => [n.id, n.label]));
      for (const r of facts.relationships) {
        const [from, to] = ENDS[r.type];
        const ends = [stated.get(r.from), stated.get(r.to)];
        if (!from.includes(ends[0]!) || !to.includes(ends[1]!)) wrong.push(relationshipKey(r));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('carries provenance on every fact and a full descriptor on every source', () => {
    const ids = graph.documents.map((d) => d.source.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { source, facts } of graph.documents) {
      expect(source.id).toMatch(/^source:[a-z-]+:[a-z0-9-]+$/);
      expect(source.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(source.uri).toMatch(/^synthetic:seed-7\//);
      const bare = [...facts.nodes, ...facts.relationships].filter((f) => f.evidence.length < 5);
      expect(bare).toEqual([]);
    }
    // Documents stay transaction-sized.
    for (const { facts } of graph.documents) {
      expect(facts.relationships.length).toBeLessThanOrEqual(5_300);
    }
  });

  it('gives every activity one lead and 2–30 participants in all', () => {
    const label = labels(graph);
    const participants = new Map<string, number>();
    const leads = new Map<string, number>();
    for (const r of allRelationships(graph)) {
      if (['LEADS', 'CO_LEADS', 'PARTICIPATES_IN'].includes(r.type)) {
        participants.set(r.to, (participants.get(r.to) ?? 0) + 1);
      }
      if (r.type === 'LEADS') leads.set(r.to, (leads.get(r.to) ?? 0) + 1);
    }
    const activities = [...label].filter(([, l]) => l === 'Activity').map(([id]) => id);
    expect(activities.length).toBeGreaterThan(1000);
    const counts = activities.map((id) => participants.get(id) ?? 0);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeLessThanOrEqual(30);
    // Mostly small, with some large ones.
    expect(counts.filter((c) => c <= 5).length / counts.length).toBeGreaterThan(0.5);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(20);
    expect(activities.every((id) => leads.get(id) === 1)).toBe(true);
  });

  it('gives every DPG sectors, an SDG and a country', () => {
    const dpgs = allNodes(graph).filter((n) => n.label === 'DPG' && n.props.name);
    expect(dpgs).toHaveLength(100);
    const advances = new Set<string>();
    const located = new Set<string>();
    for (const r of allRelationships(graph)) {
      if (r.type === 'ADVANCES') advances.add(r.from);
      if (r.type === 'DEPLOYED_IN' || r.type === 'DEVELOPED_IN') located.add(r.from);
    }
    for (const dpg of dpgs) {
      expect((dpg.props.sectors as string[]).length).toBeGreaterThan(0);
      expect(advances.has(dpg.id)).toBe(true);
      expect(located.has(dpg.id)).toBe(true);
    }
    expect(graph.counts.byLabel.SDG).toBe(17);
  });

  it('gives organisations heavy-tailed degrees: a few hubs, a long tail', () => {
    const degree = degrees(graph);
    const orgs = [...labels(graph)]
      .filter(([id, l]) => l === 'Organisation' && id !== 'org:dpga')
      .map(([id]) => degree.get(id) ?? 0)
      .sort((a, b) => b - a);
    expect(orgs.at(-1)).toBeGreaterThanOrEqual(1);
    const median = orgs[Math.floor(orgs.length / 2)]!;
    expect(orgs[0]).toBeGreaterThan(50 * median);
    // The top 1% of organisations hold over a fifth of all organisation relationship ends; with
    // degrees spread evenly (a Poisson graph) they would hold about 2%.
    const total = orgs.reduce((sum, d) => sum + d, 0);
    const top = orgs.slice(0, orgs.length / 100).reduce((sum, d) => sum + d, 0);
    expect(top / total).toBeGreaterThan(0.2);
  });

  it('scales its counts with the parameter', () => {
    const sizes = [2000, 8000].map((relationships) => generateSyntheticGraph({ relationships }));
    expect(sizes.map((g) => g.counts.relationships)).toEqual([2000, 8000]);
    const ratio = (label: EntityType) =>
      sizes[1]!.counts.byLabel[label] / sizes[0]!.counts.byLabel[label];
    expect(ratio('Organisation')).toBeCloseTo(4, 1);
    expect(ratio('Activity')).toBeGreaterThan(3.5);
    expect(ratio('Activity')).toBeLessThan(4.5);
    expect(ratio('DPG')).toBeCloseTo(4, 1);
    const byOrganisations = generateSyntheticGraph({ organisations: 300 });
    expect(byOrganisations.counts.relationships).toBe(3000);
    expect(byOrganisations.counts.byLabel.Organisation).toBe(301);
  });

  it('refuses options out of range, naming them', () => {
    expect(() => generateSyntheticGraph({})).toThrow(/relationships or organisations/);
    expect(() => generateSyntheticGraph({ relationships: 10 })).toThrow(/relationships/);
    expect(() => generateSyntheticGraph({ relationships: 1.5e6 + 0.5 })).toThrow(/relationships/);
    expect(() => generateSyntheticGraph({ relationships: 1000, organisations: 900 })).toThrow(
      /organisations/,
    );
    expect(() => generateSyntheticGraph({ relationships: 1000, seed: -1 })).toThrow(/seed/);
    expect(() => generateSyntheticGraph({ relationships: 1000, documentRelationships: 5 })).toThrow(
      /documentRelationships/,
    );
  });
});

describe('pickSample', () => {
  const graph = generateSyntheticGraph({ relationships: 20_000, seed: 7 });
  const sample = pickSample(graph);
  const label = labels(graph);
  const degree = degrees(graph);

  it('picks the best-connected organisation, DPG and activity', () => {
    const top = (l: EntityType) =>
      Math.max(...[...label].filter(([, x]) => x === l).map(([id]) => degree.get(id) ?? 0));
    expect(label.get(sample.hubOrganisation)).toBe('Organisation');
    expect(degree.get(sample.hubOrganisation)).toBe(top('Organisation'));
    expect(label.get(sample.dpg)).toBe('DPG');
    expect(degree.get(sample.dpg)).toBe(top('DPG'));
    expect(label.get(sample.activity)).toBe('Activity');
    expect(degree.get(sample.activity)).toBe(top('Activity'));
  });

  it('pairs two different organisations that are not neighbours', () => {
    const [from, to] = sample.pathPair;
    expect(from).not.toBe(to);
    expect(label.get(from)).toBe('Organisation');
    expect(label.get(to)).toBe('Organisation');
    const adjacent = allRelationships(graph).some(
      (r) => (r.from === from && r.to === to) || (r.from === to && r.to === from),
    );
    expect(adjacent).toBe(false);
  });

  it('gives search terms taken from names in the graph', () => {
    const names = allNodes(graph).map((n) => String(n.props.name ?? '').toLowerCase());
    expect(sample.searchTerms.length).toBeGreaterThan(0);
    for (const term of sample.searchTerms) {
      expect(names.some((name) => name.includes(term.toLowerCase()))).toBe(true);
    }
  });
});
