// Where the cases stand: a counter every change of a case bumps in its own transaction (see
// bump-version), and how many cases there are (from the count store, so cases made by other means
// are noticed too). The inbox compares it with the rows it holds before answering from them.
CALL () { MATCH (k:Case) RETURN count(k) AS cases }
OPTIONAL MATCH (v:Sequence {name: 'case-version'})
RETURN coalesce(v.next, 0) AS changes, cases
