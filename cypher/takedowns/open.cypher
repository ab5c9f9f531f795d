// A new takedown request. In the review lane (and when a fast-lane takedown is sampled) it enters the
// review queue, due $targetMinutes from now; the fast lane's delisting follows in the same transaction (delist).
MATCH (l:Listing {id: $listingId, brand: $brand})
CREATE (t:Takedown {id: $id, listingId: l.id, brand: $brand, reporter: $reporter, reportId: $reportId, lane: $lane, sampled: $sampled,
                    status: 'pending', requestedAt: datetime()})
SET t.review = CASE WHEN $lane = 'review' OR $sampled THEN 'pending' END,
    t.dueAt = CASE WHEN $lane = 'review' OR $sampled THEN datetime() + duration({minutes: $targetMinutes}) END
CREATE (t)-[:ABOUT]->(l)
RETURN t.id AS id
