// Listings that may exist: updated in place (a listing a shutdown delisted stays delisted). A listing has
// one selling shop: a row naming another shop moves the LISTS link (the old one is deleted), and the new
// link keeps the trail: movedFrom (earlier shops' ids, oldest first), movedBy (the import), movedAt.
// The caller sends each id once per batch.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (l:Listing {id: f[0]})
  ON CREATE SET l.createdBy = $importId
SET l.title = f[2], l.brand = CASE f[3] WHEN '' THEN null ELSE f[3] END, l.category = f[4], l.price = toFloat(f[5]), l.currency = f[6],
    l.listedAt = datetime(f[7]), l.status = CASE WHEN l.delistedBy IS NULL THEN f[8] ELSE l.status END, l.placeholder = null
MERGE (s:Shop {id: f[1]})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
// Read after the SET above, which holds the listing's write lock: a concurrent batch's move is seen, not raced.
WITH l, s, [(o:Shop)-[r:LISTS]->(l) WHERE o <> s | {rel: r, from: o.id, trail: coalesce(r.movedFrom, [])}] AS stale
FOREACH (x IN stale | DELETE x.rel)
MERGE (s)-[n:LISTS]->(l)
FOREACH (_ IN CASE WHEN size(stale) = 0 THEN [] ELSE [1] END |
  SET n.movedFrom = stale[0].trail + [x IN stale | x.from], n.movedBy = $importId, n.movedAt = datetime())
RETURN count(*) AS rows, count(CASE WHEN l.createdBy = $importId THEN 1 END) AS created, count(CASE WHEN size(stale) > 0 THEN 1 END) AS moved
