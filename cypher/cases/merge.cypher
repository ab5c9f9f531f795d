// Networks merged: the smaller side's case is closed as merged, pointing at the case that carries on.
UNWIND $merges AS m
MATCH (k:Case {id: m.caseId}), (into:Case {id: m.intoCaseId})
SET k.status = 'merged', k.mergedInto = into.id, k.updatedAt = datetime(), k.members = [], k.size = 0
MERGE (k)-[:MERGED_INTO]->(into)
CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'merged', actor: 'system', runId: $runId, detail: 'its network merged into ' + m.clusterId + ', followed by ' + into.id})
CREATE (into)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'absorbed', actor: 'system', runId: $runId, detail: k.id + ' merged into this case'})
RETURN count(k) AS merged
