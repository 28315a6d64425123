//! Producing a ladder letter for some invoices of one client.

use rust_decimal::Decimal;
use tijdig_domain::collection_costs::FourteenDayLetter;
use tijdig_domain::follow_up::{DossierKind, FollowUpChannel, FollowUpStep, NextStep};
use tijdig_domain::Language;
use tijdig_store::{NewDossierEntry, NewLetter, StoreError};

use crate::plumbing::error::Failure;
use crate::plumbing::error::{incomplete_rates, refusal};
use crate::plumbing::hashing::sha256_hex;
use crate::plumbing::mapping::letter_dto;
use crate::services::claim::fourteen_day_letter;
use crate::services::claim::letter_channel;
use crate::services::claim::rate_table;
use crate::services::claim::{combined_costs, summed_costs};
use crate::services::claim::{compute_claim, stale_rate_of};
use crate::services::documents::dunning_letter as letters;
use crate::services::documents::dunning_letter::LetterInput;
use crate::services::documents::dunning_letter::LetterInvoice;
use crate::services::documents::letter_layout::render;
use crate::services::files::letter_title;
use crate::services::invoice_settings::payment_link_template;
use crate::services::signing::unsigned_note;
use crate::services::signing::Sealing;
use crate::{dto, App, AppError};
use tijdig_domain::collection_costs::{CollectionCosts, LetterCosts};

use crate::services::ladder::load;

impl App {
    /// Produces the letter of a ladder step for the given invoices of one client: computes
    /// each invoice's claim on today, renders the PDF and stores it, all in one transaction.
    /// The step is done once the letter is sent: by e-mail when it goes out, by post when the
    /// user marks it "verstuurd per post" ([`App::mark_letter_posted`]). Refused when a step is not the invoices' next one (never twice),
    /// when an invoice is disputed or settled, and a 14-dagenbrief before verzuim (§4.5).
    pub fn produce_letter(&self, req: &dto::LetterRequest) -> Result<dto::LetterResult, AppError> {
        self.produce_letter_as(req, Sealing::Signed)
    }

