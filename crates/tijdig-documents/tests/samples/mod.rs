//! Sample documents shared by the integration tests and the benchmark example.
#![allow(dead_code)]

use tijdig_documents::{
    Align, Column, DocMeta, ImageData, InvoicePdf, LetterBlock, LetterPdf, Letterhead, Logo,
    LogoPosition, PaymentBlock, Rgb, Table, Timestamp, TotalRow,
};

pub static LOGO_PNG: &[u8] = include_bytes!("../fixtures/logo.png");
pub static LOGO_JPEG: &[u8] = include_bytes!("../fixtures/logo.jpg");

/// "1234.5 euro" in cents to "€ 1.234,50" (sample data only: the app formats money itself).
pub fn euro(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.abs();
    let mut whole = (cents / 100).to_string();
    let mut grouped = String::new();
    while whole.len() > 3 {
        let tail = whole.split_off(whole.len() - 3);
        grouped = format!(".{tail}{grouped}");
    }
    format!("{sign}€ {whole}{grouped},{:02}", cents % 100)
}

fn columns() -> Vec<Column> {
    let col = |header: &str, width: f32, align: Align| Column {
        header: header.to_string(),
        width,
        align,
    };
    vec![
        col("Omschrijving", 9.0, Align::Left),
        col("Aantal", 1.4, Align::Right),
        col("Prijs", 2.2, Align::Right),
        col("Btw", 1.1, Align::Right),
        col("Bedrag", 2.4, Align::Right),
    ]
}

const DESCRIPTIONS: [&str; 8] = [
    "Ontwerp huisstijl: logo, kleurenpalet en typografie",
    "Webdevelopment",
    "Overleg en afstemming met de opdrachtgever over de structuur van de nieuwe website, \
     inclusief twee feedbackrondes en het verwerken van alle opmerkingen van het team",
    "Fotografie productpagina's",
    "Hosting en onderhoud maart",
    "Copywriting voor de pagina's Over ons, Assortiment en Contact, met zoekmachine-optimalisatie \
     voor lokale zoektermen",
    "Reiskosten",
    "Drukwerkbegeleiding",
];

/// An invoice with `lines` lines. `long` mixes in descriptions that wrap over several lines.
pub fn invoice(lines: usize, long: bool, logo: bool) -> InvoicePdf {
    let mut rows = Vec::new();
    let mut subtotal = 0_i64;
    for i in 0..lines {
        let description = if long {
            DESCRIPTIONS[i % DESCRIPTIONS.len()].to_string()
        } else {
            DESCRIPTIONS[[0, 1, 3, 4, 6, 7][i % 6]].to_string()
        };
        let quantity = (i % 7 + 1) as i64;
        let price = 4_500 + (i as i64 * 1_250) % 9_000;
        let amount = quantity * price;
        subtotal += amount;
        rows.push(vec![
            format!("{description} ({})", i + 1),
            quantity.to_string(),
            euro(price),
            "21%".to_string(),
            euro(amount),
        ]);
    }
    let vat = (subtotal * 21 + 50) / 100;
    let total = subtotal + vat;
    build("Factuur", "2025-0042", rows, subtotal, vat, total, logo)
}

/// The benchmark's 10-page invoice (260 one- and two-line rows).
pub fn ten_page_invoice() -> InvoicePdf {
    invoice(260, false, true)
}

/// A credit note for part of an earlier invoice, with a JPEG logo on the left.
pub fn credit_note() -> InvoicePdf {
    let rows = vec![
        vec![
            "Creditering webdevelopment: minder uren dan begroot".to_string(),
            "-4".to_string(),
            euro(8_500),
            "21%".to_string(),
            euro(-34_000),
        ],
        vec![
            "Korting op fotografie productpagina's".to_string(),
            "1".to_string(),
            euro(-12_500),
            "21%".to_string(),
            euro(-12_500),
        ],
    ];
    let subtotal = -46_500;
    let vat = -9_765;
    let mut doc = build(
        "Creditfactuur",
        "2025-0043",
        rows,
        subtotal,
        vat,
        subtotal + vat,
        false,
    );
    doc.meta_rows
        .retain(|(label, _)| label != "Vervaldatum" && label != "Leverdatum");
    doc.meta_rows
        .push(("Betreft factuur".to_string(), "2025-0042".to_string()));
    doc.notes = vec![
        "Deze creditfactuur corrigeert factuur 2025-0042 van 31 januari 2025. Het bedrag wordt \
         binnen 14 dagen teruggestort op uw rekening."
            .to_string(),
    ];
    doc.payment = None;
    doc.letterhead.logo = Some(Logo {
        image: ImageData::Jpeg(LOGO_JPEG.to_vec()),
        position: LogoPosition::Left,
    });
    doc.totals[2].label = "Totaal te ontvangen".to_string();
    doc
}

