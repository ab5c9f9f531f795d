// Several audit events of one moment at once (a read of many sellers' identities): one write, not one per seller.
UNWIND $entries AS e
CREATE (:AuditEvent {id: e.id, at: datetime(), actor: e.actor, action: e.action, target: e.target, before: e.before, after: e.after,
                     requestId: e.requestId})
