// The cheapest read there is: run only for the bookmark the database answers it with, which names
// the last transaction committed to the graph (by any client). answer-cache.ts keys on it, so any
// write anywhere, this app's or another tool's, makes every cached answer stale.
RETURN 1 AS probe
