// Takes a named lease if it is free or expired. Touching the node first takes its write lock, so
// concurrent callers queue here and each sees the previous one's outcome.
MERGE (l:Lock {name: $name})
SET l.touchedAt = datetime()
WITH l
WHERE l.owner IS NULL OR l.expiresAt < datetime()
SET l.owner = $owner, l.acquiredAt = datetime(), l.expiresAt = datetime() + duration({seconds: $ttlSeconds})
RETURN l.owner AS owner
