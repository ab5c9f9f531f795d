// One case with its timeline, notes and links.
MATCH (k:Case {id: $id})
OPTIONAL MATCH (k)-[:MERGED_INTO]->(into:Case)
CALL (k) { OPTIONAL MATCH (k)-[:NOTE]->(n:CaseNote) WITH n ORDER BY n.at, n.id
  RETURN collect(n {.id, .author, at: toString(n.at), .text, .mentions}) AS notes }
CALL (k) { OPTIONAL MATCH (k)-[:EVENT]->(e:CaseEvent) WITH e ORDER BY e.at DESC LIMIT 200
  RETURN collect(e {.type, .actor, at: toString(e.at), .detail, .runId}) AS events }
CALL (k) { OPTIONAL MATCH (k)-[:HAS_SHUTDOWN]->(x:Shutdown) WITH x ORDER BY x.proposedAt
  RETURN collect(x {.id, .status, .shopsTotal, .shopsDone}) AS shutdowns }
CALL (k) { OPTIONAL MATCH (k)<-[:SPLIT_FROM]-(part:Case) RETURN collect(part.id) AS splitInto }
CALL (k) { OPTIONAL MATCH (k)-[:SPLIT_FROM]->(parent:Case) RETURN head(collect(parent.id)) AS splitFrom }
CALL (k) { OPTIONAL MATCH (k)<-[:MERGED_INTO]-(absorbed:Case) RETURN collect(absorbed.id) AS absorbed }
CALL (k) { OPTIONAL MATCH (k)-[:HAS_SHUTDOWN]->(x:Shutdown)
  OPTIONAL MATCH (a:Alert) WHERE x.id IN a.shutdownIds OR a.caseId = k.id
  WITH DISTINCT a WHERE a IS NOT NULL
  RETURN collect(a {.id, .kind, .shopId, .status, raisedAt: toString(a.raisedAt), .via}) AS alerts }
// Dossiers exported of its network: the audit trail is their record (who, when, which format, the digest).
CALL (k) { OPTIONAL MATCH (e:AuditEvent {target: 'cluster:' + k.clusterId, action: 'dossier.export'}) WITH e ORDER BY e.at DESC LIMIT 50
  RETURN collect(e {.actor, at: toString(e.at), .after}) AS dossiers }
RETURN k.id AS id, k.clusterId AS clusterId, k.status AS status, k.priority AS priority, k.assignee AS assignee, k.risk AS risk, k.size AS size,
       k.members AS members, k.statusReason AS statusReason, k.agency AS agency, k.reference AS reference, k.referralDate AS referralDate,
       k.referralContact AS referralContact, k.referredBy AS referredBy, toString(k.referredAt) AS referredAt, toString(k.createdAt) AS createdAt,
       toString(k.updatedAt) AS updatedAt, k.lastRunId AS lastRunId, into.id AS mergedInto, notes, events, shutdowns, splitInto, splitFrom, absorbed, alerts, dossiers
