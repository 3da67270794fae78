/**
 * How far down a ranked list the reader has asked to see ("Show more"), and which organisations
 * they want (of one kind, DPGA members only, for collaborators active in one country, on a sector's
 * or an SDG's map those at work in one country): the API's own parameters, so the filtering and the ranking
 * stay the server's, and the list a link restores is the list that was shared.
 */
import { INSIGHTS_LIMITS } from '../../../../server/api/limits.ts';
import {
  ORGANISATION_KINDS,
  STAKEHOLDER_ROLES,
  type OrganisationKind,
  type StakeholderRole,
} from '../../../../server/model/graph-vocabulary.ts';
import type { InsightKind } from '../../state/url/utils';
import { SECTOR_TYPE } from './sector-subject';

export interface InsightOptions {
  /** How many to list; null for the API's default (a first page). */
  top: number | null;
  /** Organisations of this kind (views whose filters include `kind`). */
  kind: OrganisationKind | null;
  /**
   * In this country, its id (`country:KE`): potential collaborators active there, or a sector's or
   * an SDG's map narrowed to it.
   */
  country: string | null;
  /** DPGA members only (views whose filters include `members`). */
  members: boolean;
  /** Stakeholders with this role only (`funds`: the funders of a country): stakeholder maps. */
  role: StakeholderRole | null;
}

/** A way a view's list can be narrowed: the option of the same name. */
export type InsightFilter = 'kind' | 'country' | 'members' | 'role';

/** The filters each view's API takes, whatever its subject. */
const VIEW_FILTERS: Readonly<Record<InsightKind, readonly InsightFilter[]>> = {
  collaborators: ['kind', 'country', 'members'],
  stakeholders: ['kind', 'role', 'members'],
  network: [],
};

/**
 * The filters a view takes only for some subjects, and which: a topic's map, a sector's or an
 * SDG's, narrows to a country ("Health in Kenya", "SDG 3 in Kenya"). Any other stakeholder map has
 * no country filter, as its subject may be the country itself, or an activity or a DPG that the
 * API maps in every country at once.
 */
const SUBJECT_FILTERS: Readonly<
  Partial<Record<InsightKind, Readonly<Record<string, readonly InsightFilter[]>>>>
> = {
  stakeholders: { [SECTOR_TYPE]: ['country'], SDG: ['country'] },
};

/**
 * The filters view `kind` takes for a subject of type `subjectType` (null while the type is not
 * known): the view's own, then those it takes only for that type.
 */
export function filtersOf(kind: InsightKind, subjectType: string | null): InsightFilter[] {
  const bySubject = subjectType === null ? [] : (SUBJECT_FILTERS[kind]?.[subjectType] ?? []);
  return [...VIEW_FILTERS[kind], ...bySubject];
}

/** The subject types for which view `kind` takes `filter` only (none when it always does). */
export function filterSubjects(kind: InsightKind, filter: InsightFilter): string[] {
  if (VIEW_FILTERS[kind].includes(filter)) return [];
  return Object.entries(SUBJECT_FILTERS[kind] ?? {})
    .filter(([, filters]) => filters.includes(filter))
    .map(([type]) => type);
}

export const DEFAULT_INSIGHT_OPTIONS: InsightOptions = {
  top: null,
  kind: null,
  country: null,
  members: false,
  role: null,
};

/** How many a view lists at first, and the most it can list: one "Show more" adds a first page. */
export function insightPage(kind: InsightKind): { first: number; max: number } {
  const limits = INSIGHTS_LIMITS[kind];
  return { first: limits.default, max: limits.max };
}

/** How many are listed under `options`. */
export function listedTop(kind: InsightKind, options: InsightOptions): number {
  const { first, max } = insightPage(kind);
  return Math.min(options.top ?? first, max);
}

/**
 * How many "Show more" lists, or null when nothing more can be shown: the list already holds all
 * there is (`total`, when the answer says), or the API's maximum.
 */
