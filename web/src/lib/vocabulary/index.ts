/** The graph's fixed vocabularies: entity types and relationship types. */
export * from './entity-types';
export * from './relationship-types';
