/**
 * Asks the reads people ask first once, as the app starts, so that their first visitor does not
 * wait for Neo4j to plan them. Neo4j plans a statement the first time it runs it (per parameter
 * types) and keeps the plan until it restarts; on the real data that first run took 0.5–2.4 s
 * (a stakeholder map 2.4 s, a DPG's collaborators 2.1 s, the overview 0.9 s) against 10–75 ms
 * once planned (QA). Each read is the one its route makes: the same service function, with
 * parameters parsed by the route's own schema, on subjects taken from the graph (its
 * best-connected entities and its facets). Nothing is written or kept: the answer cache is not
 * filled, so the app stays stateless.
 */
import { EXPLORER_LIMITS } from '../api/limits.ts';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { DatabaseUnavailableError } from '../errors.ts';
import {
  collaboratorsQuerySchema,
  gapsQuerySchema,
  networkQuerySchema,
  stakeholdersQuerySchema,
} from '../api/insights-schemas.ts';
import {
  entityQuerySchema,
  facetsQuerySchema,
  neighbourhoodQuerySchema,
  overviewQuerySchema,
  pathsQuerySchema,
  searchQuerySchema,
  statsQuerySchema,
} from '../api/schemas.ts';
import { getCollaborators } from '../insights/collaborator-service.ts';
import { getGaps } from '../insights/gaps-service.ts';
import { getOrganisationNetwork } from '../insights/organisation-network-service.ts';
import { getStakeholders } from '../insights/stakeholder-service.ts';
import { getEntity } from './entity-service.ts';
import { type Facets, getFacets } from './facets-service.ts';
import { getNeighbourhood } from './neighbourhood-service.ts';
import { getOverview } from './overview-service.ts';
import { findPaths } from './path-service.ts';
import { search } from './search-service.ts';
import { getStats } from './stats-service.ts';

/**
 * Neo4j's size bucket of a string or list parameter of `length`: 0, 1, then the next power of
 * ten (2–10 → 10, 11–100 → 100…). Neo4j 5 keeps a plan per parameter types and, for strings and
 * lists, per bucket of their size: `dpg:odk` (7 characters) and `dpg:kobotoolbox` (15) each
 * waited 1.4 s for a collaborators plan of their own, after which `dpg:dhis2` and
 * `dpg:fedora-linux` took 40–60 ms (measured).
 */
export function sizeBucket(length: number): number {
  return length <= 1 ? length : 10 ** Math.ceil(Math.log10(length));
}

/** The first of `values` in each size bucket ({@link sizeBucket}), smaller buckets first. */
function onePerSizeBucket(values: readonly string[]): string[] {
  const first = new Map<number, string>();
  for (const value of values) {
    const bucket = sizeBucket(value.length);
    if (!first.has(bucket)) first.set(bucket, value);
  }
  return [...first.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
}

/**
 * The entities and topics the warm-up asks about, the graph's own: of organisations, DPGs and
 * sectors, one per size bucket of their id, as each bucket has plans of its own.
 */
export interface WarmUpSubjects {
  organisations: string[];
  dpgs: string[];
  activity?: string;
  sectors: string[];
  sdg?: string;
  country?: string;
}

/** One read a route makes, named for the log. */
export interface WarmUpRead {
  name: string;
  read: (db: GraphDatabase) => Promise<unknown>;
}

/** An entity of the overview, as the warm-up reads it. */
export interface WarmUpEntity {
  id: string;
  type: string;
  degree?: number;
}

/**
 * The best-connected organisations and DPGs of `entities` (one per size bucket of their id) and
 * activity; the most frequent sectors (one per size bucket), SDG and country of `facets`. Pure.
 */
export function warmUpSubjects(
  entities: readonly WarmUpEntity[],
  facets: Pick<Facets, 'sectors' | 'sdgs' | 'countries'>,
): WarmUpSubjects {
  const ranked = [...entities].sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0));
  const top = (type: string) =>
    ranked.filter((entity) => entity.type === type).map((entity) => entity.id);
  return {
    organisations: onePerSizeBucket(top('Organisation')),
    dpgs: onePerSizeBucket(top('DPG')),
    sectors: onePerSizeBucket(facets.sectors.map((sector) => sector.value)),
    ...(top('Activity')[0] ? { activity: top('Activity')[0] } : {}),
    ...(facets.sdgs[0] ? { sdg: facets.sdgs[0].value } : {}),
    ...(facets.countries[0] ? { country: facets.countries[0].value } : {}),
  };
}

/**
 * The reads behind the explorer's first screens, for the subjects the graph has: search, an
 * entity's details and neighbourhood (depth 1 and 2), a path, the stakeholder maps of each kind
 * of subject, a DPG's collaborators, an organisation's network and the gaps. Pure: the list is
 * made here, run by {@link warmUpQueries}.
 */
