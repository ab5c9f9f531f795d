// Lines of sellerId, key, display (see row-lines.ts).
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MATCH (s:Seller {id: f[0]})
MERGE (x:Email {key: f[1]})
  ON CREATE SET x.display = f[2]
MERGE (s)-[:HAS_EMAIL]->(x)
