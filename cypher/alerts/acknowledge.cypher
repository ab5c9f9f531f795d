// The write lock is taken before the status is read, so of concurrent acknowledgements one sees 'open'
// and the others see it acknowledged (and are answered 409, not audited twice).
MATCH (a:Alert {id: $id})
SET a._lock = true
REMOVE a._lock
WITH a, a.status AS before
SET a.status = 'acknowledged', a.acknowledgedBy = coalesce(a.acknowledgedBy, $actor),
    a.acknowledgedAt = coalesce(a.acknowledgedAt, datetime()), a.note = coalesce(a.note, $note)
RETURN before, a.acknowledgedBy AS acknowledgedBy
