// Search that finds what the explorer shows: shop names and address text with diacritics folded
// (Müller = Muller), and each address's normalised key (the loader's spelling of its street, so
// "913 Garten Road" and "GARTEN RD" meet on "garten road"). Replaces search_text.
CREATE FULLTEXT INDEX search_folded IF NOT EXISTS FOR (n:Shop|Address) ON EACH [n.name, n.text, n.key] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
DROP INDEX search_text IF EXISTS;
