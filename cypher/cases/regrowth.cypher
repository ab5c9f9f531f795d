// A shut-down network regrew: its new shops become alerts on the case (one per shop, raised once).
UNWIND $regrowths AS g
MATCH (k:Case {id: g.caseId})
OPTIONAL MATCH (k)-[:HAS_SHUTDOWN]->(x:Shutdown)
WITH k, g, collect(x.id) AS shutdowns
UNWIND g.shops AS shopId
MERGE (a:Alert {key: 'regrowth:' + shopId})
  ON CREATE SET a.id = randomUUID(), a.kind = 'regrowth', a.shopId = shopId, a.raisedAt = datetime(), a.status = 'open'
SET a.via = ['network ' + g.clusterId + ' of case ' + k.id + ' regrew'], a.formerShops = [], a.shutdownIds = shutdowns, a.caseId = k.id,
    a.updatedAt = datetime()
MERGE (a)-[:FOR_CASE]->(k)
WITH k, g, collect(CASE WHEN a.raisedAt = a.updatedAt THEN a.id END) AS fresh
FOREACH (_ IN CASE WHEN size(fresh) = 0 THEN [] ELSE [1] END |
  CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'regrowth', actor: 'system', runId: $runId,
    detail: toString(size(fresh)) + ' new shop(s) joined the shut-down network: ' + reduce(s = '', id IN g.shops[0..10] | s + CASE s WHEN '' THEN '' ELSE ', ' END + id)}))
RETURN k.id AS caseId, fresh AS alerts
