// What the database holds besides the migration ledger, per label (on a sample: enough to say it is not
// empty and with what). A bulk first load replaces the whole store, so it needs this to be empty.
MATCH (n) WHERE NOT n:Migration
WITH n LIMIT 100000
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
