OPTIONAL MATCH (v:SchemaVersion {id: 'schema'})
RETURN coalesce(v.version, 0) AS version
