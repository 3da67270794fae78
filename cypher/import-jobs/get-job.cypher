MATCH (j:ImportJob {id: $id})
RETURN j {.*, createdAt: toString(j.createdAt), updatedAt: toString(j.updatedAt)} AS job
