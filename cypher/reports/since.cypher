// What happened since the last report: executed shutdowns and recidivism alerts.
CALL () {
  OPTIONAL MATCH (x:Shutdown {status: 'executed'}) WHERE $since IS NULL OR x.executedAt >= datetime($since)
  WITH x ORDER BY x.executedAt
  RETURN collect(CASE WHEN x IS NULL THEN null ELSE {id: x.id, clusterId: x.clusterId, executedAt: toString(x.executedAt),
    shops: x.shopsDone, listings: x.listingsDelisted, proposedBy: x.proposedBy, approvedBy: x.decidedBy} END) AS shutdowns
}
CALL () {
  OPTIONAL MATCH (a:Alert) WHERE $since IS NULL OR a.raisedAt >= datetime($since)
  WITH a ORDER BY a.raisedAt
  RETURN collect(CASE WHEN a IS NULL THEN null ELSE {id: a.id, shopId: a.shopId, status: a.status, raisedAt: toString(a.raisedAt),
    via: a.via, formerShops: a.formerShops} END) AS alerts
}
RETURN shutdowns, alerts
