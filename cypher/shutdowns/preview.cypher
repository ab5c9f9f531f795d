// What shutting these shops down would affect, shop by shop: live listings, payout volume per
// currency, counterfeit reports, and the hub identifiers it touches (a reason for a second look). An
// identifier's size is its distinct shops (a shop links to one building once per use and unit).
UNWIND $ids AS id
MATCH (s:Shop {id: id})
// The outer aggregate keeps shops that touch no hub (the union alone would return no row for them).
CALL (s) {
  CALL (s) {
    MATCH (s)-[:PAID_TO]->(x:PaymentAccount) WHERE COUNT { MATCH (x)<-[:PAID_TO]-(o:Shop) RETURN DISTINCT o } > $hubThreshold
    RETURN 'account' AS kind
    UNION
    MATCH (s)-[h:HAS_ADDRESS]->(x:Address) WHERE COUNT { MATCH (x)<-[:HAS_ADDRESS]-(o:Shop) RETURN DISTINCT o } > $hubThreshold
    RETURN h.kind AS kind
    UNION
    MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(x:Phone) WHERE COUNT { MATCH (x)<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(o:Shop) RETURN DISTINCT o } > $hubThreshold
    RETURN 'phone' AS kind
    UNION
    MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_EMAIL]->(x:Email) WHERE COUNT { MATCH (x)<-[:HAS_EMAIL]-(:Seller)-[:OWNS]->(o:Shop) RETURN DISTINCT o } > $hubThreshold
    RETURN 'email' AS kind
    UNION
    MATCH (s)<-[:OWNS]-(:Seller)-[:USES_DEVICE]->(x:Device) WHERE COUNT { MATCH (x)<-[:USES_DEVICE]-(:Seller)-[:OWNS]->(o:Shop) RETURN DISTINCT o } > $hubThreshold
    RETURN 'device' AS kind
    UNION
    MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_KYC]->(x:KycDocument) WHERE COUNT { MATCH (x)<-[:HAS_KYC]-(:Seller)-[:OWNS]->(o:Shop) RETURN DISTINCT o } > $hubThreshold
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
