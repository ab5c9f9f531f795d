CALL gds.louvain.stream($name, {relationshipWeightProperty: 'weight', concurrency: $concurrency})
YIELD nodeId, communityId
RETURN nodeId, communityId
