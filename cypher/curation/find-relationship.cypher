// One relationship by its ends and (whitelisted) type, with its properties.
MATCH (a:Entity {id: $from})-[r:$($type)]->(b:Entity {id: $to})
RETURN properties(r) AS properties
