/** Pure graph presentation: element derivation, stylesheet, palette, level of detail, layout options. */
export * from './palette';
export * from './label';
export * from './motion';
export * from './level-of-detail';
export * from './elements';
export * from './filter-facets';
export * from './svg-export';
// png-export.ts draws with the DOM, so it is imported by name where used: the tests and the
// server-side type check import this index without the DOM's types.
export * from './graph-files';
export * from './renderer-choice';
export * from './element-diff';
export * from './stylesheet';
export * from './layout';
export * from './glyph';
export * from './viewport';
export * from './label-placement';
export * from './selection-story';
export * from './relationship-rows';
