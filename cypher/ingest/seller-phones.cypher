UNWIND $links AS l
MATCH (s:Seller {id: l.seller})
MERGE (x:Phone {key: l.key})
  ON CREATE SET x.display = l.display
MERGE (s)-[:HAS_PHONE]->(x)
