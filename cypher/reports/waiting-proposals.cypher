// Every shutdown proposal still waiting for a supervisor's decision, however old: it stays on the list
// until someone decides.
MATCH (x:Shutdown {status: 'proposed'})
OPTIONAL MATCH (x)<-[:HAS_SHUTDOWN]-(k:Case)
WITH x, head(collect(k.id)) AS caseId
RETURN x.id AS shutdownId, x.clusterId AS clusterId, caseId, x.proposedBy AS proposedBy, toString(x.proposedAt) AS proposedAt,
       coalesce(x.reason, '') AS reason, x.shopsTotal AS shops
ORDER BY x.proposedAt, x.id
