// Writes back the records carried over a bulk first load, by their keys: a second run (an importer that
// failed and left the old store in place) changes nothing. One FOREACH per label: labels are not parameters.
UNWIND $records AS r
FOREACH (_ IN CASE WHEN r.label = 'User' THEN [1] ELSE [] END | MERGE (n:User {username: r.props.username}) SET n = r.props)
FOREACH (_ IN CASE WHEN r.label = 'AuditEvent' THEN [1] ELSE [] END | MERGE (n:AuditEvent {id: r.props.id}) SET n = r.props)
FOREACH (_ IN CASE WHEN r.label = 'Import' THEN [1] ELSE [] END | MERGE (n:Import {id: r.props.id}) SET n = r.props)
