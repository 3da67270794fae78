/**
 * A synthetic DPG ecosystem of any size with the real data's shape, for benchmarks: organisations
 * whose degrees follow a power law (a few hubs like UNICEF, a long tail), activities with 2–30
 * participants, DPGs with SDGs, sectors and the countries they are deployed and developed in,
 * initiatives, groups and DPGA membership. Pure and deterministic: the same options give the same
 * graph, byte for byte.
 *
 * The graph comes as the project's own import input — documents, each a source descriptor and a
 * FactSet whose every node and relationship carries evidence — so it goes into Neo4j through the
 * same graph writer as the real importers. Like real sources, every document states the nodes its
 * relationships join, and no relationship is stated by two documents, so the graph holds exactly
 * the number of relationships asked for.
 */
import { createHash } from 'node:crypto';
import type { SourceDescriptor } from '../../server/importers/graph/graph-writer.ts';
import { FactSet, type Props } from '../../server/importers/graph/graph-facts.ts';
import { classifyActivity } from '../../server/importers/activity-classifier.ts';
import {
  countryEntries,
  sdgEntries,
  type GazetteerEntry,
} from '../../server/importers/resolution/gazetteer.ts';
import { slugify } from '../../server/importers/resolution/text-normalise.ts';
import type {
  EntityType,
  OrganisationKind,
  RelationshipType,
} from '../../server/model/graph-model.ts';
import {
  acronym,
  activityTitle,
  dpgName,
  DPG_TYPES,
  groupName,
  initiativeName,
  LICENSES,
  ORGANISATION_KIND_SHARES,
  organisationName,
  SECTORS,
  TOPICS,
  VERB_COUNT,
} from './synthetic-names.ts';
import {
  PowerLawCount,
  SyntheticRandom,
  zipfSampler,
  type DiscreteSampler,
} from './synthetic-random.ts';

export const DEFAULT_SEED = 8;
export const MIN_RELATIONSHIPS = 200;
export const MAX_RELATIONSHIPS = 5_000_000;
const DEFAULT_DOCUMENT_RELATIONSHIPS = 5_000;
/** Relationships per organisation when only one of the two is given (100k ↔ 1M, as issue #8). */
const RELATIONSHIPS_PER_ORGANISATION = 10;

/** Zipf exponents: how strongly draws favour the top-ranked hubs. */
const ORGANISATION_SKEW = 0.8;
const DPG_SKEW = 1.0;
const GROUP_SKEW = 0.9;
const INITIATIVE_SKEW = 0.9;
/** Activities have 2–30 participants, most of them few (k^-1.5: mean about 7). */
const PARTICIPANTS = new PowerLawCount(2, 30, 1.5);
/** DPGs are deployed in 1–200 countries, most in a handful (the registry's long tail). */
const DEPLOYMENTS = new PowerLawCount(1, 200, 1.5);
const SDG_COUNT = new PowerLawCount(1, 11, 1.2);
/** How often each SDG is claimed, SDG 1 first (health, education, industry and peace lead). */
const SDG_WEIGHTS = [1, 1, 3, 2.5, 1.5, 1, 0.8, 1.2, 2, 1.5, 1.2, 0.6, 1.5, 0.4, 0.5, 2, 2];
const SECTOR_WEIGHTS = SECTORS.map((_, i) => 1 / (i + 1));

export interface SyntheticGraphOptions {
  /** Distinct relationships the graph holds; default: 10 per organisation. */
  relationships?: number;
  /** Organisations; default: one per 10 relationships. */
  organisations?: number;
  seed?: number;
  /** At most about this many relationships per document (each document is one transaction). */
  documentRelationships?: number;
}

/** One source document: what it is, and the facts it states. */
export interface SyntheticDocument {
  source: SourceDescriptor;
  facts: FactSet;
}

export interface SyntheticCounts {
  entities: number;
  relationships: number;
  byLabel: Record<EntityType, number>;
  byType: Partial<Record<RelationshipType, number>>;
}

export interface SyntheticGraph {
  options: Required<SyntheticGraphOptions>;
  documents: SyntheticDocument[];
  counts: SyntheticCounts;
}

interface Organisation {
  id: string;
  props: Props;
}

