/** Parses a JSON document and, when it is malformed, says where: the file, line and column. */
import { ImportInputError } from '../errors.ts';

export function parseJsonDocument(text: string, document: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      throw new ImportInputError(
        `${document} is not valid JSON at line ${line}, column ${column}: ${message}`,
        {
          source: document,
          line,
        },
      );
    }
    const truncated = /Unexpected end of JSON input/.test(message);
    throw new ImportInputError(
      `${document} is not valid JSON${truncated ? ' (it ends too early: truncated?)' : ''}: ${message}`,
      { source: document, line: text.split('\n').length },
    );
  }
}
