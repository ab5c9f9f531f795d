// The data model as it stands in the database: one node per label, one edge per relationship type
// between two labels. Small by construction, whatever the size of the data. The schema's virtual
// relationships point at their nodes by element id only (labels() of startNode() is empty).
CALL db.schema.visualization() YIELD nodes, relationships
WITH [n IN nodes | {id: elementId(n), label: labels(n)[0]}] AS labelled, relationships
RETURN [n IN labelled | n.label] AS labels,
       [r IN relationships | {
         source: [n IN labelled WHERE n.id = elementId(startNode(r)) | n.label][0],
         target: [n IN labelled WHERE n.id = elementId(endNode(r)) | n.label][0],
         type: type(r)}] AS edges
