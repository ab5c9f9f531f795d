MATCH (t:Takedown {id: $id})
RETURN t.id AS id, t.listingId AS listingId, t.brand AS brand, t.reporter AS reporter, t.lane AS lane, t.sampled AS sampled,
       t.status AS status, t.review AS review, toString(t.requestedAt) AS requestedAt, toString(t.dueAt) AS dueAt
