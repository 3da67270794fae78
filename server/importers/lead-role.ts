/**
 * How the organisation an activity is listed under leads it: alone, or with others when the
 * title says it co-leads, co-chairs or co-coordinates ("Co-leading the Community of Practice on
 * AI", "Co-Chair: Health Community of Practice"). Read as plain LEADS, such an organisation sat
 * above its co-lead (GIZ CO_LEADS the AI CoP "with UNICEF"), which the page does not say.
 */
import type { RelationshipType } from '../model/graph-model.ts';

// "Co-" or "Co " before the word: "COLEAD", run together, is an organisation's name.
const SHARED_LEAD = /\bco[-\s](?:lead|chair|coordinat)/i;

export function leadRole(activityTitle: string): Extract<RelationshipType, 'LEADS' | 'CO_LEADS'> {
  return SHARED_LEAD.test(activityTitle) ? 'CO_LEADS' : 'LEADS';
}
