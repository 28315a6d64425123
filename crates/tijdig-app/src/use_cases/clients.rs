//! Clients (klanten): the list, one client, adding and changing one, archiving (clients are
//! never deleted: their documents are kept seven years).

use crate::dto::{self, Saved};
use crate::plumbing::error::messages;
use crate::plumbing::mapping;
use crate::{App, AppError};

impl App {
    pub fn clients(&self, query: &dto::ClientQuery) -> Result<Vec<dto::ClientSummary>, AppError> {
        self.with_store(|store, lang| {
            let records = store
                .list_clients(&mapping::client_filter(query))
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(records.iter().map(mapping::client_summary).collect())
        })
    }

    pub fn client(&self, id: i64) -> Result<dto::Client, AppError> {
        self.with_store(|store, lang| {
            store
                .client(id)
                .map(|r| mapping::client(&r))
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Checks and adds a client; nothing is written when a field is wrong.
    pub fn create_client(&self, form: &dto::ClientForm) -> Result<Saved<dto::Client>, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let checked = crate::services::printable::validate_client(&mapping::client_draft(form))
                .map_err(|issues| AppError::validation(&issues, lang))?;
            let record = store
                .create_client(&checked.value)
                .and_then(|id| store.client(id))
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(Saved {
                value: mapping::client(&record),
                warnings: messages(&checked.warnings, lang),
            })
        })
    }

    /// Checks and changes a client; nothing is written when a field is wrong.
    pub fn update_client(
        &self,
        id: i64,
        form: &dto::ClientForm,
    ) -> Result<Saved<dto::Client>, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let checked = crate::services::printable::validate_client(&mapping::client_draft(form))
                .map_err(|issues| AppError::validation(&issues, lang))?;
            let record = store
                .update_client(id, &checked.value)
                .and_then(|()| store.client(id))
                .map_err(|e| AppError::from_store(e, lang))?;
            Ok(Saved {
                value: mapping::client(&record),
                warnings: messages(&checked.warnings, lang),
            })
        })
    }

    /// Archives or restores a client (clients are never deleted).
    pub fn set_client_archived(&self, id: i64, archived: bool) -> Result<dto::Client, AppError> {
        self.with_store(|store, lang| {
            store
                .set_client_archived(id, archived)
                .and_then(|()| store.client(id))
                .map(|r| mapping::client(&r))
                .map_err(|e| AppError::from_store(e, lang))
        })
    }
}
