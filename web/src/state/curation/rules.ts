/**
 * The curation rules the forms check before sending. The graph model's lists and the table of
 * relationship ends are the server's own modules (server/model/graph-vocabulary.ts,
 * server/curation/relationship-rules.ts: no runtime imports, so they bundle for the browser); the
 * limits and field checks mirror server/api/curation-schemas.ts (docs/curation.md), which pulls
 * zod and server modules and so is not bundled. The server stays the judge: its 400 details are
 * shown next to the fields too.
 */
import { findPersonalData } from '../../../../server/curation/personal-data.ts';
import { RELATIONSHIP_ENDS } from '../../../../server/curation/relationship-rules.ts';
import { ORGANISATION_KINDS } from '../../../../server/model/graph-vocabulary.ts';
import type { UserFacingError } from '../../lib/api/async-status';
import type { FieldIssue } from './types';

export { ORGANISATION_KINDS, RELATIONSHIP_ENDS };

/** Entity types editors create and change; countries and SDGs are reference data. */
export const EDITABLE_TYPES = ['Organisation', 'Group', 'Activity', 'DPG', 'Initiative'] as const;
/** One of {@link EDITABLE_TYPES}. */
export type EditableType = (typeof EDITABLE_TYPES)[number];

/** Annotation stances and priorities. */
export const STANCES = ['supportive', 'neutral', 'opposed', 'unknown'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;

/** Limits of the server's schemas. */
export const LIMITS = {
  name: 200,
  description: 5000,
  url: 2000,
  kind: 50,
  notes: 2000,
  tags: 20,
  tag: 40,
  viewName: 120,
  role: 200,
  alias: 200,
  sector: 100,
  listItems: 50,
} as const;

/** The single-value text properties the entity form edits, per type (beside name and description). */
export const FORM_PROPERTIES: Record<EditableType, readonly ('kind' | 'website' | 'link')[]> = {
  Organisation: ['kind', 'website'],
  Group: [],
  Activity: ['link'],
  DPG: ['website'],
  Initiative: ['kind', 'website'],
};

/**
 * The list properties the entity form edits, one item per line, per type: every entity's other
 * names, a DPG's sectors and an activity's types. 73 of the registry's 165 DPGs list no sector,
 * MOSIP and OpenCRVS among them, and their collaborators are found through sectors (QA); the
 * explorer filters activities by type.
 */
export const LIST_PROPERTIES: Record<EditableType, readonly ListProperty[]> = {
  Organisation: ['aliases'],
  Group: ['aliases'],
  Activity: ['aliases', 'activityTypes'],
  DPG: ['aliases', 'sectors', 'types', 'licenses', 'repositories'],
  Initiative: ['aliases'],
};

/** A list property of the entity form. */
export type ListProperty =
  'aliases' | 'sectors' | 'types' | 'licenses' | 'repositories' | 'activityTypes';

/** The longest item of each list property (the server's schema, mirrored). */
const LIST_ITEM_LIMITS: Record<ListProperty, number> = {
  aliases: LIMITS.alias,
  sectors: LIMITS.sector,
  types: 50,
  licenses: 100,
  repositories: LIMITS.url,
  activityTypes: 50,
};

/** The items of a list field: one per line, trimmed, blanks and repeats dropped. */
export function listItems(text: string): string[] {
  return [...new Set(text.split('\n').map((item) => item.trim()))].filter((item) => item !== '');
}

/**
 * The lines of `text` written as `known` writes them, where one is the same but for case: the
 * collaborator ranking matches sectors exactly, and the registry writes "Health", not "health".
 */
export function inKnownCase(text: string, known: readonly string[]): string {
  const byLower = new Map(known.map((value) => [value.toLowerCase(), value]));
  return text
    .split('\n')
    .map((line) => byLower.get(line.trim().toLowerCase()) ?? line)
    .join('\n');
}

/** Whether `type` is one editors may change. */
export function isEditableType(type: string): type is EditableType {
  return (EDITABLE_TYPES as readonly string[]).includes(type);
}

/** A way to link a new entity to an existing one: the type, and whether the new one is its start. */
export interface LinkOption {
  type: string;
  /** `out`: new → existing; `in`: existing → new. */
  direction: 'out' | 'in';
}

/** The relationships that may join a new entity of `newType` and an existing one of `targetType`. */
export function linkOptions(newType: string, targetType: string): LinkOption[] {
  const options: LinkOption[] = [];
  for (const [type, ends] of Object.entries(RELATIONSHIP_ENDS)) {
    const from: readonly string[] = ends.from;
    const to: readonly string[] = ends.to;
    if (from.includes(newType) && to.includes(targetType)) options.push({ type, direction: 'out' });
    if (from.includes(targetType) && to.includes(newType)) options.push({ type, direction: 'in' });
  }
  return options;
}

/** The form's fields: plain strings, blank meaning "not set". */
export interface EntityDraft {
  type: EditableType;
  name: string;
  description: string;
  kind: string;
  website: string;
  link: string;
  /** One item per line (LIST_PROPERTIES). */
  aliases: string;
  sectors: string;
  types: string;
  licenses: string;
  repositories: string;
  activityTypes: string;
}

/** An empty draft of `type`. */
export function emptyDraft(type: EditableType): EntityDraft {
  return {
    type,
    name: '',
    description: '',
    kind: '',
    website: '',
    link: '',
    aliases: '',
    sectors: '',
    types: '',
    licenses: '',
    repositories: '',
    activityTypes: '',
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Problems of a draft by field name; empty when it may be sent. */
export function draftProblems(draft: EntityDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  const name = draft.name.trim();
  if (name === '') problems.name = 'A name is required.';
  else if (name.length > LIMITS.name) problems.name = `At most ${LIMITS.name} characters.`;
  if (draft.description.trim().length > LIMITS.description)
    problems.description = `At most ${LIMITS.description} characters.`;
  const fields = FORM_PROPERTIES[draft.type];
  for (const key of ['website', 'link'] as const) {
    const value = draft[key].trim();
    if (!fields.includes(key) || value === '') continue;
    if (!isHttpUrl(value)) problems[key] = 'An http(s) address, e.g. https://example.org.';
    else if (value.length > LIMITS.url) problems[key] = `At most ${LIMITS.url} characters.`;
  }
  const kind = draft.kind.trim();
  if (fields.includes('kind') && kind !== '') {
    if (draft.type === 'Organisation' && !(ORGANISATION_KINDS as readonly string[]).includes(kind))
      problems.kind = 'Choose one of the listed kinds.';
    else if (kind.length > LIMITS.kind) problems.kind = `At most ${LIMITS.kind} characters.`;
  }
  for (const key of LIST_PROPERTIES[draft.type]) {
    const items = listItems(draft[key]);
    const long = items.find((item) => item.length > LIST_ITEM_LIMITS[key]);
    const notAnAddress =
      key === 'repositories' ? items.find((item) => !isHttpUrl(item)) : undefined;
    if (items.length > LIMITS.listItems) problems[key] = `At most ${LIMITS.listItems} lines.`;
    else if (notAnAddress !== undefined)
      problems[key] = `“${notAnAddress}” is not an http(s) address, e.g. https://github.com/….`;
    else if (long !== undefined)
      problems[key] =
        `“${long.length > 24 ? `${long.slice(0, 24)}…` : long}” is ${long.length} characters ` +
        `long: at most ${LIST_ITEM_LIMITS[key]}.`;
  }
  return problems;
}

/** The properties of a new entity from a draft (blank fields left out). */
export function createProperties(draft: EntityDraft): Record<string, string | string[]> {
  const properties: Record<string, string | string[]> = { name: draft.name.trim() };
  if (draft.description.trim() !== '') properties.description = draft.description.trim();
  for (const key of FORM_PROPERTIES[draft.type]) {
    const value = draft[key].trim();
    if (value !== '') properties[key] = value;
  }
  for (const key of LIST_PROPERTIES[draft.type]) {
    const items = listItems(draft[key]);
    if (items.length > 0) properties[key] = items;
  }
  return properties;
}

/** A draft holding an entity's current properties. */
export function draftFromProperties(
  type: EditableType,
  properties: Record<string, unknown>,
): EntityDraft {
  const text = (key: string) => (typeof properties[key] === 'string' ? properties[key] : '');
  const lines = (key: string) => {
    const value = properties[key];
    return Array.isArray(value) ? value.map(String).join('\n') : '';
  };
  return {
    type,
    name: text('name'),
    description: text('description'),
    kind: text('kind'),
    website: text('website'),
    link: text('link'),
    aliases: lines('aliases'),
    sectors: lines('sectors'),
    types: lines('types'),
    licenses: lines('licenses'),
    repositories: lines('repositories'),
    activityTypes: lines('activityTypes'),
  };
}

/** An edit's changed properties: a text, a list, or null to remove the property. */
export type PropertyChanges = Record<string, string | string[] | null>;

/**
 * The change from `base` to `draft`: changed fields only; a cleared field becomes null (removes
 * the property). Empty when nothing changed.
 */
export function changedProperties(base: EntityDraft, draft: EntityDraft): PropertyChanges {
  const changes: PropertyChanges = {};
  for (const key of ['name', 'description', ...FORM_PROPERTIES[draft.type]] as const) {
    const before = base[key].trim();
    const after = draft[key].trim();
    if (before !== after) changes[key] = after === '' ? null : after;
  }
  for (const key of LIST_PROPERTIES[draft.type]) {
    const before = listItems(base[key]);
    const after = listItems(draft[key]);
    if (before.join('\n') !== after.join('\n')) changes[key] = after.length === 0 ? null : after;
  }
  return changes;
}

/**
 * The id to offer when `taken` is: `org:ministry-of-health` → `org:ministry-of-health-2`. Two
 * organisations may share a name (each country's ministry of health); the id made from it may not.
 * Only an id the form offered itself is counted on (`…-2` → `…-3`): a number a name ends in
 * ("Group of 77") is part of the name, not a counter.
 */
export function nextFreeId(taken: string, offered = false): string {
  const numbered = offered ? /^(.*)-(\d{1,3})$/.exec(taken) : null;
  return numbered ? `${numbered[1]}-${Number(numbered[2]) + 1}` : `${taken}-2`;
}

/** The relationship form's fields: plain strings, blank meaning "not set". */
export interface RelationshipDraft {
  role: string;
  startDate: string;
  endDate: string;
  notes: string;
  /** A web page that states it, which the editor cites. */
  sourceUrl: string;
  /** MEMBER_OF only: `yes`, `no`, or blank for "not stated". */
  board: '' | 'yes' | 'no';
}

/** A relationship draft with nothing set (the form before the relationship is read). */
export const EMPTY_RELATIONSHIP_DRAFT: Readonly<RelationshipDraft> = {
  role: '',
  startDate: '',
  endDate: '',
  notes: '',
  sourceUrl: '',
  board: '',
};

/** A date as precise as the source knows it: `2024`, `2024-03` or `2024-03-15`. */
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Whether `value` is a partial date that exists (no 31 April). */
export function isPartialDate(value: string): boolean {
  if (!PARTIAL_DATE.test(value)) return false;
  return value.length < 10 || new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** Whether `end` falls before `start` at the precision both give (server: endsBeforeStart). */
export function endsBeforeStart(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return end.slice(0, n) < start.slice(0, n);
}

/** A draft holding a relationship's current properties. */
export function relationshipDraftFrom(properties: Record<string, unknown>): RelationshipDraft {
  const text = (key: string) => (typeof properties[key] === 'string' ? properties[key] : '');
  const board = properties.board;
  return {
    role: text('role'),
    startDate: text('startDate'),
    endDate: text('endDate'),
    notes: text('notes'),
    sourceUrl: text('sourceUrl'),
    board: board === true ? 'yes' : board === false ? 'no' : '',
  };
}

/** Problems of a relationship draft by field name; empty when it may be sent. */
/** A field holding an e-mail address or a phone number, as the server words it for readers. */
const PERSONAL_DATA_PROBLEM =
  'No e-mail addresses or phone numbers: notes are about organisations, not people.';

export function relationshipDraftProblems(draft: RelationshipDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.role.trim().length > LIMITS.role) problems.role = `At most ${LIMITS.role} characters.`;
  else if (findPersonalData(draft.role)) problems.role = PERSONAL_DATA_PROBLEM;
  if (draft.notes.trim().length > LIMITS.notes)
    problems.notes = `At most ${LIMITS.notes} characters.`;
  // The server's rule, checked here too: with a bad date beside it, the form reported the date
  // first and the e-mail address only on the next save (QA).
  else if (findPersonalData(draft.notes)) problems.notes = PERSONAL_DATA_PROBLEM;
  const page = draft.sourceUrl.trim();
  if (page !== '' && !isHttpUrl(page))
    problems.sourceUrl = 'An http(s) address, e.g. https://example.org/news/partnership.';
  else if (page.length > LIMITS.url) problems.sourceUrl = `At most ${LIMITS.url} characters.`;
  const start = draft.startDate.trim();
  const end = draft.endDate.trim();
  for (const [key, value] of [
    ['startDate', start],
    ['endDate', end],
  ] as const)
    if (value !== '' && !isPartialDate(value))
      problems[key] = PARTIAL_DATE.test(value)
        ? `${value} is no such day.`
        : 'A year, year-month or date: 2024, 2024-03 or 2024-03-15.';
  if (!problems.startDate && !problems.endDate && start && end && endsBeforeStart(start, end))
    problems.endDate = 'Ends before it starts.';
  return problems;
}

/**
 * The change from `base` to `draft` as the PATCH sends it: changed fields only; a cleared field
 * becomes null (removes the property); `board` only for MEMBER_OF.
 */
export function relationshipChanges(
  base: RelationshipDraft,
  draft: RelationshipDraft,
  type: string,
): Record<string, string | boolean | null> {
  const changes: Record<string, string | boolean | null> = {};
  for (const key of ['role', 'startDate', 'endDate', 'notes', 'sourceUrl'] as const) {
    const before = base[key].trim();
    const after = draft[key].trim();
    if (before !== after) changes[key] = after === '' ? null : after;
  }
  if (type === 'MEMBER_OF' && base.board !== draft.board)
    changes.board = draft.board === '' ? null : draft.board === 'yes';
  return changes;
}

/**
 * A 400 answer's details as messages by form field: `body.properties.website` → `website`,
 * `body.type` → `type`; anything else under `form`.
 */
export function fieldProblems(details: unknown): Record<string, string> {
  const problems: Record<string, string> = {};
  const issues = Array.isArray(details) ? (details as FieldIssue[]) : [];
  for (const issue of issues) {
    if (typeof issue?.path !== 'string' || typeof issue.message !== 'string') continue;
    const parts = issue.path.split('.');
    const field =
      parts[1] === 'properties' && parts[2] ? parts[2] : parts[0] === 'body' && parts[1];
    const key = field || 'form';
    problems[key] = problems[key] ? `${problems[key]} ${issue.message}` : issue.message;
  }
  return problems;
}

/** Annotation tags from a comma-separated text: trimmed, blanks and duplicates dropped. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()))].filter((tag) => tag !== '');
}

/**
 * What is wrong with annotation tags, naming the tag at fault (the server's answer can only say
 * "body.tags.3"); null when nothing is.
 */
export function tagsProblem(tags: readonly string[]): string | null {
  if (tags.length > LIMITS.tags) return `${tags.length} tags: at most ${LIMITS.tags}.`;
  const long = tags.find((tag) => tag.length > LIMITS.tag);
  if (long === undefined) return null;
  const shown = long.length > 24 ? `${long.slice(0, 24)}…` : long;
  return `The tag “${shown}” is ${long.length} characters long: at most ${LIMITS.tag}.`;
}

/**
 * The message for a failed merge, from its status (a `failure` holds a UserFacingError, not the
 * ApiError: testing for the class showed "[object Object]", QA). A change or a merge made meanwhile
 * is said plainly, with what to do.
 */
export function mergeProblem(error: UserFacingError): string {
  if (error.status === 409)
    return 'One of the two was changed meanwhile: both were read again, check them and merge again.';
  if (error.status === 404)
    return 'One of the two is gone (merged or deleted meanwhile): choose the duplicate again.';
  return error.message;
}