export function nextTop(
  kind: InsightKind,
  options: InsightOptions,
  listed: number,
  total: number | null,
): number | null {
  const { first, max } = insightPage(kind);
  const top = listedTop(kind, options);
  // Fewer listed than asked for: that was all.
  if (listed < top || (total !== null && total <= listed) || top >= max) return null;
  return Math.min(top + first, max);
}

/**
 * The "Show more" button's words: "Show 20 more of the 180 left", or "Show the other 14" when that
 * is all there is. Not "of 180": beside "The 20 best of 200" it read as a second total (QA).
 */
export function moreLabel(step: number, listed: number, total: number | null): string {
  if (total === null) return `Show ${step} more`;
  const left = total - listed;
  return left <= step ? `Show the other ${left}` : `Show ${step} more of the ${left} left`;
}

/** A country and its name. */
export interface NamedCountry {
  id: string;
  label: string;
}

/**
 * The name of country `id` by the first of `named` that knows it (an answer, a choice in the
 * filters), else its code: a link read before its answer names "KE" until it does.
 */
export function countryName(id: string, named: readonly (NamedCountry | null)[]): string {
  return named.find((country) => country?.id === id)?.label ?? id.replace(/^country:/, '');
}

/** Whether `options` narrow or lengthen the list at all. */
export function isDefaultOptions(options: InsightOptions): boolean {
  return (
    options.top === null &&
    options.kind === null &&
    options.country === null &&
    !options.members &&
    options.role === null
  );
}

/**
 * The API query parameters for `options` in view `kind` of a subject of type `subjectType` (only
 * those the view takes for it).
 */
export function insightParams(
  kind: InsightKind,
  subjectType: string | null,
  options: InsightOptions,
): [string, string][] {
  const takes = (filter: InsightFilter) => filtersOf(kind, subjectType).includes(filter);
  const params: [string, string][] = [];
  if (options.top !== null) params.push(['limit', String(listedTop(kind, options))]);
  if (options.kind !== null && takes('kind')) params.push(['kind', options.kind]);
  if (options.country !== null && takes('country')) params.push(['country', options.country]);
  if (options.members && takes('members')) params.push(['membersOnly', 'true']);
  if (options.role !== null && takes('role')) params.push(['role', options.role]);
  return params;
}

/**
 * The kinds a list can be narrowed to: every organisation kind but `unknown`, which is no kind
 * anyone looks for ("unclassified" is what the importers could not tell).
 */
export const FILTER_KINDS: readonly OrganisationKind[] = ORGANISATION_KINDS.filter(
  (kind) => kind !== 'unknown',
);

/** Whether `value` is a kind a list can be narrowed to. */
export function isFilterKind(value: string | null): value is OrganisationKind {
  return (FILTER_KINDS as readonly (string | null)[]).includes(value);
}

/** The same options? (Compared by value, for links read back.) */
export function sameOptions(a: InsightOptions, b: InsightOptions): boolean {
  return (
    a.top === b.top &&
    a.kind === b.kind &&
    a.country === b.country &&
    a.members === b.members &&
    a.role === b.role
  );
}

/** The roles a stakeholder map can be narrowed to, innermost first, as the API names them. */
export const FILTER_ROLES: readonly StakeholderRole[] = STAKEHOLDER_ROLES;

/**
 * The roles a map of an entity of `subjectType` can be narrowed to: only a country's map has
 * organisations based there.
 */
export function filterRolesFor(subjectType: string | null): readonly StakeholderRole[] {
  return FILTER_ROLES.filter((role) => role !== 'based' || subjectType === 'Country');
}

/** Whether `value` is a role a stakeholder map can be narrowed to. */
export function isFilterRole(value: string | null): value is StakeholderRole {
  return (FILTER_ROLES as readonly (string | null)[]).includes(value);
}

/** A role as the filter names it: "Funds", "Takes part", "Based here". */
export function roleName(role: StakeholderRole): string {
  if (role === 'participates') return 'Takes part';
  if (role === 'based') return 'Based here';
  return role.charAt(0).toUpperCase() + role.slice(1);
}
