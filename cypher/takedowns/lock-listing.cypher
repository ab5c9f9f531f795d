// A counterfeit verdict about to open a takedown: the listing is locked first, so of concurrent verdicts on
// one listing one opens the takedown and the others find it open (one open takedown per listing).
MATCH (l:Listing {id: $listingId, brand: $brand})
SET l._lock = true
REMOVE l._lock
RETURN [(t:Takedown)-[:ABOUT]->(l) WHERE t.status IN ['pending', 'taken_down'] | t.id][0] AS open
