/**
 * Fuzzing the curation API — entity, relationship and annotation edits, merges, the audit feed
 * and saved views (the `curation` group of fuzz-route-catalogue.ts) — as an editor or viewer with
 * a token. Every rejected write must leave the whole database as it was (no partial writes); the
 * random writes that are accepted must leave the graph consistent (aligned provenance, one type
 * label, addressable ids) with exactly one audit event each, after which the fixture is restored.
 */
import { useFuzzEnvironment } from './fuzz-fixture.ts';
import { fuzzGroup } from './fuzz-properties.ts';

fuzzGroup('curation', useFuzzEnvironment());
