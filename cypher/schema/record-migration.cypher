MERGE (m:Migration {id: $id})
ON CREATE SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()
