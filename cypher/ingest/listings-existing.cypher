// Which of a batch's listing ids are already in the graph (placeholders included).
UNWIND $ids AS id
MATCH (l:Listing {id: id})
RETURN collect(id) AS existing
