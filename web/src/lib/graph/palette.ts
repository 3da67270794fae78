/**
 * Visual encoding of entity types: one Okabe–Ito colour and one node shape per type, so types stay
 * distinguishable for colour-blind readers and in greyscale. Used by the Cytoscape stylesheet, the
 * legend and every type badge, so the canvas and the chrome always agree.
 */
import type cytoscape from 'cytoscape';
import { type EntityType, ENTITY_TYPES, isEntityType } from '../vocabulary';

/** How one entity type is drawn. */
export interface EntityStyle {
  /** Fill colour (Okabe–Ito). */
  readonly color: string;
  /** A darker shade of the fill for borders and text on light backgrounds. */
  readonly border: string;
  /** Cytoscape node shape; also drawn by the TypeGlyph component. */
  readonly shape: cytoscape.Css.NodeShape;
}

/**
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"). Yellow (#F0E442) is left out: it
 * has too little contrast on the light canvas.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#3B3B3B',
} as const;

/** Colour and shape per entity type. */
export const ENTITY_STYLES: Readonly<Record<EntityType, EntityStyle>> = {
  Organisation: { color: OKABE_ITO.blue, border: '#004E7A', shape: 'round-rectangle' },
  Activity: { color: OKABE_ITO.orange, border: '#A06F00', shape: 'ellipse' },
  DPG: { color: OKABE_ITO.bluishGreen, border: '#006B4F', shape: 'round-hexagon' },
  Initiative: { color: OKABE_ITO.reddishPurple, border: '#9A4E7A', shape: 'round-diamond' },
  Group: { color: OKABE_ITO.black, border: '#1A1A1A', shape: 'round-pentagon' },
  Country: { color: OKABE_ITO.skyBlue, border: '#2A7FB0', shape: 'round-triangle' },
  SDG: { color: OKABE_ITO.vermillion, border: '#933F00', shape: 'star' },
};

/** Style for a type this build does not know (a newer server may add one). */
export const FALLBACK_STYLE: EntityStyle = {
  color: '#8A94A3',
  border: '#5B6472',
  shape: 'ellipse',
};

/** The style of any type string. */
export function entityStyle(type: string): EntityStyle {
  return isEntityType(type) ? ENTITY_STYLES[type] : FALLBACK_STYLE;
}

/** All entity types with their styles, in legend order. */
export const LEGEND_ENTRIES: ReadonlyArray<{ type: EntityType; style: EntityStyle }> =
  ENTITY_TYPES.map((type) => ({
    type,
    style: ENTITY_STYLES[type],
  }));
