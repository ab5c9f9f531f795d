// A dismissed network that grew or whose risk rose goes back to triage, saying why.
UNWIND $reopens AS r
MATCH (k:Case {id: r.caseId})
WHERE k.status IN $from
SET k.status = $to, k.statusReason = r.reason, k.updatedAt = datetime()
CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'reopened', actor: 'system', runId: $runId, detail: r.reason})
RETURN collect(k.id) AS reopened
