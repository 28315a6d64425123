//! Sample documents shared by the integration tests and the benchmark example.
#![allow(dead_code)]

use tijdig_documents::{
    Align, Column, DocMeta, ImageData, InvoicePdf, Letterhead, Logo, LogoPosition, PaymentBlock,
    Rgb, Table, Timestamp, TotalRow,
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
    let mut id = [0_u8; 16];
    for (i, b) in number.bytes().enumerate() {
        id[i % 16] ^= b;
    }
    InvoicePdf {
        meta: DocMeta {
            title: format!("{title} {number}"),
            author: "Jansen Ontwerp & Web".to_string(),
            subject: format!("{title} {number} aan Bakkerij De Korenschoof B.V."),
            document_id: id,
            created: Timestamp {
                year: 2025,
                month: 1,
                day: 31,
                hour: 10,
                minute: 15,
                second: 0,
            },
        },
        letterhead: Letterhead {
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
        },
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
        }),
        page_label: "pagina {page} van {pages}".to_string(),
        running_head: Some(format!("{title} {number} · Jansen Ontwerp & Web")),
    }
}
