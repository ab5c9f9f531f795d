// Dismissed cases the runs since the last report sent back to triage, with the reason they gave.
MATCH (k:Case)-[:EVENT]->(e:CaseEvent {type: 'reopened'})
WHERE $runsSince IS NULL OR e.at >= datetime($runsSince)
RETURN k.id AS caseId, k.clusterId AS clusterId, k.status AS status, k.risk AS risk, coalesce(e.detail, '') AS reason, toString(e.at) AS at
ORDER BY e.at, k.id
