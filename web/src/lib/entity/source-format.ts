/**
 * How a source of facts reads in the details panel. Sources imported from the web keep their
 * address and link to it; sources imported from a file on the server (the CLI's usual input) name
 * the file only (the server records no more since schema 0005): a link would only open this app.
 */
import type { Source } from '../api/types';
import { isHttpUrl, shortUrl } from './property-format';

/** What the importers and the editors record as a source's kind, as a reader calls them. */
const SOURCE_KIND_LABELS: Readonly<Record<string, string>> = {
  'member-page': 'DPGA member page',
  'dpg-registry': 'DPG Registry',
  'dpga-members': 'DPGA members list',
  members: 'DPGA members list',
  'activities-csv': 'Activities sheet',
  editor: 'Editor',
};

export interface SourceDisplay {
  /** The source's title, else where it is. */
  text: string;
  /** Its web address; null for a file or anything else that is not http(s). */
  href: string | null;
  /** The host and path of a web source, or a file's name. */
  where: string;
  /** The kind, in words. */
  kind: string;
  /**
   * An editor's statements rather than an import: no content checksum, its date is the editor's
   * last edit, and its `user:<id>` address means nothing to a reader (`where` is then the text).
   */
  editor: boolean;
}

/**
 * The last part of a path or file URI: `file:roadmap-2023.csv` (as imports record a file now) or
 * `/srv/data/roadmap-2023.csv` (as older imports did) → `roadmap-2023.csv`.
 */
function fileName(uri: string): string {
  const withoutScheme = uri.replace(/^file:(\/\/)?/, '');
  const parts = withoutScheme.split(/[\\/]/).filter((part) => part !== '');
  return parts.at(-1) ?? uri;
}

export function sourceDisplay(source: Pick<Source, 'uri' | 'title' | 'kind'>): SourceDisplay {
  if (source.kind === 'editor') {
    const text = source.title?.trim() || SOURCE_KIND_LABELS.editor!;
    return { text, href: null, where: text, kind: SOURCE_KIND_LABELS.editor!, editor: true };
  }
  const href = isHttpUrl(source.uri) ? source.uri : null;
  const where = href ? shortUrl(href) : fileName(source.uri);
  const title = source.title?.trim();
  return {
    text: title ? title : where,
    href,
    where,
    kind: SOURCE_KIND_LABELS[source.kind] ?? source.kind.replaceAll('-', ' '),
    editor: false,
  };
}

/** The date an editor's statement names: "stated by editor Ada on 2026-12-04". */
const STATED_ON = /\bon (\d{4}-\d{2}-\d{2})$/;

/**
 * When an editor last stated something about this entity or one of its relationships, as the
 * statements' own evidence says (ISO date), or null when none says. The editor's Source node is
 * shared by all their edits, so its date is their latest edit anywhere in the graph, not here.
 */
export function editorStatedOn(
  sourceId: string,
  statements: readonly { source: string; evidence: string | null }[],
): string | null {
  let latest: string | null = null;
  for (const { source, evidence } of statements) {
    const date = source === sourceId ? STATED_ON.exec(evidence ?? '')?.[1] : undefined;
    if (date !== undefined && (latest === null || date > latest)) latest = date;
  }
  return latest;
}
