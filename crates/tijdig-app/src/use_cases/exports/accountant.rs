//! The accountant's CSV export (issue "Data in and out"): issued invoices with the btw per rate,
//! payments and clients over a period, in Dutch spreadsheet style or plain RFC 4180.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::csv::{write_csv, CsvCell, CsvStyle};
use tijdig_domain::invoice::VatTreatment;
use tijdig_domain::Language;
use tijdig_store::{ClientFilter, Store, StoreError};

use crate::plumbing::format::parse_date;
use crate::services::invoice_amounts::record_totals;
use crate::{dto, App, AppError, FieldMessage};

fn text(s: impl Into<String>) -> CsvCell {
    CsvCell::Text(s.into())
}

fn opt(s: &Option<String>) -> CsvCell {
    s.clone().map_or(CsvCell::Empty, CsvCell::Text)
}

impl App {
    /// Writes `facturen.csv`, `betalingen.csv` and `klanten.csv` (English names in English) into
    /// a new folder inside `dir`.
    pub fn export_csv(
        &self,
        form: &dto::CsvExportForm,
        dir: &Path,
    ) -> Result<dto::CsvExport, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let mut fields = Vec::new();
            let mut date = |name: &str, value: &str| match parse_date(value) {
                Ok(d) => Some(d),
                Err(issue) => {
                    fields.push(FieldMessage {
                        field: name.into(),
                        code: issue.code().into(),
                        message: issue.message(lang),
                    });
                    None
                }
            };
            let (from, to) = (date("from", &form.from), date("to", &form.to));
            let (Some(from), Some(to)) = (from, to) else {
                let mut err = AppError::validation(&[], lang);
                err.fields = fields;
                return Err(err);
            };
            if to < from {
                let mut err = AppError::validation(&[], lang);
                err.fields = vec![FieldMessage {
                    field: "to".into(),
                    code: "before_from".into(),
                    message: match lang {
                        Language::Nl => "De einddatum ligt vóór de begindatum.",
                        Language::En => "The end date is before the start date.",
                    }
                    .into(),
                }];
                return Err(err);
            }
            let folder = dir.join(format!("Tijdig-export-{from}-{to}"));
            self.write_export(store, form.style, from, to, &folder, lang)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Writes the three CSV files into `folder` (created when missing).
    pub(crate) fn write_export(
        &self,
        store: &Store,
        style: dto::CsvStyle,
        from: NaiveDate,
        to: NaiveDate,
        folder: &Path,
        lang: Language,
    ) -> Result<dto::CsvExport, StoreError> {
        let nl = lang == Language::Nl;
        let style = match style {
            dto::CsvStyle::Dutch => CsvStyle::Dutch,
            dto::CsvStyle::Rfc4180 => CsvStyle::Rfc4180,
        };
        crate::plumbing::private_files::create_private_dir_all(folder)?;
        let clients: std::collections::HashMap<i64, tijdig_domain::Client> = store
            .list_clients(&ClientFilter {
                include_archived: true,
                ..ClientFilter::default()
            })?
            .into_iter()
            .map(|c| (c.id, c.client))
            .collect();

        let treatments = [
            VatTreatment::Standard21,
            VatTreatment::Reduced9,
            VatTreatment::Zero,
            VatTreatment::ReverseCharge,
            VatTreatment::Exempt,
        ];
        let mut header: Vec<String> = if nl {
            [
                "Factuurnummer",
                "Soort",
                "Factuurdatum",
                "Vervaldatum",
                "Klant",
                "KvK",
                "Btw-id klant",
            ]
            .map(String::from)
            .to_vec()
        } else {
            [
                "Invoice number",
                "Kind",
                "Invoice date",
                "Due date",
                "Client",
                "KvK",
                "Client VAT id",
            ]
            .map(String::from)
            .to_vec()
        };
        for t in treatments {
            let code = t.code();
            match (t, nl) {
                (VatTreatment::Standard21 | VatTreatment::Reduced9, true) => {
                    header.push(format!("Grondslag {code}%"));
                    header.push(format!("Btw {code}%"));
                }
                (VatTreatment::Standard21 | VatTreatment::Reduced9, false) => {
                    header.push(format!("Base {code}%"));
                    header.push(format!("VAT {code}%"));
                }
                (VatTreatment::Zero, _) => header.push(if nl {
                    "Grondslag 0%".into()
                } else {
                    "Base 0%".into()
                }),
                (VatTreatment::ReverseCharge, _) => header.push(if nl {
                    "Btw verlegd".into()
                } else {
                    "Reverse charge".into()
                }),
                (VatTreatment::Exempt, _) => header.push(if nl {
                    "Vrijgesteld".into()
                } else {
                    "Exempt".into()
                }),
            }
        }
        header.extend(if nl {
            [
                "Totaal excl. btw",
                "Btw totaal",
                "Totaal",
                "Betaald",
                "Open",
                "Waarvan rente/kosten",
                "Status",
                "Herkomst",
            ]
            .map(String::from)
        } else {
            [
                "Total excl. VAT",
                "VAT total",
                "Total",
                "Paid",
                "Open",
                "Of which interest/costs",
                "Status",
                "Origin",
            ]
            .map(String::from)
        });
        let mut rows = Vec::new();
        let mut payment_rows = Vec::new();
        let mut invoices = store.list_invoices()?;
        invoices.sort_by_key(|r| (r.draft.invoice_date, r.id));

        for record in &invoices {
            let Some(issued) = &record.issued else {
                continue;
            };
            let client = clients.get(&record.draft.client_id);
            let client_name = client.map(|c| c.name.clone()).unwrap_or_default();
            for p in store.payments(record.id)? {
                if p.paid_on >= from && p.paid_on <= to {
                    payment_rows.push((
                        p.paid_on,
                        vec![
                            CsvCell::Date(p.paid_on),
                            text(issued.number.clone()),
                            text(client_name.clone()),
                            CsvCell::Amount(p.amount),
                            text(p.method.clone()),
                            opt(&p.note),
                        ],
                    ));
                }
            }
            if record.draft.invoice_date < from || record.draft.invoice_date > to {
                continue;
            }
            let totals = record_totals(record);
            let facts = self.facts(store, record)?;
            let mut row = vec![
                text(issued.number.clone()),
                text(record.draft.kind.title(lang)),
                CsvCell::Date(record.draft.invoice_date),
                CsvCell::Date(facts.due_date),
                text(client_name.clone()),
                client.map_or(CsvCell::Empty, |c| opt(&c.kvk)),
                client.map_or(CsvCell::Empty, |c| opt(&c.btw_id)),
            ];
            for t in treatments {
                let vat_row = totals.rows.iter().find(|r| r.treatment == t);
                let base = vat_row.map_or(Decimal::ZERO, |r| r.base);
                row.push(CsvCell::Amount(base));
                if matches!(t, VatTreatment::Standard21 | VatTreatment::Reduced9) {
                    row.push(CsvCell::Amount(vat_row.map_or(Decimal::ZERO, |r| r.btw)));
                }
            }
            // The whole claim today and the part of it beyond the invoice amount, as on the
            // invoice page.
            let open = facts.claim.total_open();
            row.extend([
                CsvCell::Amount(totals.subtotal),
                CsvCell::Amount(totals.btw_total),
                CsvCell::Amount(issued.total),
                CsvCell::Amount(facts.claim.paid),
                CsvCell::Amount(if facts.total > Decimal::ZERO {
                    open
                } else {
                    Decimal::ZERO
                }),
                CsvCell::Amount(facts.claim.interest_and_costs_open()),
                text(facts.status.label(lang)),
                // Made in Tijdig, or in other software and imported ("extern").
                text(if record.external.is_some() {
                    "extern"
                } else {
                    "Tijdig"
                }),
            ]);
            rows.push(row);
        }
        payment_rows.sort_by_key(|(day, _)| *day);
        let payment_rows: Vec<Vec<CsvCell>> =
            payment_rows.into_iter().map(|(_, row)| row).collect();

        let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
        let names = if nl {
            ["facturen.csv", "betalingen.csv", "klanten.csv"]
        } else {
            ["invoices.csv", "payments.csv", "clients.csv"]
        };
        crate::plumbing::private_files::write_private_file(
            folder.join(names[0]),
            write_csv(style, &header_refs, &rows),
        )?;
        let payment_header: [&str; 6] = if nl {
            [
                "Datum",
                "Factuurnummer",
                "Klant",
                "Bedrag",
                "Methode",
                "Notitie",
            ]
        } else {
            [
                "Date",
                "Invoice number",
                "Client",
                "Amount",
                "Method",
                "Note",
            ]
        };
        crate::plumbing::private_files::write_private_file(
            folder.join(names[1]),
            write_csv(style, &payment_header, &payment_rows),
        )?;
        let client_header: [&str; 12] = if nl {
            [
                "Naam",
                "Soort",
                "Contactpersoon",
                "Straat",
                "Huisnummer",
                "Postcode",
                "Plaats",
                "Land",
                "KvK",
                "Btw-id",
                "E-mail",
                "Telefoon",
            ]
        } else {
            [
                "Name",
                "Kind",
                "Contact person",
                "Street",
                "Number",
                "Postcode",
                "City",
                "Country",
                "KvK",
                "VAT id",
                "E-mail",
                "Phone",
            ]
        };
        let mut sorted: Vec<&tijdig_domain::Client> = clients.values().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let client_rows: Vec<Vec<CsvCell>> = sorted
            .into_iter()
            .map(|c| {
                vec![
                    text(c.name.clone()),
                    text(match (c.kind, nl) {
                        (tijdig_domain::ClientKind::Business, true) => "zakelijk",
                        (tijdig_domain::ClientKind::Business, false) => "business",
                        (tijdig_domain::ClientKind::Consumer, true) => "particulier",
                        (tijdig_domain::ClientKind::Consumer, false) => "consumer",
                    }),
                    opt(&c.contact_person),
                    opt(&c.address.street),
                    opt(&c.address.house_number),
                    opt(&c.address.postcode),
                    opt(&c.address.city),
                    text(c.address.country.clone()),
                    opt(&c.kvk),
                    opt(&c.btw_id),
                    opt(&c.email),
                    opt(&c.phone),
                ]
            })
            .collect();
        crate::plumbing::private_files::write_private_file(
            folder.join(names[2]),
            write_csv(style, &client_header, &client_rows),
        )?;
        Ok(dto::CsvExport {
            folder: folder.display().to_string(),
            files: names.iter().map(|n| n.to_string()).collect(),
            invoices: rows.len(),
            payments: payment_rows.len(),
        })
    }
}
