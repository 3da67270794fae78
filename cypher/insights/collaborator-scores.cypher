// Scores every candidate collaborator for the DPG $id without materialising its evidence paths
// (the meta-paths and the measure are described in docs/insights.md). A path through hub z
// counts $weights[metaPath] / ln(1 + degree(z)); since a path's weight depends only on its
// meta-path and its hub, the paths are counted and summed at each intermediate node (the shared
// DPG y, or the activity) first, then once per candidate relationship into that node: one row per
// (candidate, y) or (candidate, activity) rather than one per path.
// Candidates are organisations, and initiatives that fund DPGs, not yet tied to the DPG. Ties are
// found by walking out from X and tagged 'tied' in the same stream as the evidence, so the
// aggregation per candidate drops them at no extra cost (a list or per-candidate test would not
// scale with thousands of ties); candidates active in $country are tagged 'in-country' the same way.
// Filters: $kind (organisation kind), $membersOnly (DPGA members), $country (a country id or null).
// Returns one row: `total` (candidates left after the filters) and the best $limit, by score
// rounded to 6 decimals then id, each with its parts: per meta-path, the number of paths and
// their damped sum, the sum of 1 / ln(1 + degree(z)) (weighted by $weights, the meta-path weights).
MATCH (x:DPG {id: $id})
WITH x, coalesce(x.sectors, []) AS xSectors
CALL (x, xSectors) {
  // o owns, maintains, funds or implements y, which advances one of X's SDGs
  MATCH (x)-[:ADVANCES]->(sdg:SDG)
  WITH x, sdg, count(*) AS xRels
  WITH x, sdg, xRels, COUNT { (sdg)--() } AS degree
  MATCH (y:DPG)-[:ADVANCES]->(sdg)
  WHERE y <> x
  WITH y, sum(xRels) AS paths, sum(xRels / log(1 + degree)) AS damped
  MATCH (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y)
  RETURN o, 'dpg-sdg' AS metaPath, sum(paths) AS paths, sum(damped) AS damped
  UNION ALL
  // y is deployed in a country where X is; its own meta-path when y shares a sector with X
  MATCH (x)-[:DEPLOYED_IN]->(country:Country)
  WITH x, xSectors, country, count(*) AS xRels
  WITH x, xSectors, country, xRels, COUNT { (country)--() } AS degree
  MATCH (y:DPG)-[:DEPLOYED_IN]->(country)
  WHERE y <> x
  WITH y, xSectors, sum(xRels) AS paths, sum(xRels / log(1 + degree)) AS damped
  WITH y, paths, damped,
       CASE WHEN any(s IN coalesce(y.sectors, []) WHERE s IN xSectors) THEN 'dpg-sector-country'
            ELSE 'dpg-country' END AS metaPath
  MATCH (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y)
  RETURN o, metaPath, sum(paths) AS paths, sum(damped) AS damped
  UNION ALL
  // y shares sectors with X: 'dpg-sector' for o backing y, 'activity-dpg' for o taking part in
  // an activity that involves y; one path per shared sector (a sector's degree: its DPGs)
  UNWIND xSectors AS sector
  WITH x, xSectors, sector, COUNT { MATCH (d:DPG) WHERE sector IN d.sectors } AS degree
  WITH x, xSectors, collect({sector: sector, degree: degree}) AS sectorDegrees
  MATCH (y:DPG)
  WHERE y <> x AND any(s IN coalesce(y.sectors, []) WHERE s IN xSectors)
  WITH y, [s IN coalesce(y.sectors, []) WHERE s IN xSectors] AS shared, sectorDegrees
  WITH y, size(shared) AS paths,
       reduce(sum = 0.0, s IN shared |
              sum + 1.0 / log(1 + [d IN sectorDegrees WHERE d.sector = s][0].degree)) AS damped
  WITH collect({y: y, paths: paths, damped: damped}) AS sharing
  CALL (sharing) {
    UNWIND sharing AS shares
    WITH shares.y AS y, shares.paths AS paths, shares.damped AS damped
    MATCH (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y)
    RETURN o, 'dpg-sector' AS metaPath, sum(paths) AS n, sum(damped) AS d
    UNION ALL
    // summed per activity first: an activity involving several such DPGs is walked once
    UNWIND sharing AS shares
    WITH shares.y AS y, shares.paths AS paths, shares.damped AS damped
    MATCH (activity:Activity)-[:INVOLVES]->(y)
    WITH activity, sum(paths) AS paths, sum(damped) AS damped
    MATCH (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(activity)
    RETURN o, 'activity-dpg' AS metaPath, sum(paths) AS n, sum(damped) AS d
  }
  RETURN o, metaPath, n AS paths, d AS damped
  UNION ALL
  // o takes part in an activity that takes place in a country where X is deployed
  MATCH (x)-[:DEPLOYED_IN]->(country:Country)
  WITH country, count(*) AS xRels
  WITH country, xRels, COUNT { (country)--() } AS degree
  MATCH (activity:Activity)-[:TAKES_PLACE_IN]->(country)
  WITH activity, sum(xRels) AS paths, sum(xRels / log(1 + degree)) AS damped
  MATCH (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(activity)
  RETURN o, 'activity-country' AS metaPath, sum(paths) AS paths, sum(damped) AS damped
  UNION ALL
  // o takes part in an activity together with an owner or maintainer w of X (o = w is tied to X,
  // so it never needs excluding here)
  MATCH (w:Organisation)-[:OWNS|MAINTAINS]->(x)
  WITH w, count(*) AS wRels
  MATCH (w)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(activity:Activity)
  WITH activity, sum(wRels) AS paths
  WITH activity, paths, paths / log(1 + COUNT { (activity)--() }) AS damped
  MATCH (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(activity)
  RETURN o, 'activity-owner' AS metaPath, sum(paths) AS paths, sum(damped) AS damped
  UNION ALL
  // tied to X: a relationship with X, a part in an activity involving X, running (or run by)
  // something tied to X
  MATCH (o:Organisation|Initiative)--(x)
  RETURN o, 'tied' AS metaPath, 0 AS paths, 0.0 AS damped
  UNION ALL
  MATCH (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
        -[:INVOLVES]->(x)
  RETURN o, 'tied' AS metaPath, 0 AS paths, 0.0 AS damped
  UNION ALL
  // (RUNS joins an organisation to an initiative: only those of X's neighbours are looked at)
  MATCH (o:Organisation|Initiative)-[:RUNS]-(:Organisation|Initiative)--(x)
  RETURN o, 'tied' AS metaPath, 0 AS paths, 0.0 AS damped
  UNION ALL
  // active in $country: a DPG o backs is deployed there, or an activity o takes part in is there
  MATCH (country:Country {id: $country})
  CALL (country) {
    MATCH (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)
          -[:DEPLOYED_IN]->(country)
    RETURN o
    UNION
    MATCH (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
          -[:TAKES_PLACE_IN]->(country)
    RETURN o
  }
  RETURN o, 'in-country' AS metaPath, 0 AS paths, 0.0 AS damped
}
// Each branch above gives at most one row per candidate and meta-path (several for 'tied').
// Per candidate: its parts (the tags have no paths), its ties and country tags, and the score that
// orders the cut below.
WITH o,
     collect(CASE WHEN paths > 0 THEN {metaPath: metaPath, paths: paths, damped: damped} END) AS parts,
     sum($weights[metaPath] * damped) AS score,
     count(CASE metaPath WHEN 'tied' THEN 1 END) AS ties,
     count(CASE metaPath WHEN 'in-country' THEN 1 END) AS inCountry
WHERE ties = 0 AND size(parts) > 0
  AND ($country IS NULL OR inCountry > 0)
  AND ($kind IS NULL OR (o:Organisation AND o.kind = $kind))
  AND (o:Organisation OR EXISTS { (o)-[:FUNDS]->(:DPG) })
  AND (NOT $membersOnly OR EXISTS { (o)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) })
// The ranking is collaborator-ranking.ts's (score at 6 decimals, then id); it is repeated here only
// to send the best $limit rather than every candidate.
ORDER BY round(score * 1000000.0) DESC, o.id
WITH collect({o: o, parts: parts}) AS ranked
CALL (ranked) {
  UNWIND ranked[0..$limit] AS best
  WITH best.o AS o, best.parts AS parts
  RETURN collect({candidate: o {.id, label: coalesce(o.name, o.id),
                               type: [l IN labels(o) WHERE l <> 'Entity'][0], kind: o.kind,
                               member: EXISTS { (o)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) }},
                  parts: parts}) AS candidates
}
RETURN size(ranked) AS total, candidates
