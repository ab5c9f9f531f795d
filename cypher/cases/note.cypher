// Notes are append-only: written once, with author and time, never changed.
MATCH (k:Case {id: $id})
CREATE (k)-[:NOTE]->(n:CaseNote {id: $noteId, author: $author, at: datetime(), text: $text, mentions: [m IN $mentions WHERE m IN k.members]})
SET k.updatedAt = datetime()
RETURN n.id AS id, n.author AS author, toString(n.at) AS at, n.text AS text, n.mentions AS mentions