/** Checks and completes the options. @throws Error naming the bad option. */
export function resolveOptions(options: SyntheticGraphOptions): Required<SyntheticGraphOptions> {
  const { relationships, organisations } = options;
  if (relationships === undefined && organisations === undefined) {
    throw new Error('synthetic-graph: give relationships or organisations');
  }
  const r = relationships ?? organisations! * RELATIONSHIPS_PER_ORGANISATION;
  const o = organisations ?? Math.max(10, Math.round(r / RELATIONSHIPS_PER_ORGANISATION));
  const seed = options.seed ?? DEFAULT_SEED;
  const perDocument = options.documentRelationships ?? DEFAULT_DOCUMENT_RELATIONSHIPS;
  if (!Number.isInteger(r) || r < MIN_RELATIONSHIPS || r > MAX_RELATIONSHIPS) {
    throw new Error(
      `synthetic-graph: relationships must be an integer ${MIN_RELATIONSHIPS}–${MAX_RELATIONSHIPS} (got ${r})`,
    );
  }
  if (!Number.isInteger(o) || o < 10 || o * 2 > r) {
    throw new Error(
      `synthetic-graph: organisations must be an integer from 10 to half the relationships (got ${o} for ${r})`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`synthetic-graph: seed must be a 32-bit unsigned integer (got ${seed})`);
  }
  if (!Number.isInteger(perDocument) || perDocument < 100) {
    throw new Error(
      `synthetic-graph: documentRelationships must be an integer of at least 100 (got ${perDocument})`,
    );
  }
  return { relationships: r, organisations: o, seed, documentRelationships: perDocument };
}

/** Accumulates one document's facts and knows when it is full. */
class DocumentBuffer {
  readonly facts = new FactSet();
  relationships = 0;

  constructor(
    readonly kind: string,
    readonly slug: string,
    readonly file: string,
    readonly title: string,
  ) {}
}

/** Builds the graph; one instance per generation (it holds the running state). */
class Generator {
  private readonly random: SyntheticRandom;
  private readonly documents: SyntheticDocument[] = [];
  private readonly stated = new Map<string, EntityType>();
  private readonly byType: Partial<Record<RelationshipType, number>> = {};
  private readonly orgDegree: Int32Array;
  private isolated: number;
  private used = 0;

  private readonly organisations: Organisation[] = [];
  private readonly orgSampler: DiscreteSampler;
  private readonly dpgs: { id: string; name: string }[] = [];
  private readonly dpgSampler: DiscreteSampler;
  private readonly groups: Organisation[] = [];
  private readonly groupSampler: DiscreteSampler;
  private readonly initiatives: Organisation[] = [];
  private readonly initiativeSampler: DiscreteSampler;
  private readonly countries: GazetteerEntry[];
  private readonly countryWeights: Float64Array;
  private readonly countrySampler: DiscreteSampler;
  private readonly sdgs: GazetteerEntry[];
  private readonly activityIds = new Set<string>();
  private readonly groupMemberships = new Set<string>();

  constructor(private readonly options: Required<SyntheticGraphOptions>) {
    this.random = new SyntheticRandom(options.seed);
    const o = options.organisations;
    this.orgDegree = new Int32Array(o);
    this.isolated = o;

    const kindSampler = ORGANISATION_KIND_SHARES.map(([, share]) => share);
    for (let i = 0; i < o; i++) {
      const kind: OrganisationKind = ORGANISATION_KIND_SHARES[this.random.choose(kindSampler)]![0];
      const name = organisationName(i, kind, this.random.int(0, 4));
      const props: Props = { name, kind };
      if (this.random.chance(0.1)) props.aliases = [acronym(name)];
      if (this.random.chance(0.5)) props.website = `https://${slugify(name)}.example.org`;
      this.organisations.push({ id: `org:${slugify(name)}`, props });
    }
    this.orgSampler = zipfSampler(o, ORGANISATION_SKEW);

    const dpgCount = Math.max(3, Math.round(o / 20));
    for (let i = 0; i < dpgCount; i++) {
      const name = dpgName(i);
      this.dpgs.push({ id: `dpg:${slugify(name)}`, name });
    }
    this.dpgSampler = zipfSampler(dpgCount, DPG_SKEW);

    const groupCount = Math.max(2, Math.round(o / 250));
    for (let i = 0; i < groupCount; i++) {
      const name = groupName(i);
      const props: Props = { name };
      if (this.random.chance(0.5)) props.memberCount = this.random.int(10, 300);
      this.groups.push({ id: `group:${slugify(name)}`, props });
    }
    this.groupSampler = zipfSampler(groupCount, GROUP_SKEW);

    const initiativeCount = Math.max(2, Math.round(o / 150));
    for (let i = 0; i < initiativeCount; i++) {
      const name = initiativeName(i);
      const kind = /Fund$/.test(name)
        ? 'fund'
        : /Campaign$|Compact$/.test(name)
          ? 'campaign'
          : 'programme';
      this.initiatives.push({ id: `initiative:${slugify(name)}`, props: { name, kind } });
    }
    this.initiativeSampler = zipfSampler(initiativeCount, INITIATIVE_SKEW);

    // Countries in a seeded order, so which ones are hubs differs by seed but not by run.
    const all = countryEntries().sort((a, b) => (a.id < b.id ? -1 : 1));
    this.countries = all
      .map((entry) => ({ entry, key: this.random.float() }))
      .sort((a, b) => a.key - b.key)
      .map(({ entry }) => entry);
    this.countryWeights = Float64Array.from(this.countries, (_, i) => (i + 1) ** -0.7);
    this.countrySampler = zipfSampler(this.countries.length, 0.7);
    this.sdgs = sdgEntries().sort((a, b) => Number(a.props.number) - Number(b.props.number));
  }

