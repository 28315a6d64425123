-- 0007: covering indexes for the dashboard, so it reads compact index pages instead of whole
-- invoice rows (which carry the stored PDF) — it must stay fast on 100,000 invoices.

CREATE INDEX invoices_dashboard ON invoices
    (state, id, client_id, kind, invoice_date, payment_term_days, total, credits_invoice_id);
CREATE INDEX payments_dashboard ON payments (invoice_id, paid_on, amount);
