MATCH (x:Shutdown {id: $id, status: 'executing'})
WHERE NOT EXISTS { (x)-[t:TARGETS]->() WHERE t.doneAt IS NULL }
SET x.status = 'executed', x.executedAt = datetime()
WITH x
OPTIONAL MATCH (x)-[:FOR_CLUSTER]->(c:Cluster)
SET c.status = 'shut_down'
RETURN x.id AS id, x.shopsDone AS shopsDone, x.listingsDelisted AS listingsDelisted
