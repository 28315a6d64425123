-- 0009: signing (ondertekening): the certificates Tijdig signs documents with. The private keys
-- are never here: they live only in the OS keychain, under the account named in
-- keychain_account. Whether a stored document is signed, and by which certificate, is read
-- from the stored PDF itself.
CREATE TABLE signing_certificates (
    id               INTEGER PRIMARY KEY,
    fingerprint      TEXT NOT NULL UNIQUE,
    subject          TEXT NOT NULL,
    certificate      BLOB NOT NULL,
    keychain_account TEXT NOT NULL,
    source           TEXT NOT NULL CHECK (source IN ('generated', 'imported')),
    active           INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE UNIQUE INDEX signing_certificates_active ON signing_certificates (active) WHERE active = 1;