fn build(
    title: &str,
    number: &str,
    rows: Vec<Vec<String>>,
    subtotal: i64,
    vat: i64,
    total: i64,
    logo: bool,
) -> InvoicePdf {
    InvoicePdf {
        meta: meta(title, number, "Bakkerij De Korenschoof B.V."),
        letterhead: letterhead(logo),
        return_line: Some("Jansen Ontwerp & Web · Keizersgracht 123 · 1015 CJ Amsterdam".into()),
        recipient_lines: vec![
            "Bakkerij De Korenschoof B.V.".to_string(),
            "t.a.v. mevrouw A. de Vries".to_string(),
            "Dorpsstraat 45".to_string(),
            "3451 BK Vleuten".to_string(),
        ],
        title: title.to_string(),
        meta_rows: vec![
            ("Factuurnummer".to_string(), number.to_string()),
            ("Factuurdatum".to_string(), "31 januari 2025".to_string()),
            ("Leverdatum".to_string(), "januari 2025".to_string()),
            ("Vervaldatum".to_string(), "14 februari 2025".to_string()),
            ("Uw btw-id".to_string(), "NL859876543B01".to_string()),
        ],
        table: Table {
            columns: columns(),
            rows,
        },
        totals: vec![
            TotalRow {
                label: "Subtotaal".to_string(),
                value: euro(subtotal),
                strong: false,
            },
            TotalRow {
                label: format!("Btw 21% over {}", euro(subtotal)),
                value: euro(vat),
                strong: false,
            },
            TotalRow {
                label: "Totaal te betalen".to_string(),
                value: euro(total),
                strong: true,
            },
        ],
        notes: vec![
            "Wij verzoeken u het totaalbedrag vóór de vervaldatum over te maken onder vermelding \
             van het factuurnummer."
                .to_string(),
        ],
        payment: Some(PaymentBlock {
            heading: "Betaalgegevens".to_string(),
            rows: vec![
                ("Te betalen".to_string(), euro(total)),
                ("Vervaldatum".to_string(), "14 februari 2025".to_string()),
                ("IBAN".to_string(), "NL91 ABNA 0417 1643 00".to_string()),
                (
                    "Ten name van".to_string(),
                    "Jansen Ontwerp & Web".to_string(),
                ),
                ("Betalingskenmerk".to_string(), number.to_string()),
            ],
            qr_payload: Some(format!(
                "BCD\n002\n1\nSCT\n\nJansen Ontwerp & Web\nNL91ABNA0417164300\nEUR{}.{:02}\n\n\n\
                 Factuur {number}",
                total / 100,
                total % 100
            )),
            qr_caption: Some("Scan met je bank-app".to_string()),
            link: None,
        }),
        page_label: "pagina {page} van {pages}".to_string(),
        running_head: Some(format!("{title} {number} · Jansen Ontwerp & Web")),
    }
}

fn meta(title: &str, number: &str, recipient: &str) -> DocMeta {
    let mut id = [0_u8; 16];
    for (i, b) in number.bytes().enumerate() {
        id[i % 16] ^= b;
    }
    DocMeta {
        title: format!("{title} {number}"),
        author: "Jansen Ontwerp & Web".to_string(),
        subject: format!("{title} {number} aan {recipient}"),
        document_id: id,
        created: Timestamp {
            year: 2025,
            month: 1,
            day: 31,
            hour: 10,
            minute: 15,
            second: 0,
        },
    }
}

fn letterhead(logo: bool) -> Letterhead {
    Letterhead {
        logo: logo.then(|| Logo {
            image: ImageData::Png(LOGO_PNG.to_vec()),
            position: LogoPosition::Right,
        }),
        accent: Rgb(0x1F, 0x5F, 0x8B),
        sender_lines: vec![
            "Jansen Ontwerp & Web".to_string(),
            "Keizersgracht 123".to_string(),
            "1015 CJ Amsterdam".to_string(),
            "info@jansenontwerp.nl".to_string(),
            "06 12 34 56 78".to_string(),
        ],
        footer_lines: vec![
            "Jansen Ontwerp & Web".to_string(),
            "KvK 12345678".to_string(),
            "Btw-id NL001234567B01".to_string(),
            "IBAN NL91 ABNA 0417 1643 00".to_string(),
        ],
    }
}

/// The 14-dagenbrief's term, in the wording the Hoge Raad requires (ECLI:NL:HR:2019:1274).
pub const FOURTEEN_DAYS: &str =
    "binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd";

/// One invoice in a letter: number, date, due date, amount, paid, open (cents).
pub struct LetterInvoice {
    pub number: String,
    pub date: String,
    pub due: String,
    pub amount: i64,
    pub paid: i64,
}

