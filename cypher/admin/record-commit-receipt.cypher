// The receipt of one write transaction, written inside it: it exists exactly when the transaction
// committed. $receipt is the same for every attempt of one write (server/db/commit-receipts.ts).
// Not an Entity: it never appears in exploration.
CREATE (:CommitReceipt {id: $receipt, at: datetime()})
