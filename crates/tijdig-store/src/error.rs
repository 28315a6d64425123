/// What can go wrong in the store. The app layer turns each into a Dutch message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database was written by a newer version (schema {found}, this build knows {supported})")]
    TooNew { found: i64, supported: i64 },
    #[error("the file is not a Tijdig database")]
    NotTijdig,
    #[error("record not found")]
    NotFound,
    /// An issued invoice was asked to change: it never does (credit notes correct it).
    #[error("an issued invoice cannot be changed")]
    Immutable,
    /// A ladder step already done for this invoice, or a second open dispute.
    #[error("already recorded")]
    AlreadyDone,
    /// A rate used by a letter that was already produced cannot be removed.
    #[error("in use by an issued letter")]
    InUse,
    #[error("unexpected value in the database: {0}")]
    Corrupt(String),
    #[error("file system: {0}")]
    Io(#[from] std::io::Error),
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
