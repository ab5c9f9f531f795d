MATCH (r:DetectionRun {id: $runId})
UNWIND $clusters AS c
CREATE (r)-[:FOUND]->(:Cluster {key: $runId + ':' + c.id, clusterId: c.id, runId: $runId, size: c.size, risk: c.risk,
  flagged: c.flagged, factors: c.factors, verdict: c.verdict, lineage: c.lineage, lineageFrom: c.lineageFrom, sizeBefore: c.sizeBefore,
  brands: c.brands, brandShops: c.brandShops, status: 'open', createdAt: datetime()})
