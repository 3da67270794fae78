/**
 * Graph domain: what the canvas shows. Without a focus it is the overview graph; with one it is the
 * focus entity's neighbourhood plus the neighbourhoods of every expanded node, minus hidden nodes.
 * Neighbourhood answers are cached per entity, so collapsing and expanding again costs nothing.
 * Cytoscape elements are derived from `graph.data` (with the filters) in the component tree.
 */
import { api } from '../../lib/api';
import {
  type AsyncStatus,
  dataOf,
  failure,
  idle,
  isAbort,
  loading,
  success,
} from '../../lib/api/async-status';
import { createLatestRequest } from '../../lib/api/latest-request';
import type { GraphChunk, NeighbourhoodResponse, OverviewResponse } from '../../lib/api/types';
import { dashboardActions } from '../dashboard/index.svelte';
import { filterActions } from '../filters/index.svelte';
import { replaceNextUrl } from '../url/replace-next';
import { EXPANSION_LIMIT, EXPANSION_MAX, OVERVIEW_LIMIT } from './limits';
import {
  EMPTY_EXPLORATION,
  type Exploration,
  addId,
  limitsFor,
  mergeChunks,
  removeIds,
  renamedInExploration,
  withoutNodes,
} from './utils';

// Answers are replaced whole, never changed in place: kept raw, so reading thousands of elements
// does not go through (and create) a deep reactive proxy for every node and edge.
let status = $state.raw<AsyncStatus<OverviewResponse>>(idle());
let exploration = $state<Exploration>(EMPTY_EXPLORATION);
/** The explored id the API followed to the entity it was merged into, while that is explored. */
let followedMerge = $state<{ from: string; to: string } | null>(null);
/** Neighbourhood answers by entity id. */
let neighbourhoods = $state.raw<Record<string, AsyncStatus<NeighbourhoodResponse>>>({});
/** The neighbour cap each cached answer was loaded with, to reload when a link asks for another. */
const loadedLimits: Record<string, number> = {};
/** Extra elements shown on top of the exploration (found paths). */
let extra = $state.raw<GraphChunk>({ nodes: [], edges: [] });
/**
 * Whether `extra` stands instead of the focus's neighbourhood (a stakeholder map shown on the
 * canvas is the picture: Kenya's map of 6 drawn among Kenya's 40 DPGs was mostly unrelated), or,
 * with no focus, instead of the overview (a sector's map: a sector is no entity to explore from).
 */
let extraOnly = $state(false);
/** What `extra` shown with no focus is ("Health sector stakeholders"), for the canvas to say. */
let extraTitle = $state<string | null>(null);
/**
 * The entity `extra` shown with no focus is drawn around, if it has one (a sector's map in a
 * country: the country), for the canvas to treat as it treats a focus.
 */
let extraCentre = $state<string | null>(null);
const request = createLatestRequest();

const loadedIds = $derived(
  exploration.focus === null ? [] : [exploration.focus, ...exploration.expanded],
);

const data = $derived.by<GraphChunk | undefined>(() => {
  if (exploration.focus === null && extraOnly)
    return withoutNodes(extra, new Set(exploration.hidden));
  if (exploration.focus === null) {
    const overview = dataOf(status);
    if (!overview) return undefined;
    return withoutNodes(mergeChunks([overview, extra]), new Set(exploration.hidden));
  }
  const chunks: GraphChunk[] = [];
  // Shown instead of the focus's neighbourhood, the extra elements come with only what the
  // reader expanded from them.
  if (extraOnly) {
    for (const id of exploration.expanded) {
      const answer = dataOf<NeighbourhoodResponse>(neighbourhoods[id] ?? idle());
      if (answer) chunks.push(answer);
    }
    return withoutNodes(mergeChunks([extra, ...chunks]), new Set(exploration.hidden));
  }
  for (const id of loadedIds) {
    const answer = dataOf<NeighbourhoodResponse>(neighbourhoods[id] ?? idle());
    if (answer) chunks.push(answer);
  }
  if (chunks.length === 0) return undefined;
  chunks.push(extra);
  return withoutNodes(mergeChunks(chunks), new Set(exploration.hidden));
});

