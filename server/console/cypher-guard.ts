/**
 * The Cypher console's first line of defence: a static check of the query text that refuses
 * anything but reading this database. It is not the only one — the query then runs in a READ
 * access-mode transaction, which Neo4j itself keeps from writing (console-service.ts) — but
 * READ mode still lets through what reads outside the graph: `LOAD CSV` reads server files and
 * URLs, `SHOW USERS` / `SHOW TRANSACTIONS` answer from the system database, and procedures of
 * DBMS mode run. Those are refused here.
 *
 * The text is split into tokens the way Cypher's lexer does (string literals, comments and
 * backquoted names are single tokens that are never keywords), and a word counts as a keyword
 * unless it is a property name (`n.set`), a label or type (`:Set`), a parameter (`$set`) or a
 * map key (`{set: 1}`). The check errs on refusing: a variable named like a write clause
 * (`MATCH (set)`) is refused too, with a message that says to backquote it.
 *
 * Neo4j decodes `\uXXXX` escapes before its lexer runs, inside strings and comments too (measured
 * on 5.26: `LOAD\u0020CSV` loads, `'\u0027` ends a string), so a text with one cannot be
 * tokenized as Neo4j will read it: any backslash followed by `u` is refused outright.
 */

/** Why a query is refused: the family of the clause. */
export type GuardReason =
  | 'write'
  | 'file-access'
  | 'procedure'
  | 'batched-transactions'
  | 'other-database'
  | 'administration'
  | 'multiple-statements'
  | 'unterminated'
  | 'unicode-escape';

export type GuardVerdict =
  | {
      allowed: true;
      /** The statement to run: the text without a trailing semicolon. */
      statement: string;
    }
  | {
      allowed: false;
      /** The clause as written in the query's words, upper-cased (`DETACH`, `LOAD CSV`, `CALL db.labels`). */
      clause: string;
      reason: GuardReason;
      /** 1-based position of the clause in the text. */
      line: number;
      column: number;
      /** A sentence for the user naming the clause and where it is. */
      message: string;
    };

type TokenKind = 'word' | 'quoted' | 'literal' | 'symbol';

interface Token {
  kind: TokenKind;
  /** The word upper-cased, or the symbol; empty for literals and quoted names. */
  text: string;
  offset: number;
  /** Where the token ends in the query text (exclusive). */
  end: number;
}

/** Clauses that change the graph or the schema (CREATE and DROP also start index and constraint commands). */
const WRITE_WORDS = new Set([
  'CREATE',
  'MERGE',
  'DELETE',
  'DETACH',
  'SET',
  'REMOVE',
  'DROP',
  'FOREACH',
  // NODETACH DELETE: DELETE that fails on nodes with relationships (Neo4j 5.14+).
  'NODETACH',
  // GQL's synonym of CREATE (Neo4j 5.18+).
  'INSERT',
  // USING PERIODIC COMMIT: Neo4j 4's batched LOAD CSV.
  'PERIODIC',
]);

/** Administration commands: users, roles, privileges, databases, servers, transactions, settings. */
const ADMIN_WORDS = new Set([
  'SHOW',
  'GRANT',
  'DENY',
  'REVOKE',
  'ALTER',
  'RENAME',
  'TERMINATE',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'DRYRUN',
]);

/** START and STOP are ordinary variable names (`MATCH (start)`) except before these words. */
const START_STOP_OBJECTS = new Set(['DATABASE', 'DATABASES', 'SERVER', 'SERVERS', 'COMPOSITE']);

/** Characters that continue a word; a subset of what Cypher's lexer takes as identifier characters. */
const WORD_CHAR = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u;
// Cypher also skips the information separators U+001C–U+001F, which \s leaves out (measured on
// 5.26: `LOAD<U+001C>CSV` loads). Other Unicode spaces are in both.
// eslint-disable-next-line no-control-regex -- those control characters are the point
const SPACE = /[\s\u001C-\u001F]/u;

/** A `\uXXXX` escape as Neo4j would decode it (any case and any backslash before, to err on refusing). */
const UNICODE_ESCAPE = /\\u/i;

class Unterminated extends Error {
  constructor(
    readonly what: string,
    readonly offset: number,
  ) {
    super(what);
  }
}

/** The end (exclusive) of the quoted run opening at `start`; backslash escapes unless backquoted. */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote !== '`' && c === '\\') {
      i++;
      continue;
    }
    if (c === quote) {
      // A backquote inside a backquoted name is written twice.
      if (quote === '`' && text[i + 1] === '`') {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  throw new Unterminated(quote === '`' ? 'backquoted name' : 'string', start);
}

/** Splits `text` into Cypher tokens, dropping whitespace and comments. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Unterminated('comment', i);
      i = end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = quotedEnd(text, i);
      tokens.push({ kind: c === '`' ? 'quoted' : 'literal', text: '', offset: i, end });
      i = end;
    } else if (WORD_CHAR.test(c)) {
      const start = i;
      // Code points, not UTF-16 units: a letter outside the BMP is one character.
      while (i < text.length) {
        const point = String.fromCodePoint(text.codePointAt(i)!);
        if (!WORD_CHAR.test(point)) break;
        i += point.length;
      }
      tokens.push({
        kind: 'word',
        text: text.slice(start, i).toUpperCase(),
        offset: start,
        end: i,
      });
    } else {
      const point = String.fromCodePoint(text.codePointAt(i)!);
      tokens.push({ kind: 'symbol', text: point, offset: i, end: i + point.length });
      i += point.length;
    }
  }
  return tokens;
}

/** 1-based line and column of `offset` in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

const isSymbol = (token: Token | undefined, symbol: string) =>
  token?.kind === 'symbol' && token.text === symbol;

/** The index of the `)` matching the `(` at `open`, or -1. */
function closingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isSymbol(tokens[i], '(')) depth++;
    else if (isSymbol(tokens[i], ')') && --depth === 0) return i;
  }
  return -1;
}