    /// [`App::produce_letter`], unsigned when the user chose that (the dossier says so).
    pub fn produce_letter_as(
        &self,
        req: &dto::LetterRequest,
        sealing: Sealing,
    ) -> Result<dto::LetterResult, AppError> {
        self.with_store(|store, lang| {
            let today = self.today();
            let run = |store: &mut tijdig_store::Store| -> Result<dto::LetterResult, Failure> {
                let policy_step: FollowUpStep = req.step.into();
                let channel: FollowUpChannel = req.channel.into();
                if !policy_step.is_letter() || channel == FollowUpChannel::Phone {
                    return Err(refusal(lang, "Deze stap is geen brief: leg een gesprek of e-mail vast.", "This step is not a letter: log a call or e-mail."));
                }
                if channel == FollowUpChannel::Message {
                    return Err(refusal(lang, "Deze stap is een bericht (sms / WhatsApp): maak het met de knop Bericht.", "This step is a message (text / WhatsApp): make it with the Message button."));
                }
                if req.invoice_ids.is_empty() {
                    return Err(refusal(lang, "Kies minstens één factuur voor de brief.", "Choose at least one invoice for the letter."));
                }
                let ladder = load(store, today, Some(req.client_id))?;
                let client = ladder.clients.get(&req.client_id).cloned().ok_or(StoreError::NotFound)?;
                let mut chosen = Vec::new();
                for id in &req.invoice_ids {
                    let inv = ladder.invoices.iter().find(|i| i.record.id == *id).ok_or(StoreError::NotFound)?;
                    chosen.push(inv);
                }
                let mut step = None;
                for inv in &chosen {
                    match inv.next {
                        NextStep::Planned(p) if p.policy_step == policy_step && !p.is_due(today) => {
                            return Err(refusal(lang, &format!("Deze stap is voor factuur {} pas op {} aan de beurt.", inv.number, crate::plumbing::format::show_date(p.actionable_on)), &format!("This step for invoice {} is only due on {}.", inv.number, crate::plumbing::format::show_date(p.actionable_on))));
                        }
                        NextStep::Planned(p) if p.policy_step == policy_step => {
                            if step.is_some_and(|s| s != p.step) {
                                return Err(refusal(lang, "Deze facturen staan niet op dezelfde stap; maak voor elk een eigen brief.", "These invoices are not at the same step; make a letter for each."));
                            }
                            step = Some(p.step);
                        }
                        NextStep::Waiting(tijdig_domain::follow_up::WaitReason::Disputed) => {
                            return Err(refusal(lang, &format!("Factuur {} is betwist: zolang de betwisting loopt, stuurt Tijdig geen brieven.", inv.number), &format!("Invoice {} is disputed: while the dispute is open, Tijdig sends no letters.", inv.number)));
                        }
                        NextStep::Waiting(tijdig_domain::follow_up::WaitReason::Settled) => {
                            return Err(refusal(lang, &format!("Factuur {} staat niet meer open.", inv.number), &format!("Invoice {} is no longer open.", inv.number)));
                        }
                        _ => {
                            return Err(StoreError::AlreadyDone.into());
                        }
                    }
                }
                let step = step.ok_or(StoreError::NotFound)?;
                // An e-mail made today for this step and these invoices that has not gone out
                // yet is the one to send: never a second letter for the same step.
                if channel == FollowUpChannel::Email {
                    if let Some(waiting) = store.pending_email_letter(req.client_id, step, &req.invoice_ids)?.filter(|l| l.letter_date == today) {
                        let email = waiting.pending_email.clone().map(|p| dto::EmailText { to: client.email.clone(), subject: p.subject, body: p.body });
                        return Ok(dto::LetterResult {
                            letter: letter_dto(&waiting, chosen.iter().map(|i| i.number.clone()).collect(), &client.name, lang),
                            email,
                        });
                    }
                }
                // A letter made for this step and these invoices and not posted yet is the one to
                // post (printed on Monday, posted on Wednesday): never a second letter.
                if channel == FollowUpChannel::Letter {
                    if let Some(waiting) = store.letter_awaiting_post(req.client_id, step, &req.invoice_ids)? {
                        return Ok(dto::LetterResult {
                            letter: letter_dto(&waiting, chosen.iter().map(|i| i.number.clone()).collect(), &client.name, lang),
                            email: None,
                        });
                    }
                }
                let table = rate_table(store)?;
                let mut invoices = Vec::new();
                let mut starts = Vec::new();
                // A consumer owes costs only when every invoice in the letter had its own valid
                // 14-dagenbrief whose term has passed (§4.5): collect them per invoice.
                let mut earlier_letters: Vec<Option<FourteenDayLetter>> = Vec::new();
                let mut costs_paid = Decimal::ZERO;
                let mut claimed_costs = Vec::new();
                let mut stale_rate = None;
                for inv in &chosen {
                    let claim = compute_claim(&table, &inv.basis(&client), today);
                    if let Some(issue) = &claim.problem {
                        return Err(incomplete_rates(issue, lang));
                    }
                    stale_rate = stale_rate.or(claim.rate_warning.as_ref().and_then(stale_rate_of));
                    earlier_letters.push(claim.start.as_ref().and_then(|s| fourteen_day_letter(&inv.letters, Some(s))));
                    if let Some(s) = claim.start {
                        starts.push(s.date);
                    } else if step == FollowUpStep::FourteenDayLetter || step == FollowUpStep::HandOver && client.kind == tijdig_domain::ClientKind::Consumer {
                        return Err(refusal(lang, &format!("De klant is voor factuur {} nog niet in verzuim. Een 14-dagenbrief telt pas na het begin van het verzuim; stuur eerst een ingebrekestelling.", inv.number), &format!("The client is not yet in default for invoice {}. A 14-day letter only counts once default has started; send a notice of default first.", inv.number)));
                    }
                    let issued = inv.record.issued.as_ref().ok_or(StoreError::NotFound)?;
                    invoices.push(LetterInvoice {
                        number: inv.number.clone(),
                        invoice_date: inv.record.draft.invoice_date,
                        due_date: inv.due_date,
                        total: issued.total,
                        // After a partial payment the open principal follows art. 6:44 BW
                        // (costs, then interest, then principal), as on the invoice page.
                        paid: issued.total - claim.principal_open,
                        open: claim.principal_open,
                        payment_reference: issued.payment_reference.clone(),
                        start: claim.start,
                        interest: claim.interest.clone(),
                        terms: claim.terms,
                    });
                    let settled = claim.interest.as_ref().map_or(Decimal::ZERO, |b| b.costs_settled());
                    costs_paid += settled;
                    claimed_costs.extend(claim.costs.clone().map(|c| (c, claim.costs_open, claim.costs_over, settled)));
                }
                let new_letter = (step == FollowUpStep::FourteenDayLetter).then(|| FourteenDayLetter {
                    sent_on: today,
                    channel: letter_channel(channel),
                    delivered_on: None,
                });
                let principal: Decimal = invoices.iter().map(|i| i.open).sum();
                // A consumer's 14-dagenbrief announces one staffel over the summed principal;
                // each invoice later bears its share. Every other letter asks what the invoices'
                // own claims say (one truth: the letter, the invoice pages and the list agree).
                let announces = step == FollowUpStep::FourteenDayLetter && client.kind == tijdig_domain::ClientKind::Consumer;
                // A business that stipulated the staffel: the first letter about several of its
                // late invoices names one staffel over them, at least € 40 each; from then on each
                // invoice bears its share (reference README, B2B costs).
                let grouped = client.kind == tijdig_domain::ClientKind::Business
                    && chosen.len() > 1
                    && chosen.iter().all(|i| i.staffel_stipulated && !i.letters.iter().any(|l| l.invoices > 1 && l.costs_principal.is_some()))
                    && claimed_costs.len() == chosen.len();
                let group = grouped.then(|| {
                    let over: Decimal = claimed_costs.iter().map(|(_, _, over, _)| *over).sum();
                    LetterCosts::business(over, u32::try_from(chosen.len()).unwrap_or(u32::MAX))
                });
                let own: Vec<(CollectionCosts, Decimal)> = claimed_costs.iter().map(|(c, open, over, settled)| match group {
                    Some(letter) => {
                        let share = c.share_of_letter(letter, *over, today);
                        let open = (share.owed - *settled).max(Decimal::ZERO);
                        (share, open)
                    }
                    None => (c.clone(), *open),
                }).collect();
                // A small claim after another 14-dagenbrief to this consumer within six months: the
                // cumulatieregeling may limit the costs, so the letter announces none.
                let cumulation = announces
                    && tijdig_domain::collection_costs::cumulation_may_apply(
                        principal,
                        (0, today),
                        ladder.state.fourteen_day_letters.get(&req.client_id).map_or(&[][..], Vec::as_slice),
                    );
                let costs = if cumulation {
                    None
                } else if announces {
                    starts.iter().min().map(|first| {
                        combined_costs(client.kind, principal, *first, &earlier_letters, new_letter, costs_paid, today)
                    })
                } else {
                    summed_costs(&own)
                };
                let profile = store.profile()?.ok_or(StoreError::NotFound)?;
                let logo = store.logo()?;
                let link_template = payment_link_template(store);
                let at = self.local_now();
                let mut email = None;
                // The amounts do not depend on the reference, which is only known inside the
                // transaction: compose once to learn them.
                let probe = letters::compose(&LetterInput { profile: &profile, logo: logo.as_ref(), client: &client, step, channel, date: today, reference: "", invoices: &invoices, costs: costs.clone(), stale_rate, at, payment_link: link_template.as_deref() });
                let new_letter = NewLetter {
                    step,
                    letter_date: today,
                    channel,
                    language: client.document_language.code().into(),
                    total: probe.total,
                    // A grouping letter keeps the one staffel it computed, over which principal,
                    // so every invoice's share is computed again the same way.
                    costs: group.map(|g| g.costs).or(probe.costs),
                    costs_due_from: probe.costs_due_from,
                    costs_principal: group.map(|g| g.principal).or(announces.then_some(principal)),
                    // By e-mail the letter waits to be sent: the step is done when it goes out.
                    pending_email: (channel == FollowUpChannel::Email).then(|| tijdig_store::PendingEmail {
                        subject: probe.email.subject.clone(),
                        body: probe.email.body.clone(),
                        step: policy_step,
                    }),
                    // By post the letter waits to be posted: it counts, and the step is done, from
                    // the day the user says it went into the mail.
                    awaits_posting: (channel == FollowUpChannel::Letter).then_some(policy_step),
                };
                let entry = NewDossierEntry {
                    client_id: req.client_id,
                    at: at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    kind: if channel == FollowUpChannel::Email { DossierKind::Email } else { DossierKind::Letter },
                    step: Some(policy_step),
                    outcome: None,
                    note: Some(unsigned_note(probe.email.subject.clone(), sealing, lang)),
                    promised_on: None,
                    invoice_ids: req.invoice_ids.clone(),
                    done_on: Some(today),
                };
                let sealer = self.sealer(store, sealing, lang).map_err(Failure::App)?;
                let record = store.record_letter(&new_letter, &entry, |reference| -> Result<(Vec<u8>, String), Failure> {
                    let content = letters::compose(&LetterInput { profile: &profile, logo: logo.as_ref(), client: &client, step, channel, date: today, reference, invoices: &invoices, costs: costs.clone(), stale_rate, at, payment_link: link_template.as_deref() });
                    if channel == FollowUpChannel::Email {
                        email = Some(content.email.clone());
                    }
                    let pdf = render(&content.pdf).map_err(|err| {
                        eprintln!("tijdig: rendering letter {reference} failed: {err}");
                        refusal(lang, "De brief kon niet worden gemaakt. Er is niets vastgelegd; probeer het opnieuw of kies een ander logo.", "The letter could not be made. Nothing was recorded; try again or choose another logo.")
                    })?;
                    let pdf = sealer.seal(pdf, &format!("{} {reference}", policy_step.label(lang)), lang).map_err(Failure::App)?;
                    let sha = sha256_hex(&pdf);
                    Ok((pdf, sha))
                })?;
                Ok(dto::LetterResult {
                    letter: letter_dto(&record, chosen.iter().map(|i| i.number.clone()).collect(), &client.name, lang),
                    email,
                })
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// The user sent an e-mail letter from their own mail program: it counts as sent today and
    /// its ladder step as done, recorded in the dossier.
    pub fn mark_letter_emailed(&self, id: i64) -> Result<dto::Letter, AppError> {
        self.with_store(|store, lang| {
            let run = |store: &mut tijdig_store::Store| -> Result<dto::Letter, Failure> {
                let letter = store.letter(id)?;
                // A message with this letter that is scheduled or on its way would then go too.
                let emails = store.emails_of("letter", id)?;
                if emails.iter().any(|e| e.status == "scheduled" || e.status == "sending") {
                    return Err(refusal(lang, "Deze brief staat al ingepland om per e-mail te versturen. Zelf versturen zou hem twee keer versturen.", "This letter is already scheduled to go by e-mail. Sending it yourself would send it twice."));
                }
                // Cut off mid-send: the user says on Vandaag whether it went ("Wel verstuurd").
                if emails.iter().any(|e| e.status == "unknown") {
                    return Err(refusal(lang, "Het versturen van deze brief per e-mail werd onderbroken. Kijk in je map Verzonden en kies op Vandaag „Wel verstuurd” of „Opnieuw versturen”.", "Sending this letter by e-mail was cut off. Look in your Sent folder and choose “It was sent” or “Send again” on Today."));
                }
                let client = store.client(letter.client_id)?.client;
                let title = letter_title(store, id)?;
                let entry = NewDossierEntry {
                    client_id: letter.client_id,
                    at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                    kind: DossierKind::Email,
                    step: letter.pending_email.as_ref().map(|p| p.step),
                    outcome: None,
                    note: Some(match lang {
                        Language::Nl => {
                            format!("{title} zelf per e-mail verstuurd (buiten Tijdig).")
                        }
                        Language::En => {
                            format!("{title} sent by e-mail by the user (outside Tijdig).")
                        }
                    }),
                    promised_on: None,
                    invoice_ids: letter.invoice_ids.clone(),
                    done_on: None,
                };
                let record = store
                    .mark_letter_emailed(id, self.today(), &entry)
                    .map_err(|e| match e {
                        StoreError::AlreadyDone => refusal(
                            lang,
                            "Deze e-mail is al verstuurd.",
                            "This e-mail was already sent.",
                        ),
                        other => other.into(),
                    })?;
                let numbers = record
                    .invoice_ids
                    .iter()
                    .map(|i| {
                        store
                            .invoice(*i)
                            .map(|r| r.issued.map(|f| f.number).unwrap_or_default())
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(letter_dto(&record, numbers, &client.name, lang))
            };
            run(store).map_err(|f| f.word(lang))
        })
    }

    /// The stored PDF of a letter, byte for byte as produced, with its file name
    /// ("14-dagenbrief 2026-B0002.pdf").
    pub fn letter_pdf(&self, id: i64) -> Result<(String, Vec<u8>), AppError> {
        self.with_store(|store, lang| {
            let read = || -> Result<(String, Vec<u8>), StoreError> {
                Ok((letter_title(store, id)? + ".pdf", store.letter_pdf(id)?))
            };
            read().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Writes a letter's PDF into `dir` under its file name; returns the path.
    pub fn write_letter_pdf(
        &self,
        id: i64,
        dir: &std::path::Path,
    ) -> Result<std::path::PathBuf, AppError> {
        let (name, _) = self.letter_pdf(id)?;
        let path = dir.join(name);
        self.write_letter_pdf_to(id, &path)?;
        Ok(path)
    }

    pub fn write_letter_pdf_to(&self, id: i64, path: &std::path::Path) -> Result<(), AppError> {
        let (_, pdf) = self.letter_pdf(id)?;
        self.write_document(path, &pdf)
    }
}