  generate(): SyntheticGraph {
    this.registryDocuments();
    this.initiativeDocument();
    this.membersDocument();
    if (this.used + this.isolated > this.options.relationships) {
      throw new Error(
        `synthetic-graph: ${this.options.relationships} relationships are too few for ${this.options.organisations} organisations`,
      );
    }
    this.activityDocuments();
    this.rosterDocuments();
    const byLabel = Object.fromEntries(
      (['Organisation', 'Activity', 'DPG', 'Country', 'SDG', 'Group', 'Initiative'] as const).map(
        (l) => [l, 0],
      ),
    ) as Record<EntityType, number>;
    for (const label of this.stated.values()) byLabel[label]++;
    return {
      options: this.options,
      documents: this.documents,
      counts: {
        entities: this.stated.size,
        relationships: this.used,
        byLabel,
        byType: this.byType,
      },
    };
  }

  // --- documents -------------------------------------------------------------------------------

  private open(kind: string, slug: string, file: string, title: string): DocumentBuffer {
    return new DocumentBuffer(kind, slug, file, title);
  }

  private close(doc: DocumentBuffer): void {
    if (doc.relationships === 0 && doc.facts.nodes.length === 0) return;
    const { seed, relationships, organisations } = this.options;
    const uri = `synthetic:seed-${seed}/${doc.file}`;
    this.documents.push({
      source: {
        id: `source:${doc.kind}:${doc.slug}`,
        kind: doc.kind,
        uri,
        title: doc.title,
        checksum: createHash('sha256')
          .update(`${uri}|${relationships}|${organisations}`)
          .digest('hex'),
        resolutions: [],
      },
      facts: doc.facts,
    });
  }

  private node(doc: DocumentBuffer, id: string, label: EntityType, props: Props, evidence: string) {
    doc.facts.addNode({ id, label, props, evidence });
    this.stated.set(id, label);
  }

  private org(doc: DocumentBuffer, index: number, evidence: string): string {
    const org = this.organisations[index]!;
    this.node(doc, org.id, 'Organisation', org.props, evidence);
    return org.id;
  }

  private country(doc: DocumentBuffer, index: number, evidence: string): string {
    const c = this.countries[index]!;
    this.node(doc, c.id, 'Country', { ...c.props, aliases: c.aliases }, evidence);
    return c.id;
  }

  private sdg(doc: DocumentBuffer, number: number, evidence: string): string {
    const s = this.sdgs[number - 1]!;
    this.node(doc, s.id, 'SDG', { ...s.props, aliases: s.aliases }, evidence);
    return s.id;
  }

  private link(
    doc: DocumentBuffer,
    type: RelationshipType,
    from: string,
    to: string,
    evidence: string,
    props: Props = {},
  ): void {
    doc.facts.addRelationship({ type, from, to, props, evidence });
    doc.relationships++;
    this.used++;
    this.byType[type] = (this.byType[type] ?? 0) + 1;
  }

  private touchOrg(index: number): void {
    if (this.orgDegree[index] === 0) this.isolated--;
    this.orgDegree[index]!++;
  }

  // --- the DPG registry: DPGs with their organisations, SDGs and countries -----------------------

