LOAD CSV WITH HEADERS FROM $url AS r
CALL (r) {
  MERGE (l:Listing {id: r.listing_id})
  SET l.title = r.title, l.brand = r.brand, l.category = r.category, l.price = toFloat(r.price), l.currency = r.currency,
      l.listedAt = datetime(r.listed_at), l.status = r.status
  MERGE (s:Shop {id: r.shop_id})
  MERGE (s)-[:LISTS]->(l)
} IN TRANSACTIONS OF $batch ROWS
