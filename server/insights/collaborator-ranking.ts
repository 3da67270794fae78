/**
 * Ranks candidate collaborators for a DPG from typed evidence paths (one row per path, fetched by
 * cypher/insights/collaborator-paths.cypher). The score is a weighted meta-path count with
 * Adamic–Adar damping: a path through a shared hub z (an SDG, a country, a sector, an activity)
 * adds w(meta-path) / ln(1 + degree(z)), so sharing SDG 3, which dozens of DPGs advance, counts
 * for less than sharing a country few DPGs reach. See docs/insights.md for the weights and why.
 * Pure and deterministic: the same rows give the same ranking, ties broken by id.
 */
import {
  assertChain,
  named,
  partClause,
  takesPart,
  verb,
  type EvidencePath,
  type PathNode,
  type PathRelationship,
} from './evidence-path.ts';

/** The kinds of evidence, strongest first. */
export const META_PATHS = [
  'activity-owner',
  'activity-country',
  'activity-dpg',
  'dpg-sector',
  'dpg-sector-country',
  'dpg-sdg',
  'dpg-country',
] as const;
export type MetaPath = (typeof META_PATHS)[number];

/** Weight of one path of each kind before damping (docs/insights.md says why). */
export const META_PATH_WEIGHTS: Record<MetaPath, number> = {
  'activity-owner': 2,
  'activity-country': 1,
  'activity-dpg': 1,
  'dpg-sector': 1,
  'dpg-sector-country': 0.25,
  'dpg-sdg': 0.5,
  'dpg-country': 0.02,
};

/** What each kind of evidence means, for the API and the docs. */
export const META_PATH_DESCRIPTIONS: Record<MetaPath, string> = {
  'activity-owner': 'takes part in an activity together with an owner or maintainer of the DPG',
  'activity-country': 'takes part in an activity in a country where the DPG is deployed',
  'activity-dpg': 'takes part in an activity involving a DPG of the same sector',
  'dpg-sector': 'owns, maintains, funds or implements a DPG of the same sector',
  'dpg-sector-country':
    'owns, maintains, funds or implements a DPG of the same sector deployed in one of the same countries',
  'dpg-sdg': 'owns, maintains, funds or implements a DPG advancing one of the same SDGs',
  'dpg-country':
    'owns, maintains, funds or implements a DPG of another sector deployed in one of the same countries',
};

export interface CandidateRef {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  /** A DPGA member. */
  member: boolean;
}

/** The shared node (or, for sectors, the shared property value) a path goes through. */
export interface Hub {
  /** Null for a sector, which is a property value rather than a node. */
  id: string | null;
  label: string;
  type: 'SDG' | 'Country' | 'Sector' | 'Activity';
  /** Relationships of the hub in the whole graph; for a sector, the DPGs in it. */
  degree: number;
}

/** One evidence path as the query returns it. */
export interface PathRow {
  candidate: CandidateRef;
  metaPath: MetaPath;
  hub: Hub;
  /** Sectors the path's DPG shares with the target DPG (sector meta-paths). */
  sectors: string[];
  nodes: PathNode[];
  rels: PathRelationship[];
}

export interface ExplainedPath extends EvidencePath {
  metaPath: MetaPath;
  hub: Hub;
  sectors: string[];
  /** This path's share of the score: weight / ln(1 + hub degree). */
  contribution: number;
}

export interface ScorePart {
  metaPath: MetaPath;
  weight: number;
  paths: number;
  score: number;
}

export interface RankedCandidate extends CandidateRef {
  score: number;
  /** Score by kind of evidence, largest first; the parts add up to the score. */
  parts: ScorePart[];
  /** Evidence paths in all; `paths` lists the best of them. */
  pathCount: number;
  paths: ExplainedPath[];
}

export interface RankingOptions {
  limit: number;
  pathsPerCandidate: number;
}

const SCORE_DECIMALS = 1e6;
const round = (value: number) => Math.round(value * SCORE_DECIMALS) / SCORE_DECIMALS;

/** The Adamic–Adar damped weight of one path through a hub of the given degree. */
export function pathContribution(metaPath: MetaPath, hubDegree: number): number {
  return META_PATH_WEIGHTS[metaPath] / Math.log(1 + hubDegree);
}

const sectorList = (sectors: readonly string[]) =>
  sectors.length <= 1
    ? (sectors[0] ?? '')
    : `${sectors.slice(0, -1).join(', ')} and ${sectors.at(-1)}`;

/** "Norad funds OpenCRVS, which is also deployed in Sierra Leone." */
export function collaboratorSentence(
  row: Pick<PathRow, 'metaPath' | 'nodes' | 'rels' | 'hub' | 'sectors'>,
): string {
  const [o, a, b, c] = row.nodes as [PathNode, PathNode, PathNode?, PathNode?];
  const [first, second, third] = row.rels as [
    PathRelationship,
    PathRelationship?,
    PathRelationship?,
  ];
  switch (row.metaPath) {
    case 'dpg-sdg':
      return `${o.label} ${verb(first.type)} ${a.label}, which also advances ${b!.label}, as ${c!.label} does`;
    case 'dpg-country':
      return `${o.label} ${verb(first.type)} ${a.label}, which is also deployed in ${b!.label}`;
    case 'dpg-sector-country':
      return `${o.label} ${verb(first.type)} ${a.label}, another ${sectorList(row.sectors)} DPG, which is also deployed in ${b!.label}`;
    case 'dpg-sector':
      return `${o.label} ${verb(first.type)} ${a.label}, another ${row.hub.label} DPG`;
    case 'activity-dpg':
      return `${o.label} ${takesPart(first, o.id)} ${named(a)}, which involves ${b!.label}, another ${row.hub.label} DPG`;
    case 'activity-country':
      return `${o.label} ${takesPart(first, o.id)} ${named(a)}, which takes place in ${b!.label}, where ${c!.label} is deployed`;
    case 'activity-owner':
      return `${o.label} ${takesPart(first, o.id)} ${named(a)}, ${partClause(second!, b!)}; ${b!.label} ${verb(third!.type)} ${c!.label}`;
  }
}

