// The cluster's shops with their sellers' identity fields (redaction happens in the service).
UNWIND $ids AS id
MATCH (s:Shop {id: id})
OPTIONAL MATCH (u:Seller)-[:OWNS]->(s)
RETURN s.id AS id, s.name AS name, s.status AS status, s.category AS category, toString(s.openedAt) AS openedAt,
       toString(s.suspendedAt) AS suspendedAt, s.suspendedBy AS suspendedBy,
       COUNT { (s)-[:LISTS]->(:Listing) } AS listings,
       u.id AS sellerId, u.name AS sellerName, u.country AS sellerCountry, toString(u.registeredAt) AS sellerRegisteredAt,
       [(u)-[:HAS_KYC]->(k:KycDocument) | k.masked] AS kyc,
       [(u)-[:HAS_EMAIL]->(e:Email) | coalesce(e.display, e.key)] AS emails,
       [(u)-[:HAS_PHONE]->(p:Phone) | p.key] AS phones,
       [(u)-[:USES_DEVICE]->(d:Device) | d.key] AS devices
