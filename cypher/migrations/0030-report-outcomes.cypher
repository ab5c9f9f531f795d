// The reports of a brand (a brand owner's "my reports") and the takedowns in effect (the staff's appeal list)
// are read by these properties.
CREATE INDEX brand_report_brand IF NOT EXISTS FOR (n:BrandReport) ON (n.brand, n.reporter);
CREATE INDEX takedown_status IF NOT EXISTS FOR (n:Takedown) ON (n.status);
