// The liaison records a referral: the case becomes referred and keeps the agency, their reference, the
// date and the contact. Locked before the status is read: of concurrent referrals one wins, the others
// find the case referred already and get no row.
MATCH (k:Case {id: $id})
SET k._lock = true
REMOVE k._lock
WITH k, k.status AS before
WHERE before = $from
SET k.status = 'referred', k.statusReason = 'referred to ' + $agency + ' (' + $reference + ')', k.agency = $agency, k.reference = $reference,
    k.referralDate = $date, k.referralContact = $contact, k.referredBy = $actor, k.referredAt = datetime(), k.updatedAt = datetime()
CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'status', actor: $actor,
  detail: before + ' → referred: to ' + $agency + ', reference ' + $reference + ', on ' + $date})
RETURN before
