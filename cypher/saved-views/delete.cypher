// Deletes a view of its owner's; another person's view is not found (nobody learns it exists).
MATCH (v:SavedView {id: $id, owner: $owner})
WITH v, v {.id, .name, .filter} AS before
DETACH DELETE v
RETURN before
