// A shop's dispatch, return or ship-to address, keyed by its normalised form.
UNWIND $rows AS r
MERGE (a:Address {key: r.key})
  ON CREATE SET a.text = r.text, a.city = r.city, a.region = r.region, a.country = r.country, a.postcode = r.postcode, a.createdBy = $importId
MERGE (s:Shop {id: r.shopId})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
MERGE (s)-[h:HAS_ADDRESS {kind: r.kind}]->(a)
  ON CREATE SET h.createdBy = $importId
RETURN count(*) AS rows, count(CASE WHEN h.createdBy = $importId THEN 1 END) AS created
