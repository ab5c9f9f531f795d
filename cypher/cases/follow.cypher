// Each case follows its network to this run: its cluster id, risk and shops; a change of shape is a timeline event.
UNWIND $follows AS f
MATCH (k:Case {id: f.caseId})
WITH k, f, k.size AS sizeBefore
SET k.clusterId = f.clusterId, k.risk = f.risk, k.size = size(f.members), k.members = f.members, k.lastRunId = $runId
FOREACH (_ IN CASE WHEN f.lineage IN ['unchanged', 'new'] AND sizeBefore = size(f.members) THEN [] ELSE [1] END |
  CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: f.lineage, actor: 'system', runId: $runId,
    detail: f.clusterId + ': ' + toString(sizeBefore) + ' → ' + toString(size(f.members)) + ' shops'}))
RETURN count(k) AS followed
