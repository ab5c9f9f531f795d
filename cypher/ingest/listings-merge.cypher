// The all-MERGE form of ingest/listings, for a batch whose CREATE lost a race with a concurrent batch.
UNWIND $rows AS r
MERGE (l:Listing {id: r.id})
  ON CREATE SET l.createdBy = $importId
SET l.title = r.title, l.brand = r.brand, l.category = r.category, l.price = r.price, l.currency = r.currency,
    l.listedAt = datetime(r.listedAt), l.status = CASE WHEN l.delistedBy IS NULL THEN r.status ELSE l.status END, l.placeholder = null
MERGE (s:Shop {id: r.shopId})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
MERGE (s)-[:LISTS]->(l)
RETURN count(*) AS rows, count(CASE WHEN l.createdBy = $importId THEN 1 END) AS created
