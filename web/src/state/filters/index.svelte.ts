/**
 * Filters domain: which entity types are hidden from the canvas. The legend changes them; the element
 * derivation reads them.
 */
import { ENTITY_TYPES } from '../../lib/vocabulary';
import { NONE_HIDDEN, soloType, toggleType } from './utils';

let hiddenTypes = $state<ReadonlySet<string>>(NONE_HIDDEN);

/** Read-only view of the filters. */
export const filters = {
  get hiddenTypes() {
    return hiddenTypes;
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
  /** Shows every type. */
  showAll(): void {
    hiddenTypes = NONE_HIDDEN;
  },
};
