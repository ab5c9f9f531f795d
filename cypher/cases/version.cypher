// Where the cases stand: a counter every change of a case bumps in its own transaction (see
// bump-version), and how many cases there are (from the count store, so cases made by other means
// are noticed too). The inbox compares it with the rows it holds before answering from them.
OPTIONAL MATCH (v:Sequence {name: 'case-version'})
WITH coalesce(v.next, 0) AS changes
MATCH (k:Case)
RETURN changes, count(k) AS cases
