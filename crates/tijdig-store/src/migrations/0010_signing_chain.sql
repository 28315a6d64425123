-- 0010: the issuing certificates of an imported (bought) signing certificate, DER one after the
-- other, so every signature carries the whole path; empty for Tijdig's own self-signed ones.
ALTER TABLE signing_certificates ADD COLUMN chain BLOB NOT NULL DEFAULT x'';
