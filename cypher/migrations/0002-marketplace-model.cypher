// The marketplace graph: one uniqueness constraint per entity and identifier (each also the index the
// loader's MERGEs seek on), and a full-text index for search.
CREATE CONSTRAINT seller_id IF NOT EXISTS FOR (n:Seller) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT shop_id IF NOT EXISTS FOR (n:Shop) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT listing_id IF NOT EXISTS FOR (n:Listing) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT brand_name IF NOT EXISTS FOR (n:Brand) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT payment_id IF NOT EXISTS FOR (n:Payment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT brand_report_id IF NOT EXISTS FOR (n:BrandReport) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT payment_account_key IF NOT EXISTS FOR (n:PaymentAccount) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT address_key IF NOT EXISTS FOR (n:Address) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT phone_key IF NOT EXISTS FOR (n:Phone) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT email_key IF NOT EXISTS FOR (n:Email) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT device_key IF NOT EXISTS FOR (n:Device) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT kyc_key IF NOT EXISTS FOR (n:KycDocument) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (n:Import) REQUIRE n.id IS UNIQUE;
CREATE FULLTEXT INDEX search_text IF NOT EXISTS FOR (n:Shop|Address) ON EACH [n.name, n.text];
