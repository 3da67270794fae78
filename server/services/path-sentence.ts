/**
 * Says a path in words: "UNICEF leads the AI CoP, in which Google participates". Each step reads
 * from the node reached so far: along the relationship with its phrase ("leads"), against it with
 * a relative clause ("in which Google participates") or, at the start, the inverse phrase ("is led
 * by"), one relative clause to a main clause. Pure; phrases come from the graph model.
 */
import {
  RELATIONSHIP_INVERSE_PHRASES,
  RELATIONSHIP_PHRASES,
  isRelationshipType,
} from '../model/graph-model.ts';
import { agree } from './verb-agreement.ts';

/**
 * An entity as a sentence names it: an activity's title in quotes, as titles are long sentences
 * themselves ("GIZ co-leads Co-leading the Community of Practice on AI" read as a stammer).
 */
export function quotedName(label: string, type: string): string {
  return type === 'Activity' ? `“${label}”` : label;
}

/** One relationship on a path, seen from the path's order. */
export interface SentenceStep {
  type: string;
  /** True when the relationship points from the earlier node on the path to the later one. */
  forward: boolean;
  /** Its role and dates in a few words ("core funder, since 2021"), said after it; '' for none. */
  about?: string;
}

const TRAILING_PREPOSITION = /^(.*) (in|of|to|with|for)$/;

function phrase(type: string): string {
  return isRelationshipType(type)
    ? RELATIONSHIP_PHRASES[type]
    : type.toLowerCase().replace(/_/g, ' ');
}

function inversePhrase(type: string): string {
  return isRelationshipType(type)
    ? RELATIONSHIP_INVERSE_PHRASES[type]
    : `is ${type.toLowerCase().replace(/_/g, ' ')} by`;
}

/** "in which Google participates" / "which UNICEF leads": the later node is the subject. */
function relativeClause(type: string, subject: string): string {
  const words = agree(phrase(type), subject);
  const split = TRAILING_PREPOSITION.exec(words);
  return split ? `${split[2]} which ${subject} ${split[1]}` : `which ${subject} ${words}`;
}

/** "A leads B" / "A is led by B": a main clause that ends on the node it reaches. */
function mainClause(from: string, step: SentenceStep, to: string): string {
  return `${from} ${agree(step.forward ? phrase(step.type) : inversePhrase(step.type), from)} ${to}`;
}

/**
 * The sentence for a path of `labels.length` nodes joined by `steps` (one fewer). A main clause
 * takes one relative clause at most; a longer path goes on with a new main clause after a
 * semicolon, since a second "which" would read as about the first clause's object ("Norad funds
 * DHIS2, which is deployed in Sierra Leone, in which OpenCRVS is deployed").
 * @throws Error when the counts disagree or the path is empty.
 */
export function pathSentence(labels: readonly string[], steps: readonly SentenceStep[]): string {
  if (steps.length === 0 || labels.length !== steps.length + 1) {
    throw new Error(
      `path-sentence: a path needs n nodes and n-1 steps (got ${labels.length} and ${steps.length})`,
    );
  }
  const clauses: string[] = [];
  steps.forEach((step, i) => {
    const [from, to] = [labels[i]!, labels[i + 1]!];
    // The aside closes the clause of its relationship: "UNICEF funds X (core funder), which…".
    const aside = step.about ? ` (${step.about})` : '';
    if (i % 2 === 0) clauses.push(mainClause(from, step, to) + aside);
    else {
      // "which" stands for the node the clause reached, `from`: it agrees with that.
      const relative = step.forward
        ? `which ${agree(phrase(step.type), from)} ${to}`
        : relativeClause(step.type, to);
      clauses[clauses.length - 1] += `, ${relative}${aside}`;
    }
  });
  return clauses.join('; ');
}
