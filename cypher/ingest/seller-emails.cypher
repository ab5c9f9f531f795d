UNWIND $links AS l
MATCH (s:Seller {id: l.seller})
MERGE (x:Email {key: l.key})
  ON CREATE SET x.display = l.display
MERGE (s)-[:HAS_EMAIL]->(x)
