// Brand verdicts given since the last report, by brand and verdict, with the networks of this run whose
// shops list the listings they are about.
MATCH (br:BrandReport)
WHERE $since IS NULL OR br.reportedAt >= datetime($since)
OPTIONAL MATCH (br)-[:ABOUT]->(:Listing)<-[:LISTS]-(:Shop)-[:MEMBER_OF]->(c:Cluster {runId: $runId})
WITH br.brand AS brand, br.verdict AS verdict, br, collect(DISTINCT c.clusterId) AS clusters
WITH brand, verdict, count(br) AS count, collect(clusters) AS clusterLists
RETURN brand, verdict, count, reduce(acc = [], cs IN clusterLists | acc + [id IN cs WHERE NOT id IN acc]) AS clusters
ORDER BY brand, verdict
