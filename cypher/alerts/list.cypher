MATCH (a:Alert)
WHERE $status IS NULL OR a.status = $status
WITH a ORDER BY a.raisedAt DESC, a.id
WITH collect(a) AS found
RETURN size(found) AS total,
       [a IN found[$skip..$skip + $limit] | {id: a.id, kind: a.kind, shopId: a.shopId, status: a.status, raisedAt: toString(a.raisedAt),
         via: a.via, formerShops: a.formerShops, shutdownIds: a.shutdownIds, acknowledgedBy: a.acknowledgedBy,
         acknowledgedAt: toString(a.acknowledgedAt), note: a.note}] AS items
