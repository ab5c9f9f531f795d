// Loads that stopped sending heartbeats (the process was killed) are marked abandoned, saying why, so
// nobody waits on them; re-running the same files completes their work, as every write is an
// idempotent MERGE.
MATCH (i:Import {status: 'running'})
WHERE coalesce(i.heartbeatAt, i.startedAt) < datetime() - duration({seconds: $staleSeconds})
SET i.status = 'abandoned', i.finishedAt = datetime(),
    i.error = 'no heartbeat for ' + toString($staleSeconds) + ' s: the process loading it stopped (re-run the same files to finish it)'
RETURN collect(i.id) AS abandoned
