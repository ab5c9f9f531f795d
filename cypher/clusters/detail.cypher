// One cluster of a run (the latest completed one unless a run id is given), with its members: the run,
// then the cluster by its unique key (one index lookup), then its members. With $withIdentifiers, the
// shared identifiers written with the run (JSON; null for runs written before they were kept).
MATCH (r:DetectionRun)
WHERE ($runId IS NULL AND r.status = 'completed') OR r.id = $runId
WITH r ORDER BY r.startedAt DESC LIMIT 1
MATCH (c:Cluster {key: r.id + ':' + $id})
CALL (c) {
  MATCH (s:Shop)-[m:MEMBER_OF]->(c)
  RETURN collect({id: s.id, name: s.name, status: s.status, openedAt: toString(s.openedAt), confidence: m.confidence}) AS members
}
RETURN r.id AS runId, toString(r.startedAt) AS runStartedAt, c.clusterId AS id, c.size AS size, c.risk AS risk,
       c.flagged AS flagged, c.status AS status, c.factors AS factors, c.verdict AS verdict, c.lineage AS lineage, c.lineageFrom AS lineageFrom,
       c.sizeBefore AS sizeBefore, c.caseId AS caseId, COLLECT { MATCH (k:Case) WHERE k.id = c.caseId RETURN k.status }[0] AS caseStatus, members,
       CASE WHEN $withIdentifiers THEN c.identifiers END AS identifiers
