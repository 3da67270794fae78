// Receipts older than $keepSeconds, at most $batch of them: a lost commit answer is looked into
// within seconds, so an old receipt answers nothing. One row: how many went.
MATCH (r:CommitReceipt)
WHERE r.at < datetime() - duration({seconds: $keepSeconds})
WITH r
LIMIT $batch
DELETE r
RETURN count(*) AS pruned
