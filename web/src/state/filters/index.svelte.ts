/**
 * Filters domain: which entity types, organisation kinds and relationship types are hidden, which
 * SDGs, countries or groups the shown nodes must connect to and which attribute values (a DPG's
 * sector, type, licence, stage; DPGA membership and board) they must have — both kept in
 * `connectedTo`, as anchor ids and `<facet>=<value>` keys (lib/graph/filter-facets.ts) — and whether
 * filtered elements are hidden or faded. The filter panel and legend change them; the element
 * derivation reads them.
 */
import { ENTITY_TYPES } from '../../lib/vocabulary';
import { NONE_HIDDEN, setOf, soloType, toggleChoice, toggleType } from './utils';

let hiddenTypes = $state<ReadonlySet<string>>(NONE_HIDDEN);
let hiddenKinds = $state<ReadonlySet<string>>(NONE_HIDDEN);
let hiddenRels = $state<ReadonlySet<string>>(NONE_HIDDEN);
let connectedTo = $state<readonly string[]>([]);
let mode = $state<'hide' | 'fade'>('hide');

/** Read-only view of the filters. */
export const filters = {
  get hiddenTypes() {
    return hiddenTypes;
  },
  get hiddenKinds() {
    return hiddenKinds;
  },
  get hiddenRels() {
    return hiddenRels;
  },
  get connectedTo() {
    return connectedTo;
  },
  get mode() {
    return mode;
  },
  /**
   * Number of active filters, as the Filters button counts them: one per group that hides
   * something (types, organisation kinds, relationships) and one per chosen value. Showing
   * companies alone from the dashboard hides eight kinds, and read "Filters 8" for one click.
   */
  get active() {
    return (
      Number(hiddenTypes.size > 0) +
      Number(hiddenKinds.size > 0) +
      Number(hiddenRels.size > 0) +
      connectedTo.length
    );
  },
};

/** The only ways to change the filters. */
export const filterActions = {
  /** Shows a hidden type or hides a shown one. */
  toggleType(type: string): void {
    hiddenTypes = toggleType(hiddenTypes, type);
  },
  /** Shows only `type`; if only `type` is already shown, shows everything. */
  soloType(type: string): void {
    hiddenTypes = soloType(hiddenTypes, ENTITY_TYPES, type);
  },
  /** Shows or hides organisations of one kind. */
  toggleKind(kind: string): void {
    hiddenKinds = toggleType(hiddenKinds, kind);
  },
  /** Shows only organisations of `kind` among `all` kinds (dashboard click). */
  soloKind(kind: string, all: readonly string[]): void {
    hiddenKinds = soloType(hiddenKinds, all, kind);
  },
  /** Shows or hides one relationship type. */
  toggleRel(type: string): void {
    hiddenRels = toggleType(hiddenRels, type);
  },
  /** Adds or removes an anchor the shown nodes must connect to. */
  toggleConnectedTo(id: string): void {
    connectedTo = toggleChoice(connectedTo, id);
  },
  /** Adds or removes a facet choice: an anchor id or an attribute key (`sector=Health`). */
  toggleChoice(key: string): void {
    connectedTo = toggleChoice(connectedTo, key);
  },
  /** Hide filtered elements, or fade them. */
  setMode(next: 'hide' | 'fade'): void {
    mode = next;
  },
  /** Replaces every filter (URL restore). */
  restore(next: {
    hiddenTypes: readonly string[];
    hiddenKinds: readonly string[];
    hiddenRels: readonly string[];
    connectedTo: readonly string[];
    mode: 'hide' | 'fade';
  }): void {
    hiddenTypes = setOf(next.hiddenTypes);
    hiddenKinds = setOf(next.hiddenKinds);
    hiddenRels = setOf(next.hiddenRels);
    connectedTo = [...next.connectedTo];
    mode = next.mode;
  },
  /**
   * A new exploration (or the overview) starts without the connection and attribute choices: they
   * are picked from what one canvas holds, and the panel lists only that. Kept, a country chosen on
   * the overview stayed unseen ("Filters 1", nothing to untick) until an expansion brought the
   * country in and 32 of 35 entities vanished at once. Hidden types, kinds and relationships stay:
   * they mean the same on any canvas.
   */
  clearChoices(): void {
    if (connectedTo.length > 0) connectedTo = [];
  },
  /** Clears every filter. */
  showAll(): void {
    hiddenTypes = NONE_HIDDEN;
    hiddenKinds = NONE_HIDDEN;
    hiddenRels = NONE_HIDDEN;
    connectedTo = [];
  },
};
