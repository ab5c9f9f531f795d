// Proof of life for a running load, so a killed one can be told apart from a slow one.
MATCH (i:Import {id: $id})
SET i.heartbeatAt = datetime(), i.read = $read
