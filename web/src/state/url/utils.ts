/**
 * The shareable state of the explorer, written into the URL fragment and read back: exploration
 * (focus, expansions, hidden and pinned nodes), selection, filters, layout, size measure, list view,
 * path and the open insight view. Pure, so a link restores exactly the view it was copied from.
 *
 * `#/explore?focus=org%3Aunicef&x=dpg%3Adhis2&more=dpg%3Adhis2*120&sel=dpg%3Adhis2&types=SDG&layout=concentric`
 * (`more` lists the neighbour caps raised by "show more", as `id*cap`). A selected relationship is
 * `sel=<from>|<TYPE>|<to>` (`sel=org:unicef%7CFUNDS%7Cdpg:rapidpro`): no entity id has a `|`.
 * The first slice's `#/entity/<id>` links still open (as a selection).
 */
import { canonicalEntityId, isEntityId } from '../../../../server/model/entity-ids.ts';
import {
  type LayoutName,
  type SizeMeasure,
  choiceFacet,
  isLayoutName,
  LAYOUT_NAMES,
  LAYOUT_TITLES,
  SIZE_MEASURES,
  SIZE_TITLES,
} from '../../lib/graph';
import { ORGANISATION_KINDS } from '../../../../server/model/graph-vocabulary.ts';
import { LIMITS } from '../../../../server/api/limits.ts';
import {
  ENTITY_TYPES,
  RELATIONSHIP_TYPES,
  entityTypesInText,
  listInWords,
} from '../../lib/vocabulary';
import { EXPANSION_MAX } from '../graph/limits';
import {
  type InsightFilter,
  type InsightOptions,
  filterSubjects,
  filtersOf,
  insightPage,
  FILTER_KINDS,
  FILTER_ROLES,
  isFilterRole,
  isFilterKind,
} from '../../lib/insights/insight-options';
import { SECTOR_TYPE, isSectorId, subjectTypeOf } from '../../lib/insights/sector-subject';
import { type Exploration, EMPTY_EXPLORATION } from '../graph/utils';
import {
  type RelationshipRef,
  looksLikeRelationshipKey,
  parseRelationshipKey,
  relationshipKey,
} from '../selection/utils';

/** The insight views, each answering one of the three jobs. */
export const INSIGHT_KINDS = ['collaborators', 'stakeholders', 'network'] as const;
/** One of {@link INSIGHT_KINDS}. */
export type InsightKind = (typeof INSIGHT_KINDS)[number];

/** Side panels besides details and the overview. */
export const PANELS = ['filters', 'paths', 'insight'] as const;
/** One of {@link PANELS}. */
export type PanelName = (typeof PANELS)[number];

/** Everything a shared link restores. */
export interface ShareState {
  exploration: Exploration;
  /** The selected entity's id; null when nothing, or a relationship, is selected. */
  selected: string | null;
  /** The selected relationship; null when nothing, or an entity, is selected (one at a time). */
  relationship: RelationshipRef | null;
  hiddenTypes: readonly string[];
  hiddenKinds: readonly string[];
  hiddenRels: readonly string[];
  connectedTo: readonly string[];
  filterMode: 'hide' | 'fade';
  layout: LayoutName;
  sizeBy: SizeMeasure;
  list: boolean;
  panel: PanelName | null;
  /**
   * The path finder's ends; one may be chosen before the other ("Paths from here"), or neither
   * yet when its paths leave memberships out; and whether they do (present only then).
   */
  path: {
    from: string | null;
    to: string | null;
    skipMemberships?: true;
    /** How many paths were asked for, when more than the first answer's (present only then). */
    count?: number;
  } | null;
  /**
   * The open insight view, whether its entities were shown on the canvas, and how far and how
   * narrowly it lists.
   */
  insight: {
    kind: InsightKind;
    id: string;
    shown: boolean;
    /**
     * One listed item shown with its link to the subject ("Show with X on the canvas", from its
     * details): `show=<its id>` where the whole list is `show=1`. Null when not, or when shown.
     */
    shownItem: string | null;
    options: InsightOptions;
  } | null;
}

