// One search box: shop names and address text or key through the full-text index, and exact matches on
// a shop id, the phones a typed number can be, a normalised email, or the last four of a payout account.
CALL () {
  CALL db.index.fulltext.queryNodes('search_folded', $text) YIELD node, score
  WITH node, score LIMIT $limit
  RETURN CASE WHEN node:Shop THEN 'shop' ELSE 'address' END AS kind,
         CASE WHEN node:Shop THEN node.id ELSE node.key END AS id,
         CASE WHEN node:Shop THEN node.name ELSE node.text END AS label,
         CASE WHEN node:Shop THEN null ELSE {city: node.city, region: node.region, country: node.country} END AS place, score
  UNION ALL
  MATCH (s:Shop {id: $raw})
  RETURN 'shop' AS kind, s.id AS id, s.name AS label, null AS place, 1000.0 AS score
  UNION ALL
  UNWIND $phones AS phone
  MATCH (p:Phone {key: phone})
  RETURN 'phone' AS kind, p.key AS id, p.display AS label, null AS place, 1000.0 AS score
  UNION ALL
  MATCH (e:Email {key: $email})
  RETURN 'email' AS kind, e.key AS id, e.display AS label, null AS place, 1000.0 AS score
  UNION ALL
  MATCH (a:PaymentAccount {last4: $last4})
  WITH a LIMIT $limit
  RETURN 'account' AS kind, a.key AS id, a.masked AS label, null AS place, 500.0 AS score
}
WITH kind, id, label, place, score
ORDER BY score DESC, kind, id
LIMIT $limit
// An identifier leads to the shops using it (how many, and the first few by id): the way into the graph.
// Keys of one kind never match a node of another, so each hit looks in every place an identifier can be.
CALL (kind, id) {
  CALL (kind, id) {
    MATCH (:Phone {key: id})<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(s:Shop)
    WHERE kind = 'phone'
    RETURN s
    UNION
    MATCH (:Email {key: id})<-[:HAS_EMAIL]-(:Seller)-[:OWNS]->(s:Shop)
    WHERE kind = 'email'
    RETURN s
    UNION
    MATCH (:PaymentAccount {key: id})<-[:PAID_TO]-(s:Shop)
    WHERE kind = 'account'
    RETURN s
    UNION
    MATCH (:Address {key: id})<-[:HAS_ADDRESS]-(s:Shop)
    WHERE kind = 'address'
    RETURN s
  }
  WITH s ORDER BY s.id
  RETURN count(s) AS shopCount, collect({id: s.id, name: s.name})[..$shopsShown] AS shops
}
RETURN kind, id, label, place, score, CASE WHEN kind = 'shop' THEN null ELSE shopCount END AS shopCount, CASE WHEN kind = 'shop' THEN null ELSE shops END AS shops
