MATCH (l:Lock {name: $name, owner: $owner})
SET l.expiresAt = datetime() + duration({seconds: $ttlSeconds})
RETURN l.owner AS owner
