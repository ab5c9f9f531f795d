MATCH (x:Shutdown)
WHERE $status IS NULL OR x.status = $status
WITH x ORDER BY x.proposedAt DESC
WITH collect(x) AS found
RETURN size(found) AS total,
       [x IN found[$skip..$skip + $limit] | {id: x.id, clusterId: x.clusterId, runId: x.runId, reason: x.reason, status: x.status,
         proposedBy: x.proposedBy, proposedAt: toString(x.proposedAt), decidedBy: x.decidedBy, decidedAt: toString(x.decidedAt),
         executedAt: toString(x.executedAt), shopsTotal: x.shopsTotal, shopsDone: x.shopsDone, listingsDelisted: x.listingsDelisted}] AS items
