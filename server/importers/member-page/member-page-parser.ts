/**
 * Parses the text of a DPGA member's activity page (any member, not only UNICEF):
 *
 *   <short name>            UNICEF
 *   <long name>             United Nations Children's Fund
 *   Our Activities
 *   <N> Total Activities
 *   then per activity: a title line, a description paragraph, and optional fields
 *   `Activity Type:`, `Connected members:`, `Connected DPGs:` whose values stand on the same
 *   line or on the following lines, and may be empty or absent;
 *   a boilerplate footer paragraph.
 *
 * The site renders all three field labels on every card, so on a page that has fields, a heading
 * and paragraph without fields of their own may be a section of the card whose fields follow them,
 * or a card whose fields the copy lost. The page's own count decides: read as cards when that
 * gives the count (UNICEF's page says 10, and "DPGs x Youth" has no fields; "Scaling startup
 * ecosystems…" after it, with GitHub as its member, is a card of its own), else as sections.
 *
 * Pure: text in, structure out. Problems that still leave a usable page become warnings; text that
 * is not a member page at all raises ImportInputError naming the source and line.
 */
import { ImportInputError } from '../../errors.ts';
import { MAX_NAME_LENGTH, nameProblem } from '../resolution/text-normalise.ts';

export const MEMBER_PAGE_FIELDS = {
  'activity type': 'activityType',
  'connected members': 'connectedMembers',
  'connected dpgs': 'connectedDpgs',
} as const;
export type MemberPageField = (typeof MEMBER_PAGE_FIELDS)[keyof typeof MEMBER_PAGE_FIELDS];

export interface ParsedActivity {
  title: string;
  /** 1-based line of the title in the source text. */
  line: number;
  description: string;
  /** Field values as written (several lines joined by newlines); absent fields are missing keys. */
  fields: Partial<Record<MemberPageField, string>>;
}

export interface ParseWarning {
  line: number | null;
  message: string;
}

export interface MemberPage {
  member: { shortName: string; longName: string | null };
  /** The "N Total Activities" figure as the page states it, or null where the page has none. */
  declaredCount: number | null;
  activities: ParsedActivity[];
  footer: string | null;
  warnings: ParseWarning[];
}

interface Line {
  no: number;
  text: string;
}

const FIELD_LINE = /^(activity type|connected members|connected dpgs)\s*:\s*(.*)$/i;
const COUNT_LINE = /^(\d+)\s+total\s+activit(?:y|ies)$/i;
const OUR_ACTIVITIES = /^our activities$/i;
const FOOTER = /^DPGA members are championing activities\b/i;
const MAX_TITLE_LENGTH = 200;

/** Parses a member page; `source` names the input in error messages (a path or URL). */
export function parseMemberPage(text: string, source = 'member page'): MemberPage {
  assertText(text, source);
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ no: i + 1, text: raw.trim() }))
    .filter((l) => l.text.length > 0);

  const countIndex = lines.findIndex((l) => COUNT_LINE.test(l.text));
  const ourIndex = lines.findIndex((l) => OUR_ACTIVITIES.test(l.text));
  if (countIndex < 0 && ourIndex < 0) {
    throw new ImportInputError(
      `${source} is not a DPGA member page: it has neither an "Our Activities" line nor an "N Total Activities" line`,
      { source, field: 'header' },
    );
  }
  const headerEnd =
    ourIndex >= 0 && (countIndex < 0 || ourIndex < countIndex) ? ourIndex : countIndex;
  const header = lines.slice(0, headerEnd);
  const [first, second] = header;
  if (!first) {
    throw new ImportInputError(`${source} has no member name before its activities list (line 1)`, {
      source,
      line: 1,
      field: 'member name',
    });
  }
  // The member's name becomes an organisation's name and id; its long name, an alias.
  const nameError = nameProblem(first.text);
  const longName = second?.text ?? '';
  const longError = longName.length > MAX_NAME_LENGTH ? nameProblem(longName) : null;
  if (nameError || longError) {
    const [line, field, problem] = nameError
      ? [first, 'member name', nameError]
      : [second!, 'member long name', longError!];
    throw new ImportInputError(`${source} line ${line.no}: the ${field} ${problem}`, {
      source,
      line: line.no,
      field,
    });
  }
  const warnings: ParseWarning[] = [];
  if (header.length > 2) {
    warnings.push({
      line: header[2]!.no,
      message: `unexpected header line "${header[2]!.text}" ignored`,
    });
  }

  const declaredCount =
    countIndex >= 0 ? Number(COUNT_LINE.exec(lines[countIndex]!.text)![1]) : null;
  if (declaredCount === null)
    warnings.push({ line: null, message: 'the page states no activity count' });

  let body = lines.slice(Math.max(countIndex, ourIndex) + 1);
  let footer: string | null = null;
  const last = body[body.length - 1];
  if (last && FOOTER.test(last.text)) {
    footer = last.text;
    body = body.slice(0, -1);
  }

  const asCards = readActivities(body, false);
  const chosen =
    declaredCount !== null && asCards.activities.length === declaredCount
      ? asCards
      : readActivities(body, true);
  const activities = chosen.activities;
  warnings.push(...chosen.warnings);
  if (declaredCount !== null && declaredCount !== activities.length) {
    warnings.push({
      line: lines[countIndex]!.no,
      message: `the page says ${declaredCount} activities but holds ${activities.length}`,
    });
  }
  return {
    member: { shortName: first.text, longName: second?.text ?? null },
    declaredCount,
    activities,
    footer,
    warnings,
  };
}