  private registryDocuments(): void {
    const perDocument = this.options.documentRelationships;
    let part = 0;
    let doc = this.registryDocument(part);
    // All 17 goals, as the real registry import states them.
    for (const s of this.sdgs)
      this.sdg(doc, Number(s.props.number), 'The 17 Sustainable Development Goals');
    this.dpgs.forEach((dpg, index) => {
      if (doc.relationships >= perDocument) {
        this.close(doc);
        doc = this.registryDocument(++part);
      }
      this.dpg(doc, dpg, index);
    });
    this.close(doc);
  }

  private registryDocument(part: number): DocumentBuffer {
    const slug = `synthetic-registry-${String(part + 1).padStart(4, '0')}`;
    return this.open(
      'dpg-registry',
      slug,
      `registry/part-${part + 1}.json`,
      'DPG Registry (synthetic)',
    );
  }

  private dpg(doc: DocumentBuffer, dpg: { id: string; name: string }, index: number): void {
    const r = this.random;
    const file = `registry/dpg/${dpg.id.slice(4)}.json`;
    const sectors = r
      .weightedSample(SECTOR_WEIGHTS, r.choose([0.6, 0.3, 0.1]) + 1)
      .map((i) => SECTORS[i]!);
    const types = r.chance(0.8)
      ? [DPG_TYPES[r.choose([0.82, 0.08, 0.06, 0.03, 0.01])]!]
      : ['software', 'data'];
    const registryId = dpg.id.slice(4);
    this.node(
      doc,
      dpg.id,
      'DPG',
      {
        name: dpg.name,
        registryId,
        description: `${dpg.name} is an open ${types[0]} for ${sectors[0]!.toLowerCase()} (${TOPICS[index % TOPICS.length]}).`,
        website: `https://${registryId}.example.org`,
        stage: r.chance(0.95) ? 'DPG' : 'nominee',
        licenses: [r.pick(LICENSES)],
        sectors,
        types,
        repositories: [`https://git.example.org/${registryId}`],
      },
      `${file}: the registry record "${registryId}"`,
    );

    const roles: [RelationshipType, string, number][] = [
      ['OWNS', 'owner', 1],
      ['MAINTAINS', 'maintainer', r.chance(0.2) ? 1 : 0],
      ['FUNDS', 'funder', r.choose([0.6, 0.3, 0.1])],
      ['IMPLEMENTS', 'implementer', r.choose([0.5, 0.25, 0.15, 0.1])],
    ];
    const orgCount = roles.reduce((sum, [, , n]) => sum + n, 0);
    const orgs = r.distinct(this.orgSampler, orgCount);
    let at = 0;
    for (const [type, role, n] of roles) {
      for (let k = 0; k < n && at < orgs.length; k++, at++) {
        const evidence = `${file}: organizations[${at}] (${role})`;
        this.touchOrg(orgs[at]!);
        this.link(doc, type, this.org(doc, orgs[at]!, evidence), dpg.id, evidence);
      }
    }

    r.weightedSample(SDG_WEIGHTS, SDG_COUNT.draw(r)).forEach((i, k) => {
      const evidence = `${file}: SDGs[${k}] (SDG ${i + 1}) with the evidence given`;
      this.link(doc, 'ADVANCES', dpg.id, this.sdg(doc, i + 1, evidence), evidence);
    });
    const deployed = r.weightedSample(this.countryWeights, DEPLOYMENTS.draw(r));
    deployed.forEach((i, k) => {
      const evidence = `${file}: locations.deploymentCountries[${k}]`;
      this.link(doc, 'DEPLOYED_IN', dpg.id, this.country(doc, i, evidence), evidence);
    });
    r.distinct(this.countrySampler, r.chance(0.8) ? 1 : 2).forEach((i, k) => {
      const evidence = `${file}: locations.developmentCountries[${k}]`;
      this.link(doc, 'DEVELOPED_IN', dpg.id, this.country(doc, i, evidence), evidence);
    });
  }

  // --- initiatives: who runs them and which DPGs they fund ---------------------------------------

  private initiativeDocument(): void {
    const doc = this.open(
      'member-page',
      'synthetic-initiatives',
      'initiatives.txt',
      'Initiatives and funds (synthetic)',
    );
    this.initiatives.forEach((initiative, index) => {
      const line = `initiatives.txt line ${index + 1}`;
      this.node(doc, initiative.id, 'Initiative', initiative.props, line);
      const runner = this.random.draw(this.orgSampler);
      this.touchOrg(runner);
      const runs = `${line}: run by`;
      this.link(doc, 'RUNS', this.org(doc, runner, runs), initiative.id, runs);
      if (initiative.props.kind !== 'fund') return;
      for (const d of this.random.distinct(this.dpgSampler, this.random.int(1, 4))) {
        const dpg = this.dpgs[d]!;
        const evidence = `${line}: invested in ${dpg.name}`;
        this.node(doc, dpg.id, 'DPG', {}, evidence);
        this.link(doc, 'FUNDS', initiative.id, dpg.id, evidence);
      }
    });
    this.close(doc);
  }

