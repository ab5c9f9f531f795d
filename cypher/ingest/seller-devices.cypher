// Lines of sellerId, key (see row-lines.ts).
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MATCH (s:Seller {id: f[0]})
MERGE (x:Device {key: f[1]})
MERGE (s)-[:USES_DEVICE]->(x)
