//! Conversions between transfer types and domain types, and stored records as the screens
//! list them.

use crate::dto;
use crate::plumbing::format::{amount, show_date};
use tijdig_domain as domain;
use tijdig_domain::Language;
use tijdig_store::ClientRecord;

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn address_input(
    street: &str,
    house_number: &str,
    postcode: &str,
    city: &str,
    country: &str,
) -> domain::AddressInput {
    domain::AddressInput {
        street: street.into(),
        house_number: house_number.into(),
        postcode: postcode.into(),
        city: city.into(),
        country: country.into(),
    }
}

pub(crate) fn profile_input(f: &dto::ProfileForm) -> domain::ProfileInput {
    domain::ProfileInput {
        trade_name: f.trade_name.clone(),
        legal_name: f.legal_name.clone(),
        legal_form: f.legal_form.into(),
        address: address_input(&f.street, &f.house_number, &f.postcode, &f.city, &f.country),
        kvk: f.kvk.clone(),
        btw_id: f.btw_id.clone(),
        iban: f.iban.clone(),
        account_holder: f.account_holder.clone(),
        email: f.email.clone(),
        phone: f.phone.clone(),
        website: f.website.clone(),
        accent_colour: f.accent_colour.clone(),
        kor: f.kor,
        payment_term_days: f.payment_term_days.clone(),
        document_language: f.document_language.into(),
    }
}

pub(crate) fn profile_form(p: &domain::BusinessProfile) -> dto::ProfileForm {
    dto::ProfileForm {
        trade_name: p.trade_name.clone(),
        legal_name: text(&p.legal_name),
        legal_form: p.legal_form.into(),
        street: text(&p.address.street),
        house_number: text(&p.address.house_number),
        postcode: text(&p.address.postcode),
        city: text(&p.address.city),
        country: p.address.country.clone(),
        kvk: text(&p.kvk),
        btw_id: text(&p.btw_id),
        iban: text(&p.iban),
        account_holder: text(&p.account_holder),
        email: text(&p.email),
        phone: text(&p.phone),
        website: text(&p.website),
        accent_colour: p.accent_colour.clone(),
        kor: p.kor,
        payment_term_days: p.payment_term_days.to_string(),
        document_language: p.document_language.into(),
    }
}

pub(crate) fn client_draft(f: &dto::ClientForm) -> domain::ClientDraft {
    domain::ClientDraft {
        kind: f.kind.into(),
        name: f.name.clone(),
        contact_person: f.contact_person.clone(),
        address: address_input(&f.street, &f.house_number, &f.postcode, &f.city, &f.country),
        email: f.email.clone(),
        phone: f.phone.clone(),
        kvk: f.kvk.clone(),
        btw_id: f.btw_id.clone(),
        iban: f.iban.clone(),
        preferred_channel: f.preferred_channel.into(),
        payment_term_days: f.payment_term_days.clone(),
        document_language: f.document_language.into(),
        notes: f.notes.clone(),
        debtor_type: f.debtor_type.into(),
        large_company: f.large_company,
    }
}

pub(crate) fn client(r: &ClientRecord) -> dto::Client {
    let c = &r.client;
    dto::Client {
        id: r.id,
        archived: r.archived,
        created_at: r.created_at.clone(),
        form: dto::ClientForm {
            kind: c.kind.into(),
            name: c.name.clone(),
            contact_person: text(&c.contact_person),
            street: text(&c.address.street),
            house_number: text(&c.address.house_number),
            postcode: text(&c.address.postcode),
            city: text(&c.address.city),
            country: c.address.country.clone(),
            email: text(&c.email),
            phone: text(&c.phone),
            kvk: text(&c.kvk),
            btw_id: text(&c.btw_id),
            iban: text(&c.iban),
            preferred_channel: c.preferred_channel.into(),
            payment_term_days: c
                .payment_term_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
            document_language: c.document_language.into(),
            notes: text(&c.notes),
            debtor_type: c.debtor_type.into(),
            large_company: c.large_company,
        },
    }
}

pub(crate) fn client_summary(r: &ClientRecord) -> dto::ClientSummary {
    let c = &r.client;
    dto::ClientSummary {
        id: r.id,
        kind: c.kind.into(),
        name: c.name.clone(),
        contact_person: c.contact_person.clone(),
        city: c.address.city.clone(),
        email: c.email.clone(),
        debtor_type: c.debtor_type.into(),
        archived: r.archived,
    }
}

pub(crate) fn client_filter(q: &dto::ClientQuery) -> tijdig_store::ClientFilter {
    tijdig_store::ClientFilter {
        search: q.search.clone(),
        include_archived: q.include_archived,
        sort: match q.sort {
            dto::ClientSort::Name => tijdig_store::ClientSort::Name,
            dto::ClientSort::City => tijdig_store::ClientSort::City,
            dto::ClientSort::Newest => tijdig_store::ClientSort::Newest,
        },
    }
}

/// A stored letter as the screens list it.
pub(crate) fn letter_dto(
    record: &tijdig_store::LetterRecord,
    numbers: Vec<String>,
    client_name: &str,
    lang: Language,
) -> dto::Letter {
    dto::Letter {
        id: record.id,
        reference: record.reference.clone(),
        step: record.step.into(),
        step_label: record.step.label(lang).into(),
        letter_date: show_date(record.letter_date),
        total: amount(record.total),
        invoice_numbers: numbers,
        pdf_sha256: record.pdf_sha256.clone(),
        client_name: client_name.to_string(),
        delivered_on: record.delivered_on.map(show_date),
        awaiting_email: record.pending_email.is_some(),
        posted_on: record.posted_on.map(show_date),
        awaiting_post: record.awaiting_post.is_some(),
    }
}
