//! The rate table in Settings: shipped rates plus the ones the user adds (rates are data).

use crate::plumbing::error::FormIssue;
use crate::plumbing::format::parse_date;
use crate::plumbing::format::show_date;
use crate::{dto, App, AppError, FieldMessage};
use tijdig_domain::interest::{Rate, RateTable};
use tijdig_domain::{Issue, Language};
use tijdig_store::{RateRecord, Store, StoreError};

fn rate_dto(record: &RateRecord) -> dto::InterestRate {
    let mut percent = record.rate.percent;
    percent.rescale(2);
    dto::InterestRate {
        kind: record.rate.kind.into(),
        valid_from: show_date(record.rate.valid_from),
        percent: percent.to_string(),
        source: record.rate.source.clone(),
        unverified: record.rate.unverified,
        shipped: record.shipped,
    }
}

fn field(field: &str, issue: Issue, lang: Language) -> FieldMessage {
    FormIssue {
        field: field.into(),
        issue,
    }
    .message(lang)
}

fn list(store: &Store) -> Result<Vec<dto::InterestRate>, StoreError> {
    Ok(store.rates()?.iter().map(rate_dto).collect())
}

impl App {
    pub fn interest_rates(&self) -> Result<Vec<dto::InterestRate>, AppError> {
        self.with_store(|store, lang| list(store).map_err(|e| AppError::from_store(e, lang)))
    }

    /// Adds a rate (e.g. the one published for next 1 January) after checking it.
    pub fn add_interest_rate(
        &self,
        form: &dto::InterestRateForm,
    ) -> Result<Vec<dto::InterestRate>, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let mut fields = Vec::new();
            let valid_from = parse_date(&form.valid_from)
                .map_err(|issue| fields.push(field("validFrom", issue, lang)))
                .ok();
            let percent = tijdig_domain::money::parse_unit_price(&form.percent)
                .map_err(|issue| fields.push(field("percent", issue, lang)))
                .ok();
            if let (Some(valid_from), Some(percent)) = (valid_from, percent) {
                let rate = Rate {
                    valid_from,
                    kind: form.kind.into(),
                    percent,
                    source: form.source.trim().to_string(),
                    unverified: false,
                };
                let existing = store.rates().map_err(|e| AppError::from_store(e, lang))?;
                let mut table =
                    RateTable::from_rates(existing.into_iter().map(|r| r.rate).collect())
                        .unwrap_or_else(|_| RateTable { rates: Vec::new() });
                match table.add(rate.clone()) {
                    Ok(()) => {
                        store
                            .add_rate(&rate)
                            .map_err(|e| AppError::from_store(e, lang))?;
                        return list(store).map_err(|e| AppError::from_store(e, lang));
                    }
                    Err(issue) => {
                        let name = match issue {
                            Issue::RateSourceRequired => "source",
                            Issue::RatePercentRange | Issue::AmountDecimals { .. } => "percent",
                            _ => "validFrom",
                        };
                        fields.push(field(name, issue, lang));
                    }
                }
            }
            let mut err = AppError::validation(&[], lang);
            err.fields = fields;
            Err(err)
        })
    }

    /// Removes a rate the user added (shipped rates stay).
    pub fn remove_interest_rate(
        &self,
        kind: dto::InterestKind,
        valid_from: &str,
    ) -> Result<Vec<dto::InterestRate>, AppError> {
        self.with_store(|store, lang| {
            let day = parse_date(valid_from)
                .map_err(|_| AppError::from_store(StoreError::NotFound, lang))?;
            store
                .remove_rate(kind.into(), day)
                .and_then(|()| list(store))
                .map_err(|e| AppError::from_store(e, lang))
        })
    }
}
