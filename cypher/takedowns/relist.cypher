// A takedown undone (appeal upheld, or a sampled fast-lane takedown rejected in review): the listing comes
// back only if this takedown delisted it and nothing else has since.
MATCH (t:Takedown {id: $id})-[:ABOUT]->(l:Listing)
WITH t, l, l.delistedBy = t.id AS ours
FOREACH (_ IN CASE WHEN ours THEN [1] ELSE [] END | SET l.status = 'active', l.delistedBy = null)
SET t.relistedAt = CASE WHEN ours THEN datetime() ELSE t.relistedAt END
RETURN ours AS relisted
