/**
 * How an insight view ranks its list, in words, for the "How this list is ranked" note under it: a
 * score people cannot read is one they do not trust, and a tooltip is found by few. Collaborator
 * weights are read from the answer's own `method`, so the note says what the server computed;
 * the stakeholder and network orders are fixed by their services. Pure.
 */
import { formatDate } from '../entity/property-format';
import { organisationKindsInText } from '../vocabulary';
import { insightFilterCountry, insightItems } from './insight-request';
import type { InsightKind } from '../../state/url/utils';

export interface RankingNote {
  /** One sentence: what orders the list. */
  lead: string;
  /** The parts of a score, each in a line ("2 × takes part in an activity with an owner…"). */
  parts: string[];
  /** When the network measures used were computed, as a date; null when none are used. */
  measuredOn: string | null;
  /**
   * Said above the list, not folded under it, when the list rests on weak signals alone: MOSIP's
   * and OpenCRVS's candidates (no sector in the registry) were ranked on SDGs in common, the Food
   * and Agriculture Organization first, and nothing said so (QA). Null otherwise.
   */
  caution: string | null;
}

/** Collaborator meta-paths that say little alone: a goal or a country in common. */
const WEAK_META_PATHS = new Set(['dpg-sdg', 'dpg-country']);

/** Whether every candidate listed is linked to the DPG by weak meta-paths alone. */
function onlyWeakSignals(candidates: unknown): boolean {
  if (!Array.isArray(candidates) || candidates.length === 0) return false;
  return candidates.every(
    (candidate) =>
      isRecord(candidate) &&
      Array.isArray(candidate.parts) &&
      candidate.parts.every((part) => isRecord(part) && WEAK_META_PATHS.has(String(part.metaPath))),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether every stakeholder listed is in an indirect ring (Kenya's map on the real data: no
 * activity there, only makers of DPGs listed as deployed or developed there).
 */
function onlyIndirect(body: unknown): boolean {
  const items = insightItems(body);
  return items.length > 0 && items.every((item) => item.ring?.indirect === true);
}

/** "2 ×", "0.25 ×": a weight as a reader compares them. */
function times(weight: number): string {
  return `${Number(weight.toFixed(2))} ×`;
}

/**
 * The note for a topic's map in `country` (a sector's, an SDG's), `dpg` naming a DPG of the topic
 * ("a DPG of the Health sector", "a DPG advancing SDG 3"): work in the country comes first there,
 * as the evidence of being at work there; such a DPG made or deployed there only says that its
 * backers may be.
 */
function topicInCountryNote(
  dpg: string,
  country: string,
  measuredOn: string | null,
  indirectOnly: boolean,
): RankingNote {
  return {
    lead:
      `Those who take part in an activity in ${country} involving ${dpg} ` +
      `first, then, marked indirect, those who make, maintain, fund or deploy such a DPG ` +
      `developed in ${country}, then one deployed there. Within each, by role (leads, ` +
      'co-leads, takes part; makes, maintains, funds, deploys), then the most influential in the ' +
      'whole graph first (PageRank over every relationship).',
    parts: [],
    measuredOn,
    caution: indirectOnly
      ? `None of these takes part in an activity in ${country} involving ${dpg} ` +
        `in the graph: each backs one developed or deployed there, which does not say ` +
        `they work in ${country}. Read them as leads to check.`
      : null,
  };
}

/**
 * Why a collaborators list holds weak signals only: the filters it was narrowed by, where it was
 * (DHIS2 has a sector; active in Antarctica, none of its partners is left), else the DPG itself.
 */
function weakSignalsCause(record: Record<string, unknown>, subject: string): string {
  const filters = isRecord(record.filters) ? record.filters : {};
  const country = insightFilterCountry(record);
  const narrowed = [
    typeof filters.kind === 'string' && filters.kind !== ''
      ? `${organisationKindsInText(filters.kind)} only`
      : null,
    country ? `active in ${country.label}` : null,
    filters.membersOnly === true ? 'DPGA members only' : null,
  ].filter((part): part is string => part !== null);
  return narrowed.length > 0
    ? `The filters (${narrowed.join(', ')}) leave no stronger one.`
    : `The registry may list no sector for ${subject}, or no other DPG of its sector.`;
}

/** The note for view `kind` from its answer `body`, about the subject named `subject`. */
export function rankingNote(kind: InsightKind, body: unknown, subject: string): RankingNote {
  const record = isRecord(body) ? body : {};
  const computedAt = typeof record.metricsComputedAt === 'string' ? record.metricsComputedAt : null;
  const measuredOn = computedAt === null ? null : formatDate(computedAt);
  switch (kind) {
    case 'collaborators': {
      const weights =
        isRecord(record.method) && isRecord(record.method.weights)
          ? Object.values(record.method.weights).filter(isRecord)
          : [];
      const parts = weights
        .filter((w) => typeof w.weight === 'number' && typeof w.description === 'string')
        .sort((a, b) => Number(b.weight) - Number(a.weight))
        .map((w) => `${times(Number(w.weight))} ${String(w.description)}`);
      return {
        lead:
          `Each link between an organisation and ${subject} adds its kind's weight, divided by ` +
          'ln(1 + the connections of the entity it runs through): a country where half the ' +
          'registry is deployed says little about a partnership. A DPG or activity of theirs ' +
          `counts once, however many of ${subject}'s countries or goals it shares, through the ` +
          'rarest. The score is the sum; its parts are under each name.',
        parts,
        measuredOn: null,
        caution: onlyWeakSignals(record.candidates)
          ? `None of these takes part in an activity with ${subject}'s makers or backs a DPG of ` +
            `its sector: they share goals or countries with it, weak signals. ` +
            `${weakSignalsCause(record, subject)} Read the list as leads to check, not partners.`
          : null,
      };
    }
    case 'stakeholders': {
      const type = isRecord(record.subject) ? record.subject.type : null;
      const sector = type === 'Sector';
      const country = insightFilterCountry(record);
      if ((sector || type === 'SDG') && country !== null)
        return topicInCountryNote(
          sector ? `a DPG of the ${subject} sector` : `a DPG advancing ${subject}`,
          country.label,
          measuredOn,
          onlyIndirect(record),
        );
      // A sector is no entity to take part in: its map is of those around its DPGs.
      if (sector)
        return {
          lead:
            `Those who back a DPG of the ${subject} sector first — making, maintaining, funding ` +
            'or deploying one — then, marked indirect, those who only take part in an activity ' +
            'involving one. Within each, by role (makes, maintains, funds, deploys; leads, ' +
            'co-leads, takes part), then the most influential in the whole graph first (PageRank ' +
            'over every relationship).',
          parts: [],
          measuredOn,
          caution: onlyIndirect(record)
            ? `None of these backs a DPG of the ${subject} sector in the graph: each only takes ` +
              'part in an activity involving one. Read them as leads to check.'
            : null,
        };
      return {
        lead:
          `Direct involvement with ${subject} first — taking part in its activities, backing ` +
          'it — then, marked indirect, ties through something it is tied to (for a country, ' +
          'making or backing a DPG that is only listed as deployed there). Within each, by ' +
          'role (leads, co-leads, makes, maintains, funds, deploys, takes part), then the most ' +
          'influential in the whole graph first (PageRank over every relationship).',
        parts: [],
        measuredOn,
        caution: onlyIndirect(record)
          ? `None of these is directly involved with ${subject} in the graph: each is tied to ` +
            `it only through something else (the reason under each says what). Read them as ` +
            `leads to check, not as ${subject}'s stakeholders.`
          : null,
      };
    }
    case 'network':
      return {
        lead:
          `Partners by how many activities and DPGs they share with ${subject}, the most first. ` +
          'A broker connects partners listed here that would otherwise reach each other only ' +
          `through ${subject}; listing more can make others brokers.`,
        parts: [],
        measuredOn,
        caution: null,
      };
  }
}
