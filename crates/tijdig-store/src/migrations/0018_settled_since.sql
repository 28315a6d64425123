-- 0018: a remembered settled claim keeps the earliest day the engine found it settled on.
--
-- `settled_claims.settled_on` was the day the lists happened to compute the claim; it is now
-- the claim's last dated fact when the engine finds the claim settled on that day too
-- (`services::ladder::remember_settled`). The dashboard then needs no ledger for the day 30
-- days back of a claim settled long before, and a new rate no longer forgets every claim:
-- a claim settled on a day before the rate's start never read that rate (its ledger ends on
-- that day), and settled stays settled whatever the later rates (interest runs only on open
-- principal). Only claims settled on or after the changed rate's start are forgotten.
DROP TRIGGER settled_rate_insert;
DROP TRIGGER settled_rate_update;
DROP TRIGGER settled_rate_delete;

CREATE TRIGGER settled_rate_insert AFTER INSERT ON interest_rates
BEGIN
    DELETE FROM settled_claims WHERE settled_on >= NEW.valid_from;
END;
CREATE TRIGGER settled_rate_update AFTER UPDATE ON interest_rates
BEGIN
    DELETE FROM settled_claims WHERE settled_on >= min(OLD.valid_from, NEW.valid_from);
END;
CREATE TRIGGER settled_rate_delete AFTER DELETE ON interest_rates
BEGIN
    DELETE FROM settled_claims WHERE settled_on >= OLD.valid_from;
END;

-- Remembered under the old meaning: computed again, once, with their earliest day.
DELETE FROM settled_claims;
