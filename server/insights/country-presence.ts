/**
 * How a potential collaborator is active in the country a list was narrowed to ("active in
 * Kenya"): the one path cypher/insights/collaborator-presence.cypher picks for it, checked and
 * said in words. The ranking's own evidence is about the DPG, not the country, so without this a
 * list narrowed to Kenya explained its first candidate by deployments in Bangladesh (QA).
 */
import { aboutAside as aside } from '../services/relationship-about.ts';
import {
  type EvidencePath,
  type PathNode,
  type PathRelationshipRow,
  assertChain,
  pathRelationship,
  named,
  takesPart,
  verb,
} from './evidence-path.ts';

/** A row of collaborator-presence.cypher. */
export interface PresenceRow {
  candidate: string;
  nodes: PathNode[];
  rels: PathRelationshipRow[];
}

const where = 'country-presence';

/**
 * "UNICEF is based in Kenya"; "UNICEF leads “…”, which takes place in Kenya"; "FAO owns WaPOR,
 * which is deployed in Kenya".
 */
export function presenceSentence(
  nodes: readonly PathNode[],
  rels: readonly PathRelationshipRow[],
): string {
  const [party, through, country] = nodes as [PathNode, PathNode, PathNode?];
  const [first, second] = rels as [PathRelationshipRow, PathRelationshipRow?];
  if (country === undefined)
    return `${party.label} ${verb(first.type)} ${through.label}${aside(first)}`;
  const reach = through.type === 'Activity' ? takesPart(first, party.id) : verb(first.type);
  return `${party.label} ${reach} ${named(through)}${aside(first)}, which ${verb(second!.type)} ${country.label}${aside(second!)}`;
}

/**
 * Each candidate's path into the country, by candidate id.
 * @throws Error when a row is not a chain from its candidate to a country in one or two steps.
 */
export function presencePaths(rows: readonly PresenceRow[]): Map<string, EvidencePath> {
  return new Map(
    rows.map((row) => {
      if (
        !(row.nodes.length === 2 || row.nodes.length === 3) ||
        row.nodes[0]?.id !== row.candidate ||
        row.nodes.at(-1)?.type !== 'Country'
      ) {
        throw new Error(`${where}: the path of ${row.candidate} must run from it to a country`);
      }
      assertChain(where, row.nodes, row.rels);
      return [
        row.candidate,
        {
          nodes: row.nodes,
          relationships: row.rels.map(pathRelationship),
          sentence: presenceSentence(row.nodes, row.rels),
        },
      ];
    }),
  );
}
