// One batch of an execution, in one transaction: suspend shops not yet done, delist their live
// listings, and tick them off. A crash between batches leaves every shop either done and marked, or
// untouched; resuming picks up the untouched ones.
MATCH (x:Shutdown {id: $id, status: 'executing'})-[t:TARGETS]->(s:Shop)
WHERE t.doneAt IS NULL
WITH x, t, s LIMIT $batchSize
CALL (x, s) {
  OPTIONAL MATCH (s)-[:LISTS]->(l:Listing {status: 'active'})
  SET l.status = 'delisted', l.delistedBy = x.id
  RETURN count(l) AS delisted
}
SET t.statusBefore = s.status, t.doneAt = datetime(), t.delisted = delisted,
    s.status = 'suspended', s.suspendedBy = x.id, s.suspendedAt = datetime()
WITH x, count(s) AS shops, sum(delisted) AS listings
SET x.shopsDone = x.shopsDone + shops, x.listingsDelisted = x.listingsDelisted + listings
RETURN shops, listings
