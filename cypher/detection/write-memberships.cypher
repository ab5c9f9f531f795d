UNWIND $members AS m
MATCH (s:Shop {id: m.shop})
MATCH (c:Cluster {key: m.key})
CREATE (s)-[:MEMBER_OF {confidence: m.confidence, runId: $runId}]->(c)
