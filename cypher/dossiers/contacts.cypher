// Phones and devices of the cluster's sellers, with the shops behind each.
UNWIND $ids AS id
MATCH (s:Shop {id: id})<-[:OWNS]-(:Seller)-[r:HAS_PHONE|USES_DEVICE]->(x)
WITH x, CASE type(r) WHEN 'HAS_PHONE' THEN 'phone' ELSE 'device' END AS kind, collect(DISTINCT s.id) AS shops
RETURN kind, x.key AS key, shops, size(shops) AS shopCount
ORDER BY kind, shopCount DESC, key