function assertText(text: string, source: string): void {
  if (text.trim().length === 0) {
    throw new ImportInputError(`${source} is empty`, { source });
  }
  const nul = text.indexOf('\u0000');
  const replacement = (text.match(/\uFFFD/g) ?? []).length;
  if (nul >= 0 || replacement > Math.max(3, text.length / 100)) {
    const line = nul >= 0 ? text.slice(0, nul).split('\n').length : null;
    throw new ImportInputError(
      `${source} looks binary, not a text page${line ? ` (line ${line})` : ''}`,
      {
        source,
        ...(line ? { line } : {}),
      },
    );
  }
}

function fieldOf(line: Line): { field: MemberPageField; value: string } | null {
  const m = FIELD_LINE.exec(line.text);
  if (!m) return null;
  const key = m[1]!.toLowerCase() as keyof typeof MEMBER_PAGE_FIELDS;
  return { field: MEMBER_PAGE_FIELDS[key], value: m[2]!.trim() };
}

/** A title is a short line without a closing full stop. */
function looksLikeTitle(line: Line): boolean {
  return line.text.length <= MAX_TITLE_LENGTH && !/[.;:]$/.test(line.text);
}

/** A description is a paragraph: long, or a sentence of several words. */
function looksLikeDescription(line: Line): boolean {
  return (
    line.text.length >= 80 || (/[.!?)]$/.test(line.text) && line.text.split(/\s+/).length >= 6)
  );
}

/** True when `lines[i]` opens a new activity: a title followed by a description paragraph. */
function startsActivity(lines: Line[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  return (
    !!line &&
    !!next &&
    !fieldOf(line) &&
    !fieldOf(next) &&
    looksLikeTitle(line) &&
    looksLikeDescription(next)
  );
}

/**
 * Reads the activity cards of `lines`; with `sections`, a heading and paragraph that follow a card
 * without fields yet are read as a section of it, else as a card of their own.
 */
function readActivities(
  lines: Line[],
  sections: boolean,
): { activities: ParsedActivity[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const activities: ParsedActivity[] = [];
  const usesFieldTemplate = lines.some((l) => fieldOf(l) !== null);
  let current: ParsedActivity | null = null;
  let openField: MemberPageField | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const field = fieldOf(line);

    if (field) {
      if (!current) {
        warnings.push({
          line: line.no,
          message: `field "${line.text}" before any activity ignored`,
        });
        continue;
      }
      if (current.fields[field.field] !== undefined) {
        warnings.push({
          line: line.no,
          message: `field repeated in "${current.title}"; values joined`,
        });
      }
      current.fields[field.field] = joinValue(current.fields[field.field], field.value);
      openField = field.field;
      continue;
    }

    if (startsActivity(lines, i)) {
      const fieldless = current && usesFieldTemplate && Object.keys(current.fields).length === 0;
      if (current && fieldless && sections) {
        // The site renders the field labels on every card, even empty ones; a heading and
        // paragraph before the card's fields are a section of that card, not a card of their own.
        warnings.push({
          line: line.no,
          message: `"${clip(line.text)}" has no fields of its own: read as a section of "${clip(current.title)}"`,
        });
        current.description = `${current.description}\n\n${line.text}\n${lines[i + 1]!.text}`;
        i++;
        continue;
      }
      if (current && fieldless)
        warnings.push({
          line: current.line,
          message: `"${clip(current.title)}" has no fields: read as a card of its own, as the page's count says`,
        });
      current = { title: line.text, line: line.no, description: lines[i + 1]!.text, fields: {} };
      activities.push(current);
      openField = null;
      i++;
      continue;
    }

    if (!current) {
      warnings.push({
        line: line.no,
        message: `text before the first activity ignored: "${clip(line.text)}"`,
      });
    } else if (openField) {
      current.fields[openField] = joinValue(current.fields[openField], line.text);
    } else if (Object.keys(current.fields).length === 0) {
      // A description that runs over several paragraphs.
      current.description = `${current.description}\n\n${line.text}`;
    } else {
      warnings.push({
        line: line.no,
        message: `stray text after "${current.title}" ignored: "${clip(line.text)}"`,
      });
    }
  }
  return { activities, warnings };
}

function joinValue(existing: string | undefined, value: string): string {
  if (!value) return existing ?? '';
  return existing ? `${existing}\n${value}` : value;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
