// What happened since the last report: executed shutdowns, and the alerts still open (recidivism alerts
// raised by loads since its start, regrowth alerts raised by runs since its end).
CALL () {
  OPTIONAL MATCH (x:Shutdown {status: 'executed'}) WHERE $since IS NULL OR x.executedAt >= datetime($since)
  WITH x ORDER BY x.executedAt
  RETURN collect(CASE WHEN x IS NULL THEN null ELSE {id: x.id, clusterId: x.clusterId, executedAt: toString(x.executedAt),
    shops: x.shopsDone, listings: x.listingsDelisted, proposedBy: x.proposedBy, approvedBy: x.decidedBy} END) AS shutdowns
}
CALL () {
  OPTIONAL MATCH (a:Alert {status: 'open'})
  WHERE $since IS NULL OR a.raisedAt >= datetime(CASE a.kind WHEN 'regrowth' THEN coalesce($runsSince, $since) ELSE $since END)
  WITH a ORDER BY a.raisedAt, a.id
  RETURN collect(CASE WHEN a IS NULL THEN null ELSE {id: a.id, kind: coalesce(a.kind, 'recidivism'), shopId: a.shopId, status: a.status,
    raisedAt: toString(a.raisedAt), via: a.via, formerShops: coalesce(a.formerShops, []), caseId: a.caseId} END) AS alerts
}
RETURN shutdowns, alerts
