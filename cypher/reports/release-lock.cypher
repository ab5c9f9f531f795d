MATCH (l:Lock {name: $name, owner: $owner})
SET l.owner = null, l.expiresAt = null, l.releasedAt = datetime()
