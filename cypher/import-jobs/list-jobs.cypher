MATCH (j:ImportJob)
RETURN j {.id, .kind, .document, .dryRun, .status, .progressDone, .progressTotal, .error,
          createdAt: toString(j.createdAt), updatedAt: toString(j.updatedAt)} AS job
ORDER BY j.createdAt DESC
LIMIT $limit
