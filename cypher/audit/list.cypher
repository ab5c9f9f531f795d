MATCH (e:AuditEvent)
WHERE ($action IS NULL OR e.action = $action) AND ($actor IS NULL OR e.actor = $actor) AND ($target IS NULL OR e.target CONTAINS $target)
  AND ($from IS NULL OR e.at >= datetime($from)) AND ($to IS NULL OR e.at < datetime($to) + duration({days: 1}))
WITH e ORDER BY e.at DESC, e.id
WITH collect(e) AS found
RETURN size(found) AS total,
       [e IN found[$skip..$skip + $limit] | {id: e.id, at: toString(e.at), actor: e.actor, action: e.action, target: e.target,
         before: e.before, after: e.after, requestId: e.requestId}] AS items