impl LetterInvoice {
    pub fn open(&self) -> i64 {
        self.amount - self.paid
    }
}

/// The invoices of [`letter`]`(count)`.
pub fn letter_invoices(count: usize) -> Vec<LetterInvoice> {
    (0..count)
        .map(|i| {
            let day = 1 + (i * 7) % 28;
            let month = 6 + (i / 4) % 3;
            let amount = 24_200 + (i as i64 * 13_310) % 90_000;
            let paid = if i % 3 == 1 { amount / 200 * 100 } else { 0 };
            LetterInvoice {
                number: format!("2026-{:04}", 42 + i),
                date: format!("{day:02}-{month:02}-2026"),
                due: format!("{day:02}-{:02}-2026", month + 1),
                amount,
                paid,
            }
        })
        .collect()
}

/// Buitengerechtelijke incassokosten (the statutory scale), in cents.
fn collection_costs(principal: i64) -> i64 {
    let steps = [(250_000, 15), (250_000, 10), (500_000, 5), (19_000_000, 1)];
    let mut rest = principal;
    let mut costs = 0;
    for (size, percent) in steps {
        let part = rest.min(size);
        costs += part * percent / 100;
        rest -= part;
    }
    costs.clamp(4_000, 675_000)
}

fn col(header: &str, width: f32, align: Align) -> Column {
    Column {
        header: header.to_string(),
        width,
        align,
    }
}

/// A 14-dagenbrief (last reminder to a consumer before collection) about `invoices`
/// invoices: paragraphs, the invoices table, the interest calculation, totals, the payment
/// block with an EPC QR code, small print and the closing.
pub fn letter(invoices: usize) -> LetterPdf {
    letter_with(invoices, true)
}

/// A short reminder about one invoice that fits on one page (the benchmark's letter).
pub fn one_page_letter() -> LetterPdf {
    letter_with(1, false)
}

