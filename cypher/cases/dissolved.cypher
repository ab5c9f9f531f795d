// A network no longer found: the case keeps its status and history and says so once.
UNWIND $dissolved AS d
MATCH (k:Case {id: d.caseId})
SET k.members = [], k.size = 0, k.lastRunId = $runId
CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'dissolved', actor: 'system', runId: $runId, detail: d.clusterId + ' was not found in this run'})
RETURN count(k) AS dissolved
