MATCH (r:DetectionRun {id: $id})
SET r.status = $status, r.finishedAt = datetime(), r.timings = $timings, r.modularity = $modularity, r.counts = $counts,
    r.hubs = $hubs, r.lineage = $lineage, r.error = $error, r.typicalPrices = $typicalPrices
RETURN r.trigger AS trigger
