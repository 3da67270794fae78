/**
 * Commit receipts: a write whose commit answer is lost is not run twice.
 *
 * When the connection drops after COMMIT went out, the app cannot tell from the error whether the
 * transaction landed. Retrying it as if it had not would run a write twice: an editor's new
 * entity answered 409 "already exists", a merge answered 404 for the entity it just merged away,
 * a recompute's final record refused as superseded (its claim already given up by the first
 * commit). So every write transaction writes a receipt with an id fixed for all its attempts
 * (cypher/admin/record-commit-receipt.cypher), and after a lost commit answer GraphDatabase asks
 * the leader whether the receipt exists: the write landed (its result is returned) or it did not
 * (the commit's error goes to the retry policy, which runs it again after a connection or
 * transient failure). Receipts matter for seconds; commit-receipt-pruner.ts deletes old ones.
 */

/**
 * Thrown by an attempt of a write whose commit failed, on the connection or otherwise: whether it
 * committed is unknown until the receipt is looked for. Carries what the work returned, for when
 * it did, and the commit's error, for when it did not.
 */
export class UnacknowledgedCommit<T = unknown> extends Error {
  constructor(
    readonly receipt: string,
    readonly result: T,
    override readonly cause: unknown,
  ) {
    super('the commit failed: whether the transaction committed is unknown');
    this.name = 'UnacknowledgedCommit';
  }
}

/**
 * The receipt of a write was there already when an attempt of it tried to write it: an earlier
 * attempt whose commit answer was lost committed after all (it was still landing when its receipt
 * was looked for). Not the caller's constraint error: the write is answered with that attempt's
 * result.
 */
export class ReceiptExists extends Error {
  constructor(readonly receipt: string) {
    super('the commit receipt of this write exists already: an earlier attempt committed it');
    this.name = 'ReceiptExists';
  }
}
