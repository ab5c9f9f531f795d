// The data model as it stands in the database: one node per label, one edge per relationship type
// between two labels. Small by construction, whatever the size of the data.
CALL db.schema.visualization() YIELD nodes, relationships
RETURN [n IN nodes | labels(n)[0]] AS labels,
       [r IN relationships | {source: labels(startNode(r))[0], target: labels(endNode(r))[0], type: type(r)}] AS edges
