// A change of a case: the inbox's rows are read again on the next request (see version).
MERGE (v:Sequence {name: 'case-version'})
  ON CREATE SET v.next = 1
  ON MATCH SET v.next = v.next + 1
