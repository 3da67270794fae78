/**
 * Insights domain: the open job view (collaborators for a DPG, the stakeholders of an activity, DPG,
 * country or SDG, an organisation's partnership network), and its answer. A 404 from an endpoint that
 * is not deployed yet is a state of its own, `unavailable`, which the view explains.
 */
import { api, ApiError } from '../../lib/api';
import {
  type AsyncStatus,
  failure,
  idle,
  isAbort,
  loading,
  success,
  toUserFacingError,
} from '../../lib/api/async-status';
import { createLatestRequest } from '../../lib/api/latest-request';
import {
  type InsightItem,
  insightCountrySectors,
  insightCountrySdgs,
  insightFilterCountry,
  insightItems,
  insightMisfit,
  insightPath,
  insightSubjectLabel,
  insightTotal,
} from '../../lib/insights/insight-request';
import {
  DEFAULT_INSIGHT_OPTIONS,
  type InsightOptions,
  type NamedCountry,
  countryName,
  filtersOf,
  insightPage,
  nextTop,
} from '../../lib/insights/insight-options';
import { type RankingNote, rankingNote } from '../../lib/insights/insight-ranking';
import {
  type SdgCount,
  type SectorCount,
  isSectorId,
  sectorMapTitle,
  sectorOf,
  topicInCountry,
} from '../../lib/insights/sector-subject';
import type { InsightKind } from '../url/utils';
import { graph, graphActions } from '../graph/index.svelte';
import { replaceNextUrl } from '../url/replace-next';

/** The API's cap on one subgraph request (server/api/schemas.ts, LIMITS.subgraph). */
const SUBGRAPH_MAX_IDS = 500;

/** What the view shows: the items, or that the endpoint is not there. */
export type InsightAnswer =
  | {
      available: true;
      items: InsightItem[];
      /** Ranked in all, when the answer says. */ total: number | null;
      /** The subject's name, as the answer gives it. */ subjectLabel: string | null;
      /** The country the list is narrowed to, named. */
      country: { id: string; label: string } | null;
      /** On a country's map, the DPG sectors at work there, most DPGs first. */
      sectors: SectorCount[];
      /** On a country's map, the SDGs its DPGs there advance, most DPGs first. */
      sdgs: SdgCount[];
      /** How the list is ranked, in words. */
      ranking: RankingNote;
      /**
       * The options this list was asked with: what "Show more", the CSV and "None match" go by
       * (`insight.options` runs ahead of it while a longer or narrower list is on its way).
       */
      asked: InsightOptions;
    }
  | { available: false };

let subject = $state<{ kind: InsightKind; id: string; type: string } | null>(null);
let status = $state<AsyncStatus<InsightAnswer>>(idle());
/** The subject's id names no entity (a stale or mistyped link): its type is only a guess. */
let missing = $state(false);
/** The sectors there are, when the one asked for has no DPG (the API's 404 lists them); else null. */
let offeredSectors = $state.raw<string[] | null>(null);
let options = $state.raw<InsightOptions>(DEFAULT_INSIGHT_OPTIONS);
/**
 * The country last chosen (in the filters, an offer of search, a country's map), as it was named
 * there: its name until an answer gives it.
 */
let chosenCountry = $state.raw<NamedCountry | null>(null);
/** A new list for the same subject on its way ("Show more", a filter): the old one stays meanwhile. */
let updating = $state(false);
/** Why that new list did not come; the old one stays, with this beside it. */
let updateError = $state<string | null>(null);
/** Whether the last opening asked for the entities on the canvas: Retry asks the same. */
let askedShow = false;
const request = createLatestRequest();
/** The elements "Show on canvas" added, while the canvas still shows them. */
let shownChunk = $state.raw<object | null>(null);
/** One listed item's link to the subject, added from its details, and whose it is. */
let itemChunk = $state.raw<{ id: string; chunk: object } | null>(null);
let showingItem = $state<string | null>(null);
/**
 * A listed item a link asked to show (`show=<id>`) while its list or its subgraph loads: the link
 * keeps saying so meanwhile, as `wanted` does for the whole list.
 */
let wantedItem = $state<string | null>(null);
let itemError = $state<{ id: string; message: string } | null>(null);
/**
 * Asked for and not there yet (a `show=1` link while its answer loads, or the subgraph on its
 * way): the link keeps saying so meanwhile, rather than dropping `show=1` for a moment and
 * adding a history entry without it that Back would then land on.
 */
