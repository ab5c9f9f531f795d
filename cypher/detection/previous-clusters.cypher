// Clusters of the latest completed run, to keep their ids when their membership mostly persists.
MATCH (r:DetectionRun {status: 'completed'})
WITH r ORDER BY r.startedAt DESC LIMIT 1
MATCH (r)-[:FOUND]->(c:Cluster)<-[:MEMBER_OF]-(s:Shop)
RETURN c.clusterId AS id, collect(s.id) AS members
