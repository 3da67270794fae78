// An editor states again what was deleted or merged away: the tombstone and redirect go.
OPTIONAL MATCH (t:Tombstone {key: $key})
OPTIONAL MATCH (r:Redirect {from: $key})
DETACH DELETE t, r
RETURN count(*) AS cleared
