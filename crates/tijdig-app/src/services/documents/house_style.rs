//! The sender's house style every document shares: letterhead, footer, return line, the
//! client's address in the envelope window, and the PDF's dates and identifier.

use chrono::Datelike;
use sha2::{Digest, Sha256};
use tijdig_documents::model::{
    ImageData, Letterhead, Logo as PdfLogo, LogoPosition, Rgb, Timestamp,
};
use tijdig_domain::validate::ImageKind;
use tijdig_domain::{BusinessProfile, Client, Language};
use tijdig_store::Logo;

use crate::plumbing::format::grouped;

fn accent(hex: &str) -> Rgb {
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    match (channel(1), channel(3), channel(5)) {
        (Some(r), Some(g), Some(b)) => Rgb(r, g, b),
        _ => Rgb(0x1F, 0x5F, 0x8B),
    }
}

fn address_lines(
    street: &Option<String>,
    number: &Option<String>,
    postcode: &Option<String>,
    city: &Option<String>,
    country: &str,
) -> Vec<String> {
    let mut lines = Vec::new();
    let street_line = [street.as_deref(), number.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !street_line.is_empty() {
        lines.push(street_line);
    }
    let city_line = [postcode.as_deref(), city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("  ");
    if !city_line.is_empty() {
        lines.push(city_line);
    }
    if country != "NL" {
        lines.push(country.to_string());
    }
    lines
}

/// The sender's house style (logo, accent, details, footer with KvK, btw-id and IBAN) and the
/// return line above the envelope window, shared by invoices and letters.
pub(crate) fn house_style(
    p: &BusinessProfile,
    logo: Option<&Logo>,
    lang: Language,
) -> (Letterhead, Option<String>) {
    let mut sender_lines = vec![p.trade_name.clone()];
    if let Some(legal) = p.legal_name.as_ref().filter(|l| **l != p.trade_name) {
        sender_lines.push(legal.clone());
    }
    let a = &p.address;
    let address = address_lines(&a.street, &a.house_number, &a.postcode, &a.city, &a.country);
    sender_lines.extend(address.iter().cloned());
    sender_lines.extend(
        [p.email.clone(), p.phone.clone(), p.website.clone()]
            .into_iter()
            .flatten(),
    );
    let mut footer_lines = Vec::new();
    if let Some(kvk) = &p.kvk {
        footer_lines.push(format!("KvK {kvk}"));
    }
    if let Some(btw) = &p.btw_id {
        footer_lines.push(match lang {
            Language::Nl => format!("Btw-id {btw}"),
            Language::En => format!("VAT {btw}"),
        });
    }
    if let Some(iban) = &p.iban {
        footer_lines.push(format!("IBAN {}", grouped(iban)));
    }
    let logo = logo.map(|l| PdfLogo {
        image: match l.kind {
            ImageKind::Png => ImageData::Png(l.bytes.clone()),
            ImageKind::Jpeg => ImageData::Jpeg(l.bytes.clone()),
        },
        position: LogoPosition::Right,
    });
    let mut parts = vec![p.trade_name.clone()];
    parts.extend(address);
    (
        Letterhead {
            logo,
            accent: accent(&p.accent_colour),
            sender_lines,
            footer_lines,
        },
        Some(parts.join(" · ")),
    )
}

/// The client's address for the envelope window.
pub(crate) fn recipient_lines(client: &Client, lang: Language) -> Vec<String> {
    let ca = &client.address;
    let mut lines = vec![client.name.clone()];
    if let Some(person) = &client.contact_person {
        let attention = match lang {
            Language::Nl => "t.a.v.",
            Language::En => "attn.",
        };
        lines.push(format!("{attention} {person}"));
    }
    lines.extend(address_lines(
        &ca.street,
        &ca.house_number,
        &ca.postcode,
        &ca.city,
        &ca.country,
    ));
    lines
}

/// A PDF timestamp from a local moment.
pub(crate) fn timestamp(at: chrono::NaiveDateTime) -> Timestamp {
    use chrono::Timelike;
    let byte = |v: u32| u8::try_from(v).unwrap_or(0);
    Timestamp {
        year: at.year(),
        month: byte(at.month()),
        day: byte(at.day()),
        hour: byte(at.hour()),
        minute: byte(at.minute()),
        second: byte(at.second()),
    }
}

/// A PDF file identifier derived from what identifies the document.
pub(crate) fn document_id(seed: &str) -> [u8; 16] {
    let hash = Sha256::digest(seed.as_bytes());
    let mut id = [0u8; 16];
    id.copy_from_slice(&hash[..16]);
    id
}
