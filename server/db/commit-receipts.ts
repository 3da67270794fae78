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
 * (it is run again). Receipts matter for seconds; commit-receipt-pruner.ts deletes old ones.
 */
/**
 * Thrown by an attempt whose commit failed on the connection: whether it committed is unknown
 * until the receipt is looked for. Carries what the work returned, for when it did.
 */
export class UnacknowledgedCommit<T = unknown> extends Error {
  constructor(
    readonly receipt: string,
    readonly result: T,
    override readonly cause: unknown,
  ) {
    super('the connection failed while committing: whether the transaction committed is unknown');
    this.name = 'UnacknowledgedCommit';
  }
}

/** A write whose commit answers kept getting lost gives up after this many attempts. */
export const MAX_UNACKNOWLEDGED_COMMITS = 3;
