// Which of a batch's payment ids are already in the graph.
UNWIND $ids AS id
MATCH (p:Payment {id: id})
RETURN collect(id) AS existing
