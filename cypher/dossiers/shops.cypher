// The cluster's shops with their sellers' identity fields (redaction happens in the service).
UNWIND $ids AS id
MATCH (s:Shop {id: id})
OPTIONAL MATCH (u:Seller)-[:OWNS]->(s)
RETURN s.id AS id, s.name AS name, s.status AS status, s.category AS category, toString(s.openedAt) AS openedAt,
       toString(s.suspendedAt) AS suspendedAt, s.suspendedBy AS suspendedBy,
       COUNT { (s)-[:LISTS]->(:Listing) } AS listings,
       u.id AS sellerId, u.name AS sellerName, u.country AS sellerCountry, toString(u.registeredAt) AS sellerRegisteredAt,
       [(u)-[:HAS_KYC]->(x:KycDocument) | x.masked] AS kyc,
       [(u)-[:HAS_EMAIL]->(x:Email) | coalesce(x.display, x.key)] AS emails,
       [(u)-[:HAS_PHONE]->(x:Phone) | x.key] AS phones,
       [(u)-[:USES_DEVICE]->(x:Device) | x.key] AS devices
