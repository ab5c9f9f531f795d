// Every listing of the cluster's shops, with the brand owners' reports on it (the per-listing export).
UNWIND $ids AS id
MATCH (s:Shop {id: id})-[:LISTS]->(l:Listing)
RETURN l.id AS id, s.id AS shopId, l.title AS title, l.brand AS brand, l.price AS price, l.currency AS currency, l.status AS status,
       toString(l.listedAt) AS listedAt, COUNT { (l)<-[:ABOUT]-(:BrandReport) } AS reports
ORDER BY shopId, id
