// The receipt of one write transaction, written inside it: it exists when the transaction
// committed (unless that transaction deleted it again: a wipe, which is safe to run twice).
// $receipt is the same for every attempt of one write (server/db/commit-receipts.ts).
// Not an Entity: it never appears in exploration.
CREATE (:CommitReceipt {id: $receipt, at: datetime()})