let wanted = $state(false);
/** Counts showings, so an answer that arrives after the reader undid it is not put back. */
let run = 0;
let showing = $state(false);
let showError = $state<string | null>(null);

/**
 * The entity the canvas explores from while it shows the view: the subject, or none for a
 * sector's map (no entity: its map is drawn on its own, over no neighbourhood).
 */
function anchorOf(current: { id: string }): string | null {
  return isSectorId(current.id) ? null : current.id;
}

/** Whether `current` is a topic's map (a sector's, an SDG's), which narrows to a country. */
const narrowsToCountry = (current: { kind: InsightKind; type: string }) =>
  current.kind === 'stakeholders' && filtersOf(current.kind, current.type).includes('country');

/**
 * The place a topic's map is about: the country its answer on screen was narrowed to, if any.
 */
function placeOf(current: { kind: InsightKind; type: string }): string | null {
  if (!narrowsToCountry(current) || status.state !== 'success' || !status.data.available)
    return null;
  return status.data.asked.country;
}

/**
 * The place a map drawn with no entity to explore from is about: a sector's map's country (the
 * canvas draws it as it draws a country's own map's subject).
 */
function centreOf(current: { kind: InsightKind; id: string; type: string }): string | null {
  return isSectorId(current.id) ? placeOf(current) : null;
}

/**
 * The subject entity, the place its map is about (if any), and `ids` once each, as many as one
 * subgraph request takes: a topic's map in a country has the country, which its paths may not
 * all pass through (an activity's path ends at the DPG it involves).
 */
function withAnchor(
  current: { kind: InsightKind; id: string; type: string },
  ids: readonly string[],
): string[] {
  const listed = [anchorOf(current), placeOf(current), ...ids].filter((id) => id !== null);
  return listed.filter((id, i) => listed.indexOf(id) === i).slice(0, SUBGRAPH_MAX_IDS);
}

/** The subject and what explains each item: what "Show on canvas" puts on the canvas. */
function listedIds(): string[] {
  if (!subject || status.state !== 'success' || !status.data.available) return [];
  return withAnchor(
    subject,
    status.data.items.flatMap((item) => [item.id, ...item.pathIds]),
  );
}

/** The name of `country`, by the answer on screen, the filters' choice, else its code. */
function nameOf(country: string): string {
  const answered = status.state === 'success' && status.data.available ? status.data.country : null;
  return countryName(country, [answered, chosenCountry]);
}

/**
 * How the canvas names a map it draws whose subject's name does not say it all: a sector's (no
 * entity to explore from), and a topic's narrowed to the country its answer on screen was asked
 * in ("SDG 3: … in Kenya", explored from the SDG); null for the others, named by their subject.
 */
function canvasTitle(current: { kind: InsightKind; id: string; type: string }): string | null {
  const answer = status.state === 'success' && status.data.available ? status.data : null;
  const country = placeOf(current);
  if (isSectorId(current.id))
    // As the answer spells it: a link may have named it in another case.
    return sectorMapTitle(
      answer?.subjectLabel ?? sectorOf(current.id),
      country === null ? null : nameOf(country),
    );
  const subject = graph.labelOf(current.id) ?? answer?.subjectLabel ?? null;
  return country === null || subject === null ? null : topicInCountry(subject, nameOf(country));
}

/** Whether the canvas still explores from where the view `current` was put on it. */
const exploresFrom = (current: { id: string }) => graph.exploration.focus === anchorOf(current);

/** Explores from the view's subject, unless the canvas does already (or shows the overview, for a sector). */
function exploreFrom(current: { id: string }): void {
  const anchor = anchorOf(current);
  if (graph.exploration.focus === anchor) return;
  if (anchor === null) graphActions.showOverview({ keepChoices: true });
  else graphActions.focus(anchor, { keepChoices: true });
}

const shownOnCanvas = $derived(wanted || (shownChunk !== null && graph.extra === shownChunk));
/**
 * The listed item shown with its link to the subject while the canvas shows it, or while it is
 * asked for and on its way (a link's, or a click's): the link says so from the start, so no
 * history entry without it comes between.
 */
const shownItem = $derived(
  wantedItem ??
    showingItem ??
    (itemChunk !== null && graph.extra === itemChunk.chunk ? itemChunk.id : null),
);
/** The view's entities while they are on the canvas (the canvas keeps them in context). */
const canvasIds = $derived<ReadonlySet<string> | null>(
  shownOnCanvas && shownChunk !== null ? new Set(listedIds()) : null,
);

