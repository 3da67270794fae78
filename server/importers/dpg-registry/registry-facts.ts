/**
 * Maps DPG Registry records to graph facts:
 *   (DPG {registry properties, licences, sectors, types, stage as facets})
 *   (Organisation)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(DPG)        from org_type
 *   (DPG)-[:ADVANCES {evidence}]->(SDG)                             the 17 SDGs with their names
 *   (DPG)-[:DEPLOYED_IN|DEVELOPED_IN]->(Country)                    ISO 3166 codes
 * Contact names and e-mail addresses never reach this module (registry-record.ts drops them).
 */
import type { RelationshipType } from '../../model/graph-model.ts';
import { FactBuilder } from '../graph/fact-builder.ts';
import type { EntityResolver } from '../resolution/entity-resolver.ts';
import { sdgEntries } from '../resolution/gazetteer.ts';
import type { RegistryOrgType, RegistryRecord } from './registry-record.ts';

export const ORG_TYPE_RELATIONSHIP: Record<RegistryOrgType, RelationshipType> = {
  owner: 'OWNS',
  maintainer: 'MAINTAINS',
  funder: 'FUNDS',
  implementer: 'IMPLEMENTS',
};

export interface RegistryInput {
  record: RegistryRecord;
  document: string;
}

export function dpgId(record: Pick<RegistryRecord, 'id'>): string {
  return `dpg:${record.id.toLowerCase()}`;
}

export function registryFacts(inputs: RegistryInput[], resolver: EntityResolver): FactBuilder {
  const builder = new FactBuilder(resolver);
  // All 17 goals, so "SDGs without a DPG" is a question the graph can answer.
  for (const sdg of sdgEntries()) builder.entity(sdg, 'The 17 Sustainable Development Goals');

  for (const { record, document } of inputs) {
    const id = dpgId(record);
    const context = `${document} (${record.name})`;
    builder.facts.addNode({
      id,
      label: 'DPG',
      props: {
        name: record.name,
        registryId: record.id,
        description: record.description,
        website: record.website,
        stage: record.stage,
        licenses: unique(record.license.map((l) => l.spdx)),
        sectors: unique(record.sectors),
        types: unique(record.type),
        repositories: unique(record.repositories.map((r) => r.url)),
        aliases: record.aliases.filter((a) => a !== record.name),
      },
      evidence: `${document}: the registry record "${record.id}"`,
    });
    // Teach the resolver this DPG, so activity titles and member pages find it by name.
    resolver.add({
      id,
      type: 'DPG',
      name: record.name,
      aliases: record.aliases,
      props: {},
      origin: 'graph',
    });

    record.organizations.forEach((org, index) => {
      const evidence = `${document}: organizations[${index}] "${org.name}" (${org.org_type})`;
      // Funds such as the UNICEF Venture Fund are initiatives; they may fund, not own.
      const types =
        org.org_type === 'funder'
          ? (['Organisation', 'Initiative'] as const)
          : (['Organisation'] as const);
      const orgId = builder.organisation(org.name, evidence, context, {
        types,
        props: org.website ? { website: org.website } : {},
      });
      if (orgId) builder.link(ORG_TYPE_RELATIONSHIP[org.org_type], orgId, id, evidence);
    });

    for (const sdg of record.SDGs) {
      const evidence = sdg.evidenceText || `${document}: SDGs lists SDG ${sdg.SDGNumber}`;
      builder.link('ADVANCES', id, `sdg:${sdg.SDGNumber}`, evidence);
    }

    const places: [RelationshipType, string[], string][] = [
      ['DEPLOYED_IN', record.locations.deploymentCountries, 'deploymentCountries'],
      ['DEVELOPED_IN', record.locations.developmentCountries, 'developmentCountries'],
    ];
    for (const [type, countries, field] of places) {
      for (const name of unique(countries)) {
        const evidence = `${document}: locations.${field} lists "${name}"`;
        const countryId = builder.country(name, evidence, context);
        if (countryId) builder.link(type, id, countryId, evidence);
      }
    }
  }
  return builder;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}
