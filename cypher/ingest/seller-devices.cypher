UNWIND $links AS l
MATCH (s:Seller {id: l.seller})
MERGE (x:Device {key: l.key})
MERGE (s)-[:USES_DEVICE]->(x)
