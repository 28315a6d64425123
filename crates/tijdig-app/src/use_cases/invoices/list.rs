//! The invoice list: every invoice with its status and what is open, filtered, searched and
//! sorted.

use tijdig_store::StoreError;

use crate::plumbing::format::amount;
use crate::{dto, App, AppError};

impl App {
    pub fn invoices(
        &self,
        query: &dto::InvoiceQuery,
    ) -> Result<Vec<dto::InvoiceSummary>, AppError> {
        self.with_store(|store, lang| {
            let run = || -> Result<Vec<dto::InvoiceSummary>, StoreError> {
                let mut names = std::collections::HashMap::new();
                let search = query.search.trim().to_lowercase();
                let mut rows = Vec::new();
                for record in store.list_invoices()? {
                    if query
                        .client_id
                        .is_some_and(|id| id != record.draft.client_id)
                    {
                        continue;
                    }
                    let client_id = record.draft.client_id;
                    if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(client_id)
                    {
                        slot.insert(store.client(client_id)?.client.name);
                    }
                    let client_name = names.get(&client_id).cloned().unwrap_or_default();
                    let facts = self.facts(store, &record)?;
                    let number = record.issued.as_ref().map(|i| i.number.clone());
                    let status: dto::InvoiceStatus = facts.status.into();
                    if query.status.is_some_and(|s| s != status) {
                        continue;
                    }
                    let haystack = format!("{} {}", number.as_deref().unwrap_or(""), client_name)
                        .to_lowercase();
                    if !search.is_empty() && !haystack.contains(&search) {
                        continue;
                    }
                    rows.push(dto::InvoiceSummary {
                        id: record.id,
                        kind: record.draft.kind.into(),
                        number,
                        client_id,
                        client_name,
                        invoice_date: record.draft.invoice_date.to_string(),
                        due_date: facts.due_date.to_string(),
                        total: amount(facts.total),
                        outstanding: amount(facts.claim.total_open()),
                        interest_and_costs: amount(facts.claim.interest_and_costs_open()),
                        status,
                    });
                }
                match query.sort {
                    dto::InvoiceSort::DueDate => {
                        rows.sort_by(|a, b| a.due_date.cmp(&b.due_date).then(a.id.cmp(&b.id)))
                    }
                    dto::InvoiceSort::InvoiceDate => rows
                        .sort_by(|a, b| b.invoice_date.cmp(&a.invoice_date).then(b.id.cmp(&a.id))),
                    dto::InvoiceSort::Number => {
                        rows.sort_by(|a, b| a.number.cmp(&b.number).then(a.id.cmp(&b.id)))
                    }
                }
                Ok(rows)
            };
            run().map_err(|e| AppError::from_store(e, lang))
        })
    }
}
