/**
 * Parses a JSON document and, when it is malformed, says where: the file, line and column.
 * JSON.parse does the parsing; jsonc-parser (VS Code's) only locates the first error, since
 * V8's messages do not always carry a position. jsonc-parser recurses once per nesting level, so
 * a document nested deeper than any real one is located by a flat scan instead (a truncated
 * `[[[[…` of 100,000 levels would otherwise overflow the stack).
 */
import { parse as locate, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ImportInputError } from '../errors.ts';

/** Deeper than any real document; jsonc-parser locates errors safely up to here. */
export const MAX_LOCATED_DEPTH = 1_000;

/** The offset of the first bracket that nests deeper than `max` (strings skipped), or -1. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ']' || c === '}') depth--;
  }
  return -1;
}

export function parseJsonDocument(text: string, document: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const deepAt = tooDeepAt(text, MAX_LOCATED_DEPTH);
    const errors: ParseError[] = [];
    if (deepAt < 0) {
      try {
        locate(text, errors, { disallowComments: true, allowTrailingComma: false });
      } catch {
        // Not located after all (a nesting the scan did not count): the end, with V8's message.
        errors.length = 0;
      }
    }
    const first = errors[0];
    const offset = deepAt >= 0 ? deepAt : (first?.offset ?? text.length);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const truncated = offset >= text.trimEnd().length;
    const what =
      deepAt >= 0
        ? `nested more than ${MAX_LOCATED_DEPTH} levels deep`
        : first
          ? printParseErrorCode(first.error)
          : (error as Error).message;
    throw new ImportInputError(
      `${document} is not valid JSON at line ${line}, column ${column}: ${what}${truncated ? ' (it ends too early: truncated?)' : ''}`,
      { source: document, line },
    );
  }
}
