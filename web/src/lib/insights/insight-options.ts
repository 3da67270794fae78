/**
 * How far down a ranked list the reader has asked to see ("Show more"), and which organisations
 * they want (of one kind, DPGA members only, and for collaborators active in one country): the
 * API's own parameters, so the filtering and the ranking stay the server's, and the list a link
 * restores is the list that was shared.
 */
import { INSIGHTS_LIMITS } from '../../../../server/api/limits.ts';
import {
  ORGANISATION_KINDS,
  STAKEHOLDER_ROLES,
  type OrganisationKind,
  type StakeholderRole,
} from '../../../../server/model/graph-vocabulary.ts';
import type { InsightKind } from '../../state/url/utils';

export interface InsightOptions {
  /** How many to list; null for the API's default (a first page). */
  top: number | null;
  /** Organisations of this kind (views whose filters include `kind`). */
  kind: OrganisationKind | null;
  /** Active in this country, its id (`country:KE`): potential collaborators only. */
  country: string | null;
  /** DPGA members only (views whose filters include `members`). */
  members: boolean;
  /** Stakeholders with this role only (`funds`: the funders of a country): stakeholder maps. */
  role: StakeholderRole | null;
}

/** A way a view's list can be narrowed: the option of the same name. */
export type InsightFilter = 'kind' | 'country' | 'members' | 'role';

/**
 * The filters each view's API takes. A stakeholder map has no country filter: its subject may be
 * the country, and "active in" means a collaborator's own work there (or its home).
 */
const VIEW_FILTERS: Readonly<Record<InsightKind, readonly InsightFilter[]>> = {
  collaborators: ['kind', 'country', 'members'],
  stakeholders: ['kind', 'role', 'members'],
  network: [],
};

/** Whether view `kind` takes filter `filter`. */
export function filterApplies(kind: InsightKind, filter: InsightFilter): boolean {
  return VIEW_FILTERS[kind].includes(filter);
}

export const DEFAULT_INSIGHT_OPTIONS: InsightOptions = {
  top: null,
  kind: null,
  country: null,
  members: false,
  role: null,
};

/** Whether view `kind` can be narrowed at all. */
export function filtersApply(kind: InsightKind): boolean {
  return VIEW_FILTERS[kind].length > 0;
}

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

/** The API query parameters for `options` in view `kind` (only those the view takes). */
export function insightParams(kind: InsightKind, options: InsightOptions): [string, string][] {
  const params: [string, string][] = [];
  if (options.top !== null) params.push(['limit', String(listedTop(kind, options))]);
  if (options.kind !== null && filterApplies(kind, 'kind')) params.push(['kind', options.kind]);
  if (options.country !== null && filterApplies(kind, 'country'))
    params.push(['country', options.country]);
  if (options.members && filterApplies(kind, 'members')) params.push(['membersOnly', 'true']);
  if (options.role !== null && filterApplies(kind, 'role')) params.push(['role', options.role]);
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
