//! "Eerst rondkijken met voorbeeldgegevens": a small made-up business — two dozen clients, a
//! year of invoices in every state (paid, paid late with interest and costs open, partly paid,
//! open, overdue, credited, disputed, a draft), the letters Vandaag asks for, a payment
//! arrangement, an offer and a periodic invoice — made through the same use-cases as the
//! user's own work, so every figure follows the rules. Only ever in the separate example folder
//! (`src-tauri/src/demo.rs`); the database says so in its settings, and every screen shows it.

use chrono::{Datelike, Days, NaiveDate};
use tijdig_domain::Language;

use crate::dto;
use crate::services::app::EXAMPLE_DATA;
use crate::services::signing::Sealing;
use crate::{App, AppError};

const BUSINESSES: [(&str, &str, &str, &str); 16] = [
    (
        "Bakkerij De Korenbloem B.V.",
        "Dorpsstraat",
        "3511 AB",
        "Utrecht",
    ),
    ("Drukkerij Vos", "Havenstraat", "9711 AA", "Groningen"),
    ("Grafisch Bureau Noord", "Markt", "8011 AA", "Zwolle"),
    ("Tuincentrum Het Groene Hart", "Kerkweg", "2801 AB", "Gouda"),
    ("Fietsenmaker Snel", "Stationsplein", "6811 KG", "Arnhem"),
    (
        "Architectenbureau Lijn & Vlak",
        "Oudegracht",
        "3511 AP",
        "Utrecht",
    ),
    (
        "Koffiebranderij Bruin",
        "Lange Poten",
        "2511 CM",
        "Den Haag",
    ),
    (
        "Stichting Buurtwerk Oost",
        "Javaplein",
        "1094 HW",
        "Amsterdam",
    ),
    (
        "Installatiebedrijf Warmte",
        "Industrieweg",
        "5627 BT",
        "Eindhoven",
    ),
    (
        "Advocatenkantoor Recht & Zo",
        "Coolsingel",
        "3012 AA",
        "Rotterdam",
    ),
    ("Hotel De Zeemeeuw", "Boulevard", "4381 LW", "Vlissingen"),
    ("Sportschool Fit", "Marktplein", "2011 DA", "Haarlem"),
    ("Boekhandel Het Leeshuis", "Breestraat", "2311 CS", "Leiden"),
    ("Camping De Vennen", "Heideweg", "5551 RA", "Valkenswaard"),
    ("Webwinkel Handig", "Nieuwstraat", "7411 LK", "Deventer"),
    ("Zorgpraktijk Samen", "Parkweg", "9401 KA", "Assen"),
];

const CONSUMERS: [(&str, &str, &str, &str); 8] = [
    ("Pieter Bakker", "Lindelaan", "8011 AB", "Zwolle"),
    ("Fatima el Amrani", "Rozenstraat", "1016 NX", "Amsterdam"),
    ("Jan de Boer", "Molenweg", "7551 AA", "Hengelo"),
    ("Sanne Visser", "Dijkstraat", "4901 AB", "Oosterhout"),
    ("Kees Smit", "Schoolstraat", "6211 AA", "Maastricht"),
    ("Lotte Mulder", "Veldweg", "3771 AB", "Barneveld"),
    ("Ahmed Yilmaz", "Beukenlaan", "5612 AA", "Eindhoven"),
    ("Emma de Wit", "Zeeweg", "1971 AA", "IJmuiden"),
];

const WORK: [(&str, &str, &str); 6] = [
    ("Ontwerp huisstijl", "uur", "85"),
    ("Webdevelopment", "uur", "95"),
    ("Fotografie", "dagdeel", "350"),
    ("Advies en begeleiding", "uur", "110"),
    ("Onderhoud website", "maand", "125"),
    ("Drukwerkbegeleiding", "uur", "75"),
];