fn letter_with(count: usize, full: bool) -> LetterPdf {
    let invoices = letter_invoices(count);
    let principal: i64 = invoices.iter().map(LetterInvoice::open).sum();
    let mut segments = Vec::new();
    let mut interest = 0_i64;
    for (i, inv) in invoices.iter().enumerate() {
        let periods: &[(&str, &str, i64, i64)] = if i == 0 {
            &[
                ("01-08-2026", "30-09-2026", 61, 600),
                ("01-10-2026", "22-11-2026", 53, 575),
            ]
        } else {
            &[("01-09-2026", "22-11-2026", 83, 575)]
        };
        for &(from, to, days, rate) in periods {
            let amount = inv.open() * rate * days / (365 * 10_000);
            interest += amount;
            segments.push(vec![
                inv.number.clone(),
                from.to_string(),
                to.to_string(),
                days.to_string(),
                format!("{},{:02}%", rate / 100, rate % 100),
                euro(inv.open()),
                euro(amount),
            ]);
        }
    }
    let total = principal + interest;
    let costs = collection_costs(principal);
    let reference = "H-2026-0042";
    let plural = count != 1;
    let invoice_table = Table {
        columns: vec![
            col("Factuur", 1.6, Align::Left),
            col("Datum", 1.6, Align::Left),
            col("Vervaldatum", 1.8, Align::Left),
            col("Bedrag", 1.6, Align::Right),
            col("Betaald", 1.6, Align::Right),
            col("Open", 1.6, Align::Right),
        ],
        rows: invoices
            .iter()
            .map(|inv| {
                vec![
                    inv.number.clone(),
                    inv.date.clone(),
                    inv.due.clone(),
                    euro(inv.amount),
                    euro(inv.paid),
                    euro(inv.open()),
                ]
            })
            .collect(),
    };
    let interest_table = Table {
        columns: vec![
            col("Factuur", 1.5, Align::Left),
            col("Van", 1.5, Align::Left),
            col("Tot en met", 1.5, Align::Left),
            col("Dagen", 0.9, Align::Right),
            col("Rente", 1.0, Align::Right),
            col("Over", 1.5, Align::Right),
            col("Bedrag", 1.4, Align::Right),
        ],
        rows: segments,
    };
    let mut totals = vec![TotalRow {
        label: if plural {
            "Openstaande facturen".to_string()
        } else {
            "Openstaande factuur".to_string()
        },
        value: euro(principal),
        strong: false,
    }];
    if full {
        totals.push(TotalRow {
            label: "Wettelijke rente t/m 22-11-2026".to_string(),
            value: euro(interest),
            strong: false,
        });
    }
    let due_now = if full { total } else { principal };
    totals.push(TotalRow {
        label: "Totaal te betalen".to_string(),
        value: euro(due_now),
        strong: true,
    });
    let payment = PaymentBlock {
        heading: "Betaalgegevens".to_string(),
        rows: vec![
            ("Te betalen".to_string(), euro(due_now)),
            ("IBAN".to_string(), "NL91 ABNA 0417 1643 00".to_string()),
            (
                "Ten name van".to_string(),
                "Jansen Ontwerp & Web".to_string(),
            ),
            ("Betalingskenmerk".to_string(), reference.to_string()),
        ],
        qr_payload: Some(format!(
            "BCD\n002\n1\nSCT\n\nJansen Ontwerp & Web\nNL91ABNA0417164300\nEUR{}.{:02}\n\n\n\
             Kenmerk {reference}",
            due_now / 100,
            due_now % 100
        )),
        qr_caption: Some("Scan met je bank-app".to_string()),
        link: None,
    };
    let (which, these) = if plural {
        ("de onderstaande facturen", "Deze facturen zijn")
    } else {
        ("de onderstaande factuur", "Deze factuur is")
    };
    let mut body = vec![LetterBlock::Paragraph(format!(
        "Op 3 november 2026 hebben wij u een herinnering gestuurd voor {which}. {these} \
         ondanks die herinnering nog niet (volledig) betaald. Het gaat om:"
    ))];
    body.push(LetterBlock::Table(invoice_table));
    if full {
        body.push(LetterBlock::Paragraph(
            "Omdat de betaaltermijn is verstreken, bent u over het openstaande bedrag de \
             wettelijke rente verschuldigd. Hieronder ziet u hoe wij die hebben berekend."
                .to_string(),
        ));
        body.push(LetterBlock::Heading("Berekening van de rente".to_string()));
        body.push(LetterBlock::Table(interest_table));
    }
    body.push(LetterBlock::Totals(totals));
    body.push(LetterBlock::Strong(format!(
        "Wij verzoeken u het totaalbedrag van {} {FOURTEEN_DAYS} over te maken.",
        euro(due_now)
    )));
    if full {
        body.push(LetterBlock::Paragraph(format!(
            "Betaalt u niet binnen deze termijn, dan dragen wij de vordering over aan ons \
             incassobureau. U bent dan naast het openstaande bedrag en de rente ook \
             buitengerechtelijke incassokosten verschuldigd. Die kosten bedragen {}. Dat \
             bedrag is berekend volgens de wettelijke staffel.",
            euro(costs)
        )));
    }
    body.push(LetterBlock::Payment(payment));
    if full {
        body.push(LetterBlock::Paragraph(
            "Hebt u inmiddels betaald, dan kunt u deze brief als niet verzonden beschouwen. \
             Hebt u vragen over deze brief of wilt u een betalingsregeling afspreken, neem dan \
             contact met ons op via info@jansenontwerp.nl of 06 12 34 56 78."
                .to_string(),
        ));
        body.push(LetterBlock::Small(
            "De wettelijke rente is berekend volgens artikel 6:119 BW over het openstaande \
             bedrag per factuur, vanaf de dag na de vervaldatum tot en met de datum van deze \
             brief. De incassokosten volgen het Besluit vergoeding voor buitengerechtelijke \
             incassokosten; over deze kosten is geen btw verschuldigd."
                .to_string(),
        ));
    }
    let (title, subject) = if full {
        (
            "Laatste herinnering",
            format!(
                "Laatste herinnering: {} {}",
                if plural { "facturen vanaf" } else { "factuur" },
                invoices.first().map_or("", |i| i.number.as_str())
            ),
        )
    } else {
        (
            "Herinnering",
            format!(
                "Herinnering: factuur {}",
                invoices.first().map_or("", |i| i.number.as_str())
            ),
        )
    };
    LetterPdf {
        meta: meta(title, reference, "de heer J. Jansen"),
        letterhead: letterhead(true),
        return_line: Some("Jansen Ontwerp & Web · Keizersgracht 123 · 1015 CJ Amsterdam".into()),
        recipient_lines: vec![
            "De heer J. Jansen".to_string(),
            "Dorpsstraat 45".to_string(),
            "3451 BK Vleuten".to_string(),
        ],
        date_line: "Amsterdam, 22 november 2026".to_string(),
        meta_rows: vec![
            ("Ons kenmerk".to_string(), reference.to_string()),
            ("Uw klantnummer".to_string(), "K-1037".to_string()),
        ],
        subject,
        salutation: "Geachte heer Jansen,".to_string(),
        body,
        closing: vec![
            "Met vriendelijke groet,".to_string(),
            String::new(),
            "Anna de Vries".to_string(),
        ],
        page_label: "pagina {page} van {pages}".to_string(),
        running_head: Some(format!("{title} {reference} · Jansen Ontwerp & Web")),
    }
}