  // --- DPGA membership: hubs and a spread of others, ten on the board ----------------------------

  private membersDocument(): void {
    const doc = this.open('dpga-members', 'synthetic', 'members.json', 'DPGA members (synthetic)');
    const o = this.options.organisations;
    const count = Math.max(3, Math.round(o / 100));
    const members = new Set<number>();
    for (let i = 0; i < Math.ceil(count / 2); i++) members.add(i);
    while (members.size < count) members.add(this.random.int(0, o - 1));
    const dpga = 'org:dpga';
    let index = 0;
    for (const member of [...members].sort((a, b) => a - b)) {
      const evidence = `members.json: members[${index}]`;
      if (index === 0) {
        this.node(
          doc,
          dpga,
          'Organisation',
          { name: 'Digital Public Goods Alliance', kind: 'network', aliases: ['DPGA'] },
          evidence,
        );
      }
      this.touchOrg(member);
      this.link(doc, 'MEMBER_OF', this.org(doc, member, evidence), dpga, evidence, {
        board: index < 10,
      });
      index++;
    }
    this.close(doc);
  }

  // --- activities: roadmap sheets of activities, led, co-led and joined --------------------------

  private activityDocuments(): void {
    const perDocument = this.options.documentRelationships;
    let part = 0;
    let doc = this.sheet(part);
    let row = 0;
    for (;;) {
      if (doc.relationships >= perDocument) {
        this.close(doc);
        doc = this.sheet(++part);
        row = 0;
      }
      if (!this.activity(doc, ++row)) break;
    }
    this.close(doc);
  }

  private sheet(part: number): DocumentBuffer {
    const slug = `synthetic-sheet-${String(part + 1).padStart(4, '0')}`;
    return this.open(
      'activities-csv',
      slug,
      `sheet-${part + 1}.csv`,
      `Roadmap sheet ${part + 1} (synthetic)`,
    );
  }

