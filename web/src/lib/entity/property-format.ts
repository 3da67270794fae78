/**
 * Turns an entity's raw properties into rows for the details panel: readable keys ("memberSince" →
 * "Member since"), values classified so the panel can render links, lists and years properly, and the
 * properties shown elsewhere (name, description) left out.
 */
import { dpgTypeName, organisationKindName } from '../vocabulary/value-names';

/** A property value, classified for display. */
export type DisplayValue =
  | { kind: 'text'; text: string }
  | { kind: 'link'; href: string; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'boolean'; value: boolean };

/** One row of the properties table. */
export interface PropertyRow {
  key: string;
  label: string;
  value: DisplayValue;
}

/**
 * Property keys the panel shows elsewhere (title, description, and the relationships' count in
 * its Connections heading) or never (internal ids, and the network measures' cluster number:
 * "Network cluster 0" told a reader nothing). The stored count is a network measure, refreshed
 * after edits: a link just added read "Connections 0" under the heading's live "1" (QA).
 */
export const HIDDEN_PROPERTY_KEYS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'label',
  'description',
  'summary',
  'community',
  'degree',
]);

/**
 * The network measures' keys (metrics-service.ts writes them), in the order listed after what an
 * entity is: the measures, then when they were computed.
 */
const NETWORK_MEASURE_ORDER: ReadonlyMap<string, number> = new Map([
  ['pagerank', 1],
  ['betweenness', 2],
  ['metricsComputedAt', 3],
]);

/** Keys whose values read better with a fixed label than with the split camel case. */
const KEY_LABELS: Readonly<Record<string, string>> = {
  url: 'URL',
  uri: 'URI',
  iso2: 'ISO code',
  iso3: 'ISO 3166 alpha-3',
  sdg: 'SDG',
  dpgId: 'DPG Registry id',
  registryId: 'DPG Registry id',
  pagerank: 'PageRank',
  // As the insight panels call them.
  metricsComputedAt: 'Network measures computed',
  types: 'DPG types',
  connectedMembersNote: 'Note on members',
  sourceUrl: 'Source page',
};

/** Keys whose values are stored as codes, and how each code reads. */
const VALUE_NAMES: Readonly<Record<string, (value: string) => string>> = {
  kind: organisationKindName,
  types: dpgTypeName,
  activityTypes: (value) => value.charAt(0).toUpperCase() + value.slice(1),
};

/** How a stored value of `key` reads ("aimodel" of types → "AI model"); other values as they are. */
export function valueName(key: string, value: string): string {
  return VALUE_NAMES[key]?.(value) ?? value;
}

/** "memberSince" / "member_since" → "Member since". */
export function humaniseKey(key: string): string {
  const fixed = KEY_LABELS[key];
  if (fixed) return fixed;
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether a string is an http(s) URL safe to render as a link. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A short form of a URL for link text: host and path, without protocol, `www.` or a trailing slash. */
export function shortUrl(href: string): string {
  try {
    const url = new URL(href);
    const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
    return `${url.host.replace(/^www\./, '')}${path}`;
  } catch {
    return href;
  }
}

/**
 * Classifies one value; null, empty strings and empty lists give undefined (the row is left out).
 * The API types property values as unknown (an editor or an importer may store a list of numbers),
 * so anything else is shown as text rather than trusted to be a string.
 */
export function toDisplayValue(value: unknown): DisplayValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number')
    return {
      kind: 'text',
      text: Number.isInteger(value)
        ? String(value)
        : // Below 0.01, two significant digits: three decimals put every PageRank (0.0018) at "0"
          // (QA).
          Math.abs(value) < 0.01
          ? value.toLocaleString('en', { maximumSignificantDigits: 2 })
          : value.toLocaleString('en'),
    };
  if (Array.isArray(value)) {
    const items = value.map(String).filter((item) => item.trim() !== '');
    return items.length === 0 ? undefined : { kind: 'list', items };
  }
  if (typeof value !== 'string') return { kind: 'text', text: JSON.stringify(value) };
  const text = value.trim();
  if (text === '') return undefined;
  if (isHttpUrl(text)) return { kind: 'link', href: text, text: shortUrl(text) };
  return { kind: 'text', text: DATE_TIME.test(text) ? formatDateTime(text) : text };
}

/**
 * A date and time as Neo4j writes one (`2026-12-03T17:41:06.025000000Z`: nanoseconds, an offset or
 * Z), the way timestamps such as `metricsComputedAt` reach the panel.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** "2026-12-03T17:41:06.025000000Z" → "3 Dec 2026, 17:41 UTC"; unparseable input is returned as is. */
export function formatDateTime(iso: string): string {
  // Date parses milliseconds at most: the rest of a fraction is cut, not rounded.
  const date = new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(date.getTime())) return iso;
  const time = date.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `${formatDate(date.toISOString())}, ${time} UTC`;
}

/**
 * The rows to show for `properties`, in the API's order but the network measures last, without
 * hidden keys and empty values.
 */
export function propertyRows(properties: Readonly<Record<string, unknown>>): PropertyRow[] {
  const rows: PropertyRow[] = [];
  // What the entity is first; the network measures, computed over the graph, after it: "Network
  // measures computed" sorted first of a country's properties (QA).
  const measuresLast = Object.entries(properties).sort(
    ([a], [b]) => (NETWORK_MEASURE_ORDER.get(a) ?? 0) - (NETWORK_MEASURE_ORDER.get(b) ?? 0),
  );
  for (const [key, raw] of measuresLast) {
    if (HIDDEN_PROPERTY_KEYS.has(key)) continue;
    const name = VALUE_NAMES[key];
    const value = toDisplayValue(
      name && Array.isArray(raw)
        ? raw.map((item) => name(String(item)))
        : name && typeof raw === 'string'
          ? name(raw)
          : raw,
    );
    if (value) rows.push({ key, label: humaniseKey(key), value });
  }
  return rows;
}

/** The description to show under the title, if the entity has one. */
export function descriptionOf(properties: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of ['description', 'summary']) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** "2025-11-20T10:42:00Z" → "20 Nov 2025"; unparseable input is returned as is. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
