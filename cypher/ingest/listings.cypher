// A listing, its shop (a placeholder when the shop row comes later) and its brand.
UNWIND $rows AS r
MERGE (l:Listing {id: r.id})
  ON CREATE SET l.createdBy = $importId
SET l.title = r.title, l.brand = r.brand, l.category = r.category, l.price = r.price, l.currency = r.currency,
    l.listedAt = datetime(r.listedAt), l.status = r.status
MERGE (s:Shop {id: r.shopId})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
MERGE (s)-[:LISTS]->(l)
FOREACH (name IN CASE WHEN r.brand IS NULL THEN [] ELSE [r.brand] END |
  MERGE (b:Brand {name: name})
  MERGE (l)-[:OF_BRAND]->(b))
RETURN count(*) AS rows, count(CASE WHEN l.createdBy = $importId THEN 1 END) AS created