  /** Adds one activity when it fits the budget; false when it does not (and nothing was added). */
  private activity(doc: DocumentBuffer, row: number): boolean {
    const r = this.random;
    const participants = PARTICIPANTS.draw(r);
    // The lead is an organisation; now and then another participant is a group.
    let groupSlots = 0;
    for (let k = 1; k < participants; k++) if (r.chance(0.05)) groupSlots++;
    const orgs = r.distinct(this.orgSampler, participants - groupSlots);
    const groups = r.distinct(this.groupSampler, groupSlots);
    const coLeads = Math.min(r.choose([0.7, 0.25, 0.05]), orgs.length - 1);
    const involvedOrgs = r.distinct(this.orgSampler, r.choose([0.75, 0.18, 0.07]), new Set(orgs));
    const dpgs = r.distinct(this.dpgSampler, r.choose([0.35, 0.4, 0.18, 0.07]));
    const initiatives = r.chance(0.12) ? r.distinct(this.initiativeSampler, 1) : [];
    const involvedGroups = r.chance(0.05) ? r.distinct(this.groupSampler, 1, new Set(groups)) : [];
    const places = r.distinct(this.countrySampler, r.choose([0.25, 0.4, 0.2, 0.1, 0.05]));
    const verb = r.int(0, VERB_COUNT - 1);
    const topic = r.int(0, TOPICS.length - 1);

    const size =
      orgs.length + groups.length + involvedOrgs.length + dpgs.length + initiatives.length;
    const total = size + involvedGroups.length + places.length;
    const covered = new Set([...orgs, ...involvedOrgs].filter((i) => this.orgDegree[i] === 0)).size;
    if (this.used + total + (this.isolated - covered) > this.options.relationships) return false;

    const lead = this.organisations[orgs[0]!]!;
    const place = places.length > 0 ? String(this.countries[places[0]!]!.props.name) : null;
    const title = activityTitle(verb, topic, place);
    let id = `activity:${lead.id.slice(4)}/${slugify(title)}`;
    let name = title;
    for (let phase = 2; this.activityIds.has(id); phase++) {
      name = `${title} (phase ${phase})`;
      id = `activity:${lead.id.slice(4)}/${slugify(name)}`;
    }
    this.activityIds.add(id);
    const where = `${doc.file} row ${row}`;
    const description = `${String(lead.props.name)} leads ${TOPICS[topic]} work with ${orgs.length + groups.length - 1} partners${place ? ` in ${place}` : ''}.`;
    this.node(
      doc,
      id,
      'Activity',
      { name, description, activityTypes: classifyActivity(name) },
      where,
    );

    orgs.forEach((o, k) => {
      this.touchOrg(o);
      const type: RelationshipType =
        k === 0 ? 'LEADS' : k <= coLeads ? 'CO_LEADS' : 'PARTICIPATES_IN';
      const column = k === 0 ? 'Lead' : k <= coLeads ? 'Co-leads' : 'Participants';
      const evidence = `${where}: ${column}`;
      this.link(doc, type, this.org(doc, o, evidence), id, evidence);
    });
    for (const g of groups) {
      const group = this.groups[g]!;
      const evidence = `${where}: Participants`;
      this.node(doc, group.id, 'Group', group.props, evidence);
      this.link(doc, 'PARTICIPATES_IN', group.id, id, evidence);
    }
    for (const o of involvedOrgs) {
      this.touchOrg(o);
      const evidence = `${where}: Description`;
      this.link(doc, 'INVOLVES', id, this.org(doc, o, evidence), evidence);
    }
    for (const d of dpgs) {
      const dpg = this.dpgs[d]!;
      const evidence = `${where}: Connected DPGs`;
      this.node(doc, dpg.id, 'DPG', {}, evidence);
      this.link(doc, 'INVOLVES', id, dpg.id, evidence);
    }
    for (const i of initiatives) {
      const initiative = this.initiatives[i]!;
      const evidence = `${where}: Description`;
      this.node(doc, initiative.id, 'Initiative', initiative.props, evidence);
      this.link(doc, 'INVOLVES', id, initiative.id, evidence);
    }
    for (const g of involvedGroups) {
      const group = this.groups[g]!;
      const evidence = `${where}: Description`;
      this.node(doc, group.id, 'Group', group.props, evidence);
      this.link(doc, 'INVOLVES', id, group.id, evidence);
    }
    for (const c of places) {
      const evidence = `${where}: Countries`;
      this.link(doc, 'TAKES_PLACE_IN', id, this.country(doc, c, evidence), evidence);
    }
    return true;
  }

  // --- group rosters: every organisation not named yet, then the rest of the budget -------------

  private rosterDocuments(): void {
    const perDocument = this.options.documentRelationships;
    let part = 0;
    let doc = this.roster(part);
    let line = 0;
    const next = () => {
      if (doc.relationships >= perDocument) {
        this.close(doc);
        doc = this.roster(++part);
        line = 0;
      }
      return ++line;
    };
    const join = (o: number, g: number) => {
      const group = this.groups[g]!;
      const evidence = `${doc.file} line ${next()}: members of ${String(group.props.name)}`;
      this.groupMemberships.add(`${o}|${g}`);
      this.touchOrg(o);
      this.node(doc, group.id, 'Group', group.props, evidence);
      this.link(doc, 'MEMBER_OF', this.org(doc, o, evidence), group.id, evidence);
    };
    for (let o = 0; o < this.options.organisations; o++) {
      if (this.orgDegree[o] === 0) join(o, this.random.draw(this.groupSampler));
    }
    const pairs = this.options.organisations * this.groups.length;
    while (this.used < this.options.relationships) {
      if (this.groupMemberships.size >= pairs) {
        throw new Error(
          'synthetic-graph: ran out of distinct group memberships to fill the budget',
        );
      }
      const o = this.random.draw(this.orgSampler);
      const g = this.random.draw(this.groupSampler);
      if (!this.groupMemberships.has(`${o}|${g}`)) join(o, g);
    }
    this.close(doc);
  }

  private roster(part: number): DocumentBuffer {
    const slug = `synthetic-rosters-${String(part + 1).padStart(4, '0')}`;
    return this.open(
      'member-page',
      slug,
      `rosters-${part + 1}.txt`,
      `Group rosters ${part + 1} (synthetic)`,
    );
  }
}

/**
 * Generates the synthetic graph.
 * @throws Error when an option is out of range (the message names it).
 */
export function generateSyntheticGraph(options: SyntheticGraphOptions): SyntheticGraph {
  return new Generator(resolveOptions(options)).generate();
}
