MATCH (a:Alert {id: $id})
WITH a, a.status AS before
SET a.status = 'acknowledged', a.acknowledgedBy = coalesce(a.acknowledgedBy, $actor),
    a.acknowledgedAt = coalesce(a.acknowledgedAt, datetime()), a.note = coalesce(a.note, $note)
RETURN before, a.acknowledgedBy AS acknowledgedBy
