/**
 * Ranks candidate collaborators for a DPG and explains them. The score is a weighted meta-path
 * count with Adamic–Adar damping: a path through a shared hub z (an SDG, a country, a sector, an
 * activity) adds w(meta-path) / ln(1 + degree(z)), so sharing SDG 3, which dozens of DPGs advance,
 * counts for less than sharing a country few DPGs reach; through a country or an SDG, each of the
 * candidate's DPGs or activities counts once, through its least connected shared hub
 * (ONCE_PER_INTERMEDIATE). See docs/insights.md for the weights and why. The paths are counted and damped in the database (cypher/insights/collaborator-scores.cypher,
 * one row per candidate with its counts per meta-path): `rankCandidates` weighs them, orders and
 * cuts. Only the chosen candidates' best paths are then read
 * (cypher/insights/collaborator-evidence.cypher): `explainCandidates` picks the ones to show.
 * Pure and deterministic: the same rows give the same ranking, ties broken by id.
 */
import { aboutAside as aside } from '../services/relationship-about.ts';
import {
  assertChain,
  named,
  partClause,
  pathRelationship,
  takesPart,
  verb,
  type EvidencePath,
  type PathNode,
  type PathRelationshipRow,
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

/**
 * Meta-paths whose hub is a country or an SDG, which count each intermediate (the candidate's DPG,
 * or the activity it takes part in) once, through its strongest hub: the least connected country
 * or SDG it shares with the DPG. Counted once per shared country, a DPG deployed in 70 of DHIS2's
 * countries made its owner DHIS2's first suggestion, ahead of partners in DHIS2's own work: the
 * number of countries (or of the SDGs a registry entry claims) shared measures a footprint more
 * than a tie (docs/insights.md). The sector meta-paths still count a path per shared sector: the
 * DPG's own sectors are few, and their counts are stored per sector (write-sector-profiles.cypher).
 */
export const ONCE_PER_INTERMEDIATE: ReadonlySet<MetaPath> = new Set<MetaPath>([
  'activity-country',
  'dpg-sector-country',
  'dpg-sdg',
  'dpg-country',
]);

/** What each kind of evidence means, for the API and the docs. */
export const META_PATH_DESCRIPTIONS: Record<MetaPath, string> = {
  'activity-owner': 'takes part in an activity together with an owner or maintainer of the DPG',
  'activity-country':
    'takes part in an activity in a country where the DPG is deployed (each activity once)',
  'activity-dpg': 'takes part in an activity involving a DPG of the same sector',
  'dpg-sector': 'owns, maintains, funds or implements a DPG of the same sector',
  'dpg-sector-country':
    'owns, maintains, funds or implements a DPG of the same sector deployed in one of the same countries (each DPG once)',
  'dpg-sdg':
    'owns, maintains, funds or implements a DPG advancing one of the same SDGs (each DPG once)',
  'dpg-country':
    'owns, maintains, funds or implements a DPG of another sector deployed in one of the same countries (each DPG once)',
};

export interface CandidateRef {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  /** A DPGA member. */
  member: boolean;
  /**
   * Where it is based (BASED_IN): its country's name, or names joined by " / " in name order;
   * null when not known (an initiative, a UN agency).
   */
  homeCountry: string | null;
  /** For an initiative, who runs it (RUNS): names joined by " / "; else null. */
  runBy: string | null;
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

/** A candidate's paths of one meta-path, counted: what collaborator-scores.cypher returns. */
export interface PartCount {
  metaPath: MetaPath;
  /**
   * Evidence paths of this meta-path that count: every one, except that a meta-path of
   * ONCE_PER_INTERMEDIATE counts one per intermediate (DPG or activity).
   */
  paths: number;
  /** Sum over those paths of 1 / ln(1 + degree of the path's hub), before the weight. */
  damped: number;
}

/** One candidate with its evidence counted by meta-path. */
export interface ScoredRow {
  candidate: CandidateRef;
  parts: PartCount[];
}

/** One evidence path as collaborator-evidence.cypher returns it. */
export interface PathRow {
  /** The candidate's id: the path's first node. */
  candidate: string;
  metaPath: MetaPath;
  hub: Hub;
  /** Sectors the path's DPG shares with the target DPG (sector meta-paths). */
  sectors: string[];
  nodes: PathNode[];
  rels: PathRelationshipRow[];
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

/** A candidate as ranked, before its evidence paths are read. */
export interface ScoredCandidate extends CandidateRef {
  score: number;
  /** Score by kind of evidence, largest first; the parts add up to the score. */
  parts: ScorePart[];
  /** Evidence paths in all; `paths` lists the best of them. */
  pathCount: number;
}

export interface RankedCandidate extends ScoredCandidate {
  paths: ExplainedPath[];
}

const SCORE_DECIMALS = 1e6;
const round = (value: number) => Math.round(value * SCORE_DECIMALS) / SCORE_DECIMALS;

/** The Adamic–Adar damped weight of one path through a hub of the given degree. */
export function pathContribution(metaPath: MetaPath, hubDegree: number): number {
  return META_PATH_WEIGHTS[metaPath] / Math.log(1 + hubDegree);
}

/** One evidence path reduced to what its counting needs. */
export interface HubPath {
  metaPath: MetaPath;
  /** The node between the candidate and the hub: its DPG, or its activity. */
  intermediate: string;
  /** What tells the path from the others: its relationships (and, for sectors, its sector). */
  path: string;
  hubDegree: number;
}

/**
 * Counts one candidate's evidence paths into its parts: the definition that
 * collaborator-scores.cypher computes in the database without materialising the paths (the
 * integration tests compare the two on the real data). Each path counts, damped by
 * 1 / ln(1 + hub degree); under ONCE_PER_INTERMEDIATE, an intermediate counts once per meta-path,
 * with its largest damped value (its least connected hub), however many paths reach it. Parts come
 * in META_PATHS order.
 */
export function countPaths(paths: readonly HubPath[]): PartCount[] {
  const strongest = new Map<string, { metaPath: MetaPath; damped: number }>();
  for (const path of paths) {
    checkMetaPath(path.metaPath);
    const damped = 1 / Math.log(1 + path.hubDegree);
    const key = ONCE_PER_INTERMEDIATE.has(path.metaPath)
      ? [path.metaPath, path.intermediate].join('\u0000')
      : [path.metaPath, path.path].join('\u0000');
    const seen = strongest.get(key);
    if (!seen || damped > seen.damped) strongest.set(key, { metaPath: path.metaPath, damped });
  }
  return META_PATHS.flatMap((metaPath): PartCount[] => {
    const counted = [...strongest.values()].filter((p) => p.metaPath === metaPath);
    return counted.length === 0
      ? []
      : [
          {
            metaPath,
            paths: counted.length,
            damped: counted.reduce((sum, p) => sum + p.damped, 0),
          },
        ];
  });
}

const sectorList = (sectors: readonly string[]) =>
  sectors.length <= 1
    ? (sectors[0] ?? '')
    : `${sectors.slice(0, -1).join(', ')} and ${sectors.at(-1)}`;

/**
 * "Norad funds OpenCRVS, which is also deployed in Sierra Leone." Each relationship's role and
 * dates, where an editor stated them, close its clause: "Norad funds OpenCRVS (core funder)".
 */
export function collaboratorSentence(
  row: Pick<PathRow, 'metaPath' | 'nodes' | 'rels' | 'hub' | 'sectors'>,
): string {
  const [o, a, b, c] = row.nodes as [PathNode, PathNode, PathNode?, PathNode?];
  const [first, second, third] = row.rels as [
    PathRelationshipRow,
    PathRelationshipRow?,
    PathRelationshipRow?,
  ];
  const [r1, r2, r3] = [aside(first), aside(second ?? {}), aside(third ?? {})];
  switch (row.metaPath) {
    case 'dpg-sdg':
      return `${o.label} ${verb(first.type)} ${a.label}${r1}, which also advances ${b!.label}${r2}, as ${c!.label} does${r3}`;
    case 'dpg-country':
      return `${o.label} ${verb(first.type)} ${a.label}${r1}, which is also deployed in ${b!.label}${r2}`;
    case 'dpg-sector-country':
      return `${o.label} ${verb(first.type)} ${a.label}${r1}, another ${sectorList(row.sectors)} DPG, which is also deployed in ${b!.label}${r2}`;
    case 'dpg-sector':
      return `${o.label} ${verb(first.type)} ${a.label}${r1}, another ${row.hub.label} DPG`;
    case 'activity-dpg':
      return `${o.label} ${takesPart(first, o.id)} ${named(a)}${r1}, which involves ${b!.label}${r2}, another ${row.hub.label} DPG`;
    case 'activity-country':
      return `${o.label} ${takesPart(first, o.id)} ${named(a)}${r1}, which takes place in ${b!.label}${r2}, where ${c!.label} is deployed${r3}`;
    case 'activity-owner':
      return `${o.label} ${takesPart(first, o.id)} ${named(a)}${r1}, ${partClause(second!, b!)}${r2}; ${b!.label} ${verb(third!.type)} ${c!.label}${r3}`;
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

const where = 'collaborator-ranking';

function checkMetaPath(metaPath: string): void {
  if (!(META_PATHS as readonly string[]).includes(metaPath)) {
    throw new Error(`${where}: unknown meta-path "${metaPath}"`);
  }
}

function checkPart(candidate: string, part: PartCount): void {
  checkMetaPath(part.metaPath);
  if (!Number.isInteger(part.paths) || part.paths < 1) {
    throw new Error(
      `${where}: ${candidate} has ${part.paths} ${part.metaPath} paths, expected ≥ 1`,
    );
  }
  // Each path adds 1 / ln(1 + degree) with degree ≥ 1: positive and at most 1 / ln 2.
  if (!(part.damped > 0 && part.damped <= part.paths / Math.LN2 + 1e-9)) {
    throw new Error(`${where}: ${candidate} has a damped ${part.metaPath} sum of ${part.damped}`);
  }
}

function checkRow(row: PathRow): void {
  checkMetaPath(row.metaPath);
  if (!(row.hub.degree >= 1)) {
    throw new Error(`${where}: hub "${row.hub.label}" has degree ${row.hub.degree}, expected ≥ 1`);
  }
  if (row.nodes.length !== PATH_LENGTH[row.metaPath] || row.nodes[0]?.id !== row.candidate) {
    throw new Error(
      `${where}: a ${row.metaPath} path must have ${PATH_LENGTH[row.metaPath]} nodes from ${row.candidate}`,
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
 * differ), then the next strongest overall. Paths through `preferred` (the country the list was
 * narrowed to) come before the others of their kind and before other kinds: a list of
 * collaborators active in Kenya explained by deployments in Djibouti read as a wrong answer.
 */
function topPaths(
  paths: ExplainedPath[],
  count: number,
  preferred: string | null,
): ExplainedPath[] {
  const through = (p: ExplainedPath) =>
    preferred !== null && p.nodes.some((node) => node.id === preferred) ? 1 : 0;
  const order = (a: ExplainedPath, b: ExplainedPath) =>
    through(b) - through(a) || byContribution(a, b);
  const sorted = [...paths].sort(order);
  const firsts = META_PATHS.map((m) => sorted.find((p) => p.metaPath === m)).filter(
    (p): p is ExplainedPath => p !== undefined,
  );
  const rest = sorted.filter((p) => !firsts.includes(p));
  return [...firsts.sort(order), ...rest].slice(0, count);
}

/**
 * Weighs each candidate's counted evidence and returns the best `limit`, score descending (at 6
 * decimals), then id. Each part's score is its weight times its damped sum; the parts add up to
 * the score, summed in META_PATHS order so equal evidence gives bit-for-bit equal scores.
 * @throws Error when a row's counts are not well-formed.
 */
export function rankCandidates(rows: readonly ScoredRow[], limit: number): ScoredCandidate[] {
  const scored = rows.map(({ candidate, parts: counts }): ScoredCandidate => {
    counts.forEach((part) => checkPart(candidate.id, part));
    const parts = META_PATHS.flatMap((metaPath): ScorePart[] => {
      const own = counts.filter((p) => p.metaPath === metaPath);
      if (own.length === 0) return [];
      const weight = META_PATH_WEIGHTS[metaPath];
      const paths = own.reduce((sum, p) => sum + p.paths, 0);
      const damped = own.reduce((sum, p) => sum + p.damped, 0);
      return [{ metaPath, weight, paths, score: weight * damped }];
    });
    // Summed in META_PATHS order, before the parts are sorted by score.
    const score = parts.reduce((sum, p) => sum + p.score, 0);
    return {
      ...candidate,
      score,
      parts: parts.sort((a, b) => b.score - a.score || (a.metaPath < b.metaPath ? -1 : 1)),
      pathCount: parts.reduce((sum, p) => sum + p.paths, 0),
    };
  });
  scored.sort((a, b) => round(b.score) - round(a.score) || (a.id < b.id ? -1 : 1));
  return scored.slice(0, limit).map((c) => ({
    ...c,
    score: round(c.score),
    parts: c.parts.map((p) => ({ ...p, score: round(p.score) })),
  }));
}

/**
 * Gives each ranked candidate its best `pathsPerCandidate` evidence paths (the strongest path of
 * each kind of evidence first, then the next strongest), each with its sentence and contribution.
 * `rows` need only hold, per candidate and meta-path, that meta-path's strongest
 * `pathsPerCandidate` paths: no other path can be shown.
 * @throws Error when a row is not a well-formed evidence path.
 */
export function explainCandidates(
  candidates: readonly ScoredCandidate[],
  rows: readonly PathRow[],
  pathsPerCandidate: number,
  country: string | null = null,
): RankedCandidate[] {
  const byCandidate = new Map<string, ExplainedPath[]>();
  for (const row of rows) {
    checkRow(row);
    const path: ExplainedPath = {
      metaPath: row.metaPath,
      hub: row.hub,
      sectors: row.sectors,
      nodes: row.nodes,
      relationships: row.rels.map(pathRelationship),
      sentence: collaboratorSentence(row),
      contribution: pathContribution(row.metaPath, row.hub.degree),
    };
    const paths = byCandidate.get(row.candidate) ?? [];
    paths.push(path);
    byCandidate.set(row.candidate, paths);
  }
  return candidates.map((c) => ({
    ...c,
    paths: topPaths(byCandidate.get(c.id) ?? [], pathsPerCandidate, country).map((p) => ({
      ...p,
      contribution: round(p.contribution),
    })),
  }));
}
