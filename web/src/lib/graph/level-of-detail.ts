/**
 * Level of detail for labels. Every node gets a label tier from its importance (its degree, damped,
 * weighted by type, plus the type's bonus): tier 1 labels are always drawn, tier 2 from the fitted view on, tier 3 only when the reader
 * zooms in. Keeps the overview readable instead of a soup of overlapping names.
 */
import type { EntityType } from '../vocabulary';
import { isEntityType } from '../vocabulary';

/** 1 = key node, 2 = notable, 3 = minor. */
export type LabelTier = 1 | 2 | 3;

/**
 * Label priority by type: `weight` scales ln(1 + degree), `bonus` is added once. Organisations and
 * DPGs are what readers look for, so even a sparsely connected one outranks a busy activity, whose
 * long title is better read on hover or in the details panel; with the degree damped the bonus
 * weighs most (an organisation with no relationship ties a country with about 20).
 */
const TYPE_PRIORITY: Readonly<Record<EntityType, { weight: number; bonus: number }>> = {
  Organisation: { weight: 1.5, bonus: 4 },
  DPG: { weight: 1.4, bonus: 3 },
  Initiative: { weight: 1.2, bonus: 2 },
  Group: { weight: 1.2, bonus: 2 },
  Country: { weight: 1, bonus: 1 },
  SDG: { weight: 1, bonus: 0 },
  Activity: { weight: 0.8, bonus: 0 },
};

/** Share of nodes (by rank) that get tier 1 and, cumulatively, tier 1 or 2. */
export const TIER_SHARES = { tier1: 0.15, tier2: 0.5 } as const;

/** Minimum number of tier-1 nodes in any non-empty graph. */
const MIN_TIER1 = 3;

/**
 * Label priority of one node: its degree, damped (ln(1 + degree)) and weighted by type, plus the
 * type's bonus. Undamped, a country's or an SDG's dozens of relationships across the whole graph
 * swamped the type: DHIS2's owner went unnamed among thirty named countries (QA).
 */
export function labelPriority(type: string, degree: number): number {
  const { weight, bonus } = isEntityType(type) ? TYPE_PRIORITY[type] : { weight: 1, bonus: 0 };
  return Math.log1p(Math.max(0, degree)) * weight + bonus;
}

/** A node's label importance: its rank (0 = most important) and the tier that rank falls in. */
export interface LabelImportance {
  rank: number;
  tier: LabelTier;
}

/**
 * Up to this many nodes no label waits for the reader to zoom in: the fitted view of a country's
 * dozen neighbours has room for them all, and left half of them bare; at 40, the 47 entities of
 * "SDG 3 in Kenya" drawn on the canvas left the 23 DPGs that tie its stakeholders to Kenya unnamed,
 * with room around each. Label placement still hides the ones that find no free spot.
 */
export const SMALL_GRAPH_NODES = 60;

/** Above any priority a degree gives: named entities rank before all others (assignLabelTiers). */
const NAMED_BONUS = 1000;

/**
 * Ranks nodes by label priority and assigns tiers by rank. Ties keep input order, so the result is
 * deterministic for a given API answer. `first` (the entity explored) ranks first whatever its
 * degree: Kazakhstan's 13 connections ranked it last among DPGs of 200, and its own view left it
 * unnamed. `named` (an insight's list drawn on the canvas) rank next, in the list's order (its
 * first few may then label over lesser nodes, as the top ranks do), and none of them waits for a zoom: Sierra Leone's map had left its own government and
 * 15 more of its 21 stakeholders unnamed, tier 3 by their degree in the whole graph, while the
 * DPGs that only explain them were named.
 */
export function assignLabelTiers(
  nodes: ReadonlyArray<{ id: string; type: string; degree: number }>,
  first: string | null = null,
  named: ReadonlySet<string> = new Set(),
): Map<string, LabelImportance> {
  const listed = new Map([...named].map((id, position) => [id, position]));
  const ranked = nodes
    .map((node, index) => {
      const position = listed.get(node.id);
      return {
        id: node.id,
        index,
        priority:
          node.id === first
            ? Infinity
            : position !== undefined
              ? NAMED_BONUS + named.size - position
              : labelPriority(node.type, node.degree),
      };
    })
    .sort((a, b) => b.priority - a.priority || a.index - b.index);
  const tier1Count = Math.min(
    ranked.length,
    Math.max(MIN_TIER1, Math.round(ranked.length * TIER_SHARES.tier1)),
  );
  const namedCount = ranked.filter(({ id }) => id === first || named.has(id)).length;
  const tier2Count =
    ranked.length <= SMALL_GRAPH_NODES
      ? ranked.length
      : Math.max(tier1Count, namedCount, Math.round(ranked.length * TIER_SHARES.tier2));
  const importance = new Map<string, LabelImportance>();
  ranked.forEach((node, rank) => {
    importance.set(node.id, { rank, tier: rank < tier1Count ? 1 : rank < tier2Count ? 2 : 3 });
  });
  return importance;
}

/** Zoom, relative to the zoom that fits the whole graph, from which each tier's labels appear. */
export const TIER_ZOOM_THRESHOLDS: Readonly<Record<LabelTier, number>> = { 1: 0, 2: 0.75, 3: 1.6 };

/**
 * The least important tier whose labels are shown at `zoom`, given the zoom at which the whole graph
 * fits (`fitZoom`). Returns 1 when zoomed far out and 3 when zoomed in.
 */
export function visibleLabelTier(zoom: number, fitZoom: number): LabelTier {
  if (!(zoom > 0) || !(fitZoom > 0)) {
    throw new RangeError(
      `level-of-detail: zoom and fitZoom must be positive, got ${zoom} and ${fitZoom}`,
    );
  }
  const ratio = zoom / fitZoom;
  if (ratio >= TIER_ZOOM_THRESHOLDS[3]) return 3;
  if (ratio >= TIER_ZOOM_THRESHOLDS[2]) return 2;
  return 1;
}
