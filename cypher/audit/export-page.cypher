// One page of the audit trail's CSV export, newest first, under the same filters as audit/list. Paged by
// key (the last event's time and id), not by skip: every page is one index range however long the trail.
MATCH (e:AuditEvent)
WHERE ($action IS NULL OR e.action = $action) AND ($actor IS NULL OR e.actor = $actor) AND ($target IS NULL OR e.target CONTAINS $target)
  AND ($from IS NULL OR e.at >= datetime($from)) AND ($to IS NULL OR e.at < datetime($to) + duration({days: 1}))
  AND ($afterAt IS NULL OR e.at < datetime($afterAt) OR (e.at = datetime($afterAt) AND e.id > $afterId))
WITH e ORDER BY e.at DESC, e.id LIMIT $limit
RETURN e.id AS id, toString(e.at) AS at, e.actor AS actor, e.action AS action, e.target AS target,
       e.before AS before, e.after AS after, e.requestId AS requestId
