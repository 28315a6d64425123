//! Tijdig's SQLite store. Invariant: this is the only crate that speaks SQL.
//!
//! One database file per user in the app-data dir (mode 0600, the folder 0700), WAL with
//! `synchronous=FULL` (a committed write is on disk before the commit returns, so an invoice
//! number the user saw survives a power loss), `foreign_keys=ON`, a busy timeout, every write in
//! a transaction. Migrations are embedded and forward-only, applied
//! all-or-nothing at start; a database written by a newer Tijdig is refused and left untouched.

mod arrangements;
mod backup;
mod bank;
mod bank_layouts;
mod clients;
mod dashboard;
mod dossier;
mod dump;
mod error;
mod external_invoices;
mod follow_up;
mod invoice_list;
mod invoice_sets;
mod invoices;
mod lean_backup;
mod letters;
mod mail;
mod migrations;
mod numbering;
mod offers;
mod parse;
mod platform;
mod profile;
mod rates;
mod schedules;
mod settings;
mod signing;
mod waivers;

pub use arrangements::{
    ArrangementDocument, ArrangementPayment, ArrangementRecord, BankLink, InstalmentAction,
    LetterRender, NewArrangement, StoredInstalment,
};
pub use backup::{BackupContents, BackupInfo, IssuedKind, IssuedSummary};
pub use bank::{
    BankImportRecord, BankState, BankTransactionRecord, InvoiceKeys, NewBankImport,
    NewBankTransaction,
};
pub use bank_layouts::CsvLayout;
pub use clients::{ClientFilter, ClientRecord, ClientSort};
pub use dashboard::{ReceivableFilter, ReceivableRow};
pub use dossier::{DossierEntryRecord, NewDossierEntry};
pub use dump::{DumpRow, DumpValue};
pub use error::StoreError;
pub use external_invoices::{ClientChoice, ExternalFacts, ExternalVatRow, NewExternalInvoice};
pub use follow_up::{DisputeRecord, FollowUpState, SentLetter, StepDone};
pub use invoice_list::{InvoiceOrder, ListFilter, ListPage, ListQuery, ListRow};
pub use invoice_sets::{InvoiceSet, SettledClaim, SettledPaymentFacts, SettledStatus};
pub use invoices::{
    InvoiceData, InvoiceRecord, IssuedDocument, IssuedFacts, NewPayment, PaymentRecord,
};
pub use lean_backup::{
    listed_documents, write_lean_backup, DocumentShelf, LeanBackup, DOCUMENT_COLUMNS,
};
pub use letters::{LetterRecord, NewLetter, PendingEmail};
pub use mail::{EmailOutcome, NewSentEmail, SentEmailRecord};
pub use migrations::SCHEMA_VERSION;
pub use numbering::{merge_marks, SeriesMark};
pub use offers::{
    agreement_number, AcceptedHow, AcceptedVersion, AgreementRecord, ClientAcceptance,
    Countersigned, NewAcceptance, NewTermsDocument, OfferAnswer, OfferData, OfferDocument,
    OfferRecord, TermsAcceptanceRecord, TermsDocumentRecord, TextBlockRecord,
};
pub use profile::Logo;
pub use rates::RateRecord;
pub use schedules::{ScheduleData, ScheduleRecord, ScheduleRun};
pub use signing::{NewSigningCertificate, SigningCertificateRecord, StoredDocumentRef};
pub use waivers::{NewWaiver, WaiverRecord};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The file name of the database inside the data directory.
pub const DATABASE_FILE: &str = "tijdig.sqlite3";

/// An open, migrated Tijdig database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the database in `data_dir`, creating the directory if needed.
    pub fn open_in_dir(data_dir: &Path) -> Result<Store, StoreError> {
        platform::create_private_dir_all(data_dir)?;
        Store::open(&data_dir.join(DATABASE_FILE))
    }

    /// Opens (or creates) the database file at `path`, refuses it when a newer version wrote
    /// it (before changing a single byte), then applies the pending migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        platform::create_private_file(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
        };
        store.prepare(true)?;
        Ok(store)
    }

    /// Creates a database file at `path` with the schema of an earlier Tijdig (only the first
    /// `version` migrations), for the upgrade tests: they fill it as that version would and
    /// then open it with [`Store::open`]. Not for the app.
    #[doc(hidden)]
    pub fn create_at_version(path: &Path, version: usize) -> Result<(), StoreError> {
        platform::create_private_file(path)?;
        let mut conn = Connection::open(path)?;
        migrations::migrate_to(&mut conn, version)
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
        };
        store.prepare(false)?;
        Ok(store)
    }

    /// A second, read-only connection to the same file, to read on another thread while this
    /// one is in use (WAL lets readers run side by side; the app holds the store, so nothing
    /// writes in between). `None` in memory, where there is no file to share.
    pub fn reader(&self) -> Result<Option<Store>, StoreError> {
        let Some(path) = self.path.as_deref() else {
            return Ok(None);
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Some(Store {
            conn,
            path: Some(path.to_path_buf()),
        }))
    }

    /// Where the database lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The connection's settings as ARCHITECTURE.md states them: `journal_mode`,
    /// `synchronous` (by name), `foreign_keys` (`ON`/`OFF`) and `busy_timeout` (ms).
    pub fn connection_settings(&self) -> Result<Vec<(&'static str, String)>, StoreError> {
        let int = |name: &str| -> Result<i64, StoreError> {
            Ok(self.conn.pragma_query_value(None, name, |r| r.get(0))?)
        };
        let journal: String = self
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        let synchronous = match int("synchronous")? {
            0 => "OFF",
            1 => "NORMAL",
            2 => "FULL",
            _ => "EXTRA",
        };
        let on_off = |v: i64| if v == 0 { "OFF" } else { "ON" };
        Ok(vec![
            ("journal_mode", journal.to_lowercase()),
            ("synchronous", synchronous.into()),
            ("foreign_keys", on_off(int("foreign_keys")?).into()),
            ("busy_timeout", int("busy_timeout")?.to_string()),
        ])
    }

    fn prepare(&mut self, on_disk: bool) -> Result<(), StoreError> {
        // Read-only checks first: a refused database must not be modified, not even its
        // journal mode.
        migrations::check_compatible(&self.conn)?;
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        if on_disk {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            // FULL: with WAL, NORMAL may lose the last commits on power loss (not on a crash);
            // an issued number must never be lost after it was shown, so every commit syncs.
            self.conn.pragma_update(None, "synchronous", "FULL")?;
        }
        migrations::migrate(&mut self.conn)
    }
}

/// Runs `work` in one transaction: committed when it returns `Ok`, rolled back otherwise.
/// `BEGIN IMMEDIATE` takes the write lock up front, so concurrent writers wait (busy timeout)
/// instead of failing on a read-to-write upgrade.
fn in_transaction<T>(
    conn: &mut Connection,
    work: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let value = work(&tx)?;
    tx.commit()?;
    Ok(value)
}

/// Reads the address columns that profile and client rows share.
fn read_address(row: &rusqlite::Row<'_>) -> rusqlite::Result<tijdig_domain::Address> {
    Ok(tijdig_domain::Address {
        street: row.get("street")?,
        house_number: row.get("house_number")?,
        postcode: row.get("postcode")?,
        city: row.get("city")?,
        country: row.get("country")?,
    })
}