/** The state of the graph as a whole: loading until the overview or the focus has arrived. */
const combined = $derived.by<AsyncStatus<GraphChunk>>(() => {
  if (exploration.focus === null && extraOnly && data) return success(data);
  if (exploration.focus === null) {
    return status.state === 'success' && data ? success(data) : (status as AsyncStatus<GraphChunk>);
  }
  // A map shown alone stands without the focus's neighbourhood, whatever became of it.
  if (extraOnly && data) return success(data);
  const focus = neighbourhoods[exploration.focus] ?? idle();
  if (focus.state === 'error') return focus as AsyncStatus<GraphChunk>;
  return data ? success(data) : loading();
});

/** The latest load asked of each id: an older answer landing after it is dropped. */
const latestLoad: Record<string, number> = {};
let loads = 0;

async function loadNeighbourhood(id: string, force = false): Promise<void> {
  const current = neighbourhoods[id];
  if (!force && current && (current.state === 'loading' || current.state === 'success')) return;
  const limit = exploration.limits[id] ?? EXPANSION_LIMIT;
  loadedLimits[id] = limit;
  neighbourhoods = { ...neighbourhoods, [id]: current?.state === 'success' ? current : loading() };
  // Every edit reloads what is shown: of two quick edits, the first's answer could land last and
  // draw the graph as it was before the second.
  const ticket = ++loads;
  latestLoad[id] = ticket;
  try {
    const answer = await api.neighbourhood(id, { depth: 1, limit });
    if (latestLoad[id] !== ticket) return;
    if (answer.centre !== id) {
      // `id` was merged into the centre: the API followed the merge, and so does the canvas.
      const { [id]: _merged, ...rest } = neighbourhoods;
      neighbourhoods = { ...rest, [answer.centre]: success(answer) };
      loadedLimits[answer.centre] = limit;
      replaceNextUrl();
      if (exploration.focus === id) followedMerge = { from: id, to: answer.centre };
      exploration = renamedInExploration(exploration, id, answer.centre);
      return;
    }
    neighbourhoods = { ...neighbourhoods, [id]: success(answer) };
  } catch (error) {
    if (latestLoad[id] === ticket) neighbourhoods = { ...neighbourhoods, [id]: failure(error) };
  }
}

/**
 * After an edit, what the canvas does not show now is stale too. The neighbourhoods explored
 * before are dropped, so that Back or a link reads them anew (an entity deleted after it was added
 * to a DPG stayed drawn around the DPG on Back, QA); the overview behind an exploration is read
 * again, the old one kept meanwhile, as nothing shows it.
 */
function forgetWhatIsNotShown(): void {
  const shown = new Set(loadedIds);
  neighbourhoods = Object.fromEntries(
    Object.entries(neighbourhoods).filter(([id]) => shown.has(id)),
  );
  for (const id of Object.keys(loadedLimits)) if (!shown.has(id)) delete loadedLimits[id];
  // An answer on its way for a forgotten id is dropped too, rather than cached as it was read.
  for (const id of Object.keys(latestLoad)) if (!shown.has(id)) delete latestLoad[id];
  if (exploration.focus !== null) void readOverview(true);
}

/**
 * Reads the overview; with `keepShown`, the answer there is stays meanwhile, and stays if the read
 * fails (behind an exploration it is only the way back, read again on the next load).
 */
async function readOverview(keepShown: boolean): Promise<void> {
  if (!keepShown) status = loading();
  try {
    const answer = await request.run((signal) => api.overview(OVERVIEW_LIMIT, { signal }));
    status = success(answer);
  } catch (error) {
    if (!isAbort(error) && !(keepShown && status.state === 'success')) status = failure(error);
  }
}

function ensureLoaded(): void {
  for (const id of loadedIds) {
    const current = neighbourhoods[id];
    if (!current || current.state === 'idle') void loadNeighbourhood(id);
    // A restored link (or Back) may name a different "show more" cap than the cached answer has.
    else if (loadedLimits[id] !== (exploration.limits[id] ?? EXPANSION_LIMIT))
      void loadNeighbourhood(id, true);
  }
}

