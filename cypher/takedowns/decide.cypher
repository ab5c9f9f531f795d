// An analyst's decision on a queued report. The takedown is locked before its review state is read, so of
// concurrent decisions exactly one finds it pending and wins; the others get no row (409). A rejection
// ends the takedown; a confirmation of a waiting report is followed by delist in the same transaction.
MATCH (t:Takedown {id: $id})
SET t._lock = true
REMOVE t._lock
WITH t
WHERE t.review = 'pending'
WITH t, t.status AS before
SET t.review = $decision, t.reviewedBy = $actor, t.reviewedAt = datetime(), t.reviewNote = $note,
    t.status = CASE $decision WHEN 'rejected' THEN 'rejected' ELSE t.status END
RETURN before, t.status AS status, t.review AS review, t.lane AS lane, t.listingId AS listingId, t.reporter AS reporter, t.brand AS brand
