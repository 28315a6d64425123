-- 0001: settings, business profile (bedrijfsgegevens) and clients (klanten).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Exactly one row: the user's own business.
CREATE TABLE business_profile (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    trade_name        TEXT NOT NULL,
    legal_name        TEXT,
    legal_form        TEXT NOT NULL CHECK (legal_form IN ('eenmanszaak', 'vof', 'bv', 'anders')),
    street            TEXT,
    house_number      TEXT,
    postcode          TEXT,
    city              TEXT,
    country           TEXT NOT NULL,
    kvk               TEXT,
    btw_id            TEXT,
    iban              TEXT,
    account_holder    TEXT,
    email             TEXT,
    phone             TEXT,
    website           TEXT,
    accent_colour     TEXT NOT NULL,
    kor               INTEGER NOT NULL CHECK (kor IN (0, 1)),
    payment_term_days INTEGER NOT NULL CHECK (payment_term_days BETWEEN 1 AND 120),
    document_language TEXT NOT NULL CHECK (document_language IN ('nl', 'en')),
    logo              BLOB,
    logo_mime         TEXT CHECK (logo_mime IN ('image/png', 'image/jpeg')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE clients (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('business', 'consumer')),
    name              TEXT NOT NULL,
    contact_person    TEXT,
    street            TEXT,
    house_number      TEXT,
    postcode          TEXT,
    city              TEXT,
    country           TEXT NOT NULL,
    email             TEXT,
    phone             TEXT,
    kvk               TEXT,
    btw_id            TEXT,
    iban              TEXT,
    preferred_channel TEXT NOT NULL CHECK (preferred_channel IN ('email', 'phone', 'letter')),
    payment_term_days INTEGER CHECK (payment_term_days BETWEEN 1 AND 120),
    document_language TEXT NOT NULL CHECK (document_language IN ('nl', 'en')),
    notes             TEXT,
    debtor_type       TEXT NOT NULL CHECK (debtor_type IN
                        ('unknown', 'forgets', 'cannot_pay', 'will_not_pay', 'cannot_and_will_not')),
    -- Lower-cased name, contact, city, e-mail and KvK, written by the store for search.
    search_text       TEXT NOT NULL,
    archived_at       TEXT,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX clients_name ON clients (name COLLATE NOCASE);