/** Read-only view of the graph state. */
export const graph = {
  /** The overview request. */
  get status() {
    return status;
  },
  /** What the canvas shows, as one status. */
  get combined() {
    return combined;
  },
  /** The merged graph the canvas shows, once loaded. */
  get data() {
    return data;
  },
  get exploration() {
    return exploration;
  },
  /** The elements shown on top of the exploration (a found path, an insight's entities). */
  get extra() {
    return extra;
  },
  /** What the extra elements shown instead of the overview are; null otherwise. */
  get extraTitle() {
    return exploration.focus === null && extraOnly ? extraTitle : null;
  },
  /**
   * What a map drawn alone is, where its subject's name does not say it all (a topic's map in a
   * country: "SDG 3 … in Kenya", explored from the SDG), with a focus or without; null otherwise.
   */
  get mapTitle() {
    return extraOnly ? extraTitle : null;
  },
  /**
   * What the canvas explores, in words: a map's title, else the focus's name (its id until the
   * canvas holds it); null on the overview. The canvas bar and the overview panel are headed by it.
   */
  get placeTitle(): string | null {
    const focus = exploration.focus;
    return graph.mapTitle ?? (focus === null ? null : (graph.labelOf(focus) ?? focus));
  },
  /**
   * The entity the canvas is drawn around: the focus, else the one a map shown instead of the
   * overview is about (a sector's map in Kenya: Kenya), laid out, ranked and named first as a
   * focus is; null for the overview, or a map of no place.
   */
  get centre() {
    return exploration.focus ?? (extraOnly ? extraCentre : null);
  },
  /** Whether the extra elements stand instead of the focus's neighbourhood (or the overview). */
  get extraOnly() {
    return extraOnly;
  },
  /**
   * The id a link explored, when an editor had merged it into the entity now explored (an old
   * link's id): the overview panel says so, as the details panel does for a selected one. Null
   * once something else is explored, and after: reached again by search or Back, it was not
   * through the old link.
   */
  get followedMerge(): { from: string; to: string } | null {
    return followedMerge !== null && followedMerge.to === exploration.focus ? followedMerge : null;
  },
  /** The name the canvas shows for `id`, when the canvas holds it. */
  labelOf(id: string): string | undefined {
    return data?.nodes.find((node) => node.data.id === id)?.data.label;
  },
  /** The neighbourhood answer for an expanded (or focus) entity. */
  neighbourhood(id: string): AsyncStatus<NeighbourhoodResponse> {
    return neighbourhoods[id] ?? idle();
  },
  /** Whether `id`'s neighbourhood is part of the graph (a map shown alone leaves out the focus's). */
  isExpanded(id: string): boolean {
    if (extraOnly && id === exploration.focus) return false;
    return loadedIds.includes(id);
  },
  /** Number of neighbourhood requests in flight. */
  get pending() {
    return Object.values(neighbourhoods).filter((value) => value.state === 'loading').length;
  },
};

