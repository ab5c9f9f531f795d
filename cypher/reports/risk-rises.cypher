// Cases still worked on whose network's risk rose between the previous run and this one (same stable
// cluster id), with both runs' risk factors (JSON text) and what explains the rise where the graph
// knows it: shops that joined, and brand verdicts on the network's listings since the previous run.
MATCH (:DetectionRun {id: $runId})-[:FOUND]->(c:Cluster)
WHERE c.caseId IS NOT NULL
MATCH (p:Cluster {key: $previousRunId + ':' + c.clusterId})
WHERE c.risk - p.risk >= $minRise
MATCH (k:Case {id: c.caseId})
WHERE k.status IN $statuses
MATCH (previous:DetectionRun {id: $previousRunId})
CALL (c, p) {
  MATCH (s:Shop)-[:MEMBER_OF]->(c)
  WHERE NOT (s)-[:MEMBER_OF]->(p)
  WITH s ORDER BY s.id
  RETURN collect(s.id) AS joined
}
CALL (c, previous) {
  MATCH (s:Shop)-[:MEMBER_OF]->(c)
  MATCH (s)-[:LISTS]->(:Listing)<-[:ABOUT]-(br:BrandReport)
  WHERE br.reportedAt >= previous.startedAt
  WITH br.brand AS brand, br.verdict AS verdict, count(DISTINCT br) AS count
  ORDER BY brand, verdict
  RETURN collect({brand: brand, verdict: verdict, count: count}) AS verdicts
}
RETURN k.id AS caseId, c.clusterId AS clusterId, k.status AS status, k.assignee AS assignee, p.risk AS riskBefore, c.risk AS risk,
       p.factors AS factorsBefore, c.factors AS factors, joined, verdicts
ORDER BY c.risk - p.risk DESC, k.id
