MATCH (x:Shutdown {id: $id})
WHERE x.status IN ['approved', 'executing']
SET x.status = 'executing', x.executionStartedAt = coalesce(x.executionStartedAt, datetime())
RETURN x.id AS id