/** The only ways to change the graph state. */
export const graphActions = {
  /** Loads (or reloads) the overview graph. */
  load(): Promise<void> {
    return readOverview(false);
  },
  /** Replaces the whole exploration (URL restore); loads what is missing. */
  restore(next: Exploration): void {
    // Back to where a merge was followed says so no more; its own link read back keeps the note.
    if (next.focus !== exploration.focus) followedMerge = null;
    exploration = next;
    ensureLoaded();
  },
  /**
   * Starts a new exploration from `id`'s neighbourhood. The reader's connection and attribute
   * choices go with the old canvas (filterActions.clearChoices says why), unless the new one
   * continues it: an insight put on the canvas, an edit reloading what was explored.
   */
  focus(id: string, options: { keepChoices?: boolean } = {}): void {
    followedMerge = null;
    exploration = { ...EMPTY_EXPLORATION, focus: id };
    extra = { nodes: [], edges: [] };
    extraOnly = false;
    if (!options.keepChoices) filterActions.clearChoices();
    ensureLoaded();
  },
  /** Back to the overview; with `keepChoices`, to draw something on it (a sector's map). */
  showOverview(options: { keepChoices?: boolean } = {}): void {
    followedMerge = null;
    exploration = EMPTY_EXPLORATION;
    extra = { nodes: [], edges: [] };
    extraOnly = false;
    if (!options.keepChoices) filterActions.clearChoices();
  },
  /** Adds `id`'s neighbourhood to the graph (starting an exploration from it in the overview). */
  expand(id: string): void {
    if (exploration.focus === null) {
      graphActions.focus(id);
      return;
    }
    // Expanding the focus of a map shown alone brings its neighbourhood back, the map with it.
    if (exploration.focus === id) extraOnly = false;
    exploration = {
      ...exploration,
      expanded: exploration.focus === id ? exploration.expanded : addId(exploration.expanded, id),
      hidden: removeIds(exploration.hidden, [id]),
    };
    ensureLoaded();
  },
  /** Removes `id`'s expansion; its neighbours stay only if another expansion brought them. */
  collapse(id: string): void {
    const expanded = removeIds(exploration.expanded, [id]);
    const loaded = exploration.focus === null ? [] : [exploration.focus, ...expanded];
    exploration = { ...exploration, expanded, limits: limitsFor(exploration.limits, loaded) };
  },
  /** Raises `id`'s neighbour cap and loads again ("N more hidden" → show more). */
  showMore(id: string): void {
    const limit = Math.min(EXPANSION_MAX, (exploration.limits[id] ?? EXPANSION_LIMIT) * 3);
    if (exploration.focus === id) extraOnly = false;
    exploration = { ...exploration, limits: { ...exploration.limits, [id]: limit } };
    void loadNeighbourhood(id, true);
  },
  /**
   * Hides nodes from the canvas, except the focus: the view is about it, and hiding it left its
   * neighbourhood as islands under a crumb showing its raw id (the overview is the way out).
   */
  hide(requested: readonly string[]): void {
    const ids = requested.filter((id) => id !== exploration.focus);
    let hidden = [...exploration.hidden];
    for (const id of ids) hidden = addId(hidden, id);
    exploration = {
      ...exploration,
      hidden,
      expanded: removeIds(exploration.expanded, ids),
      pinned: removeIds(exploration.pinned, ids),
      limits: limitsFor(
        exploration.limits,
        exploration.focus === null
          ? []
          : [exploration.focus, ...removeIds(exploration.expanded, ids)],
      ),
    };
  },
  /** Shows every hidden node again. */
  unhideAll(): void {
    exploration = { ...exploration, hidden: [] };
  },
  /** Pins or unpins a node in place. */
  togglePin(id: string): void {
    exploration = {
      ...exploration,
      pinned: exploration.pinned.includes(id)
        ? removeIds(exploration.pinned, [id])
        : addId(exploration.pinned, id),
    };
  },
  /**
   * Shows elements beyond the exploration (a found path), replacing the previous extra; with
   * `only`, instead of the focus's neighbourhood (a stakeholder map), or with no focus instead
   * of the overview (a sector's map, which `title` names, drawn around `centre` if it is of a
   * place), until the next extra.
   */
  setExtra(
    chunk: GraphChunk,
    {
      only = false,
      title = null,
      centre = null,
    }: { only?: boolean; title?: string | null; centre?: string | null } = {},
  ): void {
    extra = chunk;
    extraOnly = only && chunk.nodes.length > 0;
    extraTitle = extraOnly ? title : null;
    extraCentre = extraOnly ? centre : null;
  },
  /**
   * Reloads `id`'s neighbourhood after an edit (a new neighbour, a changed name), bringing it into
   * the graph first: from the overview it becomes the focus, in an exploration it is expanded.
   */
  reload(id: string): void {
    void dashboardActions.refresh();
    if (exploration.focus === null) {
      graphActions.focus(id, { keepChoices: true });
    } else if (!loadedIds.includes(id)) {
      graphActions.expand(id);
    }
    forgetWhatIsNotShown();
    // Every neighbourhood shown: another one loaded may hold the relationship that changed. (One
    // just brought in is loading already, but may have been asked for before the edit.)
    for (const shown of loadedIds) void loadNeighbourhood(shown, true);
  },
  /** Reloads everything the canvas shows (after an edit or a delete). */
  refresh(): void {
    void dashboardActions.refresh();
    forgetWhatIsNotShown();
    if (exploration.focus === null) {
      void graphActions.load();
      return;
    }
    for (const id of loadedIds) void loadNeighbourhood(id, true);
  },
  /** Retries what failed. */
  retry(): void {
    if (status.state === 'error') void graphActions.load();
    for (const id of loadedIds) {
      if (neighbourhoods[id]?.state === 'error') void loadNeighbourhood(id);
    }
  },
};