fn day_before(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn show(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn client_form(
    kind: dto::ClientKind,
    n: usize,
    (name, street, postcode, city): (&str, &str, &str, &str),
) -> dto::ClientForm {
    let business = kind == dto::ClientKind::Business;
    dto::ClientForm {
        kind,
        name: name.into(),
        contact_person: if business {
            ["Eva de Vries", "Mark Jansen", "Ilse Bos", "Tom Peters"][n % 4].into()
        } else {
            String::new()
        },
        street: street.into(),
        house_number: (n % 90 + 1).to_string(),
        postcode: postcode.into(),
        city: city.into(),
        country: "NL".into(),
        email: format!("info{n}@voorbeeld.nl"),
        phone: format!("06 {:04} {:04}", 1000 + n * 37 % 9000, 2000 + n * 53 % 8000),
        kvk: String::new(),
        btw_id: String::new(),
        iban: String::new(),
        preferred_channel: dto::PreferredChannel::Email,
        payment_term_days: if business {
            ["14", "30", "30", "14"][n % 4].into()
        } else {
            "14".into()
        },
        document_language: dto::Language::Nl,
        notes: String::new(),
        debtor_type: dto::DebtorType::Unknown,
        large_company: false,
    }
}

impl App {
    /// Fills an empty data folder with the example business (nothing when it has a profile):
    /// the one use for "Eerst rondkijken met voorbeeldgegevens".
    pub fn fill_example_business(&self) -> Result<(), AppError> {
        if self.profile()?.is_some() {
            return Ok(());
        }
        let today = self.today();
        self.save_profile(&dto::ProfileForm {
            trade_name: "Studio Voorbeeld".into(),
            legal_name: String::new(),
            legal_form: dto::LegalForm::SoleTrader,
            street: "Keizersgracht".into(),
            house_number: "12a".into(),
            postcode: "1015 CJ".into(),
            city: "Amsterdam".into(),
            country: "NL".into(),
            kvk: "01234567".into(),
            btw_id: "NL000099998B57".into(),
            iban: "NL91ABNA0417164300".into(),
            account_holder: "S. Voorbeeld".into(),
            email: "hallo@studiovoorbeeld.nl".into(),
            phone: "020 123 4567".into(),
            website: String::new(),
            accent_colour: String::new(),
            kor: false,
            payment_term_days: "14".into(),
            document_language: dto::Language::Nl,
        })?;
        self.with_store(|store, lang| {
            store
                .set_setting(EXAMPLE_DATA, "1")
                .map_err(|e| AppError::from_store(e, lang))
        })?;
        let mut clients = Vec::new();
        for (n, c) in BUSINESSES.iter().enumerate() {
            clients.push(
                self.create_client(&client_form(dto::ClientKind::Business, n, *c))?
                    .value
                    .id,
            );
        }
        for (n, c) in CONSUMERS.iter().enumerate() {
            clients.push(
                self.create_client(&client_form(dto::ClientKind::Consumer, n + 20, *c))?
                    .value
                    .id,
            );
        }

        // A year of invoices: about 200, dated from a year ago to last week, oldest first (the
        // series runs in date order). Paid, paid late, partly paid or left open by a fixed
        // pattern, so each state is there.
        let mut overdue = Vec::new();
        let mut issued = Vec::new();
        for i in 0..200usize {
            let client = clients[(i * 7) % clients.len()];
            let age = 365 - (i as u64 * 358 / 200);
            let date = day_before(today, age);
            let (what, unit, price) = WORK[i % WORK.len()];
            let quantity = (i % 9 + 2).to_string();
            let form = dto::InvoiceForm {
                kind: dto::InvoiceKind::Standard,
                client_id: Some(client),
                invoice_date: show(date),
                delivery_from: String::new(),
                delivery_to: String::new(),
                payment_term_days: String::new(),
                vat_regime: dto::VatRegime::Normal,
                reference_kind: dto::ReferenceKind::Rf,
                note: String::new(),
                lines: vec![dto::InvoiceLineForm {
                    description: format!("{what} {}", month_name(date)),
                    quantity,
                    unit: unit.into(),
                    unit_price: price.into(),
                    vat: dto::VatTreatment::Standard21,
                    discount_percent: String::new(),
                }],
            };
            let draft = self.create_invoice(&form)?;
            let invoice = self.issue_invoice_as(draft.id, Sealing::Signed)?;
            let due = NaiveDate::parse_from_str(&invoice.due_date, "%Y-%m-%d").unwrap_or(date);
            let total = invoice.totals.total.clone();
            let pay = |on: NaiveDate, amount: &str| {
                self.add_payment(
                    invoice.id,
                    &dto::PaymentForm {
                        paid_on: show(on.min(today)),
                        amount: amount.replace('.', ","),
                        method: dto::PaymentMethod::Bank,
                        note: String::new(),
                    },
                )
            };
            match i % 10 {
                // On time.
                0..=4 if due < today => {
                    pay(day_before(due, (i % 5) as u64), &total)?;
                }
                // A week late: the invoice is paid, interest and costs stay open for a while.
                5 if due < today => {
                    pay(due + Days::new(8), &total)?;
                }
                // Half paid (overdue for the rest once the due date passed).
                6 => {
                    let half = (total.parse::<f64>().unwrap_or(0.0) / 2.0).floor();
                    pay(due.min(today), &format!("{half:.2}"))?;
                    if due < today {
                        overdue.push((invoice.id, client));
                    }
                }
                _ => {
                    if due < today {
                        overdue.push((invoice.id, client));
                    }
                }
            }
            issued.push(invoice.id);
        }

        // This week's work: one paid in part already, before its due date.
        if let Some(client) = clients.get(3) {
            let draft = self.create_invoice(&dto::InvoiceForm {
                kind: dto::InvoiceKind::Standard,
                client_id: Some(*client),
                invoice_date: show(day_before(today, 2)),
                delivery_from: String::new(),
                delivery_to: String::new(),
                payment_term_days: String::new(),
                vat_regime: dto::VatRegime::Normal,
                reference_kind: dto::ReferenceKind::Rf,
                note: String::new(),
                lines: vec![dto::InvoiceLineForm {
                    description: "Fotografie productpagina's".into(),
                    quantity: "4".into(),
                    unit: "dagdeel".into(),
                    unit_price: "350".into(),
                    vat: dto::VatTreatment::Standard21,
                    discount_percent: String::new(),
                }],
            })?;
            let invoice = self.issue_invoice_as(draft.id, Sealing::Signed)?;
            self.add_payment(
                invoice.id,
                &dto::PaymentForm {
                    paid_on: show(today),
                    amount: "500,00".into(),
                    method: dto::PaymentMethod::Bank,
                    note: "Aanbetaling".into(),
                },
            )?;
        }

        // A credit note, a dispute and a draft.
        if let Some(first) = issued.first() {
            let credit = self.credit_invoice(*first, &dto::CreditRequest::default())?;
            self.issue_invoice_as(credit.id, Sealing::Signed)?;
        }
        if let Some((disputed, _)) = overdue.first() {
            self.open_dispute(&dto::DisputeForm {
                invoice_id: *disputed,
                note: "De klant zegt dat de foto's niet volgens afspraak waren.".into(),
            })?;
        }
        self.create_invoice(&dto::InvoiceForm {
            kind: dto::InvoiceKind::Standard,
            client_id: clients.first().copied(),
            invoice_date: show(today),
            delivery_from: String::new(),
            delivery_to: String::new(),
            payment_term_days: String::new(),
            vat_regime: dto::VatRegime::Normal,
            reference_kind: dto::ReferenceKind::Rf,
            note: String::new(),
            lines: vec![dto::InvoiceLineForm {
                description: "Concept: nog na te kijken".into(),
                quantity: "4".into(),
                unit: "uur".into(),
                unit_price: "85".into(),
                vat: dto::VatTreatment::Standard21,
                discount_percent: String::new(),
            }],
        })?;

        // The letters Vandaag asks for today, for the first few clients: made, by post.
        let vandaag = self.today_overview()?;
        for client in vandaag.clients.iter().take(4) {
            if let Some(step) = client.steps.iter().find(|s| {
                s.step != dto::FollowUpStep::ContactMoment
                    && s.channel != dto::FollowUpChannel::Message
            }) {
                let made = self.produce_letter_as(
                    &dto::LetterRequest {
                        client_id: client.client_id,
                        step: step.policy_step,
                        invoice_ids: step.invoices.iter().map(|i| i.id).collect(),
                        channel: dto::FollowUpChannel::Letter,
                    },
                    Sealing::Signed,
                );
                // A step the ladder refuses today is simply not made.
                if let Ok(made) = made {
                    let _ = self.mark_letter_posted(made.letter.id, &show(today));
                }
            }
        }

        // A payment arrangement for an overdue consumer invoice, an offer, a periodic invoice.
        let consumers = &clients[BUSINESSES.len()..];
        let consumer_overdue = overdue
            .iter()
            .skip(1)
            .find(|(_, client)| consumers.contains(client))
            .copied();
        if let Some((id, client_id)) = consumer_overdue {
            // Refused when the ladder does not allow one today: the example goes without.
            let _ = self.create_arrangement_as(
                &dto::ArrangementForm {
                    client_id,
                    invoice_ids: vec![id],
                    start_date: show(today),
                    down_payment: String::new(),
                    down_payment_on: String::new(),
                    mode: dto::ScheduleMode::Count,
                    count: "3".into(),
                    amount: String::new(),
                    first_due: show(today + Days::new(30)),
                    interest_running: false,
                    costs_waived: true,
                    grace_days: "14".into(),
                },
                Sealing::Signed,
            );
        }
        if let Some(client) = clients.get(1) {
            let mut offer = self.new_offer_form(Some(*client))?;
            offer.title = "Nieuwe website".into();
            offer.scope =
                "Ontwerp en bouw van een website met vijf pagina's en een contactformulier.".into();
            offer.exclusions = "Teksten en foto's levert de opdrachtgever aan.".into();
            offer.planning =
                "Start binnen twee weken na akkoord, oplevering binnen acht weken.".into();
            offer.acceptance_criteria =
                "Geaccepteerd als binnen 5 werkdagen na oplevering geen gebreken worden gemeld."
                    .into();
            offer.fixed_price = "6.500,00".into();
            self.save_offer(None, &offer)?;
        }
        if let Some(client) = clients.get(2) {
            self.save_invoice_schedule(
                None,
                &dto::ScheduleForm {
                    client_id: Some(*client),
                    period: dto::SchedulePeriod::Month,
                    covers: dto::PeriodCovered::Coming,
                    first_date: show(first_of_next_month(today)),
                    end_date: String::new(),
                    issue_directly: true,
                    payment_term_days: String::new(),
                    vat_regime: dto::VatRegime::Normal,
                    reference_kind: dto::ReferenceKind::Rf,
                    note: String::new(),
                    lines: vec![dto::InvoiceLineForm {
                        description: "Hosting en onderhoud".into(),
                        quantity: "1".into(),
                        unit: "maand".into(),
                        unit_price: "49".into(),
                        vat: dto::VatTreatment::Standard21,
                        discount_percent: String::new(),
                    }],
                },
            )?;
        }
        Ok(())
    }
}

fn first_of_next_month(today: NaiveDate) -> NaiveDate {
    let (y, m) = if today.month() == 12 {
        (today.year() + 1, 1)
    } else {
        (today.year(), today.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(today)
}

fn month_name(d: NaiveDate) -> String {
    tijdig_domain::invoice::schedule::period_label(
        NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d),
        first_of_next_month(d).pred_opt().unwrap_or(d),
        Language::Nl,
    )
}
