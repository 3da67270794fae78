/**
 * An insight view's ranked list as a CSV table, for the spreadsheet an advocacy team keeps: each
 * entity with its rank, score, what the score is made of, the sentences that explain it, the
 * sources they rest on and what editors noted about it for this subject. Pure: items in, text out.
 */
import type { InsightKind } from '../../state/url/utils';
import { csv, exportFileName } from '../graph/graph-files';
import { annotationValueName, entityTypeName, organisationKindName } from '../vocabulary';
import type { InsightOptions } from './insight-options';
import { INSIGHT_TITLES, type InsightItem } from './insight-request';
import type { RowProvenance } from './insight-sources';
import { topicInCountry } from './sector-subject';

/**
 * The table's file name: the view, its subject, then the filters it was narrowed by (a kind, a
 * country's code, `members`, a role), so the lists of one DHIS2 narrowed two ways do not overwrite each
 * other in a downloads folder. The filters come after the name is shortened, so they survive it.
 * A sector's or an SDG's map narrowed to a country names it with its subject, as the map does
 * ("Health in Kenya", "SDG 3 in Kenya"): `place`, the country's name, stands for its code.
 */
export function insightFileName(
  kind: InsightKind,
  subject: string,
  options: InsightOptions,
  place: string | null = null,
): string {
  const named = exportFileName(
    `${INSIGHT_TITLES[kind]} ${topicInCountry(subject, place)}`,
    'csv',
  ).replace(/\.csv$/, '');
  const filters = [
    options.kind,
    place === null ? (options.country?.replace(/^country:/, '').toLowerCase() ?? null) : null,
    options.members ? 'members' : null,
    options.role,
  ].filter((part): part is string => part !== null);
  return `${[named, ...filters].join('-')}.csv`;
}

/** What editors noted about one listed entity, newest first (the panel's annotations). */
export interface ListedNote {
  stance: string;
  priority: string;
  notes: string;
  tags: readonly string[];
}

/**
 * The table's columns per view. A stakeholder map has no score (its order is by role, then
 * influence): its columns say where a stakeholder stands instead, so no column is always empty.
 */
const MEASURE_COLUMNS: Readonly<Record<InsightKind, readonly [string, string]>> = {
  collaborators: ['score', 'score made of'],
  stakeholders: ['influence rank', 'standing'],
  network: ['shared', 'shared what'],
};

/** The headers of a view's table. */
export function insightCsvColumns(kind: InsightKind): string[] {
  const [measure, madeOf] = MEASURE_COLUMNS[kind];
  return [
    'rank',
    'id',
    'name',
    'type',
    'kind',
    // Every view says where its organisations are based: a Norwegian agency is not a Kenyan one.
    'home country',
    // An initiative is its runner's: the UNICEF Venture Fund is UNICEF's.
    'run by',
    measure,
    'tags',
    madeOf,
    'why listed',
    // Who says so: the documents the row's relationships cite, and their quotes (insight-sources.ts).
    'sources',
    'evidence',
    'editors’ notes',
  ];
}

/** Several values in one cell. */
const SEPARATOR = '; ';

function noteText(note: ListedNote): string {
  return [
    annotationValueName(note.stance),
    `${note.priority} priority`,
    ...note.tags,
    note.notes.trim(),
  ]
    .filter((part) => part !== '')
    .join(', ');
}

/** The table: one row per item, in the list's order; every reason, not only the two shown. */
export function insightCsv(
  kind: InsightKind,
  items: readonly InsightItem[],
  notes: ReadonlyMap<string, readonly ListedNote[]> = new Map(),
  provenance: ReadonlyMap<string, RowProvenance> = new Map(),
): string {
  return csv(
    insightCsvColumns(kind),
    items.map((item, index) => [
      index + 1,
      item.id,
      item.label,
      entityTypeName(item.type),
      item.kind && item.kind !== 'unknown' ? organisationKindName(item.kind) : '',
      item.homeCountry ?? '',
      item.runBy ?? '',
      (kind === 'stakeholders' ? item.influenceRank : item.score) ?? '',
      // A stakeholder's ring first: how it is involved, and whether only indirectly.
      [
        ...(item.ring ? [`${item.ring.indirect ? 'indirect: ' : ''}${item.ring.label}`] : []),
        ...item.tags,
      ].join(SEPARATOR),
      item.summary ?? '',
      item.reasons.join(SEPARATOR),
      (provenance.get(item.id)?.sources ?? []).join(SEPARATOR),
      // A quote may hold "; " itself.
      (provenance.get(item.id)?.evidence ?? []).join(' | '),
      (notes.get(item.id) ?? []).map(noteText).join(SEPARATOR),
    ]),
  );
}
