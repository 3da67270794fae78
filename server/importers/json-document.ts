/**
 * Parses a JSON document and, when it is malformed, says where: the file, line and column.
 * JSON.parse does the parsing; jsonc-parser (VS Code's) only locates the first error, since
 * V8's messages do not always carry a position.
 */
import { parse as locate, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ImportInputError } from '../errors.ts';

export function parseJsonDocument(text: string, document: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const errors: ParseError[] = [];
    locate(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const offset = first?.offset ?? text.length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const truncated = offset >= text.trimEnd().length;
    const what = first ? printParseErrorCode(first.error) : (error as Error).message;
    throw new ImportInputError(
      `${document} is not valid JSON at line ${line}, column ${column}: ${what}${truncated ? ' (it ends too early: truncated?)' : ''}`,
      { source: document, line },
    );
  }
}
