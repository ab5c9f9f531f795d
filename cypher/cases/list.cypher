// The inbox: cases by status, assignee, priority, risk, brand and last change, most urgent first.
MATCH (k:Case)
WHERE (size($statuses) = 0 OR k.status IN $statuses)
  AND ($assignee IS NULL OR ($assignee = '' AND k.assignee IS NULL) OR k.assignee = $assignee)
  AND ($priority IS NULL OR k.priority = $priority)
  AND ($minRisk IS NULL OR k.risk >= $minRisk)
  AND ($changedSince IS NULL OR k.updatedAt >= datetime($changedSince))
  AND ($brand IS NULL OR EXISTS { MATCH (c:Cluster {key: k.lastRunId + ':' + k.clusterId}) WHERE $brand IN c.brands })
WITH k ORDER BY CASE k.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, k.risk DESC, k.id
WITH collect(k) AS found
RETURN size(found) AS total,
       [k IN found[$skip..$skip + $limit] | {id: k.id, clusterId: k.clusterId, status: k.status, priority: k.priority, assignee: k.assignee,
         risk: k.risk, size: k.size, updatedAt: toString(k.updatedAt), createdAt: toString(k.createdAt), statusReason: k.statusReason}] AS items
