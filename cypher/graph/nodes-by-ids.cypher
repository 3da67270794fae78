// The element data of entities by id; ids that name no entity are simply absent. Besides name,
// type and provenance: a DPG's facets (sectors, types, licences, stage), an activity's types,
// DPGA membership (MEMBER_OF
// org:dpga, its board flag, or MEMBER_OF group:dpga-board) and the stored network measures.
// Relationships join entities only, so the degree is the count the store keeps (a hub's
// relationships are not walked). The element id lets edges-among find the relationships among
// these entities in the same transaction without reading their ids again.
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
WITH n,
     [(n)-[m:MEMBER_OF]->(t:Entity) WHERE t.id IN ['org:dpga', 'group:dpga-board'] |
       {dpga: t.id = 'org:dpga', board: t.id = 'group:dpga-board' OR m.board = true}] AS memberships
RETURN n.id AS id,
       elementId(n) AS elementId,
       coalesce(n.name, n.id) AS label,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       n.kind AS kind,
       n.description AS description,
       COUNT { (n)--() } AS degree,
       coalesce(n.sources, []) AS sources,
       n.sectors AS sectors,
       n.types AS types,
       n.licenses AS licenses,
       n.stage AS stage,
       n.activityTypes AS activityTypes,
       CASE WHEN size(memberships) > 0 THEN any(x IN memberships WHERE x.dpga) END AS member,
       CASE WHEN size(memberships) > 0 THEN any(x IN memberships WHERE x.board) END AS board,
       n.pagerank AS pagerank,
       n.betweenness AS betweenness,
       n.community AS community
