/**
 * Paths domain: the two entities the path finder connects and the shortest paths the API found, each
 * with its sentence. The found paths' elements are shown on the canvas and highlighted.
 */
import { api } from '../../lib/api';
import {
  type AsyncStatus,
  failure,
  idle,
  isAbort,
  loading,
  success,
} from '../../lib/api/async-status';
import { createLatestRequest } from '../../lib/api/latest-request';
import { LIMITS } from '../../../../server/api/limits.ts';
import type { PathsResponse } from '../../lib/api/types';
import {
  NO_PATH,
  NO_PATH_FILTERS,
  type PathFilters,
  pathElementIds,
  samePathFilters,
  withoutMemberships,
} from './utils';

/** Paths asked for at first, and at most (server/api/limits.ts); "More paths" adds this many. */
export const PATHS_DEFAULT_K = LIMITS.paths.defaultK;
export const PATHS_MAX_K = LIMITS.paths.maxK;

let endpoints = $state<{ from: string | null; to: string | null }>({ from: null, to: null });
/** How many paths are asked for: the API's default, more once the reader asks for more. */
let count = $state<number>(PATHS_DEFAULT_K);
/** What paths leave out for the canvas's filters. */
let filters = $state.raw<PathFilters>(NO_PATH_FILTERS);
/** Whether paths leave memberships out (withoutMemberships), whatever the filters show. */
let skipMemberships = $state(false);
let status = $state<AsyncStatus<PathsResponse>>(idle());
/** Index of the path the reader points at (hover, focus), or null. */
let pointed = $state<number | null>(null);
/** Index of the path the reader chose to keep highlighted (a click or a tap), or null. */
let chosen = $state<number | null>(null);
/** The path highlighted alone: the one pointed at, else the one chosen; null for all. */
const active = $derived(pointed ?? chosen);
const request = createLatestRequest();

/** Ids of the nodes and edges of every found path, whichever the reader points at. */
const found = $derived(status.state === 'success' ? pathElementIds(status.data, null) : NO_PATH);

/** Ids of the nodes and edges of the found paths (or of the active one). */
const highlighted = $derived(
  status.state === 'success' && active !== null ? pathElementIds(status.data, active) : found,
);

/** Read-only view of the path finder. */
export const paths = {
  get from() {
    return endpoints.from;
  },
  get to() {
    return endpoints.to;
  },
  get status() {
    return status;
  },
  get active() {
    return active;
  },
  /** The path chosen to stay highlighted, or null. */
  get chosen() {
    return chosen;
  },
  /** What paths leave out for the canvas's filters. */
  get filters() {
    return filters;
  },
  /** Whether paths leave memberships out. */
  get skipMemberships() {
    return skipMemberships;
  },
  /** How many paths are asked for. */
  get count() {
    return count;
  },
  get highlighted() {
    return highlighted;
  },
  get found() {
    return found;
  },
};

/** The only ways to change the path finder. */
export const pathActions = {
  /** Sets one end; finds paths once both are set. */
  setEnd(end: 'from' | 'to', id: string | null): void {
    endpoints = { ...endpoints, [end]: id };
    count = PATHS_DEFAULT_K;
    void pathActions.find();
  },
  /**
   * Sets both ends (URL restore; either may be unset) and finds paths. A link without a path
   * changes nothing when none is set: finding again would reset the answer, and the canvas drops
   * what it added (an insight's entities shown on it went with Back, QA).
   */
  restore(
    next: {
      from: string | null;
      to: string | null;
      skipMemberships?: boolean;
      count?: number;
    } | null,
  ): void {
    const from = next?.from ?? null;
    const to = next?.to ?? null;
    const skip = next?.skipMemberships === true;
    const asked = next?.count ?? PATHS_DEFAULT_K;
    if (
      from === endpoints.from &&
      to === endpoints.to &&
      skip === skipMemberships &&
      asked === count
    )
      return;
    endpoints = { from, to };
    skipMemberships = skip;
    count = asked;
    void pathActions.find();
  },
  /** Asks for more paths, a first answer's worth more, up to the API's maximum. */
  more(): void {
    if (count >= PATHS_MAX_K) return;
    count = Math.min(count + PATHS_DEFAULT_K, PATHS_MAX_K);
    void pathActions.find();
  },
  /** Leaves memberships out of the paths, or follows them again; finds the paths again. */
  setSkipMemberships(on: boolean): void {
    if (on === skipMemberships) return;
    skipMemberships = on;
    void pathActions.find();
  },
  /** Swaps the ends. */
  swap(): void {
    // The same paths either way round (the API asks with the smaller id first): as many again.
    endpoints = { from: endpoints.to, to: endpoints.from };
    void pathActions.find();
  },
  /** Leaves out what the canvas's filters hide; finds the paths again when that changes. */
  follow(next: PathFilters): void {
    if (samePathFilters(next, filters)) return;
    filters = next;
    void pathActions.find();
  },
  /** Points at one path (or at none: the chosen one, else all, are highlighted again). */
  setActive(index: number | null): void {
    pointed = index;
  },
  /**
   * Keeps one path highlighted alone, or all again when it already is: on a touch screen nothing
   * hovers, and a tap used to expand every entity on the path instead (QA).
   */
  choose(index: number): void {
    chosen = chosen === index ? null : index;
  },
  /** Finds the shortest paths between the two ends. */
  async find(): Promise<void> {
    const { from, to } = endpoints;
    pointed = null;
    chosen = null;
    if (from === null || to === null || from === to) {
      request.cancel();
      // Idle already: a new idle answer would still tell the canvas to drop its path elements.
      if (status.state !== 'idle') status = idle();
      return;
    }
    const { rels, avoid, avoidKinds } = skipMemberships ? withoutMemberships(filters) : filters;
    // The filters hide every relationship: no path to look for.
    if (rels !== null && rels.length === 0) {
      request.cancel();
      status = success({ from, to, nodes: [], edges: [], paths: [], isolated: [] });
      return;
    }
    status = loading();
    try {
      const k = count === PATHS_DEFAULT_K ? undefined : count;
      const answer = await request.run((signal) =>
        api.paths(from, to, { signal, rels, avoid, avoidKinds, k }),
      );
      status = success(answer);
    } catch (error) {
      if (!isAbort(error)) status = failure(error);
    }
  },
  /** Clears the path finder. */
  clear(): void {
    request.cancel();
    endpoints = { from: null, to: null };
    skipMemberships = false;
    count = PATHS_DEFAULT_K;
    status = idle();
    pointed = null;
    chosen = null;
  },
};
