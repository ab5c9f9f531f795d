// Every case as the inbox lists it, with its network's brands at the last run that saw it.
MATCH (k:Case)
OPTIONAL MATCH (c:Cluster {key: k.lastRunId + ':' + k.clusterId})
RETURN k.id AS id, k.clusterId AS clusterId, k.status AS status, k.priority AS priority, k.assignee AS assignee, k.risk AS risk, k.size AS size,
       toString(k.createdAt) AS createdAt, toString(k.updatedAt) AS updatedAt, k.statusReason AS statusReason, coalesce(c.brands, []) AS brands
