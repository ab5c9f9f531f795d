// A proposal freezes its member list as TARGETS relationships; later detection runs cannot change it.
MATCH (c:Cluster {key: $clusterKey})
CREATE (x:Shutdown {id: $id, clusterId: c.clusterId, clusterKey: c.key, runId: c.runId, reason: $reason, excluded: $excluded,
  status: 'proposed', proposedBy: $actor, proposedAt: datetime(), preview: $preview, shopsTotal: size($shops),
  shopsDone: 0, listingsDelisted: 0})
CREATE (x)-[:FOR_CLUSTER]->(c)
SET c.status = 'proposed'
WITH x
UNWIND $shops AS shopId
MATCH (s:Shop {id: shopId})
CREATE (x)-[:TARGETS]->(s)
RETURN x.id AS id, count(*) AS targets