/** The state of a fresh page. */
export const DEFAULT_SHARE_STATE: ShareState = {
  exploration: EMPTY_EXPLORATION,
  selected: null,
  relationship: null,
  hiddenTypes: [],
  hiddenKinds: [],
  hiddenRels: [],
  connectedTo: [],
  filterMode: 'hide',
  layout: 'fcose',
  sizeBy: 'degree',
  list: false,
  panel: null,
  path: null,
  insight: null,
};

const PREFIX = '#/explore?';
const LEGACY_PREFIX = '#/entity/';

function list(values: readonly string[]): string | undefined {
  return values.length === 0 ? undefined : values.join(',');
}

/** The fragment for `state`; `''` for the default state. */
export function encodeShareState(state: ShareState): string {
  const entries = shareEntries(state);
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value !== undefined) params.set(key, value);
  const text = params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
  return text === '' ? '' : `${PREFIX}${text}`;
}

/**
 * The link to insight view `insight` on its own, its panel open over the overview: what a link
 * from one view to another points at, for a new tab or a copied address (a click in the app
 * opens the view in place, the canvas as it is).
 */
export function insightLink(insight: NonNullable<ShareState['insight']>): string {
  return encodeShareState({ ...DEFAULT_SHARE_STATE, panel: 'insight', insight });
}

// The link's settings, in the order they are written; their names are the settings a link can hold.
function shareEntries(state: ShareState): [string, string | undefined][] {
  return [
    ['focus', state.exploration.focus ?? undefined],
    ['x', list(state.exploration.expanded)],
    ['hide', list(state.exploration.hidden)],
    ['pin', list(state.exploration.pinned)],
    ['more', list(Object.entries(state.exploration.limits).map(([id, limit]) => `${id}*${limit}`))],
    [
      'sel',
      state.selected ??
        (state.relationship === null ? undefined : relationshipKey(state.relationship)),
    ],
    ['types', list(state.hiddenTypes)],
    ['kinds', list(state.hiddenKinds)],
    ['rels', list(state.hiddenRels)],
    ['via', list(state.connectedTo)],
    ['fade', state.filterMode === 'fade' ? '1' : undefined],
    ['layout', state.layout === 'fcose' ? undefined : state.layout],
    ['size', state.sizeBy === 'degree' ? undefined : state.sizeBy],
    ['list', state.list ? '1' : undefined],
    ['panel', state.panel ?? undefined],
    ['from', state.path?.from ?? undefined],
    ['to', state.path?.to ?? undefined],
    ['skip', state.path?.skipMemberships ? 'memberships' : undefined],
    ['paths', state.path?.count?.toString()],
    ['insight', state.insight?.kind],
    ['of', state.insight?.id],
    ['show', state.insight?.shown ? '1' : (state.insight?.shownItem ?? undefined)],
    ['top', state.insight?.options.top?.toString()],
    ['only', state.insight?.options.kind ?? undefined],
    ['in', state.insight?.options.country ?? undefined],
    ['members', state.insight?.options.members ? '1' : undefined],
    ['role', state.insight?.options.role ?? undefined],
  ];
}

const LINK_KEYS: readonly string[] = shareEntries(DEFAULT_SHARE_STATE).map(([key]) => key);

// Ids come back as the graph writes them: a hand-typed `country:ke` is `country:KE`, so the
// focus, the selection and the canvas's nodes agree. Other items (type names) pass unchanged.
function ids(value: string | null): string[] {
  if (value === null) return [];
  const items = value.split(',').map((item) => canonicalEntityId(item.trim()));
  return [...new Set(items)].filter((item) => item !== '');
}

/** The items that are among `allowed`. */
function known(items: string[], allowed: readonly string[]): string[] {
  return items.filter((item) => allowed.includes(item));
}

