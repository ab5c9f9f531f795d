// The takedown takes effect: the listing is delisted if it is live (a listing a shutdown or another
// takedown delisted stays theirs), and the takedown remembers whether it did so, for a reversal to undo.
MATCH (t:Takedown {id: $id})-[:ABOUT]->(l:Listing)
WITH t, l, l.status = 'active' AS live
SET t.status = 'taken_down', t.delistedAt = datetime(), t.delisted = live
FOREACH (_ IN CASE WHEN live THEN [1] ELSE [] END | SET l.status = 'delisted', l.delistedBy = t.id)
RETURN live AS delisted
