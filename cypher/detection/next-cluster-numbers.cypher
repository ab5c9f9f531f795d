// Reserves a block of cluster numbers, so new cluster ids never repeat across runs.
MERGE (seq:Sequence {name: 'cluster'})
ON CREATE SET seq.next = 1
WITH seq, seq.next AS first
SET seq.next = first + $count
RETURN first
