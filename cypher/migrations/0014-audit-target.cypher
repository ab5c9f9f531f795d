// The audit trail read by target: a case lists the dossiers exported of its network from it.
CREATE INDEX audit_event_target IF NOT EXISTS FOR (n:AuditEvent) ON (n.target);
