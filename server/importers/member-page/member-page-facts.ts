/**
 * Turns a parsed member page into graph facts: the member LEADS each activity (CO_LEADS where the
 * title says it shares the lead: lead-role.ts); the names in "Connected members" co-lead or take
 * part; named DPGs are involved; organisations, groups, initiatives and countries named in titles
 * and descriptions are linked; figures become properties. Every name goes through the entity resolver, and every decision is logged for the
 * import report. Pure: no database.
 */
import { ImportInputError } from '../../errors.ts';
import type { EntityType, RelationshipType } from '../../model/graph-model.ts';
import { classifyActivity } from '../activity-classifier.ts';
import { leadRole } from '../lead-role.ts';
import { FactBuilder } from '../graph/fact-builder.ts';
import type { Props } from '../graph/graph-facts.ts';
import type { EntityResolver } from '../resolution/entity-resolver.ts';
import type { GazetteerEntry } from '../resolution/gazetteer.ts';
import { nameProblem, slugify } from '../resolution/text-normalise.ts';
import { readConnectedList, splitSentences } from './connected-list-reader.ts';
import { extractFigures } from './figure-rules.ts';
import type { MemberPage, ParsedActivity } from './member-page-parser.ts';

export interface MemberPageFacts {
  memberId: string;
  builder: FactBuilder;
}

const MEMBER_TYPES: readonly EntityType[] = ['Organisation', 'Group'];
const MENTION_TYPES: readonly EntityType[] = [
  'Organisation',
  'Group',
  'Initiative',
  'Country',
  'DPG',
];

/** `source` names the page in errors, as the parser's messages do. */
export function memberPageFacts(
  page: MemberPage,
  resolver: EntityResolver,
  source = 'member page',
): MemberPageFacts {
  const builder = new FactBuilder(resolver);
  const facts = builder.facts;
  const addEntry = (entry: GazetteerEntry, evidence: string) => builder.entity(entry, evidence);
  const resolveName = (name: string, types: readonly EntityType[], context: string) =>
    builder.resolve(name, types, context);

  // The member itself.
  const { shortName, longName } = page.member;
  const memberContext = `member page header "${shortName}"`;
  const memberEntry =
    resolveName(shortName, ['Organisation'], memberContext) ??
    (longName ? resolveName(longName, ['Organisation'], memberContext) : null);
  const headerEvidence = [shortName, longName].filter(Boolean).join(' — ');
  const longNameAlias = { aliases: longName ? [longName] : [] };
  const memberId = memberEntry
    ? builder.entity(memberEntry, headerEvidence, longNameAlias)
    : builder.organisation(shortName, headerEvidence, memberContext, { props: longNameAlias });
  if (!memberId) {
    throw new ImportInputError(
      `${source}: the member "${shortName}" could be several organisations; add it to the alias table`,
      { source, field: 'member name', line: 1 },
    );
  }
  const memberSlug = memberId.replace(/^org:/, '');

  for (const activity of page.activities) {
    const activityId = `activity:${memberSlug}/${slugify(activity.title)}`;
    const context = `activity "${activity.title}" (line ${activity.line})`;
    const link = (
      type: RelationshipType,
      from: string,
      to: string,
      evidence: string,
      props: Props = {},
    ) => facts.addRelationship({ type, from, to, evidence, props });

    const membersStatements = readConnectedList(activity.fields.connectedMembers);
    const dpgStatements = readConnectedList(activity.fields.connectedDpgs);
    const notes = (statements: ReturnType<typeof readConnectedList>) =>
      statements.flatMap((s) => (s.kind === 'note' ? [s.sentence] : [])).join(' ');

    facts.addNode({
      id: activityId,
      label: 'Activity',
      props: activityProps(activity, notes(membersStatements), notes(dpgStatements)),
      evidence: activity.title,
    });
    link(
      leadRole(activity.title),
      memberId,
      activityId,
      `${shortName} lists "${activity.title}" among its activities`,
    );

    /** Links a named participant; countries stand for their governments. */
    const linkMember = (
      name: string,
      type: 'CO_LEADS' | 'PARTICIPATES_IN',
      sentence: string,
    ): string | null => {
      const entry = resolveName(name, MEMBER_TYPES, context);
      if (entry) {
        if (entry.id === memberId) return null;
        link(type, addEntry(entry, sentence), activityId, sentence);
        return entry.id;
      }
      const country = resolver.resolve(name, ['Country']);
      if (country.status === 'matched') {
        const government = governmentOf(country.entry, resolver);
        builder.resolutions.push({
          name,
          id: government.id,
          rule: 'country-as-government',
          context,
        });
        link(type, addEntry(government, sentence), activityId, sentence);
        link('TAKES_PLACE_IN', activityId, addEntry(country.entry, sentence), sentence);
        return government.id;
      }
      if (builder.wasAmbiguous(name, context)) return null;
      if (nameProblem(name)) {
        builder.unresolved.push({ name, context, createdId: null });
        return null;
      }
      const createdId = `org:${slugify(name)}`;
      facts.addNode({
        id: createdId,
        label: 'Organisation',
        props: { name, kind: 'unknown' },
        evidence: sentence,
      });
      builder.unresolved.push({ name, context, createdId });
      link(type, createdId, activityId, sentence);
      return createdId;
    };

    for (const statement of membersStatements) {
      if (statement.kind === 'co-lead') {
        for (const name of statement.names) linkMember(name, 'CO_LEADS', statement.sentence);
      } else if (statement.kind === 'names') {
        for (const name of statement.names) linkMember(name, 'PARTICIPATES_IN', statement.sentence);
      } else if (statement.kind === 'group') {
        const known = resolveName(statement.groupName, ['Group'], context);
        const groupId = known
          ? addEntry(known, statement.sentence)
          : `group:${slugify(statement.groupName)}`;
        const groupProps: Props = known ? {} : { name: statement.groupName };
        if (statement.memberCount !== null) groupProps.memberCount = statement.memberCount;
        facts.addNode({
          id: groupId,
          label: 'Group',
          props: groupProps,
          evidence: statement.sentence,
        });
        link('PARTICIPATES_IN', groupId, activityId, statement.sentence);
        for (const name of statement.names) {
          const orgId = linkMember(name, 'PARTICIPATES_IN', statement.sentence);
          if (orgId) link('MEMBER_OF', orgId, groupId, statement.sentence);
        }
      }
    }

    for (const statement of dpgStatements) {
      if (statement.kind !== 'names') continue;
      for (const name of statement.names) {
        const entry = resolveName(name, ['DPG'], context);
        if (entry) {
          link('INVOLVES', activityId, addEntry(entry, statement.sentence), statement.sentence);
        } else if (nameProblem(name)) {
          builder.unresolved.push({ name, context, createdId: null });
        } else {
          const createdId = `dpg:${slugify(name)}`;
          facts.addNode({
            id: createdId,
            label: 'DPG',
            props: { name },
            evidence: statement.sentence,
          });
          builder.unresolved.push({ name, context, createdId });
          link('INVOLVES', activityId, createdId, statement.sentence);
        }
      }
    }

    // Names in the title and description: countries the activity takes place in, and the
    // organisations, groups, initiatives and DPGs it involves.
    const sentences = [
      activity.title,
      ...splitSentences(activity.description.replace(/\n+/g, ' ')),
    ];
    const titleInitiatives: GazetteerEntry[] = [];
    for (const [index, sentence] of sentences.entries()) {
      for (const mention of resolver.findMentions(sentence, MENTION_TYPES)) {
        const entry = mention.entry;
        if (entry.id === memberId) continue;
        builder.resolutions.push({ name: mention.text, id: entry.id, rule: 'mention', context });
        const id = addEntry(entry, sentence);
        if (entry.type === 'Country') {
          link('TAKES_PLACE_IN', activityId, id, sentence);
          continue;
        }
        if (facts.linked(id, activityId)) continue;
        link('INVOLVES', activityId, id, sentence);
        if (entry.type === 'Initiative') {
          if (index === 0) titleInitiatives.push(entry);
          const runner = entry.runBy ? resolver.get(entry.runBy) : undefined;
          if (runner) link('RUNS', addEntry(runner, sentence), id, sentence);
        }
      }
    }

    // A figure describes the programme the title names when its sentence refers to it ("The
    // Fund has invested in 147 solutions" in an activity run "through the UNICEF Venture Fund"),
    // else the activity itself.
    for (const sentence of sentences) {
      for (const figure of extractFigures(sentence)) {
        const initiative = titleInitiatives.find((entry) => refersTo(sentence, entry));
        facts.addNode({
          id: initiative?.id ?? activityId,
          label: initiative ? 'Initiative' : 'Activity',
          props: { [figure.property]: figure.value },
          evidence: figure.sentence,
        });
      }
    }
  }

  return { memberId, builder };
}