export function warmUpReads(subjects: WarmUpSubjects): WarmUpRead[] {
  const { organisations, dpgs, activity, sectors, sdg, country } = subjects;
  const reads: WarmUpRead[] = [
    {
      name: 'search',
      read: (db) => search(db, searchQuerySchema.parse({ q: 'health' })),
    },
    { name: 'gaps', read: (db) => getGaps(db, gapsQuerySchema.parse({})) },
  ];
  const add = (name: string, read: WarmUpRead['read']) => reads.push({ name, read });
  const stakeholders = (query: Record<string, string>) => (db: GraphDatabase) =>
    getStakeholders(db, stakeholdersQuerySchema.parse(query));
  for (const id of [...organisations, ...dpgs]) {
    add(`details of ${id}`, (db) => getEntity(db, id, entityQuerySchema.parse({}).neighbours));
    // As the explorer expands an entity; depth 2 as the API's callers ask by default.
    add(`neighbourhood of ${id}`, (db) =>
      getNeighbourhood(
        db,
        neighbourhoodQuerySchema.parse({ id, limit: String(EXPLORER_LIMITS.expansion) }),
      ),
    );
    add(`neighbourhood of ${id} at depth 2`, (db) =>
      getNeighbourhood(db, neighbourhoodQuerySchema.parse({ id, depth: '2' })),
    );
  }
  // The i-th organisation to the i-th DPG, both in order of size bucket (or the only DPG): short
  // ids to short, long to long.
  organisations.forEach((from, i) => {
    const to = dpgs[i] ?? dpgs[0];
    if (to)
      add(`paths from ${from} to ${to}`, (db) =>
        findPaths(db, pathsQuerySchema.parse({ from, to })),
      );
  });
  for (const id of organisations)
    add(`network of ${id}`, (db) =>
      getOrganisationNetwork(db, { id, ...networkQuerySchema.parse({}) }),
    );
  for (const id of dpgs) {
    add(`collaborators of ${id}`, (db) =>
      getCollaborators(db, { id, ...collaboratorsQuerySchema.parse({}) }),
    );
    if (country)
      add(`collaborators of ${id} in ${country}`, (db) =>
        getCollaborators(db, { id, ...collaboratorsQuerySchema.parse({ country }) }),
      );
    add(`stakeholders of ${id}`, stakeholders({ dpg: id }));
  }
  if (activity) add(`stakeholders of ${activity}`, stakeholders({ activity }));
  if (country) add(`stakeholders of ${country}`, stakeholders({ country }));
  for (const sector of sectors) {
    add(`stakeholders of sector ${sector}`, stakeholders({ sector }));
    // A topic in a country is a statement of its own ("Health in Kenya").
    if (country)
      add(`stakeholders of sector ${sector} in ${country}`, stakeholders({ sector, country }));
  }
  if (sdg) {
    add(`stakeholders of ${sdg}`, stakeholders({ sdg }));
    if (country) add(`stakeholders of ${sdg} in ${country}`, stakeholders({ sdg, country }));
  }
  return reads;
}

/**
 * What the warm-up did: each read's name, how long it took, and why it failed where it did; why
 * it stopped before the end, if it did.
 */
export interface WarmUpReport {
  reads: { name: string; ms: number; error?: string }[];
  ms: number;
  stopped?: 'shutting down' | 'the database is unavailable';
}

/**
 * Runs the landing page's reads (overview, stats, facets), then {@link warmUpReads} for the
 * subjects they name, one at a time so that visitors arriving meanwhile share the cores with one
 * read at most. A read that fails is reported and the next goes on, unless the database is
 * unavailable; nothing is thrown. Stops between reads once `signal` aborts (the app shutting
 * down); the read under way is not cut, as a visitor's would not be: it ends with the driver.
 */
export async function warmUpQueries(
  db: GraphDatabase,
  options: { signal?: AbortSignal } = {},
): Promise<WarmUpReport> {
  const started = performance.now();
  const report: WarmUpReport = { reads: [], ms: 0 };
  const attempt = async <T>(name: string, read: () => Promise<T>): Promise<T | undefined> => {
    if (options.signal?.aborted) report.stopped = 'shutting down';
    if (report.stopped) return undefined;
    const begun = performance.now();
    try {
      const answer = await read();
      report.reads.push({ name, ms: Math.round(performance.now() - begun) });
      return answer;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.reads.push({ name, ms: Math.round(performance.now() - begun), error: message });
      // A database gone away fails every read after it, each after its retries: no use asking.
      if (error instanceof DatabaseUnavailableError) report.stopped = 'the database is unavailable';
      return undefined;
    }
  };
  const query = overviewQuerySchema.parse({ limit: String(EXPLORER_LIMITS.overview) });
  const overview = await attempt('overview', () => getOverview(db, query.limit, query.mode));
  await attempt('stats', () => getStats(db, statsQuerySchema.parse({})));
  const facets = await attempt('facets', () => getFacets(db, facetsQuerySchema.parse({}).limit));
  const subjects = warmUpSubjects(
    overview?.mode === 'full' ? overview.nodes.map((node) => node.data) : [],
    facets ?? { sectors: [], sdgs: [], countries: [] },
  );
  for (const { name, read } of warmUpReads(subjects)) await attempt(name, () => read(db));
  report.ms = Math.round(performance.now() - started);
  return report;
}

/** The report in one line for the server log, with each failed read named. */
export function warmUpSummary(report: WarmUpReport): string {
  const failed = report.reads.filter((read) => read.error !== undefined);
  const done = `Planned ${report.reads.length - failed.length} of ${report.reads.length} reads ahead of the first visitors in ${(report.ms / 1000).toFixed(1)} s`;
  const stopped = report.stopped ? `; stopped early: ${report.stopped}` : '';
  return failed.length === 0
    ? `${done}${stopped}`
    : `${done}; failed: ${failed.map((read) => `${read.name} (${read.error})`).join('; ')}${stopped}`;
}
