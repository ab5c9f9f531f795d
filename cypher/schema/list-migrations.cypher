MATCH (m:Migration)
RETURN m.id AS id, m.name AS name, m.checksum AS checksum, toString(m.appliedAt) AS appliedAt
ORDER BY m.id
