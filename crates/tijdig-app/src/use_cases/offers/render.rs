//! Rendering an offer or agreement: the client as the offer fixed it, the content, the
//! algemene voorwaarden appended, and the signature.

use tijdig_domain::offer::payment_schedule;
use tijdig_domain::Language;
use tijdig_store::{NewAcceptance, OfferDocument, OfferRecord, Store, StoreError};

use super::form::{read, Strictness, TermsVersion};
use super::pdf;
use super::record::{client_for, how_to_dto, stored_form};
use crate::plumbing::error::refusal;
use crate::plumbing::error::Failure;
use crate::plumbing::hashing::sha256_hex;
use crate::services::signing::Sealing;
use crate::App;

impl App {
    /// Everything the PDF of this offer (or its agreement) shows.
    pub(super) fn render_offer(
        &self,
        store: &mut Store,
        record: &OfferRecord,
        agreement: Option<(&str, &NewAcceptance)>,
        sealing: Sealing,
        lang: Language,
    ) -> Result<OfferDocument, Failure> {
        let form = stored_form(record)?;
        let client = client_for(store, record)?;
        let profile = store.profile()?.ok_or(StoreError::NotFound)?;
        let logo = store.logo()?;
        let terms_document = match record.data.terms_document_id {
            Some(id) => store.terms_documents()?.into_iter().find(|t| t.id == id),
            None => None,
        };
        let today = self.today();
        let read = read(
            &form,
            Some(&client),
            TermsVersion::of(store, terms_document.as_ref().map(|t| t.id))?,
            today,
            Strictness::Final,
            lang,
        );
        let schedule = payment_schedule(&read.terms).unwrap_or_default();
        let clause =
            tijdig_domain::offer::checklist::offer_clause(&read.terms, client.document_language);
        let content = pdf::OfferContent {
            profile: &profile,
            logo: logo.as_ref(),
            client: &client,
            number: &record.number,
            form: &form,
            terms: &read.terms,
            schedule: &schedule,
            late_payment_text: &clause,
            terms_document: terms_document.as_ref(),
            at: self.local_now(),
        };
        let (letter, title) = match agreement {
            None => (pdf::offer(&content), format!("Offerte {}", record.number)),
            Some((number, acceptance)) => (
                pdf::agreement(
                    &content,
                    number,
                    acceptance,
                    how_to_dto(acceptance.how),
                    today,
                ),
                format!("Opdrachtbevestiging {number}"),
            ),
        };
        let mut bytes =
            crate::services::documents::letter_layout::render(&letter).map_err(|err| {
                eprintln!("tijdig: rendering {title} failed: {err}");
                refusal(
                    lang,
                    "De PDF kon niet worden gemaakt. Er is niets vastgelegd; probeer het opnieuw.",
                    "The PDF could not be made. Nothing was recorded; try again.",
                )
            })?;
        if let Some(av) = &terms_document {
            let av_pdf = store.terms_document_pdf(av.id)?;
            bytes = tijdig_documents::appendix::append_pdf(&bytes, &av_pdf).map_err(|err| {
                eprintln!("tijdig: appending terms v{} failed: {err}", av.version);
                refusal(
                    lang,
                    "De algemene voorwaarden konden niet aan de PDF worden toegevoegd. Upload ze opnieuw bij Instellingen → Voorwaarden.",
                    "The general terms could not be added to the PDF. Upload them again in Settings → Terms.",
                )
            })?;
        }
        let sealer = self.sealer(store, sealing, lang).map_err(Failure::App)?;
        let bytes = sealer.seal(bytes, &title, lang).map_err(Failure::App)?;
        Ok(OfferDocument {
            sha256: sha256_hex(&bytes),
            pdf: bytes,
        })
    }
}
