/**
 * Search domain: the typeahead's query, its results, which result the keyboard points at, and whether
 * the list is open. Requests are debounced and only the newest one can land.
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
import type { SearchResponse, SearchResult } from '../../lib/api/types';
import {
  type ResultGroup,
  type SectorOffer,
  displayOrder,
  groupResults,
  moveActive,
  withSectors,
} from './utils';
import { selection, selectionActions } from '../selection/index.svelte';
import { graphActions } from '../graph/index.svelte';
import { insightActions } from '../insights/index.svelte';
import { viewActions } from '../view/index.svelte';
import { dashboardActions } from '../dashboard/index.svelte';
import { SEARCH_DEBOUNCE_MS, SEARCH_LIMIT } from './limits';
import {
  type CountryCount,
  SECTOR_TYPE,
  type SectorCount,
  type SectorInCountry,
  type SdgCount,
  type SdgInCountry,
  namesSector,
  topicInCountry,
  sectorSubjectId,
  sectorsInCountriesNamed,
  sdgsInCountriesNamed,
  sectorsNamed,
} from '../../lib/insights/sector-subject';
import { DEFAULT_INSIGHT_OPTIONS, type NamedCountry } from '../../lib/insights/insight-options';

let query = $state('');
let status = $state<AsyncStatus<SearchResponse>>(idle());
let activeIndex = $state(-1);
let open = $state(false);
/** The label of the result last chosen (search.opened). */
let opened = $state<string | null>(null);
/**
 * The DPG sectors, the SDGs and the countries, asked for with the first search: a topic typed
 * ("health") is offered as its sector's stakeholder map after the entities found, for the advocacy
 * team that came for it, and a topic and a country ("health kenya", "sdg 3 kenya") as that
 * sector's or SDG's map in the country.
 */
let sectors = $state.raw<readonly SectorCount[]>([]);
let sdgs = $state.raw<readonly SdgCount[]>([]);
let countries = $state.raw<readonly CountryCount[]>([]);
let sectorsAsked = false;

/** A topic's map offered (a sector's, an SDG's), and the country it is narrowed to, if any. */
interface MapOffer extends SectorOffer {
  /** The map's subject: `sector:Health`, `sdg:3`. */
  subject: string;
  type: string;
  country: NamedCountry | null;
}

function sectorOffer(s: SectorCount, typed: string): MapOffer {
  return {
    subject: sectorSubjectId(s.sector),
    type: SECTOR_TYPE,
    country: null,
    exact: namesSector(s.sector, typed),
    result: {
      id: sectorSubjectId(s.sector),
      label: s.sector,
      type: SECTOR_TYPE,
      kind: null,
      score: 0,
      snippet:
        s.dpgs === 1
          ? '1 DPG · who backs it, who works with it'
          : `${s.dpgs} DPGs · who backs them, who works with them`,
    },
  };
}

/** A topic's map in a country offered: "Health in Kenya", "SDG 3: Good Health… in Kenya". */
function inCountryOffer(
  topic: { subject: string; type: string; label: string },
  s: { country: NamedCountry; exact: boolean },
): MapOffer {
  return {
    subject: topic.subject,
    type: topic.type,
    country: s.country,
    exact: s.exact,
    result: {
      // No entity's id, nor a topic's alone: the offer is told apart by it.
      id: `${topic.subject} in ${s.country.id}`,
      label: topicInCountry(topic.label, s.country.label),
      type: topic.type,
      kind: null,
      score: 0,
      snippet: `Who works on its DPGs in ${s.country.label}, who backs those made or used there`,
    },
  };
}

const sectorInCountryOffer = (s: SectorInCountry) =>
  inCountryOffer({ subject: sectorSubjectId(s.sector), type: SECTOR_TYPE, label: s.sector }, s);
const sdgInCountryOffer = (s: SdgInCountry) =>
  inCountryOffer({ subject: s.sdg.id, type: 'SDG', label: s.sdg.label }, s);

/** The sector maps the query names, as results, once the entities it finds are there. */
const offers = $derived<MapOffer[]>(
  status.state === 'success'
    ? [
        ...sectorsNamed(sectors, query).map((s) => sectorOffer(s, query)),
        ...sectorsInCountriesNamed(sectors, countries, query).map(sectorInCountryOffer),
        ...sdgsInCountriesNamed(sdgs, countries, query).map(sdgInCountryOffer),
      ]
    : [],
);
const groups = $derived<ResultGroup[]>(
  groupResults(
    withSectors(dataOf(status)?.results ?? [], offers, query, dataOf(status)?.words === 'some'),
  ),
);
const ordered = $derived<SearchResult[]>(displayOrder(groups));