function activityProps(activity: ParsedActivity, membersNote: string, dpgsNote: string): Props {
  const props: Props = {
    name: activity.title,
    description: activity.description,
    // The type the page states, else those the title suggests (descriptions mention too much).
    activityTypes: activity.fields.activityType
      ? [activity.fields.activityType]
      : classifyActivity(activity.title),
  };
  if (activity.fields.activityType) props.activityType = activity.fields.activityType;
  if (membersNote) props.connectedMembersNote = membersNote;
  if (dpgsNote) props.connectedDpgsNote = dpgsNote;
  return props;
}

/** True when a sentence names an initiative, or refers to it by its head noun ("the Fund"). */
function refersTo(sentence: string, entry: GazetteerEntry): boolean {
  const names = [entry.name, ...entry.aliases];
  const head = entry.name.split(/\s+/).at(-1) ?? entry.name;
  return (
    names.some((n) => sentence.includes(n)) ||
    new RegExp(`\\b[Tt]he ${escapeRegExp(head)}\\b`).test(sentence)
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The government of a country: the reference table's entry when there is one. */
function governmentOf(country: GazetteerEntry, resolver: EntityResolver): GazetteerEntry {
  const name = `Government of ${country.name}`;
  const known = resolver.resolve(name, ['Organisation']);
  if (known.status === 'matched') return known.entry;
  return {
    id: `org:${slugify(name)}`,
    type: 'Organisation',
    name,
    aliases: [],
    props: { name, kind: 'government', country: String(country.props.iso2 ?? '') },
    origin: 'reference',
  };
}
