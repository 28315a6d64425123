//! Uitreiken: a draft becomes an issued invoice — the pre-flight check, the next number of
//! its series, the PDF rendered for that number and sealed, all stored in one transaction.
//! Shared by the invoice screen and the periodic invoices.

use crate::plumbing::error::{refused, Failure};
use crate::plumbing::hashing::sha256_hex;
use crate::services::documents::invoice as invoice_pdf;
use crate::services::invoice_amounts::record_totals;
use crate::services::invoice_settings::{number_prefix, payment_link, payment_link_template};
use crate::services::signing::Sealing;
use crate::App;
use tijdig_domain::follow_up::DossierKind;
use tijdig_domain::payment_reference::PaymentReference;
use tijdig_domain::Language;
use tijdig_store::{InvoiceRecord, IssuedDocument, NewDossierEntry, Store, StoreError};

impl App {
    /// Issues draft `id`: refuses while a factuurvereiste is missing (naming each), then
    /// numbers it, renders and seals its PDF and stores both with the SHA-256 — one
    /// transaction, so a failure leaves neither a gap in the series nor a half-issued invoice.
    /// `Sealing::Signed` with a locked keychain refuses and issues nothing.
    pub(crate) fn issue_draft(
        &self,
        store: &mut Store,
        id: i64,
        sealing: Sealing,
        lang: Language,
    ) -> Result<InvoiceRecord, Failure> {
        let record = store.invoice(id)?;
        let original = record
            .draft
            .credits_invoice_id
            .map(|o| store.invoice(o))
            .transpose()?;
        let preflight = self.preflight(store, &record.draft, original.as_ref(), lang)?;
        if !preflight.is_empty() {
            let message = match lang {
                Language::Nl => {
                    "Deze factuur kan nog niet worden uitgereikt: vul eerst aan wat ontbreekt."
                }
                Language::En => {
                    "This invoice cannot be issued yet: first complete what is missing."
                }
            };
            return Err(refused(message.into(), preflight));
        }
        let sealer = self.sealer(store, sealing, lang).map_err(Failure::App)?;
        let profile = store.profile()?.ok_or(StoreError::NotFound)?;
        let logo = store.logo()?;
        let client = store.client(record.draft.client_id)?.client;
        let prefix = number_prefix(store);
        let link_template = payment_link_template(store);
        let year = chrono::Datelike::year(&record.draft.invoice_date);
        let issued = store.issue_invoice(id, &prefix, year, |number, seq| -> Result<IssuedDocument, Failure> {
            let reference = PaymentReference::for_invoice(record.draft.reference_kind, &prefix, year, seq)
                .map_err(|issue| refused(issue.message(lang), Vec::new()))?;
            let totals = record_totals(&record);
            let content = invoice_pdf::Content {
                profile: &profile,
                logo: logo.as_ref(),
                client: &client,
                data: &record.draft,
                number,
                reference: invoice_pdf::Reference::Structured(&reference),
                totals: &totals,
                original: original.as_ref().and_then(invoice_pdf::Original::of),
                issued_at: self.now(),
                copy_of: None,
                payment_link: payment_link(
                    link_template.as_deref(),
                    totals.total,
                    reference.as_str(),
                    number,
                ),
            };
            let pdf = invoice_pdf::render(&content).map_err(|err| {
                eprintln!("tijdig: rendering {number} failed: {err}");
                let message = match lang {
                    Language::Nl => "De PDF van deze factuur kon niet worden gemaakt. Er is niets uitgereikt; probeer het opnieuw of kies een ander logo.",
                    Language::En => "The PDF of this invoice could not be made. Nothing was issued; try again or choose another logo.",
                };
                refused(message.into(), Vec::new())
            })?;
            let title = record.draft.kind.title(client.document_language);
            let pdf = sealer.seal(pdf, &format!("{title} {number}"), lang).map_err(Failure::App)?;
            // An unsigned invoice says so in the client's dossier, in the same transaction.
            let dossier = (sealing == Sealing::Unsigned).then(|| NewDossierEntry {
                client_id: record.draft.client_id,
                at: self.local_now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                kind: DossierKind::Note,
                step: None,
                outcome: None,
                note: Some(match lang {
                    Language::Nl => format!("{title} {number} is zonder digitale handtekening uitgereikt: de sleutelhanger was niet beschikbaar."),
                    Language::En => format!("{title} {number} was issued without a digital signature: the keychain was not available."),
                }),
                promised_on: None,
                invoice_ids: vec![id],
                done_on: None,
            });
            Ok(IssuedDocument {
                payment_reference: reference.as_str().to_string(),
                total: totals.total,
                pdf_sha256: sha256_hex(&pdf),
                pdf,
                dossier,
            })
        })?;
        Ok(issued)
    }
}
