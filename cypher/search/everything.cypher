// One search box: shop names and address text through the full-text index, and exact matches on a
// shop id, a normalised phone or email, or the last four of a payout account.
CALL () {
  CALL db.index.fulltext.queryNodes('search_text', $text) YIELD node, score
  WITH node, score LIMIT $limit
  RETURN CASE WHEN node:Shop THEN 'shop' ELSE 'address' END AS kind,
         CASE WHEN node:Shop THEN node.id ELSE node.key END AS id,
         CASE WHEN node:Shop THEN node.name ELSE node.text END AS label,
         CASE WHEN node:Shop THEN null ELSE {city: node.city, region: node.region, country: node.country} END AS place, score
  UNION ALL
  MATCH (s:Shop {id: $raw})
  RETURN 'shop' AS kind, s.id AS id, s.name AS label, null AS place, 1000.0 AS score
  UNION ALL
  MATCH (p:Phone {key: $phone})
  RETURN 'phone' AS kind, p.key AS id, p.display AS label, null AS place, 1000.0 AS score
  UNION ALL
  MATCH (e:Email {key: $email})
  RETURN 'email' AS kind, e.key AS id, e.display AS label, null AS place, 1000.0 AS score
  UNION ALL
  MATCH (a:PaymentAccount {last4: $last4})
  WITH a LIMIT $limit
  RETURN 'account' AS kind, a.key AS id, a.masked AS label, null AS place, 500.0 AS score
}
RETURN kind, id, label, place, score
ORDER BY score DESC, kind, id
LIMIT $limit
