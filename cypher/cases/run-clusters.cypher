// The clusters of one run as the case sync reads them: members, risk, flag and lineage.
MATCH (:DetectionRun {id: $runId})-[:FOUND]->(c:Cluster)
OPTIONAL MATCH (c)<-[:MEMBER_OF]-(s:Shop)
WITH c, collect(s.id) AS members
RETURN c.clusterId AS id, members, c.risk AS risk, c.flagged AS flagged, c.lineage AS lineage, coalesce(c.lineageFrom, []) AS lineageFrom
