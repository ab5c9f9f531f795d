// Keeps the newest $keep completed runs; older runs go with their clusters and memberships.
MATCH (r:DetectionRun)
WITH r ORDER BY r.startedAt DESC
WITH collect(r) AS runs
UNWIND runs[$keep..] AS old
OPTIONAL MATCH (old)-[:FOUND]->(c:Cluster)
DETACH DELETE c, old
RETURN count(DISTINCT old) AS pruned
