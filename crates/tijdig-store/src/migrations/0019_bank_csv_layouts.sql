-- 0019: the column mapping a user gave for a bank CSV Tijdig does not know (issue "Bring your
-- bank and your books"), remembered per file layout and account, so the next download of the
-- same bank reads without asking.
--
-- `signature`: the delimiter and the header's names, or the number of columns of a file without
-- a header (`bank::csv::CsvTable::signature`). `account`: the user's account the files are
-- about when no column names it, '' when a column does. `columns`: the mapping as JSON, written
-- and read by the app (`dto::CsvColumns`).
CREATE TABLE bank_csv_layouts (
    signature TEXT NOT NULL,
    account TEXT NOT NULL,
    columns TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (signature, account)
) STRICT;

-- An imported file may now be a bank's CSV download: the format check allows 'csv'. SQLite
-- cannot change a CHECK in place, so the table is copied (foreign keys are off while
-- migrations run; `bank_transactions.import_id` refers to the table by name and keeps its ids).
CREATE TABLE bank_imports_new (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    file_sha256  TEXT NOT NULL,
    format       TEXT NOT NULL CHECK (format IN ('camt053', 'mt940', 'csv')),
    imported_at  TEXT NOT NULL,
    accounts     TEXT NOT NULL,
    entries      INTEGER NOT NULL CHECK (entries >= 0),
    new_entries  INTEGER NOT NULL CHECK (new_entries >= 0)
) STRICT;
INSERT INTO bank_imports_new (id, file_name, file_sha256, format, imported_at, accounts, entries, new_entries)
    SELECT id, file_name, file_sha256, format, imported_at, accounts, entries, new_entries
    FROM bank_imports;
DROP TABLE bank_imports;
ALTER TABLE bank_imports_new RENAME TO bank_imports;
