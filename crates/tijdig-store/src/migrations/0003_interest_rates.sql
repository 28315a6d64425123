-- 0003: the rate table (rentetabel) for wettelijke rente and wettelijke handelsrente, as data.
-- Rows shipped with Tijdig are marked `shipped`; the user adds new rates (every 1 January and
-- 1 July) and may remove only the ones they added.

CREATE TABLE interest_rates (
    kind       TEXT NOT NULL CHECK (kind IN ('statutory', 'commercial')),
    valid_from TEXT NOT NULL,
    percent    TEXT NOT NULL,
    source     TEXT NOT NULL,
    unverified INTEGER NOT NULL CHECK (unverified IN (0, 1)),
    shipped    INTEGER NOT NULL CHECK (shipped IN (0, 1)),
    PRIMARY KEY (kind, valid_from)
) STRICT;