/** `id*cap` pairs; caps outside 1…EXPANSION_MAX and ids the graph does not load are dropped. */
function limits(value: string | null, loaded: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of ids(value)) {
    const star = item.lastIndexOf('*');
    // `country:ke*300`: the id is canonical only once the cap is cut off.
    const id = canonicalEntityId(item.slice(0, star));
    const limit = Number(item.slice(star + 1));
    if (star > 0 && loaded.includes(id) && Number.isInteger(limit) && limit >= 1)
      out[id] = Math.min(limit, EXPANSION_MAX);
  }
  return out;
}

/**
 * A link's entity id in canonical case, or null when it names none: absent, or not an id at all
 * (reported by unreadLinkSettings; asked for, the API answered with a validation error).
 */
function one(value: string | null): string | null {
  const text = value?.trim() ?? '';
  const id = canonicalEntityId(text);
  return text === '' || !isEntityId(id) ? null : id;
}

/**
 * The subject of an insight a link names: an entity id, or a sector's (`sector:Health`), which
 * keeps its case: the sector is named as the DPGs spell it.
 */
function insightSubject(value: string | null): string | null {
  const text = value?.trim() ?? '';
  const id = isSectorId(text) ? text : one(text);
  return id !== null && notAnSdg(id) ? null : id;
}

/**
 * An `sdg:` id that no goal has (`sdg:99`): the API refuses it as a stakeholder map's subject in
 * its own words ("query.sdg must be…", QA), so the link's notice says it instead.
 */
function notAnSdg(id: string): boolean {
  // As the API reads an SDG (insights-schemas.ts): sdg:01 or sdg:1.0 is none.
  return id.startsWith('sdg:') && !/^sdg:(?:[1-9]|1[0-7])$/.test(id);
}

/** A list of entity ids (`x`, `pin`, `hide`), those that are not ids left out. */
function entityIds(value: string | null): string[] {
  return ids(value).filter(isEntityId);
}

function explorationFrom(focus: string, params: URLSearchParams): Exploration {
  const expanded = entityIds(params.get('x')).filter((id) => id !== focus);
  return {
    focus,
    expanded,
    hidden: entityIds(params.get('hide')),
    pinned: entityIds(params.get('pin')),
    limits: limits(params.get('more'), [focus, ...expanded]),
  };
}

/** Reads a fragment back; unknown or malformed parts fall back to their defaults. */
export function decodeShareState(hash: string): ShareState {
  if (hash.startsWith(LEGACY_PREFIX)) {
    try {
      const id = one(decodeURIComponent(hash.slice(LEGACY_PREFIX.length)));
      return { ...DEFAULT_SHARE_STATE, selected: id };
    } catch {
      return DEFAULT_SHARE_STATE;
    }
  }
  if (!hash.startsWith(PREFIX)) return DEFAULT_SHARE_STATE;
  const params = new URLSearchParams(hash.slice(PREFIX.length));
  const focus = one(params.get('focus'));
  const layout = params.get('layout');
  const size = params.get('size');
  const panel = params.get('panel');
  const from = one(params.get('from'));
  const to = one(params.get('to'));
  const count = pathCount(params.get('paths'));
  const insightKind = params.get('insight');
  const insightId = insightSubject(params.get('of'));
  return {
    exploration:
      focus === null
        ? { ...EMPTY_EXPLORATION, hidden: entityIds(params.get('hide')) }
        : explorationFrom(focus, params),
    ...selectionFrom(params.get('sel')),
    // Values no filter knows are dropped here, as unreadLinkSettings reports them: kept, they
    // counted as filters with nothing to untick and stayed in the address the note was closed on.
    hiddenTypes: known(ids(params.get('types')), ENTITY_TYPES),
    hiddenKinds: known(ids(params.get('kinds')), ORGANISATION_KINDS),
    hiddenRels: known(ids(params.get('rels')), RELATIONSHIP_TYPES),
    connectedTo: ids(params.get('via')).filter((item) => choiceFacet(item) !== undefined),
    filterMode: params.get('fade') === '1' ? 'fade' : 'hide',
    layout: isLayoutName(layout) ? layout : 'fcose',
    sizeBy: (SIZE_MEASURES as readonly (string | null)[]).includes(size)
      ? (size as SizeMeasure)
      : 'degree',
    list: params.get('list') === '1',
    panel: (PANELS as readonly (string | null)[]).includes(panel) ? (panel as PanelName) : null,
    // "Not through memberships" ticked before either end is chosen is kept too: lost on Back (QA).
    path:
      from !== null || to !== null || params.get('skip') === 'memberships'
        ? {
            from,
            to,
            ...(params.get('skip') === 'memberships' ? { skipMemberships: true } : {}),
            ...(count !== null ? { count } : {}),
          }
        : null,
    insight:
      (INSIGHT_KINDS as readonly (string | null)[]).includes(insightKind) && insightId !== null
        ? {
            kind: insightKind as InsightKind,
            id: insightId,
            shown: params.get('show') === '1',
            shownItem: params.get('show') === '1' ? null : one(params.get('show')),
            options: insightOptions(insightKind as InsightKind, insightId, params),
          }
        : null,
  };
}

