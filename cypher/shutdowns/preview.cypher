// What shutting these shops down would affect, shop by shop: live listings, payout volume per
// currency, counterfeit reports, and the hub identifiers it touches (a reason for a second look).
UNWIND $ids AS id
MATCH (s:Shop {id: id})
// The outer aggregate keeps shops that touch no hub (the union alone would return no row for them).
CALL (s) {
  CALL (s) {
    MATCH (s)-[:PAID_TO]->(x:PaymentAccount) WHERE COUNT { (x)<-[:PAID_TO]-(:Shop) } > $hubThreshold
    RETURN 'account' AS kind
    UNION
    MATCH (s)-[h:HAS_ADDRESS]->(x:Address) WHERE COUNT { MATCH (x)<-[:HAS_ADDRESS]-(o:Shop) RETURN DISTINCT o } > $hubThreshold
    RETURN h.kind AS kind
    UNION
    MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(x:Phone) WHERE COUNT { (x)<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(:Shop) } > $hubThreshold
    RETURN 'phone' AS kind
    UNION
    MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_EMAIL]->(x:Email) WHERE COUNT { (x)<-[:HAS_EMAIL]-(:Seller)-[:OWNS]->(:Shop) } > $hubThreshold
    RETURN 'email' AS kind
    UNION
    MATCH (s)<-[:OWNS]-(:Seller)-[:USES_DEVICE]->(x:Device) WHERE COUNT { (x)<-[:USES_DEVICE]-(:Seller)-[:OWNS]->(:Shop) } > $hubThreshold
    RETURN 'device' AS kind
    UNION
    MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_KYC]->(x:KycDocument) WHERE COUNT { (x)<-[:HAS_KYC]-(:Seller)-[:OWNS]->(:Shop) } > $hubThreshold
    RETURN 'kyc' AS kind
  }
  RETURN collect(kind) AS hubKinds
}
CALL (s) {
  OPTIONAL MATCH (s)-[:RECEIVED]->(p:Payment)
  WITH p.currency AS currency, sum(p.amount) AS amount WHERE currency IS NOT NULL
  RETURN collect({currency: currency, amount: amount}) AS payouts
}
RETURN s.id AS id, s.name AS name, s.status AS status, toString(s.openedAt) AS openedAt,
       COUNT { (s)-[:LISTS]->(:Listing {status: 'active'}) } AS activeListings,
       COUNT { (s)-[:LISTS]->(:Listing)<-[:ABOUT]-(:BrandReport {verdict: 'counterfeit'}) } AS counterfeitReports,
       hubKinds, payouts
