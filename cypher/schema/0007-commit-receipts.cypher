// A write transaction leaves a receipt (admin/record-commit-receipt.cypher) so that, when its
// commit's answer is lost, the app can tell whether it landed before running it again; the
// receipt is looked up by its id.
CREATE CONSTRAINT commit_receipt_id IF NOT EXISTS FOR (n:CommitReceipt) REQUIRE n.id IS UNIQUE;