/** What `sel` names: an entity (`org:unicef`) or a relationship (`org:unicef|FUNDS|dpg:rapidpro`). */
function selectionFrom(value: string | null): Pick<ShareState, 'selected' | 'relationship'> {
  if (value !== null && looksLikeRelationshipKey(value))
    return { selected: null, relationship: parseRelationshipKey(value) };
  return { selected: one(value), relationship: null };
}

/** How many paths a link asks for: more than the first answer's, up to the API's maximum. */
function pathCount(value: string | null): number | null {
  const count = Number(value ?? Number.NaN);
  return Number.isInteger(count) && count > LIMITS.paths.defaultK && count <= LIMITS.paths.maxK
    ? count
    : null;
}

/**
 * A country as a link may name it, as the API reads it (server/api/insights-schemas.ts): its id
 * (`country:KE`) or its ISO code (`KE`), in any case.
 */
function countryParam(value: string | null): string | null {
  const text = value?.trim() ?? '';
  if (!/^(country:)?[A-Za-z]{2}$/i.test(text)) return null;
  return canonicalEntityId(/^country:/i.test(text) ? text : `country:${text}`);
}

/** Whether view `kind` of subject `id` takes `filter` (a sector's map its country). */
function takes(kind: InsightKind, id: string, filter: InsightFilter): boolean {
  return filtersOf(kind, subjectTypeOf(id) ?? null).includes(filter);
}

/**
 * How far an insight view of subject `id` lists (`top`, a whole number from 1 to the view's
 * maximum), and which organisations it keeps (`only` a kind, `in` a country id, `members=1`, as
 * far as the view takes them for that subject); anything else is the default, as
 * unreadLinkSettings reports.
 */
function insightOptions(kind: InsightKind, id: string, params: URLSearchParams): InsightOptions {
  const top = Number(params.get('top') ?? Number.NaN);
  const only = params.get('only');
  const country = countryParam(params.get('in'));
  const role = params.get('role');
  return {
    top: Number.isInteger(top) && top >= 1 && top <= insightPage(kind).max ? top : null,
    kind: takes(kind, id, 'kind') && isFilterKind(only) ? only : null,
    country: takes(kind, id, 'country') ? country : null,
    members: takes(kind, id, 'members') && params.get('members') === '1',
    role: takes(kind, id, 'role') && isFilterRole(role) ? role : null,
  };
}

/** Each filter's key in a link. */
const LINK_FILTERS: readonly (readonly [string, InsightFilter])[] = [
  ['only', 'kind'],
  ['in', 'country'],
  ['members', 'members'],
  ['role', 'role'],
];

const VIEW_NAMES: Readonly<Record<InsightKind, string>> = {
  collaborators: 'potential collaborators',
  stakeholders: 'stakeholder maps',
  network: 'partnership networks',
};

