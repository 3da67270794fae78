/**
 * The three jobs as API requests, and a tolerant reader of their answers. The insights endpoints are
 * built alongside this view; the reader accepts the shapes they answer with (a list of ranked entities
 * under `candidates`, `stakeholders`, `partners`, `collaborators` or `items`, each with an id, label,
 * type, optional score and explaining paths), so the view keeps working while they settle.
 */
import type { InsightKind } from '../../state/url/utils';

/** One ranked entity of an insight answer. */
export interface InsightItem {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  score: number | null;
  /** Sentences that explain why the entity is listed. */
  reasons: string[];
  /** Entity ids on the explaining paths, for showing on the canvas. */
  pathIds: string[];
  /** Short descriptors: roles in a stakeholder map, DPGA membership. */
  tags: string[];
}

/** Titles of the three views. */
export const INSIGHT_TITLES: Readonly<Record<InsightKind, string>> = {
  collaborators: 'Potential collaborators',
  stakeholders: 'Stakeholder map',
  network: 'Partnership network',
};

/** Which entity types each view starts from. */
export const INSIGHT_SUBJECTS: Readonly<Record<InsightKind, readonly string[]>> = {
  collaborators: ['DPG'],
  stakeholders: ['Activity', 'DPG', 'Country', 'SDG'],
  network: ['Organisation'],
};

const STAKEHOLDER_PARAM: Readonly<Record<string, string>> = {
  Activity: 'activity',
  DPG: 'dpg',
  Country: 'country',
  SDG: 'sdg',
};

/** The GET path for a view of entity `id` of type `type`, or undefined when the view does not apply. */
export function insightPath(kind: InsightKind, id: string, type: string): string | undefined {
  if (!INSIGHT_SUBJECTS[kind].includes(type)) return undefined;
  const encoded = encodeURIComponent(id);
  switch (kind) {
    case 'collaborators':
      return `/api/dpgs/${encoded}/collaborators`;
    case 'network':
      return `/api/organisations/${encoded}/network`;
    case 'stakeholders':
      return `/api/stakeholders?${STAKEHOLDER_PARAM[type]}=${encoded}`;
  }
}

const LIST_KEYS = ['candidates', 'stakeholders', 'partners', 'collaborators', 'items', 'nodes'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function toItem(raw: unknown): InsightItem | undefined {
  const record = isRecord(raw) && isRecord(raw.data) ? raw.data : raw;
  // A network answer lists the organisation itself among its nodes, marked `ego`.
  if (!isRecord(record) || record.ego === true) return undefined;
  const id = text(record.id);
  const label = text(record.label) ?? text(record.name);
  if (id === null || label === null) return undefined;
  const paths = [
    ...(Array.isArray(record.paths) ? record.paths : []),
    ...(Array.isArray(record.connections) ? record.connections : []),
  ].filter(isRecord);
  const roles = Array.isArray(record.roles)
    ? record.roles.map(text).filter((role): role is string => role !== null)
    : [];
  const reasons = [
    ...paths.map((path) => text(path.sentence)),
    ...(Array.isArray(record.reasons) ? record.reasons.map(text) : []),
    text(record.reason),
  ].filter((reason): reason is string => reason !== null);
  const pathIds = paths.flatMap((path) =>
    Array.isArray(path.nodes)
      ? path.nodes.map((node) => (isRecord(node) ? text(node.id) : text(node)))
      : [],
  );
  return {
    id,
    label,
    type: text(record.type) ?? '',
    kind: text(record.kind),
    score: typeof record.score === 'number' ? record.score : null,
    reasons: [...new Set(reasons)],
    pathIds: [...new Set(pathIds.filter((value): value is string => value !== null))],
    tags: [
      ...roles.map((role) => role.replaceAll('-', ' ')),
      ...(record.member === true ? ['DPGA member'] : []),
    ],
  };
}

/** The ranked entities of an insight answer, in the order given (or by score when all have one). */
export function insightItems(body: unknown): InsightItem[] {
  if (!isRecord(body)) return [];
  for (const key of LIST_KEYS) {
    const list = body[key];
    if (!Array.isArray(list)) continue;
    const items = list.map(toItem).filter((item): item is InsightItem => item !== undefined);
    if (items.length > 0) return items;
  }
  return [];
}
