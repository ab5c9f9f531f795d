// Clusters of one run (the latest completed one unless a run id is given), filtered, sorted and paged,
// from the clusters' own properties (found through the cluster_run index; nothing beyond the page is read).
MATCH (r:DetectionRun)
WHERE ($runId IS NULL AND r.status = 'completed') OR r.id = $runId
WITH r ORDER BY r.startedAt DESC LIMIT 1
// Optional, so a filter that matches nothing still names the run (an empty page, not "no run yet").
OPTIONAL MATCH (c:Cluster {runId: r.id})
WHERE c.risk >= $minRisk AND c.risk <= $maxRisk AND c.size >= $minSize AND c.size <= $maxSize
  AND ($flagged IS NULL OR c.flagged = $flagged) AND ($status IS NULL OR c.status = $status)
  AND ($brand IS NULL OR $brand IN c.brands)
WITH r, c
ORDER BY CASE $sort WHEN 'size' THEN toFloat(c.size) WHEN 'growth' THEN toFloat(c.size - coalesce(c.sizeBefore, 0)) ELSE c.risk END DESC, c.clusterId
WITH r, collect(c) AS found
RETURN r.id AS runId, toString(r.startedAt) AS runStartedAt, size(found) AS total,
       [c IN found[$skip..$skip + $limit] | {id: c.clusterId, size: c.size, risk: c.risk, flagged: c.flagged, status: c.status,
         lineage: c.lineage, lineageFrom: c.lineageFrom, sizeBefore: c.sizeBefore, brands: coalesce(c.brands, []),
         // The few brands that tell networks apart, with the share of its shops listing each (no shares for runs before they were kept).
         topBrands: [i IN range(0, size(coalesce(c.brands, [])) - 1) WHERE i < $topBrands |
           {brand: c.brands[i], share: CASE WHEN c.brandShops IS NULL THEN null ELSE round(toFloat(c.brandShops[i]) / c.size, 3) END}],
         caseId: c.caseId, caseStatus: COLLECT { MATCH (k:Case) WHERE k.id = c.caseId RETURN k.status }[0]}] AS items