/** Expected node count of each meta-path (sector paths end at the candidate's DPG). */
const PATH_LENGTH: Record<MetaPath, number> = {
  'activity-owner': 4,
  'activity-country': 4,
  'activity-dpg': 3,
  'dpg-sector': 2,
  'dpg-sector-country': 4,
  'dpg-sdg': 4,
  'dpg-country': 4,
};

function checkRow(row: PathRow): void {
  const where = 'collaborator-ranking';
  if (!(META_PATHS as readonly string[]).includes(row.metaPath)) {
    throw new Error(`${where}: unknown meta-path "${row.metaPath}"`);
  }
  if (!(row.hub.degree >= 1)) {
    throw new Error(`${where}: hub "${row.hub.label}" has degree ${row.hub.degree}, expected ≥ 1`);
  }
  if (row.nodes.length !== PATH_LENGTH[row.metaPath] || row.nodes[0]?.id !== row.candidate.id) {
    throw new Error(
      `${where}: a ${row.metaPath} path must have ${PATH_LENGTH[row.metaPath]} nodes from ${row.candidate.id}`,
    );
  }
  assertChain(where, row.nodes, row.rels);
}

const pathKey = (p: { metaPath: string; nodes: PathNode[]; hub: Hub }) =>
  [p.metaPath, ...p.nodes.map((n) => n.id), p.hub.label].join('\u0000');

const byContribution = (a: ExplainedPath, b: ExplainedPath) =>
  b.contribution - a.contribution || (pathKey(a) < pathKey(b) ? -1 : 1);

/**
 * The best paths to show: the strongest path of each kind of evidence first (so the reasons
 * differ), then the next strongest overall.
 */
function topPaths(paths: ExplainedPath[], count: number): ExplainedPath[] {
  const sorted = [...paths].sort(byContribution);
  const firsts = META_PATHS.map((m) => sorted.find((p) => p.metaPath === m)).filter(
    (p): p is ExplainedPath => p !== undefined,
  );
  const rest = sorted.filter((p) => !firsts.includes(p));
  return [...firsts.sort(byContribution), ...rest].slice(0, count);
}

/**
 * Scores each candidate by its evidence paths and returns the best `limit`, score descending,
 * then id. `total` counts every candidate with at least one path.
 * @throws Error when a row is not a well-formed evidence path.
 */
export function rankCollaborators(
  rows: readonly PathRow[],
  options: RankingOptions,
): { total: number; candidates: RankedCandidate[] } {
  const byCandidate = new Map<string, { ref: CandidateRef; paths: ExplainedPath[] }>();
  for (const row of rows) {
    checkRow(row);
    const path: ExplainedPath = {
      metaPath: row.metaPath,
      hub: row.hub,
      sectors: row.sectors,
      nodes: row.nodes,
      relationships: row.rels,
      sentence: collaboratorSentence(row),
      contribution: pathContribution(row.metaPath, row.hub.degree),
    };
    const entry = byCandidate.get(row.candidate.id) ?? { ref: row.candidate, paths: [] };
    entry.paths.push(path);
    byCandidate.set(row.candidate.id, entry);
  }
  const ranked = [...byCandidate.values()].map(({ ref, paths }): RankedCandidate => {
    // Summed in a fixed order so equal evidence gives bit-for-bit equal scores.
    const ordered = [...paths].sort((a, b) => (pathKey(a) < pathKey(b) ? -1 : 1));
    const parts = META_PATHS.flatMap((metaPath): ScorePart[] => {
      const own = ordered.filter((p) => p.metaPath === metaPath);
      if (own.length === 0) return [];
      const score = own.reduce((sum, p) => sum + p.contribution, 0);
      return [{ metaPath, weight: META_PATH_WEIGHTS[metaPath], paths: own.length, score }];
    });
    const score = parts.reduce((sum, p) => sum + p.score, 0);
    return {
      ...ref,
      score,
      parts: parts.sort((a, b) => b.score - a.score || (a.metaPath < b.metaPath ? -1 : 1)),
      pathCount: paths.length,
      paths: topPaths(paths, options.pathsPerCandidate),
    };
  });
  ranked.sort((a, b) => round(b.score) - round(a.score) || (a.id < b.id ? -1 : 1));
  const candidates = ranked.slice(0, options.limit).map((c) => ({
    ...c,
    score: round(c.score),
    parts: c.parts.map((p) => ({ ...p, score: round(p.score) })),
    paths: c.paths.map((p) => ({ ...p, contribution: round(p.contribution) })),
  }));
  return { total: ranked.length, candidates };
}
