// Listings are the bulk of every load. New ones (the usual case) are CREATEd, which is cheaper than
// MERGE; ones already present are updated. The caller removes duplicate ids within a batch and, when
// a concurrent batch created the same id first (a constraint violation), retries with listings-merge.
// The brand is a property (indexed), not a relationship: 10^7 relationships into a dozen Brand nodes
// would cost more than every query that needs them.
UNWIND $rows AS r
OPTIONAL MATCH (existing:Listing {id: r.id})
CALL (r, existing) {
  WITH r, existing WHERE existing IS NULL
  MERGE (s:Shop {id: r.shopId})
    ON CREATE SET s.placeholder = true, s.createdBy = $importId
  CREATE (l:Listing {id: r.id, createdBy: $importId, title: r.title, brand: r.brand, category: r.category, price: r.price,
                     currency: r.currency, listedAt: datetime(r.listedAt), status: r.status})
  CREATE (s)-[:LISTS]->(l)
  RETURN 1 AS created
  UNION ALL
  WITH r, existing WHERE existing IS NOT NULL
  SET existing.title = r.title, existing.brand = r.brand, existing.category = r.category, existing.price = r.price,
      existing.currency = r.currency, existing.listedAt = datetime(r.listedAt), existing.status = CASE WHEN existing.delistedBy IS NULL THEN r.status ELSE existing.status END,
      existing.placeholder = null
  MERGE (s:Shop {id: r.shopId})
    ON CREATE SET s.placeholder = true, s.createdBy = $importId
  MERGE (s)-[:LISTS]->(existing)
  RETURN 0 AS created
}
RETURN count(*) AS rows, sum(created) AS created
