/**
 * A DPG two partners share, in words, naming the go-between when a partner backs it only through
 * a fund it runs: "Avyantra Health Technologies, which UNICEF funds through UNICEF Venture Fund".
 * The partnership network counts what a fund invests in as its runner's (organisation-ties.cypher);
 * said as the DPG's name alone, UNICEF's tie to Avyantra read as though UNICEF owned or used
 * Avyantra's DPG (QA). Pure; the answer lists the same funds by id in `via`.
 */
import { agree } from '../services/verb-agreement.ts';
import { verb, type PathNode } from './evidence-path.ts';

/** A fund through which one party backs a shared DPG, which that party does not back itself. */
export interface ViaFund extends PathNode {
  /** The party of the tie that runs the fund. */
  runBy: { id: string; label: string };
}

/** Names as a sentence lists them: "a", "a and b", "a, b and c". */
function listInWords(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The shared DPG in words: its name, then who backs it through which fund, runner by runner in
 * the order of `via` ("X, which UNICEF funds through UNICEF Venture Fund, and Gates through
 * Grand Challenges"). Its name alone when neither party goes through a fund.
 */
export function sharedDpgSentence(dpg: PathNode, via: readonly ViaFund[]): string {
  const byRunner = new Map<string, { runner: string; funds: string[] }>();
  for (const fund of via) {
    const entry = byRunner.get(fund.runBy.id) ?? { runner: fund.runBy.label, funds: [] };
    if (!entry.funds.includes(fund.label)) entry.funds.push(fund.label);
    byRunner.set(fund.runBy.id, entry);
  }
  const clauses = [...byRunner.values()].map(({ runner, funds }, i) =>
    // The second runner's verb is elided ("and Gates through …"), as is the relative pronoun.
    i === 0
      ? `which ${runner} ${agree(verb('FUNDS'), runner)} through ${listInWords(funds)}`
      : `and ${runner} through ${listInWords(funds)}`,
  );
  return [dpg.label, ...clauses].join(', ');
}
