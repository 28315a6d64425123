//! A posted letter's two facts after it was made: the day it went into the mail ("verstuurd per
//! post op") and, once, the day it was delivered (track & trace).
//!
//! Reference README, "Collection costs": a posted letter counts as sent on the day the user
//! confirms it went into the mail, not before the letter's date; a letter that was only made
//! starts no verzuim, term, costs or limitation. The real delivery date can be recorded once.

use chrono::NaiveDate;
use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::Language;
use tijdig_store::{LetterRecord, NewDossierEntry, Store, StoreError};

use crate::plumbing::error::{refused_at, Failure};
use crate::plumbing::format::{parse_date, show_date};
use crate::plumbing::mapping::letter_dto;
use crate::services::files::letter_title;
use crate::services::signing::{is_signed, unsigned_note, Sealing};
use crate::{dto, App, AppError};

/// A refusal at one date field of the posting or delivery dialog.
fn at_field(field: &str, message: &str) -> Failure {
    refused_at(field, "date", message.into())
}

/// The day typed into `field`: a valid date between `earliest` and `today`; before it, the
/// refusal is `too_early` worded for the earliest day ("dd-mm-jjjj").
fn day_between(
    text: &str,
    field: &str,
    earliest: NaiveDate,
    too_early: impl Fn(&str) -> String,
    today: NaiveDate,
    lang: Language,
) -> Result<NaiveDate, Failure> {
    let day = parse_date(text).map_err(|issue| at_field(field, &issue.message(lang)))?;
    if day > today {
        return Err(at_field(
            field,
            match lang {
                Language::Nl => "Die datum ligt in de toekomst. Vul de dag in waarop het gebeurde.",
                Language::En => "That date is in the future. Enter the day it happened.",
            },
        ));
    }
    if day < earliest {
        return Err(at_field(field, &too_early(&show_date(earliest))));
    }
    Ok(day)
}

fn letter_result(
    store: &Store,
    record: &LetterRecord,
    lang: Language,
) -> Result<dto::Letter, Failure> {
    let client = store.client(record.client_id)?.client;
    let numbers = record
        .invoice_ids
        .iter()
        .map(|i| {
            store
                .invoice(*i)
                .map(|r| r.issued.map(|f| f.number).unwrap_or_default())
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(letter_dto(record, numbers, &client.name, lang))
}

impl App {
    /// "Verstuurd per post op …": the user posted the letter on `posted_on` (dd-mm-jjjj; not
    /// before the letter's date, not after today). From that day it counts as sent — verzuim,
    /// the 14-day term and the costs run from its delivery — and its ladder step is done; the
    /// dossier says so. A second posting is refused.
    pub fn mark_letter_posted(&self, id: i64, posted_on: &str) -> Result<dto::Letter, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<dto::Letter, Failure> {
                let letter = store.letter(id)?;
                if letter.posted_on.is_some() || letter.awaiting_post.is_none() {
                    return Err(at_field(
                        "postedOn",
                        match lang {
                            Language::Nl => "Deze brief is al als verstuurd vastgelegd.",
                            Language::En => "This letter was already recorded as sent.",
                        },
                    ));
                }
                let too_early = |date: &str| match lang {
                    Language::Nl => format!(
                        "De brief is gedateerd op {date}; hij kan niet eerder verstuurd zijn."
                    ),
                    Language::En => {
                        format!("The letter is dated {date}; it cannot have been sent earlier.")
                    }
                };
                let day = day_between(
                    posted_on,
                    "postedOn",
                    letter.letter_date,
                    too_early,
                    self.today(),
                    lang,
                )?;
                let title = letter_title(store, id)?;
                // A letter made without signature says so in the dossier, as it did when its
                // entry was written on making.
                let sealing = match is_signed(&store.letter_pdf(id)?) {
                    true => Sealing::Signed,
                    false => Sealing::Unsigned,
                };
                let entry = NewDossierEntry {
                    client_id: letter.client_id,
                    at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                    kind: DossierKind::Letter,
                    step: letter.awaiting_post,
                    outcome: None,
                    note: Some(unsigned_note(
                        match lang {
                            Language::Nl => {
                                format!("{title} verstuurd per post op {}.", show_date(day))
                            }
                            Language::En => format!("{title} posted on {}.", show_date(day)),
                        },
                        sealing,
                        lang,
                    )),
                    promised_on: None,
                    invoice_ids: letter.invoice_ids.clone(),
                    done_on: None,
                };
                let record = store
                    .mark_letter_posted(id, day, &entry)
                    .map_err(|e| match e {
                        StoreError::AlreadyDone => at_field(
                            "postedOn",
                            match lang {
                                Language::Nl => "Deze brief is al als verstuurd vastgelegd.",
                                Language::En => "This letter was already recorded as sent.",
                            },
                        ),
                        other => other.into(),
                    })?;
                letter_result(store, &record, lang)
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// Records the proven delivery date of a sent letter (track & trace, read receipt), once:
    /// between the day it was sent and today; a second date is refused (the store's trigger
    /// refuses it too), because verzuim and the letters after it relied on the first. The
    /// dossier says so. Returns the client's dossier.
    pub fn set_letter_delivered(
        &self,
        letter_id: i64,
        delivered_on: &str,
    ) -> Result<Vec<dto::DossierEntry>, AppError> {
        let client_id = self.with_store(|store, lang| {
            let run = |store: &mut Store| -> Result<i64, Failure> {
                let letter = store.letter(letter_id)?;
                let once = || {
                    at_field(
                        "deliveredOn",
                        match lang {
                            Language::Nl => "De bezorgdatum van deze brief is al vastgelegd; die kan niet meer veranderen.",
                            Language::En => "This letter's delivery date was already recorded; it cannot change.",
                        },
                    )
                };
                if letter.delivered_on.is_some() {
                    return Err(once());
                }
                let Some(sent) = letter.sent_on() else {
                    return Err(at_field(
                        "deliveredOn",
                        match lang {
                            Language::Nl => "Deze brief is nog niet verstuurd. Leg eerst vast wanneer hij op de post ging.",
                            Language::En => "This letter has not been sent yet. First record when it was posted.",
                        },
                    ));
                };
                let too_early = |date: &str| match lang {
                    Language::Nl => format!("De brief is verstuurd op {date}; hij kan niet eerder bezorgd zijn."),
                    Language::En => format!("The letter was sent on {date}; it cannot have been delivered earlier."),
                };
                let day = day_between(delivered_on, "deliveredOn", sent, too_early, self.today(), lang)?;
                let title = letter_title(store, letter_id)?;
                let entry = NewDossierEntry {
                    client_id: letter.client_id,
                    at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                    kind: DossierKind::Delivered,
                    step: None,
                    outcome: None,
                    note: Some(match lang {
                        Language::Nl => format!("{title} bezorgd op {}.", show_date(day)),
                        Language::En => format!("{title} delivered on {}.", show_date(day)),
                    }),
                    promised_on: None,
                    invoice_ids: letter.invoice_ids.clone(),
                    done_on: None,
                };
                store
                    .set_letter_delivered(letter_id, day, &entry)
                    .map_err(|e| match e {
                        StoreError::AlreadyDone => once(),
                        other => other.into(),
                    })?;
                Ok(letter.client_id)
            };
            run(store).map_err(|f| f.word(lang))
        })?;
        self.dossier(client_id)
    }
}
