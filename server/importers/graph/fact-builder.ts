/**
 * Shared by the importers: collects facts while resolving every name through the entity resolver,
 * creates what cannot be resolved (and teaches the resolver the new name, so later rows in the
 * same import land on the same node), and logs each decision for the import report.
 */
import type { EntityType, RelationshipType } from '../../model/graph-model.ts';
import { isOrganisationKind } from '../../model/graph-model.ts';
import type { EntityResolver } from '../resolution/entity-resolver.ts';
import type { GazetteerEntry } from '../resolution/gazetteer.ts';
import {
  defaultHomeCountryTable,
  homeCountryFromName,
  type HomeCountryTable,
} from '../resolution/home-country.ts';
import { withoutNameDebris } from '../resolution/name-debris.ts';
import { classifyOrganisation } from '../resolution/organisation-classifier.ts';
import { nameProblem, slugify } from '../resolution/text-normalise.ts';
import type { AmbiguousName, ResolutionRecord, UnresolvedName } from '../import-report.ts';
import { FactSet, type Props } from './graph-facts.ts';

export class FactBuilder {
  readonly facts = new FactSet();
  readonly resolutions: ResolutionRecord[] = [];
  readonly unresolved: UnresolvedName[] = [];
  readonly ambiguous: AmbiguousName[] = [];

  constructor(
    readonly resolver: EntityResolver,
    private readonly homes: HomeCountryTable = defaultHomeCountryTable(),
  ) {}

  /**
   * States a known entity; reference data brings its properties, graph nodes keep theirs. An
   * organisation also gets its home country (BASED_IN), read from the reference table or from
   * `statedName`, the name the source gives it (its canonical name by default).
   */
  entity(
    entry: GazetteerEntry,
    evidence: string,
    extra: Props = {},
    statedName: string = entry.name,
  ): string {
    const base: Props =
      entry.origin === 'graph' ? cleanedName(entry) : { ...entry.props, aliases: entry.aliases };
    const aliases = [
      ...((base.aliases as string[] | undefined) ?? []),
      ...((extra.aliases as string[] | undefined) ?? []),
    ];
    const props: Props = {
      ...base,
      ...extra,
      ...(aliases.length > 0 ? { aliases: [...new Set(aliases)] } : {}),
    };
    this.facts.addNode({ id: entry.id, label: entry.type, props, evidence });
    if (entry.type === 'Organisation') this.home(entry, statedName, evidence);
    return entry.id;
  }

  /**
   * BASED_IN from an organisation to its home country, with the source's evidence for the
   * organisation and how the home was found: the reference table's `country`, which wins (and
   * whose silence means none), or else the name (resolution/home-country.ts says when a name is
   * trusted). `homeFrom` on the relationship says which.
   */
  private home(entry: GazetteerEntry, statedName: string, evidence: string): void {
    const kind = entry.props.kind;
    const fromTable = entry.homeCountry !== undefined;
    const found = fromTable
      ? entry.homeCountry
        ? { code: entry.homeCountry, phrase: '' }
        : null
      : homeCountryFromName(
          statedName,
          typeof kind === 'string' && isOrganisationKind(kind) ? kind : null,
          this.homes,
        );
    const country = found ? this.resolver.get(`country:${found.code}`) : undefined;
    if (!found || !country) return;
    const how = fromTable
      ? `seed/reference/organisations.json gives ${found.code} for ${entry.id}`
      : `the name "${statedName}" says "${found.phrase}"`;
    const homeEvidence = `${evidence}; based in ${country.name}: ${how}`;
    this.entity(country, homeEvidence);
    this.link('BASED_IN', entry.id, country.id, homeEvidence, {
      homeFrom: fromTable ? 'reference-table' : 'name',
    });
  }

  link(
    type: RelationshipType,
    from: string,
    to: string,
    evidence: string,
    props: Props = {},
  ): void {
    this.facts.addRelationship({ type, from, to, evidence, props });
  }

  /** Resolves a name among `types`; logs the match or the ambiguity. */
  resolve(name: string, types: readonly EntityType[], context: string): GazetteerEntry | null {
    const result = this.resolver.resolve(name, types);
    if (result.status === 'matched') {
      this.resolutions.push({ name, id: result.entry.id, rule: result.rule, context });
      return result.entry;
    }
    if (result.status === 'ambiguous') {
      this.ambiguous.push({ name, candidates: result.candidates.map((c) => c.id), context });
    }
    return null;
  }

  /** True when the last resolve of this name in this context was ambiguous. */
  wasAmbiguous(name: string, context: string): boolean {
    return this.ambiguous.some((a) => a.name === name && a.context === context);
  }

  /**
   * The organisation (or, where `types` allows, the initiative) a name stands for: resolved, or
   * created with a kind from the classification rules. Null when the name is ambiguous, or is
   * no name at all (no letters or digits, or a paragraph): then it is reported as unresolved.
   */
  organisation(
    name: string,
    evidence: string,
    context: string,
    options: { types?: readonly EntityType[]; props?: Props } = {},
  ): string | null {
    const known = this.resolve(name, options.types ?? ['Organisation'], context);
    if (known)
      return this.entity(known, evidence, { ...learnedKind(known), ...options.props }, name);
    if (this.wasAmbiguous(name, context)) return null;
    if (nameProblem(name)) {
      this.unresolved.push({ name, context, createdId: null });
      return null;
    }
    const id = `org:${slugify(name)}`;
    const kind = classifyOrganisation(name);
    const entry: GazetteerEntry = {
      id,
      type: 'Organisation',
      name,
      aliases: [],
      props: { name, kind, ...(options.props ?? {}) },
      origin: 'reference',
    };
    // A slug can collide with a different organisation's id: then the name is ambiguous, not new.
    const existing = this.resolver.get(id);
    if (existing && existing.type !== 'Organisation') {
      this.ambiguous.push({ name, candidates: [existing.id], context });
      return null;
    }
    this.resolver.add(entry);
    this.unresolved.push({ name, context, createdId: id });
    return this.entity(entry, evidence);
  }

  /** The country a name stands for, or null (logged as unresolved) when none matches. */
  country(name: string, evidence: string, context: string): string | null {
    const known = this.resolve(name, ['Country'], context);
    if (known) return this.entity(known, evidence);
    if (!this.wasAmbiguous(name, context)) this.unresolved.push({ name, context, createdId: null });
    return null;
  }
}

/**
 * The name of an entity the graph holds, without the debris an import before name-debris.ts
 * stored ("… Project:", doubled spaces); nothing when it has none. A graph node keeps its name
 * over a source's, so without this a database imported before would keep the debris that a fresh
 * import no longer has. The id stays (ids drop punctuation and spacing), and an editor's name is
 * kept by the import guards, as for the kind below.
 */
function cleanedName(entry: GazetteerEntry): Props {
  const name = withoutNameDebris(entry.name);
  return name === entry.name || name === '' ? {} : { name };
}

/**
 * The kind the classification rules now give an organisation the graph holds as unclassified:
 * rules grow (seed/reference/organisation-kind-rules.json), and a database imported before a rule
 * existed should not stay behind a fresh one. A kind an editor set is not touched: the import
 * guards keep an editor's value over any source's.
 */
function learnedKind(entry: GazetteerEntry): Props {
  if (entry.origin !== 'graph' || entry.type !== 'Organisation') return {};
  if ((entry.props.kind ?? 'unknown') !== 'unknown') return {};
  const kind = classifyOrganisation(entry.name);
  return kind === 'unknown' ? {} : { kind };
}
