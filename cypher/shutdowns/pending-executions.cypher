// Approved shutdowns whose execution has not finished (interrupted by a crash or a restart).
MATCH (x:Shutdown)
WHERE x.status IN ['approved', 'executing']
RETURN x.id AS id ORDER BY x.decidedAt
