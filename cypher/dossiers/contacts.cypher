// Phones and devices of the cluster's sellers, with the shops behind each.
UNWIND $ids AS id
MATCH (s:Shop {id: id})
CALL (s) {
  MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(x:Phone)
  RETURN x, 'phone' AS kind
  UNION ALL
  MATCH (s)<-[:OWNS]-(:Seller)-[:USES_DEVICE]->(x:Device)
  RETURN x, 'device' AS kind
}
WITH x, kind, collect(DISTINCT s.id) AS shops
RETURN kind, x.key AS key, shops, size(shops) AS shopCount
ORDER BY kind, shopCount DESC, key
