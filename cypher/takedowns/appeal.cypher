// A seller's appeal upheld (entered by staff): only a takedown in effect can be reversed. Locked before
// its status is read: of concurrent appeals one wins, the others get no row (409). A review still waiting
// is withdrawn (the appeal decided the case); relist follows in the same transaction.
MATCH (t:Takedown {id: $id})
SET t._lock = true
REMOVE t._lock
WITH t
WHERE t.status = 'taken_down'
SET t.status = 'reversed', t.appealedBy = $actor, t.appealedAt = datetime(), t.appealNote = $note,
    t.review = CASE t.review WHEN 'pending' THEN 'withdrawn' ELSE t.review END
RETURN t.status AS status, t.review AS review, t.listingId AS listingId, t.reporter AS reporter, t.brand AS brand
