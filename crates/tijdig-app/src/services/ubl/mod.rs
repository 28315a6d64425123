//! E-factuur: an issued invoice or credit note as UBL 2.1, following SI-UBL 2.0 (NLCIUS, the
//! Dutch use of EN 16931) or Peppol BIS Billing 3.0, with the issued PDF embedded.
//!
//! `content.rs` maps the stored records to EN 16931 terms (reusing the totals the PDF printed),
//! `document.rs` writes them in the schemas' element order and `xml.rs` escapes. The generated
//! files are checked in `tests/ubl.rs` against the official XSD and Schematron artefacts.
//! The PDF is embedded as stored (byte for byte, base64); when documents get signed, the
//! signed PDF will be what is stored and so what is embedded.

mod content;
mod document;
#[cfg(test)]
mod tests;
mod xml;

pub use content::UblProfile;

use crate::plumbing::error::{refused, Failure};
use crate::plumbing::file_names::document_base_name;
use crate::services::invoice_amounts::record_totals;
use crate::{App, AppError, ErrorCode};
use std::path::Path;
use tijdig_domain::invoice::InvoiceKind;
use tijdig_domain::Language;
use tijdig_store::{Store, StoreError};

fn not_issued(lang: Language) -> Failure {
    refused(
        match lang {
            Language::Nl => "Een e-factuur (UBL) kan alleen van een uitgereikte factuur of creditfactuur worden gemaakt. Reik deze factuur eerst uit.",
            Language::En => "An e-invoice (UBL) can only be made of an issued invoice or credit note. Issue this invoice first.",
        }
        .into(),
        Vec::new(),
    )
}

fn missing(m: content::Missing, lang: Language) -> Failure {
    let consumer = match m {
        content::Missing::ClientKvk { consumer } => consumer,
        content::Missing::ClientEndpoint => {
            let message = match lang {
                Language::Nl => "Een Peppol-factuur vraagt een elektronisch adres van de klant: vul het KvK-nummer of btw-id van de klant in.",
                Language::En => "A Peppol invoice needs the client's electronic address: add the client's KvK number or VAT number.",
            };
            return refused(message.into(), Vec::new());
        }
    };
    let message = match (consumer, lang) {
        (false, Language::Nl) => "Een e-factuur (UBL) aan een klant in Nederland vraagt het KvK-nummer van de klant. Vul het in bij de klant en probeer het opnieuw.",
        (false, Language::En) => "An e-invoice (UBL) to a client in the Netherlands needs the client's KvK number. Add it to the client and try again.",
        (true, Language::Nl) => "Een e-factuur (UBL) aan een particulier in Nederland kan niet: de Nederlandse standaard vraagt een KvK-nummer. Stuur de PDF.",
        (true, Language::En) => "An e-invoice (UBL) cannot be made for a consumer in the Netherlands: the Dutch standard needs a KvK number. Send the PDF.",
    };
    refused(message.into(), Vec::new())
}

/// The stored total differs from the lines' totals: the rounding rules changed since issuing.
/// The e-invoice must say what the PDF says, so none is made.
fn totals_differ(lang: Language) -> Failure {
    Failure::App(AppError {
        code: ErrorCode::Internal,
        message: match lang {
            Language::Nl => "De bedragen van deze factuur komen niet overeen met de uitgereikte PDF; er is geen e-factuur gemaakt.",
            Language::En => "The amounts of this invoice do not match the issued PDF; no e-invoice was made.",
        }
        .into(),
        fields: Vec::new(),
    })
}

impl App {
    /// The e-invoice of an issued invoice or credit note in SI-UBL 2.0: its file name
    /// (`Factuur 2026-0001.xml`) and UTF-8 bytes. A draft is refused.
    pub fn invoice_ubl(&self, id: i64) -> Result<(String, Vec<u8>), AppError> {
        self.invoice_ubl_as(id, UblProfile::default())
    }

    /// [`App::invoice_ubl`] for the chosen rule set.
    pub fn invoice_ubl_as(
        &self,
        id: i64,
        profile: UblProfile,
    ) -> Result<(String, Vec<u8>), AppError> {
        self.with_store(|store, lang| ubl_in_store(store, id, profile, lang))
    }

    /// Writes the SI-UBL e-invoice to `path` ("Opslaan als…").
    pub fn write_invoice_ubl_to(&self, id: i64, path: &Path) -> Result<(), AppError> {
        let (_, bytes) = self.invoice_ubl(id)?;
        self.write_document(path, &bytes)
    }
}

/// [`App::invoice_ubl_as`] on a store the caller already holds (the full export).
pub(crate) fn ubl_in_store(
    store: &Store,
    id: i64,
    profile: UblProfile,
    lang: Language,
) -> Result<(String, Vec<u8>), AppError> {
    let run = || -> Result<(String, Vec<u8>), Failure> {
        let record = store.invoice(id)?;
        let Some(issued) = record.issued.as_ref() else {
            return Err(not_issued(lang));
        };
        if record.external.is_some() {
            return Err(refused(
                match lang {
                    Language::Nl => "Deze factuur is in een ander programma gemaakt en ingelezen; haar e-factuur komt uit dat programma. Tijdig maakt er geen als van zichzelf.",
                    Language::En => "This invoice was made in other software and imported; its e-invoice comes from that software. Tijdig does not make one as if it were its own.",
                }
                .into(),
                Vec::new(),
            ));
        }
        let totals = record_totals(&record);
        if totals.total != issued.total {
            return Err(totals_differ(lang));
        }
        let business = store.profile()?.ok_or(StoreError::NotFound)?;
        let client = store.client(record.draft.client_id)?.client;
        let original = match record.draft.credits_invoice_id {
            Some(o) if record.draft.kind == InvoiceKind::CreditNote => Some(store.invoice(o)?),
            _ => None,
        };
        let pdf = store.invoice_pdf(id)?;
        let base = document_base_name(record.draft.kind, &issued.number, client.document_language);
        let source = content::Source {
            profile: &business,
            client: &client,
            record: &record,
            issued,
            original: original.as_ref(),
            totals: &totals,
            pdf: &pdf,
            pdf_file_name: &format!("{base}.pdf"),
        };
        let ubl = content::content(&source, profile).map_err(|m| missing(m, lang))?;
        Ok((format!("{base}.xml"), document::write(&ubl).into_bytes()))
    };
    run().map_err(|f| f.word(lang))
}
