MATCH (j:ImportJob {id: $id})
SET j += $changes, j.updatedAt = datetime()
