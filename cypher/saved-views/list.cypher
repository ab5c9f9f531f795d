// One person's saved views, in the order they were saved.
MATCH (v:SavedView {owner: $owner})
RETURN v.id AS id, v.name AS name, v.filter AS filter, toString(v.createdAt) AS createdAt
ORDER BY v.createdAt, v.id
