// A run's clusters with what the report compares between runs.
MATCH (:DetectionRun {id: $runId})-[:FOUND]->(c:Cluster)
RETURN c.clusterId AS id, c.size AS size, c.risk AS risk, c.flagged AS flagged, c.lineage AS lineage,
       c.lineageFrom AS lineageFrom, c.sizeBefore AS sizeBefore, coalesce(c.brands, []) AS brands, c.status AS status, c.caseId AS caseId, COLLECT { MATCH (k:Case) WHERE k.id = c.caseId RETURN k.status }[0] AS caseStatus
