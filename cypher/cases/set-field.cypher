// Assignee or priority, under the case's lock; the value replaced is returned for the audit trail.
MATCH (k:Case {id: $id})
SET k._lock = true
REMOVE k._lock
WITH k, CASE $field WHEN 'assignee' THEN k.assignee ELSE k.priority END AS before
WHERE $expected IS NULL OR before = $expected OR (before IS NULL AND $expected = '')
SET k.assignee = CASE $field WHEN 'assignee' THEN $value ELSE k.assignee END,
    k.priority = CASE $field WHEN 'priority' THEN $value ELSE k.priority END,
    k.updatedAt = datetime()
CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: $field, actor: $actor,
  detail: coalesce(before, 'nobody') + ' → ' + coalesce($value, 'nobody')})
RETURN before
