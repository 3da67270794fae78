// One relationship by its ends and (whitelisted) type, with its properties and both ends' names
// (so the audit record of a relationship reads as a sentence).
MATCH (a:Entity {id: $from})-[r:$($type)]->(b:Entity {id: $to})
RETURN properties(r) AS properties, coalesce(a.name, a.id) AS fromLabel,
       coalesce(b.name, b.id) AS toLabel