/**
 * The listed entities themselves (not what explains them) while the view is on the canvas: the
 * canvas names them first, since they are what the reader asked about. Before them the place a
 * topic's map is narrowed to: drawn around the SDG it explores from, "SDG 3 in Kenya" left Kenya
 * unnamed among 47 entities, ranked by its degree after the 23 stakeholders.
 */
const namedIds = $derived<ReadonlySet<string> | null>(
  canvasIds !== null && subject !== null && status.state === 'success' && status.data.available
    ? new Set(
        [placeOf(subject), ...status.data.items.map((item) => item.id)].filter((id) => id !== null),
      )
    : null,
);

/** Whether `error` is the API saying that no entity has the id `id` (not a filter's country). */
function namesNoEntity(error: unknown, id: string): boolean {
  if (!(error instanceof ApiError) || !error.isNotFound) return false;
  const details = error.details as { id?: unknown } | undefined;
  return details?.id === id;
}

/** The sectors a 404 for a sector no DPG has lists (`details.sectors`), or null for any other error. */
function sectorsOffered(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || !error.isNotFound) return null;
  const sectors = (error.details as { sectors?: unknown } | undefined)?.sectors;
  return Array.isArray(sectors) &&
    sectors.length > 0 &&
    sectors.every((sector) => typeof sector === 'string')
    ? sectors
    : null;
}

/** The open view's listed item `id` is, if the list holds it. */
function listedItem(id: string): InsightItem | null {
  if (status.state !== 'success' || !status.data.available) return null;
  return status.data.items.find((item) => item.id === id) ?? null;
}

/**
 * The country a topic's map (a sector's, an SDG's) is asked for in, named; null for the plain map
 * or another view.
 */
const topicCountry = $derived<NamedCountry | null>(
  subject !== null && narrowsToCountry(subject) && options.country !== null
    ? { id: options.country, label: nameOf(options.country) }
    : null,
);

/** Read-only view of the insight state. */
export const insight = {
  get subject() {
    return subject;
  },
  get status() {
    return status;
  },
  /** Whether the subject's id names no entity; the error in `status` says so. */
  get missing() {
    return missing;
  },
  /**
   * The sectors there are, when the sector asked for has no DPG (a typo, a renamed sector): what
   * the panel offers instead; null otherwise.
   */
  get offeredSectors() {
    return offeredSectors;
  },
  /** How far the list goes and which collaborators it keeps. */
  get options() {
    return options;
  },
  /**
   * The country a sector's or an SDG's map is narrowed to, as asked now (its list may still be on
   * its way), named by the answer or the filters' choice, else by its code; null otherwise.
   */
  get topicCountry() {
    return topicCountry;
  },
  /** Whether a longer or filtered list for the same subject is loading (the current one stays). */
  get updating() {
    return updating;
  },
  /** Why the longer or filtered list failed, while the one before stays in view; else null. */
  get updateError() {
    return updateError;
  },
  /**
   * Whether the view's entities are on the canvas: true until the canvas moves on (another
   * exploration, a found path) and drops the elements they came with. Links keep it (`show=1`).
   */
  get shownOnCanvas() {
    return shownOnCanvas;
  },
  /** The entities "Show on canvas" put there, while it shows them; else null. */
  get canvasIds() {
    return canvasIds;
  },
  /** The listed entities while the view is on the canvas (named before others); else null. */
  get namedOnCanvas() {
    return namedIds;
  },
  /** Whether "Show on canvas" is fetching. */
  get showing() {
    return showing;
  },
  /** Why "Show on canvas" failed, until the next attempt or subject. */
  get showError() {
    return showError;
  },
  /** The open view's row for an entity (its details say why it is listed), or null. */
  itemOf(id: string): InsightItem | null {
    return listedItem(id);
  },
  /**
   * Whether an item's link to the subject is on the canvas: the whole list shown, or that item
   * shown from its details, and the canvas not moved on since.
   */
  itemOnCanvas(id: string): boolean {
    if (canvasIds?.has(id)) return true;
    return itemChunk !== null && itemChunk.id === id && graph.extra === itemChunk.chunk;
  },
  /** The item whose link to the subject is being fetched, or null. */
  get showingItem() {
    return showingItem;
  },
  /** The listed item "Show with X on the canvas" put there, while it is there (`show=<id>`). */
  get shownItem() {
    return shownItem;
  },
  /** Why showing an item from its details failed, until the next attempt. */
  get itemError() {
    return itemError;
  },
};

