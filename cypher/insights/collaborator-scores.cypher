// Scores every candidate collaborator for the DPG $id without materialising its evidence paths
// (the meta-paths and the measure are described in docs/insights.md). A path through hub z
// counts $weights[metaPath] / ln(1 + degree(z)); since a path's weight depends only on its
// meta-path and its hub, the paths are counted and summed at each intermediate node (the shared
// DPG y, or the activity) first, then once per candidate relationship into that node: one row per
// (candidate, y) or (candidate, activity) rather than one per path.
// Candidates are organisations, and initiatives that fund DPGs, not yet tied to the DPG (a
// relationship with X, a part in an activity involving X, running or run by something tied to X).
// Filters: $kind (organisation kind; one an editor added without a kind is `unknown`), $membersOnly
// (DPGA members), $country (a country id: candidates active there, through a DPG they back or an
// activity they take part in, or based there). $kind and $country are '' when not filtering, never
// null: Neo4j caches a plan per parameter types, and this statement's plan takes a quarter of a
// second to make on an idle machine, seconds under load.
//
// The two sector meta-paths ('dpg-sector', 'activity-dpg') reach most of a large graph: at a
// million relationships, a DPG's three sectors are shared by 62% of DPGs and walking them took
// ~370k relationships and most of 1.5 s. Their counts depend on X only through its sectors, so the
// network-measure recompute stores them per candidate and sector (write-sector-profiles.cypher:
// o.sectorBacking, o.sectorActivity, aligned with m.profileSectors, and each sector's DPG count in
// m.sectorDegrees). They are read from there when the profiles describe the graph as it is (no
// change since they were computed; metrics-mark-stale.cypher), and walked as before otherwise.
// With profiles, the candidates found by the narrow meta-paths are scored in full here, and every
// other candidate has only sector paths: those are scored from a scan of the profiles, of which
// only the best $limit are kept (and counted for `total`).
// A meta-path whose hub is a country or an SDG ('dpg-sector-country', 'dpg-country',
// 'activity-country', 'dpg-sdg') counts each intermediate (the candidate's DPG, or its activity)
// once, through its strongest hub, the least connected of the countries or SDGs it shares with X:
// counted per shared country, the owner of a DPG deployed in 70 of X's countries outranked
// partners in X's own work (docs/insights.md). Several relationships from the candidate to one
// intermediate count once too. The sector meta-paths still count a path per shared sector.
// Returns one row: `total` (candidates left after the filters) and the best $limit, by score
// rounded to 6 decimals then id, each with its parts: per meta-path, the number of paths and
// their damped sum, the sum of 1 / ln(1 + degree(z)) (weighted by $weights, the meta-path weights).
MATCH (x:DPG {id: $id})
OPTIONAL MATCH (m:GraphMetrics {id: 'metrics'})
WITH x, coalesce(x.sectors, []) AS xSectors, m,
     m.profileSectors IS NOT NULL
       AND NOT (m.graphVersion IS NOT NULL AND m.graphVersion <> coalesce(m.measuredVersion, ''))
       AS profiled
// X's sectors as positions in the profiles, each with its damping 1 / ln(1 + its DPGs)
WITH x, xSectors, profiled,
     CASE WHEN profiled
          THEN [i IN range(0, size(m.profileSectors) - 1) WHERE m.profileSectors[i] IN xSectors
                | {i: i, c: 1.0 / log(1 + m.sectorDegrees[i])}]
          ELSE [] END AS xIdx