async function askSectors(): Promise<void> {
  if (sectorsAsked) return;
  sectorsAsked = true;
  try {
    const facets = await dashboardActions.facets();
    sectors = facets.sectors.map((f) => ({ sector: f.value, dpgs: f.count }));
    sdgs = facets.sdgs.map((f) => ({ id: f.value, label: f.label, dpgs: f.count }));
    countries = facets.countries.map((f) => ({ id: f.value, label: f.label, entities: f.count }));
  } catch {
    // Search works without them; the next search asks again.
    sectorsAsked = false;
  }
}

const request = createLatestRequest();
let timer: ReturnType<typeof setTimeout> | undefined;
// Enter pressed before the results of the query typed had come (the debounce and the request take
// a few hundred milliseconds): the first of them is chosen when they come, as if they had been there,
// unless the reader has moved on meanwhile (typed on, pressed Escape, selected something else).
let chooseOnArrival: { query: string; selected: string | null } | null = null;

async function run(q: string): Promise<void> {
  try {
    const data = await request.run((signal) => api.search(q, SEARCH_LIMIT, { signal }));
    status = success(data);
    activeIndex = ordered.length > 0 ? 0 : -1;
    const waiting = chooseOnArrival;
    chooseOnArrival = null;
    // Not a match of some words only: the reader has not seen that nothing matched them all.
    if (
      waiting?.query === q &&
      waiting.selected === selection.id &&
      activeIndex === 0 &&
      data.words !== 'some'
    ) {
      searchActions.choose(0);
    }
  } catch (error) {
    if (!isAbort(error)) {
      chooseOnArrival = null;
      status = failure(error);
    }
  }
}

/** Read-only view of the search state. */
export const search = {
  get query() {
    return query;
  },
  get status() {
    return status;
  },
  get groups() {
    return groups;
  },
  get results() {
    return ordered;
  },
  /** The name of the result last opened, until the reader types again. */
  get opened() {
    return opened;
  },
  /**
   * No entity matched every word typed: the results match some of them. Not said beside a map
   * the words name ("sdg 3 kenya": SDG 3's map in Kenya), which read as a failure above it (QA).
   */
  get someWords() {
    return status.state === 'success' && status.data.words === 'some' && offers.length === 0;
  },
  get activeIndex() {
    return activeIndex;
  },
  get open() {
    return open;
  },
};

/** The only ways to change the search state. */
export const searchActions = {
  /** Sets the query and searches after a short pause; a blank query clears the results. */
  setQuery(value: string): void {
    opened = null;
    query = value;
    open = true;
    chooseOnArrival = null;
    clearTimeout(timer);
    // The answer to what was typed before must not land during the pause (nor be chosen by Enter).
    request.cancel();
    if (value.trim() === '') {
      status = idle();
      activeIndex = -1;
      return;
    }
    status = loading();
    void askSectors();
    timer = setTimeout(() => void run(value.trim()), SEARCH_DEBOUNCE_MS);
  },
  /** Runs the current query again at once (after an error). */
  retry(): void {
    if (query.trim() === '') return;
    status = loading();
    void run(query.trim());
  },
  /** Moves the keyboard cursor by one, wrapping. */
  move(delta: 1 | -1): void {
    open = true;
    activeIndex = moveActive(activeIndex, ordered.length, delta);
  },
  /** Points the cursor at result `index` (mouse hover). */
  setActive(index: number): void {
    activeIndex = index;
  },
  /**
   * Enter: the active result, or, while the query's results are still on their way, the first of
   * them when they come. False when there is nothing to choose or wait for.
   */
  enter(): boolean {
    if (activeIndex >= 0 && status.state === 'success') {
      searchActions.choose(activeIndex);
      return true;
    }
    if (status.state === 'loading' && query.trim() !== '') {
      chooseOnArrival = { query: query.trim(), selected: selection.id };
      return true;
    }
    return false;
  },
  /** Escape: an Enter still waiting for its results chooses nothing. */
  cancelChoice(): void {
    chooseOnArrival = null;
  },
  /** Selects result `index` (or the active one), then clears the box for the next search. */
  choose(index: number = activeIndex): void {
    const result = ordered[index];
    if (!result) return;
    opened = result.label;
    const offer = offers.find((each) => each.result === result);
    if (offer) {
      void insightActions.open('stakeholders', offer.subject, offer.type, {
        list: { ...DEFAULT_INSIGHT_OPTIONS, country: offer.country?.id ?? null },
        country: offer.country,
      });
      viewActions.openPanel('insight');
      searchActions.clear();
      return;
    }
    selectionActions.select(result.id, 'search');
    graphActions.focus(result.id);
    searchActions.clear();
  },
  /** Opens the list again (on focus) if there is anything to show. */
  reopen(): void {
    if (query.trim() !== '') open = true;
  },
  /** Closes the list, keeping the query. */
  close(): void {
    open = false;
  },
  /** Clears the query and results. */
  clear(): void {
    clearTimeout(timer);
    chooseOnArrival = null;
    request.cancel();
    query = '';
    status = idle();
    activeIndex = -1;
    open = false;
  },
};
