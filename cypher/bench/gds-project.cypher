// The benchmark's GDS baseline gets exactly our projected shop graph (dense integer ids, weights).
UNWIND $edges AS e
WITH gds.graph.project($name, e[0], e[1], {relationshipProperties: {weight: e[2]}}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships
