// Cases the runs since the last report opened that nobody has taken yet (still new, no assignee), with
// their network as the latest run found it.
MATCH (k:Case {status: 'new'})
WHERE k.assignee IS NULL AND ($runsSince IS NULL OR k.createdAt >= datetime($runsSince))
OPTIONAL MATCH (c:Cluster {key: k.lastRunId + ':' + k.clusterId})
RETURN k.id AS caseId, k.clusterId AS clusterId, k.risk AS risk, k.size AS size, coalesce(c.brands, []) AS brands, k.priority AS priority,
       toString(k.createdAt) AS openedAt
ORDER BY k.risk DESC, k.id
