LOAD CSV WITH HEADERS FROM $url AS r
CALL (r) {
  MERGE (a:Address {key: toUpper(r.country) + '|' + toLower(r.city) + '|' + toLower(r.line1) + '|' + coalesce(toLower(r.line2), '')})
    ON CREATE SET a.text = r.line1, a.city = r.city, a.country = r.country, a.postcode = r.postcode
  MERGE (s:Shop {id: r.shop_id})
  MERGE (s)-[:HAS_ADDRESS {kind: r.kind}]->(a)
} IN TRANSACTIONS OF $batch ROWS
