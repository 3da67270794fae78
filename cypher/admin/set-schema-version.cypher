MERGE (v:SchemaVersion {id: 'schema'})
SET v.version = $version, v.name = $name, v.appliedAt = datetime()
