// Loads that stopped sending heartbeats (the process was killed) are marked abandoned; re-running the
// same files completes their work, as every write is an idempotent MERGE.
MATCH (i:Import {status: 'running'})
WHERE coalesce(i.heartbeatAt, i.startedAt) < datetime() - duration({seconds: $staleSeconds})
SET i.status = 'abandoned'
RETURN count(i) AS abandoned
