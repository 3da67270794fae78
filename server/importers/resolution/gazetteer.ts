/**
 * The names the importers can recognise: the reference tables in seed/reference (organisations,
 * groups, initiatives, country variants), the ISO 3166 country names, and whatever the graph
 * already holds — so a second source resolves to the nodes the first one created.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import type { EntityType } from '../../model/graph-model.ts';
import { organisationKindSchema } from '../../model/graph-model.ts';
import { REPO_ROOT } from '../../config.ts';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** One thing a name can refer to; `props` are the properties a node created for it gets. */
export interface GazetteerEntry {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  props: Record<string, string | number | boolean | string[]>;
  /** Where the entry comes from: a reference table, ISO 3166, or the graph. */
  origin: 'reference' | 'iso-3166' | 'graph';
  /** For initiatives: the organisation that runs it. */
  runBy?: string;
  /**
   * For organisations of the reference table: its home country's ISO code, or null when the table
   * gives none (then none is read from its name either). Undefined elsewhere: the name is read.
   */
  homeCountry?: string | null;
}

export const REFERENCE_DIR = path.join(REPO_ROOT, 'seed', 'reference');

const organisationsFile = z.object({
  entries: z.array(
    z.object({
      id: z.string().startsWith('org:'),
      name: z.string().min(1),
      aliases: z.array(z.string()),
      kind: organisationKindSchema,
      /** Its home country, ISO 3166-1 alpha-2, where it is well known. */
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals')
        .optional(),
    }),
  ),
});
const groupsFile = z.object({
  entries: z.array(
    z.object({
      id: z.string().startsWith('group:'),
      name: z.string().min(1),
      aliases: z.array(z.string()),
      description: z.string().optional(),
    }),
  ),
});
const initiativesFile = z.object({
  entries: z.array(
    z.object({
      id: z.string().startsWith('initiative:'),
      name: z.string().min(1),
      aliases: z.array(z.string()),
      kind: z.string(),
      runBy: z.string().startsWith('org:').optional(),
    }),
  ),
});
const countryAliasesFile = z.object({ entries: z.record(z.string(), z.string().length(2)) });

function readTable<T>(file: string, schema: z.ZodType<T>, dir = REFERENCE_DIR): T {
  const full = path.join(dir, file);
  const parsed = schema.safeParse(JSON.parse(readFileSync(full, 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Reference table seed/reference/${file} is invalid at ${where}`);
  }
  return parsed.data;
}

/** Country entries from ISO 3166 (all English names) plus the variants table. */
export function countryEntries(): GazetteerEntry[] {
  const variants = readTable('country-aliases.json', countryAliasesFile).entries;
  const extra = new Map<string, string[]>();
  for (const [name, code] of Object.entries(variants)) {
    extra.set(code, [...(extra.get(code) ?? []), name]);
  }
  const names = countries.getNames('en', { select: 'all' });
  return Object.entries(names).map(([code, list]) => {
    const [official = code, ...others] = list;
    // The short common name reads better in a graph than the formal one ("Laos" over "Lao PDR").
    const name = official;
    return {
      id: `country:${code}`,
      type: 'Country' as const,
      name,
      aliases: [...new Set([...others, ...(extra.get(code) ?? [])])],
      props: { name, iso2: code, iso3: countries.alpha2ToAlpha3(code) ?? '' },
      origin: 'iso-3166' as const,
    };
  });
}

const sdgsFile = z.object({
  entries: z.array(z.object({ number: z.number().int().min(1).max(17), name: z.string().min(1) })),
});

/** The 17 SDGs: `sdg:<n>`, named "SDG n: <title>", findable as "SDG n", "Goal n" or the title. */
export function sdgEntries(): GazetteerEntry[] {
  return readTable('sdgs.json', sdgsFile).entries.map((e) => {
    const name = `SDG ${e.number}: ${e.name}`;
    return {
      id: `sdg:${e.number}`,
      type: 'SDG' as const,
      name,
      aliases: [`SDG ${e.number}`, `Goal ${e.number}`, e.name],
      props: { name, number: e.number, title: e.name },
      origin: 'reference' as const,
    };
  });
}

/**
 * The organisations of the reference table in `dir` (seed/reference by default).
 * @throws Error naming the entry when its `country` is no ISO 3166 country.
 */
export function referenceOrganisations(dir = REFERENCE_DIR): GazetteerEntry[] {
  const codes = new Set(Object.keys(countries.getAlpha2Codes()));
  return readTable('organisations.json', organisationsFile, dir).entries.map(
    (e, index): GazetteerEntry => {
      if (e.country !== undefined && !codes.has(e.country)) {
        throw new Error(
          `Reference table seed/reference/organisations.json is invalid at entries.${index}.country: ${e.id} has "${e.country}", no ISO 3166 country`,
        );
      }
      return {
        id: e.id,
        type: 'Organisation',
        name: e.name,
        aliases: e.aliases,
        props: { name: e.name, kind: e.kind },
        origin: 'reference',
        homeCountry: e.country ?? null,
      };
    },
  );
}

/** The reference tables shipped in seed/reference. */
export function referenceEntries(): GazetteerEntry[] {
  const orgs = referenceOrganisations();
  const groups = readTable('groups.json', groupsFile).entries.map((e): GazetteerEntry => ({
    id: e.id,
    type: 'Group',
    name: e.name,
    aliases: e.aliases,
    props: { name: e.name, ...(e.description ? { description: e.description } : {}) },
    origin: 'reference',
  }));
  const initiatives = readTable('initiatives.json', initiativesFile).entries.map(
    (e): GazetteerEntry => ({
      id: e.id,
      type: 'Initiative',
      name: e.name,
      aliases: e.aliases,
      props: { name: e.name, kind: e.kind },
      origin: 'reference',
      runBy: e.runBy,
    }),
  );
  return [...orgs, ...groups, ...initiatives, ...sdgEntries(), ...countryEntries()];
}