/** Subject types as a link's reader knows them, in a sentence. */
const subjectsInText = (type: string) =>
  type === SECTOR_TYPE ? 'sectors' : entityTypesInText(type);

/**
 * "only read with potential collaborators and stakeholder maps of sectors": the views, and for a
 * view that takes it for some subjects only, those subjects.
 */
function filterViews(filter: InsightFilter): string {
  const views = INSIGHT_KINDS.flatMap((kind) => {
    const subjects = filterSubjects(kind, filter);
    if (subjects.length > 0)
      return [`${VIEW_NAMES[kind]} of ${listInWords(subjects.map(subjectsInText))}`];
    return filtersOf(kind, null).includes(filter) ? [VIEW_NAMES[kind]] : [];
  });
  return `only read with ${listInWords(views)}`;
}

/** A part of a link the explorer could not read, and so left at its default. */
export interface UnreadSetting {
  /** The setting's name in the link (`layout`), as written. */
  key: string;
  /** Its value, or the part of it that was not understood; '' for a setting with no value. */
  value: string;
  /** Why it was left out, for the reader: "not a layout (fcose, concentric, …)". */
  reason: string;
}

const FLAGS = ['fade', 'list', 'members'] as const;

function oneOf(names: readonly string[]): string {
  return names.join(', ');
}

