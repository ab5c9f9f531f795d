// What the database holds besides the migration ledger and the service's own records a bulk load carries
// over ($carried: users, the audit trail, import records), per label (on a sample: enough to say it is
// not empty and with what). A bulk first load replaces the whole store, so it needs this to be empty.
MATCH (n) WHERE NOT n:Migration AND NOT any(l IN labels(n) WHERE l IN $carried)
WITH n LIMIT 100000
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
