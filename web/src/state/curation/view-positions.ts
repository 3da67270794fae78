/**
 * Saved-view positions: what a view stores of the canvas (where each entity it shows was, within
 * the server's bounds: docs/curation.md), and when an opened view's positions still apply — while
 * the exploration is the one the view saved, so the picture comes back exactly; once the reader
 * expands, collapses or hides something, the layout takes over again.
 */
import { canonicalEntityId } from '../../../../server/model/entity-ids.ts';
import { type Exploration, EMPTY_EXPLORATION, sameExploration } from '../graph/utils';
import { isLayoutName } from '../../lib/graph';
import { DEFAULT_SHARE_STATE, encodeShareState } from '../url/utils';
import type { SavedViewState } from './types';

/** A canvas position. */
export interface Point {
  x: number;
  y: number;
}

/** The most entities a saved view lists (server: viewStateSchema). */
export const MAX_VIEW_ENTITIES = 500;
/** The largest coordinate the server keeps (server: viewStateSchema). */
export const MAX_COORDINATE = 1_000_000;

/** Positions of an opened view, and the exploration they belong to. */
export interface PresetPositions {
  exploration: Exploration;
  positions: Readonly<Record<string, Point>>;
}

/**
 * The positions to save with a view listing `entities`: only theirs, finite, rounded to a tenth of
 * a pixel and within the server's bounds.
 */
export function positionsToSave(
  entities: readonly string[],
  positions: Readonly<Record<string, Point>>,
): Record<string, Point> {
  const shown = new Set(entities);
  const clamp = (value: number) =>
    Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, Math.round(value * 10) / 10));
  const out: Record<string, Point> = {};
  for (const [id, point] of Object.entries(positions))
    if (shown.has(id) && Number.isFinite(point.x) && Number.isFinite(point.y))
      out[id] = { x: clamp(point.x), y: clamp(point.y) };
  return out;
}

/** The saved state of the page: its fragment, the entities shown, the layout and positions. */
export function viewState(
  entities: readonly string[],
  hash: string,
  layout: string,
  positions: Readonly<Record<string, Point>>,
): SavedViewState {
  const listed = entities.slice(0, MAX_VIEW_ENTITIES);
  return {
    entities: listed,
    filters: { url: hash },
    layout,
    positions: positionsToSave(listed, positions),
  };
}

/**
 * A saved view's positions keyed by canonical id: a view saved before ids were read in canonical
 * case (schema migration 0008) may name `org:ACME`, which the canvas now shows as `org:acme`. Its
 * fragment is read in canonical case anyway (url/utils.ts); its positions must follow.
 */
export function savedPositions(
  positions: Readonly<Record<string, Point>> | undefined,
): Record<string, Point> {
  const out: Record<string, Point> = {};
  for (const [id, point] of Object.entries(positions ?? {})) {
    const canonical = canonicalEntityId(id);
    // Both `org:ACME` and `org:acme` saved (two entities then, one since 0008 or a merge): the
    // position saved under the id the canvas shows is the one it had.
    if (id === canonical || !(canonical in out)) out[canonical] = point;
  }
  return out;
}

/** The opened view's positions while the exploration is still the one it saved, else undefined. */
export function presetFor(
  preset: PresetPositions | null,
  exploration: Exploration,
): Readonly<Record<string, Point>> | undefined {
  if (!preset || Object.keys(preset.positions).length === 0) return undefined;
  return sameExploration(preset.exploration, exploration) ? preset.positions : undefined;
}

/**
 * The address a saved view opens at: the fragment the explorer saved, or, for a view an API
 * client saved with entities alone, the first of them explored with the others pinned beside it,
 * in the view's layout. Such a view opened as the plain overview (curation sweep).
 */
export function savedViewHash(state: SavedViewState): string {
  const url = state.filters.url;
  if (typeof url === 'string' && url !== '') return url;
  const [first, ...rest] = [...new Set(state.entities.map((id) => canonicalEntityId(id)))];
  if (first === undefined) return '';
  return encodeShareState({
    ...DEFAULT_SHARE_STATE,
    exploration: { ...EMPTY_EXPLORATION, focus: first, pinned: rest },
    layout: state.layout !== undefined && isLayoutName(state.layout) ? state.layout : 'fcose',
  });
}
