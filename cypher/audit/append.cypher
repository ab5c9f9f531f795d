CREATE (e:AuditEvent {id: $id, at: datetime(), actor: $actor, action: $action, target: $target, before: $before,
                      after: $after, requestId: $requestId})
