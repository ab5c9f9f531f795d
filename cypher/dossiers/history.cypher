// The cluster across detection runs, its shutdowns, and the run and data it was found in.
CALL () {
  MATCH (r:DetectionRun)-[:FOUND]->(c:Cluster {clusterId: $clusterId})
  WITH r, c ORDER BY r.startedAt
  RETURN collect({runId: r.id, at: toString(r.startedAt), size: c.size, risk: c.risk, flagged: c.flagged, lineage: c.lineage}) AS runs
}
CALL () {
  OPTIONAL MATCH (x:Shutdown {clusterId: $clusterId})
  WITH x ORDER BY x.proposedAt
  RETURN collect(CASE WHEN x IS NOT NULL THEN {id: x.id, status: x.status, proposedBy: x.proposedBy, proposedAt: toString(x.proposedAt),
                  decidedBy: x.decidedBy, decidedAt: toString(x.decidedAt), executedAt: toString(x.executedAt), shops: x.shopsDone} END) AS shutdowns
}
CALL () {
  MATCH (r:DetectionRun {id: $runId})
  RETURN {id: r.id, startedAt: toString(r.startedAt), params: r.params, seed: r.seed, engine: r.engine, typicalPrices: r.typicalPrices, hubs: r.hubs} AS run
}
CALL () {
  OPTIONAL MATCH (i:Import {status: 'completed'})
  RETURN toString(max(i.finishedAt)) AS dataTimestamp
}
RETURN runs, shutdowns, run, dataTimestamp
