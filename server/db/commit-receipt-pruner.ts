/**
 * Deletes old commit receipts (commit-receipts.ts): they answer whether a write landed for the
 * seconds after its commit answer was lost, and would otherwise pile up, one per write
 * transaction. Every app instance prunes; two pruning at once only repeat a delete.
 */
import neo4j from 'neo4j-driver';
import { run, type GraphDatabase } from './neo4j-client.ts';

export interface ReceiptPruneOptions {
  /** Receipts younger than this stay. */
  keepMs?: number;
  /** Receipts deleted per transaction. */
  batch?: number;
}

/**
 * A receipt's time is its transaction's start, so it is kept well past any transaction's length:
 * one that ran long and lost its commit answer is looked for at its end.
 */
export const DEFAULT_RECEIPT_KEEP_MS = 60 * 60_000;

/** Deletes the receipts older than `keepMs`, a batch per transaction; how many went. */
export async function pruneCommitReceipts(
  db: GraphDatabase,
  { keepMs = DEFAULT_RECEIPT_KEEP_MS, batch = 10_000 }: ReceiptPruneOptions = {},
): Promise<number> {
  // A batch of 0 would never come out short of it: the loop would not end.
  if (!Number.isInteger(batch) || batch < 1) {
    throw new Error(`commit-receipt-pruner: batch must be an integer of at least 1, got ${batch}`);
  }
  if (!Number.isFinite(keepMs) || keepMs < 0) {
    throw new Error(`commit-receipt-pruner: keepMs must be 0 or more, got ${keepMs}`);
  }
  const params = {
    keepSeconds: neo4j.int(Math.ceil(keepMs / 1000)),
    batch: neo4j.int(batch),
  };
  let pruned = 0;
  for (;;) {
    // Deleting is safe to repeat, so the pruning leaves no receipt of its own to prune next time
    // (and a prune that finds nothing writes nothing, so cached answers stay valid).
    const [row] = await db.writeTx((tx) => run(tx, 'admin/prune-commit-receipts', params), {
      receipt: false,
    });
    const count = Number(row?.pruned ?? 0);
    pruned += count;
    if (count < batch) return pruned;
  }
}

export interface ReceiptPruner {
  stop(): void;
}

/** Prunes every `intervalMs` (the first time after one interval); 0 turns it off. */
export function startCommitReceiptPruner(
  db: GraphDatabase,
  {
    intervalMs,
    keepMs,
    log = () => {},
  }: { intervalMs: number; keepMs?: number; log?: (line: string) => void },
): ReceiptPruner {
  if (intervalMs <= 0) return { stop: () => {} };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pruneCommitReceipts(db, { keepMs })
      // The database away or busy: the next round prunes what this one left.
      .catch((error: unknown) =>
        log(`Pruning commit receipts failed: ${(error as Error).message ?? String(error)}`),
      )
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
