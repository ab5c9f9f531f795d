// The run's clusters show the state of the work on them: the case's id (reads take its status from the
// case itself, live), and a proposal or shutdown carried over from earlier runs (a run never resets them).
MATCH (k:Case) WHERE k.status <> 'merged' AND k.lastRunId = $runId
MATCH (c:Cluster {key: $runId + ':' + k.clusterId})
SET c.caseId = k.id,
    c.status = CASE k.status WHEN 'shut_down' THEN 'shut_down' WHEN 'shutdown_proposed' THEN 'proposed' ELSE 'open' END
RETURN count(c) AS marked