/** A procedure's name as written after CALL (`db.labels`), for the message. */
function procedureName(text: string, tokens: Token[], from: number): string {
  const parts: string[] = [];
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word' || token.kind === 'quoted')
      parts.push(text.slice(token.offset, token.end));
    else if (isSymbol(token, '.')) parts.push('.');
    else break;
  }
  return parts.join('');
}

/** Whether the word at `i` is a name rather than a keyword: a property, label, parameter or map key. */
function isName(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  return (
    isSymbol(before, '.') ||
    isSymbol(before, ':') ||
    isSymbol(before, '$') ||
    (isSymbol(tokens[i + 1], ':') && !isSymbol(tokens[i + 2], ':'))
  );
}

interface Refusal {
  clause: string;
  reason: GuardReason;
  offset: number;
}

/** The first refused clause among `tokens`, or null. */
function findRefusal(text: string, tokens: Token[]): Refusal | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isSymbol(token, ';')) {
      if (i < tokens.length - 1)
        return { clause: ';', reason: 'multiple-statements', offset: token.offset };
      continue;
    }
    if (token.kind !== 'word' || isName(tokens, i)) continue;
    const word = token.text;
    const next = tokens[i + 1];
    const nextWord = next?.kind === 'word' ? next.text : undefined;
    const refuse = (clause: string, reason: GuardReason): Refusal => ({
      clause,
      reason,
      offset: token.offset,
    });
    if (WRITE_WORDS.has(word)) return refuse(word, 'write');
    if (word === 'LOAD' && nextWord === 'CSV') return refuse('LOAD CSV', 'file-access');
    if (word === 'TRANSACTIONS') return refuse('IN TRANSACTIONS', 'batched-transactions');
    if (word === 'USE') return refuse('USE', 'other-database');
    if (ADMIN_WORDS.has(word))
      return refuse(nextWord ? `${word} ${nextWord}` : word, 'administration');
    if (
      (word === 'START' || word === 'STOP') &&
      (i === 0 || isSymbol(tokens[i - 1], '{') || START_STOP_OBJECTS.has(nextWord ?? ''))
    )
      return refuse(nextWord ? `${word} ${nextWord}` : word, 'administration');
    if (word === 'CALL') {
      // CALL { … } and CALL (variables) { … } are subqueries: their clauses are checked like any.
      if (isSymbol(next, '{')) continue;
      if (isSymbol(next, '(')) {
        const close = closingParen(tokens, i + 1);
        if (close > 0 && isSymbol(tokens[close + 1], '{')) continue;
      }
      const name = procedureName(text, tokens, i + 1);
      return refuse(name ? `CALL ${name}` : 'CALL', 'procedure');
    }
  }
  return null;
}

const REASON_TEXT: Record<GuardReason, string> = {
  write: 'it would change the graph or its schema',
  'file-access': 'it reads files and URLs from the server',
  procedure: 'procedures are not available here',
  'batched-transactions': 'it commits transactions of its own',
  'other-database': 'it would switch to another database',
  administration: 'administration commands are not available here',
  'multiple-statements': 'the console runs one statement at a time',
  unterminated: 'Neo4j could not read the rest of the query',
  'unicode-escape':
    'Neo4j decodes \\u escapes before reading the query, even in strings and comments; type the character itself',
};

/**
 * Checks a console query; allowed queries come back as the statement to run. The refusal names
 * the first offending clause and its line and column.
 */
export function checkConsoleQuery(text: string): GuardVerdict {
  let tokens: Token[] = [];
  let refusal: Refusal | null = null;
  // Decoded, an escape can spell anything: the tokens would not be the ones Neo4j reads.
  const escape = UNICODE_ESCAPE.exec(text);
  if (escape) refusal = { clause: '\\u escape', reason: 'unicode-escape', offset: escape.index };
  else {
    try {
      tokens = tokenize(text);
      refusal = findRefusal(text, tokens);
    } catch (error) {
      if (!(error instanceof Unterminated)) throw error;
      refusal = {
        clause: `unterminated ${error.what}`,
        reason: 'unterminated',
        offset: error.offset,
      };
      tokens = [];
    }
  }
  if (refusal) {
    const { line, column } = positionOf(text, refusal.offset);
    const hint =
      refusal.reason === 'write' || refusal.reason === 'administration'
        ? ' (a variable of that name must be backquoted)'
        : '';
    return {
      allowed: false,
      clause: refusal.clause,
      reason: refusal.reason,
      line,
      column,
      message: `The console is read-only: ${refusal.clause} at line ${line}, column ${column} is refused because ${REASON_TEXT[refusal.reason]}${hint}.`,
    };
  }
  const last = tokens[tokens.length - 1];
  const statement = isSymbol(last, ';') ? text.slice(0, last!.offset) : text;
  return { allowed: true, statement };
}
