// New cases for networks without one (new flagged networks, flagged parts split off a case's network).
UNWIND $opened AS o
CREATE (k:Case {id: o.id, clusterId: o.clusterId, status: 'new', priority: o.priority, assignee: null, risk: o.risk, size: size(o.members),
  members: o.members, createdAt: datetime(), updatedAt: datetime(), openedByRun: $runId, lastRunId: $runId})
CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'opened', actor: 'system', runId: $runId, detail: o.detail})
WITH k, o
OPTIONAL MATCH (parent:Case {id: o.splitFrom})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END |
  CREATE (k)-[:SPLIT_FROM]->(parent)
  CREATE (parent)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'split', actor: 'system', runId: $runId, detail: 'part of the network split off into ' + k.id}))
RETURN count(k) AS opened
