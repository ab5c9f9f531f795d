// Each cluster's shared identifiers as compact JSON (unredacted: the API redacts them per caller at read).
UNWIND $rows AS row
MATCH (c:Cluster {key: row.key})
SET c.identifiers = row.identifiers
