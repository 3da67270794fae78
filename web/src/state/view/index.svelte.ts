/**
 * View domain: how the workspace is arranged: whether the legend is open (and the canvas insets that
 * follow, with what open notices cover), the layout, what node size encodes, graph or list display, and which side panel is open.
 */
import { MediaQuery } from 'svelte/reactivity';
import type { LayoutName, SizeMeasure } from '../../lib/graph';
import type { Insets } from '../../lib/graph/viewport';
import type { PanelName } from '../url/utils';
import { canvasInsets } from './utils';
import { type CanvasCover, coveredInsets, type ScreenBox } from './canvas-cover';
import type { SheetDetent } from './sheet-detents';

/** Below this window width the legend starts collapsed, leaving the narrower canvas to the graph. */
export const COMPACT_WIDTH = 1200;
/**
 * At or below this window width (a phone) the side panel is a sheet below the canvas, and the
 * overview in it is folded to one line until asked for: the canvas keeps the screen.
 */
export const PHONE_WIDTH = 720;

const phone = new MediaQuery(`max-width: ${PHONE_WIDTH}px`);
/** Where the canvas toolbar lies in a row along the bottom (GraphToolbar.svelte's media query). */
export const ROW_TOOLBAR = `(max-width: ${PHONE_WIDTH}px), (max-height: 500px)`;
const rowToolbar = new MediaQuery(ROW_TOOLBAR);
let overviewUnfolded = $state(false);
/** On a phone, the height the side sheet rests at, kept from panel to panel. */
let sheetDetent = $state<SheetDetent>('mid');
/** On a phone, the sheet's height (px) while a finger drags its handle; null otherwise. */
let sheetDrag = $state<number | null>(null);

let legendOpen = $state(typeof window === 'undefined' || window.innerWidth >= COMPACT_WIDTH);
// A window that narrows past the compact width (turned, resized, a tablet split) folds the legend
// as a narrow window opens with it folded, and widening past it unfolds it: left open, it covered
// most of a phone-sized canvas and the entity explored (QA). Either way the reader may toggle it.
if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
  window
    .matchMedia(`(min-width: ${COMPACT_WIDTH}px)`)
    .addEventListener('change', (event) => (legendOpen = event.matches));
}
let layout = $state<LayoutName>('fcose');
let sizeBy = $state<SizeMeasure>('degree');
let list = $state(false);
let panel = $state<PanelName | null>(null);
/** Bumped to ask the canvas to lay out again with the current layout. */
let layoutRun = $state(0);
/** What each open notice covers of the canvas, by notice: kept clear like the floating panels. */
let covers = $state<Record<string, CanvasCover>>({});
/** Where each floating panel lies over the canvas (px from its top-left corner), by panel. */
let panelBoxes = $state<Record<string, ScreenBox>>({});
const panels = $derived(Object.values(panelBoxes));
const insets = $derived<Insets>(
  coveredInsets(canvasInsets(legendOpen, rowToolbar.current), Object.values(covers)),
);

/** Read-only view of the view state. */
export const view = {
  get legendOpen() {
    return legendOpen;
  },
  get insets() {
    return insets;
  },
  /** Where the floating panels lie over the canvas (px from its top-left corner): no label goes under them. */
  get panels(): readonly ScreenBox[] {
    return panels;
  },
  get layout() {
    return layout;
  },
  get layoutRun() {
    return layoutRun;
  },
  get sizeBy() {
    return sizeBy;
  },
  get list() {
    return list;
  },
  get panel() {
    return panel;
  },
  /** Whether the window is phone-sized (see PHONE_WIDTH). */
  get phone() {
    return phone.current;
  },
  /** On a phone, whether the overview sheet is unfolded. */
  get overviewUnfolded() {
    return overviewUnfolded;
  },
  /** On a phone, the height the side sheet rests at. */
  get sheetDetent() {
    return sheetDetent;
  },
  /** On a phone, the sheet's height (px) while its handle is dragged; null otherwise. */
  get sheetDrag() {
    return sheetDrag;
  },
};

/** The only ways to change the view state. */
export const viewActions = {
  /** Says how far notice `key` reaches over the canvas now (null: it is shut). */
  coverCanvas(key: string, cover: CanvasCover | null): void {
    const now = covers[key];
    if (cover === null || (cover.top === 0 && cover.bottom === 0)) {
      if (now) covers = Object.fromEntries(Object.entries(covers).filter(([k]) => k !== key));
    } else if (now?.top !== cover.top || now.bottom !== cover.bottom) {
      covers = { ...covers, [key]: cover };
    }
  },
  /** Says where panel `key` lies over the canvas now (null: nowhere, or it is gone). */
  placePanel(key: string, box: ScreenBox | null): void {
    const now = panelBoxes[key];
    if (box === null) {
      if (now)
        panelBoxes = Object.fromEntries(Object.entries(panelBoxes).filter(([k]) => k !== key));
    } else if (
      now?.top !== box.top ||
      now.right !== box.right ||
      now.bottom !== box.bottom ||
      now.left !== box.left
    ) {
      panelBoxes = { ...panelBoxes, [key]: box };
    }
  },
  /** Opens or closes the legend. */
  toggleLegend(): void {
    legendOpen = !legendOpen;
  },
  /** Switches layout and runs it. */
  setLayout(next: LayoutName): void {
    layout = next;
    layoutRun += 1;
  },
  /** Chooses what node size encodes. */
  setSizeBy(next: SizeMeasure): void {
    sizeBy = next;
  },
  /** Shows the list view instead of the canvas, or back. */
  setList(next: boolean): void {
    list = next;
  },
  /** On a phone, unfolds or folds the overview sheet. */
  setOverviewUnfolded(next: boolean): void {
    overviewUnfolded = next;
  },
  /** On a phone, lets the side sheet rest at a height (ending any drag). */
  setSheetDetent(next: SheetDetent): void {
    sheetDetent = next;
    sheetDrag = null;
  },
  /** On a phone, makes the side sheet follow a dragged handle to `height` px. */
  dragSheet(height: number): void {
    sheetDrag = height;
  },
  /** Opens a side panel (null: details or overview). */
  openPanel(next: PanelName | null): void {
    panel = next;
  },
  /** Restores layout, size, list and panel from a URL (does not re-run the layout by itself). */
  restore(next: {
    layout: LayoutName;
    sizeBy: SizeMeasure;
    list: boolean;
    panel: PanelName | null;
  }): void {
    if (next.layout !== layout) layoutRun += 1;
    layout = next.layout;
    sizeBy = next.sizeBy;
    list = next.list;
    panel = next.panel;
  },
};