/** The choices as the toolbar names them, for a reader who never saw the link's own words. */
function titled(titles: Readonly<Record<string, string>>): string {
  const names = Object.values(titles);
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * What a link asks for that {@link decodeShareState} quietly drops: unknown settings, values that are
 * not one of their choices, type names the graph does not have, malformed caps, and settings that
 * only mean something with another (`x` without `focus`). A hand-edited or truncated link otherwise
 * opens a different view with no word of why.
 */
export function unreadLinkSettings(hash: string): UnreadSetting[] {
  // The explorer's address with nothing after it is the overview, as the app writes none.
  if (['', '#', '#/', '#/explore', '#/explore/'].includes(hash)) return [];
  if (hash.startsWith(LEGACY_PREFIX))
    return decodeShareState(hash).selected === null
      ? [{ key: '', value: hash, reason: 'not an entity id' }]
      : [];
  if (!hash.startsWith(PREFIX))
    return [{ key: '', value: hash, reason: 'not an address the explorer knows' }];
  const params = new URLSearchParams(hash.slice(PREFIX.length));
  const out: UnreadSetting[] = [];
  const choice = (
    key: string,
    allowed: readonly string[],
    what: string,
    titles?: Readonly<Record<string, string>>,
  ) => {
    const value = params.get(key);
    if (value !== null && !allowed.includes(value))
      out.push({
        key,
        value,
        reason: titles ? `not ${what}: ${titled(titles)}` : `not ${what} (${oneOf(allowed)})`,
      });
  };
  const unknownItems = (key: string, allowed: readonly string[], what: string) => {
    const value = params.get(key);
    if (value === null) return;
    for (const item of value.split(',').map((part) => part.trim()))
      if (item !== '' && !allowed.includes(item))
        out.push({ key, value: item, reason: `not ${what} (${oneOf(allowed)})` });
  };
  const known = new Set(LINK_KEYS);
  for (const key of new Set(params.keys()))
    if (!known.has(key)) out.push({ key, value: params.get(key) ?? '', reason: 'not a setting' });
  choice('layout', LAYOUT_NAMES, 'a layout', LAYOUT_TITLES);
  choice('size', SIZE_MEASURES, 'a size measure', SIZE_TITLES);
  choice('panel', PANELS, 'a panel');
  choice('insight', INSIGHT_KINDS, 'an insight view');
  choice('skip', ['memberships'], 'what paths can leave out');
  const paths = params.get('paths');
  if (paths !== null && pathCount(paths) === null)
    out.push({
      key: 'paths',
      value: paths,
      reason: `not a number from ${LIMITS.paths.defaultK + 1} to ${LIMITS.paths.maxK}`,
    });
  for (const flag of FLAGS) choice(flag, ['0', '1'], 'a switch');
  // `show`: the whole list (1), none (0), or one listed item by its id.
  const show = params.get('show')?.trim() ?? null;
  if (show !== null && show !== '0' && show !== '1' && one(show) === null)
    out.push({ key: 'show', value: show, reason: 'not 1, 0 or a listed entity’s id' });
  unknownItems('types', ENTITY_TYPES, 'an entity type');
  unknownItems('rels', RELATIONSHIP_TYPES, 'a relationship type');
  unknownItems('kinds', ORGANISATION_KINDS, 'an organisation kind');
  for (const item of ids(params.get('via')))
    if (choiceFacet(item) === undefined)
      out.push({
        key: 'via',
        value: item,
        reason: 'not an SDG, a country, a group or a DPG facet',
      });
  const notIds = 'not an entity id (ids look like org:unicef)';
  for (const key of ['focus', 'sel', 'from', 'to', 'of']) {
    const value = params.get(key)?.trim() ?? '';
    if (key === 'sel' && looksLikeRelationshipKey(value)) {
      if (parseRelationshipKey(value) === null)
        out.push({
          key,
          value,
          reason: 'not a relationship (from|TYPE|to, e.g. org:unicef|FUNDS|dpg:rapidpro)',
        });
    } else if (key === 'of' && one(value) !== null && notAnSdg(one(value) ?? ''))
      out.push({ key, value, reason: 'not an SDG (the goals are sdg:1 to sdg:17)' });
    else if (value !== '' && (key === 'of' ? insightSubject(value) : one(value)) === null)
      out.push({ key, value, reason: notIds });
  }
  for (const key of ['x', 'pin', 'hide'])
    for (const item of ids(params.get(key)))
      if (!isEntityId(item)) out.push({ key, value: item, reason: notIds });
  const focus = one(params.get('focus'));
  for (const key of ['x', 'pin', 'more'])
    if (params.has(key) && focus === null)
      out.push({ key, value: params.get(key) ?? '', reason: 'only read with a focus' });
  if (focus !== null) {
    const loaded = [focus, ...entityIds(params.get('x'))];
    const kept = limits(params.get('more'), loaded);
    for (const item of ids(params.get('more')))
      if (!(canonicalEntityId(item.slice(0, item.lastIndexOf('*'))) in kept))
        out.push({
          key: 'more',
          value: item,
          reason: 'not an expanded entity with a cap (id*number)',
        });
  }
  // An `of` that is no id is reported as such above.
  if (params.has('insight') && (params.get('of')?.trim() ?? '') === '')
    out.push({ key: 'insight', value: params.get('insight') ?? '', reason: 'needs “of”' });
  for (const key of ['show', 'top', 'only', 'in', 'members', 'role'])
    if (params.has(key) && !params.has('insight'))
      out.push({ key, value: params.get(key) ?? '', reason: 'only read with an insight' });
  const insight = decodeShareState(hash).insight;
  if (insight) {
    const options = insight.options;
    const top = params.get('top');
    if (top !== null && options.top === null)
      out.push({
        key: 'top',
        value: top,
        reason: `not a number from 1 to ${insightPage(insight.kind).max}`,
      });
    const applies = (filter: InsightFilter) => takes(insight.kind, insight.id, filter);
    if (applies('kind')) choice('only', FILTER_KINDS, 'an organisation kind');
    if (applies('role')) choice('role', FILTER_ROLES, 'a stakeholder role');
    const country = params.get('in');
    if (applies('country') && country !== null && options.country === null)
      out.push({ key: 'in', value: country, reason: 'not a country (country:KE or KE)' });
    for (const [key, filter] of LINK_FILTERS)
      // Unless already named as no switch at all (`members=yes`).
      if (!applies(filter) && params.has(key) && !out.some((u) => u.key === key))
        out.push({ key, value: params.get(key) ?? '', reason: filterViews(filter) });
  }
  return out;
}
