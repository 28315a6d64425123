-- 0004: a client can be a large company (grote onderneming, art. 2:397 BW); its payment term
-- towards a small supplier is capped at 30 days (nl-rules-sources §2.1).

ALTER TABLE clients ADD COLUMN large_company INTEGER NOT NULL DEFAULT 0 CHECK (large_company IN (0, 1));
