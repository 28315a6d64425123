-- 0021: periodieke facturen (issue 21, "Every month's invoicing"). A schedule keeps the
-- invoice a client gets every month, quarter or year; each invoice day is made once.
--
-- `payment_term_days` NULL: the client's term (else the profile's) when the invoice is made.
-- `active_from`: the first invoice day the schedule may still make — the first date, or the
-- day it was resumed after a pause (the paused days are skipped, never billed afterwards).
-- `ended_on`: the last day it may make an invoice (the chosen end date, or the day it was ended).
CREATE TABLE invoice_schedules (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    period            TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
    covers            TEXT NOT NULL CHECK (covers IN ('coming', 'past')),
    first_date        TEXT NOT NULL,
    ended_on          TEXT,
    active_from       TEXT NOT NULL,
    paused            INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    issue_directly    INTEGER NOT NULL CHECK (issue_directly IN (0, 1)),
    payment_term_days INTEGER CHECK (payment_term_days IS NULL OR payment_term_days >= 0),
    vat_regime        TEXT NOT NULL,
    reference_kind    TEXT NOT NULL,
    note              TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

CREATE INDEX invoice_schedules_client ON invoice_schedules (client_id);

CREATE TABLE invoice_schedule_lines (
    schedule_id      INTEGER NOT NULL REFERENCES invoice_schedules (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    description      TEXT NOT NULL,
    quantity         TEXT NOT NULL,
    unit             TEXT NOT NULL,
    unit_price       TEXT NOT NULL,
    vat              TEXT NOT NULL,
    discount_percent TEXT,
    PRIMARY KEY (schedule_id, position)
) STRICT;

-- One row per invoice day a schedule made, inserted in the same transaction as the invoice:
-- the primary key is what makes each period's invoice exactly once, also when two windows or
-- a restart after a crash run the catch-up again. A draft the user deletes leaves its row
-- (invoice_id NULL): that period was made and is not made again.
CREATE TABLE invoice_schedule_runs (
    schedule_id  INTEGER NOT NULL REFERENCES invoice_schedules (id),
    invoice_day  TEXT NOT NULL,
    invoice_id   INTEGER REFERENCES invoices (id) ON DELETE SET NULL,
    period_label TEXT NOT NULL,
    made_at      TEXT NOT NULL,
    -- Why issuing it failed when the schedule issues directly (it stays a draft), else NULL.
    issue_failed TEXT,
    PRIMARY KEY (schedule_id, invoice_day)
) STRICT;

CREATE INDEX invoice_schedule_runs_made ON invoice_schedule_runs (made_at);

-- A schedule that made an invoice is never deleted, only ended (its runs are the proof of
-- what was billed). A run never changes, except that the draft it made may go (deleted draft)
-- and a failed issue may be noted once.
CREATE TRIGGER invoice_schedule_runs_fixed BEFORE UPDATE ON invoice_schedule_runs
WHEN NEW.schedule_id IS NOT OLD.schedule_id OR NEW.invoice_day IS NOT OLD.invoice_day
  OR NEW.period_label IS NOT OLD.period_label OR NEW.made_at IS NOT OLD.made_at
  OR (NEW.invoice_id IS NOT OLD.invoice_id AND NEW.invoice_id IS NOT NULL)
  OR (OLD.issue_failed IS NOT NULL AND NEW.issue_failed IS NOT OLD.issue_failed)
BEGIN
    SELECT RAISE(ABORT, 'a schedule run never changes');
END;

CREATE TRIGGER invoice_schedule_runs_kept BEFORE DELETE ON invoice_schedule_runs
BEGIN
    SELECT RAISE(ABORT, 'a schedule run is never deleted');
END;
