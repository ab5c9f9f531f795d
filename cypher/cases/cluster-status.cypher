// The run's clusters show the state of the work on them: the case's id, and a proposal or shutdown
// carried over from earlier runs (a detection run never resets them to open).
MATCH (k:Case) WHERE k.status <> 'merged' AND k.lastRunId = $runId
MATCH (c:Cluster {key: $runId + ':' + k.clusterId})
SET c.caseId = k.id, c.caseStatus = k.status,
    c.status = CASE k.status WHEN 'shut_down' THEN 'shut_down' WHEN 'shutdown_proposed' THEN 'proposed' ELSE 'open' END
RETURN count(c) AS marked
