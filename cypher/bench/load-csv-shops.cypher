LOAD CSV WITH HEADERS FROM $url AS r
CALL (r) {
  MERGE (s:Shop {id: r.shop_id})
  SET s.name = r.name, s.openedAt = datetime(r.opened_at), s.status = r.status, s.category = r.category
  MERGE (u:Seller {id: r.seller_id})
  MERGE (u)-[:OWNS]->(s)
} IN TRANSACTIONS OF $batch ROWS