// Tied to X, and (with $country) active in $country: kept as lists, tested once per candidate
CALL (x) {
  CALL (x) {
    MATCH (o:Organisation|Initiative)--(x)
    RETURN o
    UNION
    MATCH (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
          -[:INVOLVES]->(x)
    RETURN o
    UNION
    // (RUNS joins an organisation to an initiative: only those of X's neighbours are looked at)
    MATCH (o:Organisation|Initiative)-[:RUNS]-(:Organisation|Initiative)--(x)
    RETURN o
  }
  RETURN collect(o) AS tied
}
CALL () {
  CALL () {
    MATCH (country:Country {id: $country})
    CALL (country) {
      MATCH (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)
            -[:DEPLOYED_IN]->(country)
      RETURN o
      UNION
      MATCH (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:TAKES_PLACE_IN]->(country)
      RETURN o
      UNION
      MATCH (o:Organisation)-[:BASED_IN]->(country)
      RETURN o
    }
    RETURN o
  }
  RETURN collect(o) AS active
}
// The candidates the walks reach, scored in full (the big lists stay out of the grouping keys)
CALL (x, xSectors, profiled, xIdx, tied, active) {
  CALL (x, xSectors, profiled) {
    // o owns, maintains, funds or implements y, which advances one of X's SDGs; y counts once,
    // through its least connected shared SDG (see the top)
    MATCH (x)-[:ADVANCES]->(sdg:SDG)
    WITH DISTINCT x, sdg
    WITH x, sdg, COUNT { (sdg)--() } AS degree
    MATCH (y:DPG)-[:ADVANCES]->(sdg)
    WHERE y <> x
    WITH y, max(1.0 / log(1 + degree)) AS damped
    MATCH (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y)
    WITH DISTINCT o, y, damped
    RETURN o, 'dpg-sdg' AS metaPath, count(*) AS paths, sum(damped) AS damped
    UNION ALL
    // y is deployed in a country where X is; its own meta-path when y shares a sector with X.
    // y counts once, through its least connected shared country (see the top).
    MATCH (x)-[:DEPLOYED_IN]->(country:Country)
    WITH DISTINCT x, xSectors, country
    WITH x, xSectors, country, COUNT { (country)--() } AS degree
    MATCH (y:DPG)-[:DEPLOYED_IN]->(country)
    WHERE y <> x
    WITH y, xSectors, max(1.0 / log(1 + degree)) AS damped
    WITH y, damped,
         CASE WHEN any(s IN coalesce(y.sectors, []) WHERE s IN xSectors) THEN 'dpg-sector-country'
              ELSE 'dpg-country' END AS metaPath
    MATCH (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y)
    WITH DISTINCT o, metaPath, y, damped
    RETURN o, metaPath, count(*) AS paths, sum(damped) AS damped
    UNION ALL
    // y shares sectors with X: 'dpg-sector' for o backing y, 'activity-dpg' for o taking part in
    // an activity that involves y; one path per shared sector (a sector's degree: its DPGs). Walked
    // only when the stored profiles are stale (see the top): it reaches most of a large graph.
    WITH x, xSectors WHERE NOT profiled
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
    // o takes part in an activity that takes place in a country where X is deployed; the activity
    // counts once, through its least connected such country (see the top)
    MATCH (x)-[:DEPLOYED_IN]->(country:Country)
    WITH DISTINCT country
    WITH country, COUNT { (country)--() } AS degree
    MATCH (activity:Activity)-[:TAKES_PLACE_IN]->(country)
    WITH activity, max(1.0 / log(1 + degree)) AS damped
    MATCH (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(activity)
    WITH DISTINCT o, activity, damped
    RETURN o, 'activity-country' AS metaPath, count(*) AS paths, sum(damped) AS damped
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
  }
  WITH xIdx, o, metaPath, paths, damped
  WHERE NOT o IN tied AND ($country = '' OR o IN active)
  // Each branch gives at most one row per candidate and meta-path
  WITH xIdx, o,
       collect({metaPath: metaPath, paths: paths, damped: damped}) AS walked,
       sum($weights[metaPath] * damped) AS walkedScore
  WITH xIdx, o, walked, walkedScore,
       CASE WHEN o.sectorBacking IS NULL OR size(xIdx) = 0 THEN [0, 0.0, 0, 0.0]
            ELSE reduce(t = [0, 0.0, 0, 0.0], e IN xIdx |
                        [t[0] + o.sectorBacking[e.i], t[1] + o.sectorBacking[e.i] * e.c,
                         t[2] + o.sectorActivity[e.i], t[3] + o.sectorActivity[e.i] * e.c]) END AS sec
  WITH o, walkedScore, sec, walked
  WHERE ($kind = '' OR (o:Organisation AND coalesce(o.kind, 'unknown') = $kind))
    AND (o:Organisation OR EXISTS { (o)-[:FUNDS]->(:DPG) })
    AND (NOT $membersOnly OR EXISTS { (o)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) })
  RETURN collect(o) AS seen,
         collect({o: o, sec: sec, walked: walked,
                  score: walkedScore + $weights['dpg-sector'] * sec[1]
                                     + $weights['activity-dpg'] * sec[3]}) AS near
}
// With profiles: every other candidate, from its profile alone; only the best $limit are kept.
// (Its score is positive exactly when it has a path: the damping and the weights are positive.)
CALL (profiled, xIdx, tied, active, seen) {
  MATCH (o:Organisation|Initiative)
  WHERE profiled AND size(xIdx) > 0 AND o.sectorBacking IS NOT NULL
    AND NOT o IN seen AND NOT o IN tied AND ($country = '' OR o IN active)
    AND ($kind = '' OR (o:Organisation AND coalesce(o.kind, 'unknown') = $kind))
  WITH o, reduce(score = 0.0, e IN xIdx |
                 score + e.c * ($weights['dpg-sector'] * o.sectorBacking[e.i]
                                + $weights['activity-dpg'] * o.sectorActivity[e.i])) AS score
  WHERE score > 0
    AND (o:Organisation OR EXISTS { (o)-[:FUNDS]->(:DPG) })
    AND (NOT $membersOnly OR EXISTS { (o)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) })
  WITH collect({o: o, score: score}) AS far
  CALL (far, xIdx) {
    UNWIND far AS candidate
    WITH candidate ORDER BY round(candidate.score * 1000000.0) DESC, candidate.o.id LIMIT $limit
    WITH candidate.o AS o, candidate.score AS score
    RETURN collect({o: o, score: score, walked: [],
                    sec: reduce(t = [0, 0.0, 0, 0.0], e IN xIdx |
                                [t[0] + o.sectorBacking[e.i], t[1] + o.sectorBacking[e.i] * e.c,
                                 t[2] + o.sectorActivity[e.i], t[3] + o.sectorActivity[e.i] * e.c])})
           AS farBest
  }
  RETURN size(far) AS farTotal, farBest
}
// The ranking is collaborator-ranking.ts's (score at 6 decimals, then id); it is repeated here only
// to send the best $limit rather than every candidate. What a row shows of its candidate (its
// membership, where it is based, who runs it if it is an initiative) is read past the LIMIT: for
// the $limit shown, never in the walks.
CALL (near, farBest) {
  UNWIND near + farBest AS best
  WITH best ORDER BY round(best.score * 1000000.0) DESC, best.o.id LIMIT $limit
  WITH best.o AS o, best.sec AS sec,
       best.walked + CASE WHEN best.sec[0] > 0
                          THEN [{metaPath: 'dpg-sector', paths: best.sec[0], damped: best.sec[1]}]
                          ELSE [] END
                   + CASE WHEN best.sec[2] > 0
                          THEN [{metaPath: 'activity-dpg', paths: best.sec[2], damped: best.sec[3]}]
                          ELSE [] END AS parts
  WITH o, parts,
       COLLECT { MATCH (o)-[:BASED_IN]->(home:Country) RETURN home.name ORDER BY home.name } AS homes,
       COLLECT { MATCH (runner:Organisation)-[:RUNS]->(o) RETURN runner.name ORDER BY runner.name }
         AS runners
  RETURN collect({candidate: o {.id, label: coalesce(o.name, o.id),
                               type: [l IN labels(o) WHERE l <> 'Entity'][0], kind: o.kind,
                               member: EXISTS { (o)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) },
                               homeCountry: CASE WHEN size(homes) = 0 THEN null
                                                 ELSE reduce(t = head(homes), h IN tail(homes) |
                                                             t + ' / ' + h) END,
                               runBy: CASE WHEN size(runners) = 0 THEN null
                                           ELSE reduce(t = head(runners), r IN tail(runners) |
                                                       t + ' / ' + r) END},
                  parts: parts}) AS candidates
}
RETURN size(near) + farTotal AS total, candidates
