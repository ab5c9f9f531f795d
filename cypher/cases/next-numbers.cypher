// Reserves a block of case numbers, so case ids never repeat.
MERGE (seq:Sequence {name: 'case'})
ON CREATE SET seq.next = 1
WITH seq, seq.next AS first
SET seq.next = first + $count
RETURN first
