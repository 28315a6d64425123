-- The invoice list's search (part of a number or of a client's name): counting and finding
-- the matches read this narrow index (number, client, rowid) instead of every invoice's
-- columns (`Store::invoice_list`).
CREATE INDEX invoices_search ON invoices (number, client_id);