/** The only ways to change the insight state. */
export const insightActions = {
  /**
   * Opens view `kind` for entity `id` of type `type` and loads it, as far and as narrowly as
   * `opened.list` says (a first page of everything by default); with `show`, then puts its
   * entities on the canvas (a link that had them there); with `showItem`, that listed item and
   * its link to the subject (a link to one shown from its details), if the list still holds it.
   */
  async open(
    kind: InsightKind,
    id: string,
    type: string,
    opened: {
      show?: boolean;
      showItem?: string | null;
      list?: InsightOptions;
      /** The country `list` is narrowed to, named where it was chosen (search). */
      country?: NamedCountry | null;
    } = {},
  ): Promise<void> {
    // The same subject again (a longer or narrower list): its current list, and its entities on the
    // canvas, stay until the new list is there; if it does not come, they are still what is shown.
    const sameSubject = subject?.kind === kind && subject.id === id && status.state === 'success';
    subject = { kind, id, type };
    const list = opened.list ?? DEFAULT_INSIGHT_OPTIONS;
    options = list;
    if (opened.country) chosenCountry = opened.country;
    const show = opened.show === true;
    askedShow = show;
    updateError = null;
    showError = null;
    missing = false;
    offeredSectors = null;
    // Entities that are not to stay on the canvas go at once: the link must not say `show=1`
    // meanwhile (Back to a view without them would push a new entry).
    if (!sameSubject || !show) insightActions.hideFromCanvas();
    wanted = show;
    wantedItem = show ? null : (opened.showItem ?? null);
    const path = insightPath(kind, id, type, list);
    if (path === undefined) {
      updating = false;
      wanted = false;
      status = loading();
      // The type is only guessed from the id's prefix: an id that names no entity is said to be
      // that (as the canvas says it), not offered views of an entity that is not there.
      try {
        await request.run((signal) => api.entity(id, { signal }));
        status = failure(new Error(insightMisfit(kind, type)));
      } catch (error) {
        if (isAbort(error)) return;
        missing = namesNoEntity(error, id);
        status = failure(error);
      }
      return;
    }
    if (sameSubject) updating = true;
    else status = loading();
    try {
      const body = await request.run((signal) => api.getJson(path, { signal }));
      const subjectLabel = insightSubjectLabel(body);
      // Still wanted: the reader may have taken the entities off the canvas meanwhile.
      const showNow = show && wanted;
      if (sameSubject && showNow) {
        // The old list's entities make way for the new list's.
        insightActions.hideFromCanvas();
        wanted = true;
      }
      status = success({
        available: true,
        items: insightItems(body),
        total: insightTotal(body),
        subjectLabel,
        country: insightFilterCountry(body),
        sectors: insightCountrySectors(body),
        sdgs: insightCountrySdgs(body),
        ranking: rankingNote(kind, body, subjectLabel ?? id),
        asked: list,
      });
      updating = false;
      if (showNow) await insightActions.showOnCanvas();
      else if (wantedItem !== null) {
        // A link to one item shown: shown again if the list still holds it, else not at all.
        const asked = wantedItem;
        wantedItem = null;
        if (listedItem(asked)) await insightActions.showItemOnCanvas(asked);
      }
    } catch (error) {
      if (isAbort(error)) return;
      updating = false;
      if (sameSubject) {
        updateError = toUserFacingError(error).message;
        wanted = false;
        return;
      }
      // A route that does not exist answers 404 without details; an unknown entity names its id.
      const missingRoute = error instanceof ApiError && error.status === 404 && !error.details;
      missing = namesNoEntity(error, id);
      offeredSectors = sectorsOffered(error);
      status = missingRoute ? success({ available: false }) : failure(error);
      wanted = false;
      wantedItem = null;
    }
  },
  /**
   * Lists the open view again as `list` says ("Show more", a filter), with its entities on the
   * canvas as `show` says (as they are now, unless a link being read says otherwise).
   */
  async setOptions(list: InsightOptions, show: boolean = shownOnCanvas): Promise<void> {
    if (!subject) return;
    await insightActions.open(subject.kind, subject.id, subject.type, { show, list });
  },
  /**
   * Lists the open view again in `country`, chosen in the filters with its name: the titles name
   * it while its list is on its way.
   */
  async chooseCountry(list: InsightOptions, country: NamedCountry): Promise<void> {
    if (!subject) return;
    chosenCountry = country;
    await insightActions.setOptions(list);
  },
  /**
   * The whole list, as far as the API lists it (for the CSV): the items shown when they are all
   * there is, else the list asked again at the API's maximum, with the same filters.
   */
  async fullList(): Promise<InsightItem[]> {
    if (!subject || status.state !== 'success' || !status.data.available) return [];
    const { items, total, asked } = status.data;
    if (nextTop(subject.kind, asked, items.length, total) === null) return items;
    const all = { ...asked, top: insightPage(subject.kind).max };
    const path = insightPath(subject.kind, subject.id, subject.type, all);
    return path === undefined ? items : insightItems(await api.getJson(path));
  },
  /** Asks again for the view as it stands, as it was asked (after an error). */
  async retry(): Promise<void> {
    if (!subject) return;
    await insightActions.open(subject.kind, subject.id, subject.type, {
      list: options,
      show: askedShow,
    });
  },
  /**
   * Explores from the subject and adds every listed entity joined to it by what explains it (the
   * entities on its paths), so none shows as an island; the relationships among them come with
   * them (one subgraph request, capped by the API at 500 entities). An exploration already from
   * the subject keeps its expansions. A stakeholder map is drawn alone: the subject, the
   * stakeholders listed and the activities and DPGs through which they are, without the rest of
   * the subject's neighbourhood, so the picture (and its export) is the map an advocacy team
   * asked for (a sector's, which has no entity, over the overview's place, with no subject node);
   * the other views add their entities to the neighbourhood, which gives them context.
   */
  async showOnCanvas(): Promise<void> {
    const current = subject;
    if (!current || status.state !== 'success' || !status.data.available) {
      wanted = false;
      return;
    }
    const mine = ++run;
    // Asked for with the view (a link, a map opened from another), the address says `show=1`
    // already: the canvas moving to the subject belongs to that entry, not one more Back stops at.
    if (wanted && !exploresFrom(current)) replaceNextUrl();
    wanted = true;
    const ids = listedIds();
    exploreFrom(current);
    showing = true;
    showError = null;
    try {
      const chunk = await api.subgraph(ids);
      // The reader may have moved on meanwhile (the overview, another entity, Back): not onto that.
      if (mine === run && exploresFrom(current) && subject === current) {
        graphActions.setExtra(chunk, {
          only: current.kind === 'stakeholders',
          title: canvasTitle(current),
          centre: centreOf(current),
        });
        shownChunk = chunk;
        itemChunk = null;
      }
    } catch (error) {
      if (mine === run && exploresFrom(current) && subject === current)
        showError = `Could not add them to the canvas: ${toUserFacingError(error).message}`;
    } finally {
      if (mine === run) {
        wanted = false;
        showing = false;
      }
    }
  },
  /**
   * Shows one listed item with what explains it (the entities on its paths to the subject) in
   * the subject's exploration, as "Show on canvas" does for the whole list: a collaborator picked
   * from the list is then on the canvas, selected, joined to the DPG by its evidence. A stakeholder
   * is drawn with its subject alone, as its map is.
   */
  async showItemOnCanvas(id: string): Promise<void> {
    const current = subject;
    const item = listedItem(id);
    if (!current || !item) return;
    const mine = ++run;
    const ids = withAnchor(current, [item.id, ...item.pathIds]);
    exploreFrom(current);
    showingItem = id;
    itemError = null;
    try {
      const chunk = await api.subgraph(ids);
      if (mine === run && exploresFrom(current) && subject === current) {
        graphActions.setExtra(chunk, {
          only: current.kind === 'stakeholders',
          title: canvasTitle(current),
          centre: centreOf(current),
        });
        shownChunk = null;
        itemChunk = { id, chunk };
      }
    } catch (error) {
      if (mine === run && subject === current)
        itemError = {
          id,
          message: `Could not add it to the canvas: ${toUserFacingError(error).message}`,
        };
    } finally {
      if (mine === run) showingItem = null;
    }
  },
  /** Takes the view's entities off the canvas again (Back to before "Show on canvas"). */
  hideFromCanvas(): void {
    run += 1;
    wanted = false;
    wantedItem = null;
    showing = false;
    showingItem = null;
    itemError = null;
    if (
      (shownChunk !== null && graph.extra === shownChunk) ||
      (itemChunk !== null && graph.extra === itemChunk.chunk)
    )
      graphActions.setExtra({ nodes: [], edges: [] });
    shownChunk = null;
    itemChunk = null;
  },
  /** Closes the view. */
  close(): void {
    request.cancel();
    insightActions.hideFromCanvas();
    subject = null;
    showError = null;
    status = idle();
    missing = false;
    offeredSectors = null;
    options = DEFAULT_INSIGHT_OPTIONS;
    updating = false;
    updateError = null;
  },
};
