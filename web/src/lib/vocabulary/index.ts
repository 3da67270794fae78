/** The graph's fixed vocabularies: entity types, relationship types, and how stored values read. */
export * from './entity-types';
export * from './relationship-types';
export * from './value-names';
