/**
 * One relationship as a sentence, subject first: "UNICEF funds RapidPro". The phrase and its
 * agreement with a plural subject ("DPGA Board Members include…" never; "AI CoP members participate
 * in…") are the server's own (graph-vocabulary.ts, verb-agreement.ts), so the details panel reads as
 * the path finder's sentences do.
 */
import { RELATIONSHIP_PHRASES } from '../../../../server/model/graph-vocabulary.ts';
import { agree } from '../../../../server/services/verb-agreement.ts';
import { isRelationshipType } from './relationship-types';

/** A sentence in three parts, so each end can be drawn as a link to that entity. */
export interface RelationshipSentence {
  subject: string;
  /** The relationship's phrase, agreeing with the subject: "funds", "is deployed in". */
  verb: string;
  object: string;
  /** The whole sentence as plain text. */
  text: string;
}

/**
 * How `from -[type]-> to` reads, with the ends' names. A type the page does not know (a newer
 * server's) reads as its lower-cased name, as the server's sentences do.
 */
export function relationshipSentence(
  fromLabel: string,
  type: string,
  toLabel: string,
): RelationshipSentence {
  const phrase = isRelationshipType(type)
    ? RELATIONSHIP_PHRASES[type]
    : type.toLowerCase().replaceAll('_', ' ');
  const verb = agree(phrase, fromLabel);
  return { subject: fromLabel, verb, object: toLabel, text: `${fromLabel} ${verb} ${toLabel}` };
}
