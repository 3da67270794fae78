// Whether the write transaction with receipt $receipt committed (record-commit-receipt.cypher).
RETURN EXISTS { MATCH (:CommitReceipt {id: $receipt}) } AS committed
