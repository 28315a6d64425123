//! The business profile (bedrijfsgegevens) row and its logo.

use crate::read_address;
use crate::{in_transaction, Store, StoreError};
use rusqlite::{named_params, OptionalExtension, Row};
use tijdig_domain::validate::ImageKind;
use tijdig_domain::{BusinessProfile, Language, LegalForm};

/// The logo as stored: the image bytes and what kind of image they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub kind: ImageKind,
    pub bytes: Vec<u8>,
}

impl Store {
    /// The business profile, or `None` before the user has entered it.
    pub fn profile(&self) -> Result<Option<BusinessProfile>, StoreError> {
        let row = self
            .conn
            // Every column but the logo, which `logo()` reads only where it is drawn.
            .query_row(
                "SELECT trade_name, legal_name, legal_form, street, house_number, postcode, city,
                        country, kvk, btw_id, iban, account_holder, email, phone, website,
                        accent_colour, kor, payment_term_days, document_language
                 FROM business_profile WHERE id = 1",
                [],
                |row| Ok(read(row)),
            )
            .optional()?;
        row.transpose()
    }

    /// Creates or replaces the business profile (the logo is kept).
    pub fn save_profile(&mut self, p: &BusinessProfile) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "INSERT INTO business_profile (id, trade_name, legal_name, legal_form, street,
                    house_number, postcode, city, country, kvk, btw_id, iban, account_holder,
                    email, phone, website, accent_colour, kor, payment_term_days,
                    document_language)
                 VALUES (1, :trade_name, :legal_name, :legal_form, :street, :house_number,
                    :postcode, :city, :country, :kvk, :btw_id, :iban, :account_holder, :email,
                    :phone, :website, :accent_colour, :kor, :payment_term_days,
                    :document_language)
                 ON CONFLICT (id) DO UPDATE SET trade_name = excluded.trade_name,
                    legal_name = excluded.legal_name, legal_form = excluded.legal_form,
                    street = excluded.street, house_number = excluded.house_number,
                    postcode = excluded.postcode, city = excluded.city,
                    country = excluded.country, kvk = excluded.kvk, btw_id = excluded.btw_id,
                    iban = excluded.iban, account_holder = excluded.account_holder,
                    email = excluded.email, phone = excluded.phone, website = excluded.website,
                    accent_colour = excluded.accent_colour, kor = excluded.kor,
                    payment_term_days = excluded.payment_term_days,
                    document_language = excluded.document_language,
                    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
                named_params! {
                    ":trade_name": p.trade_name,
                    ":legal_name": p.legal_name,
                    ":legal_form": p.legal_form.code(),
                    ":street": p.address.street,
                    ":house_number": p.address.house_number,
                    ":postcode": p.address.postcode,
                    ":city": p.address.city,
                    ":country": p.address.country,
                    ":kvk": p.kvk,
                    ":btw_id": p.btw_id,
                    ":iban": p.iban,
                    ":account_holder": p.account_holder,
                    ":email": p.email,
                    ":phone": p.phone,
                    ":website": p.website,
                    ":accent_colour": p.accent_colour,
                    ":kor": p.kor,
                    ":payment_term_days": p.payment_term_days,
                    ":document_language": p.document_language.code(),
                },
            )?;
            Ok(())
        })
    }

    pub fn logo(&self) -> Result<Option<Logo>, StoreError> {
        let row: Option<(Option<Vec<u8>>, Option<String>)> = self
            .conn
            .query_row(
                "SELECT logo, logo_mime FROM business_profile WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match row {
            Some((Some(bytes), Some(mime))) => {
                let kind = ImageKind::from_mime(&mime)
                    .ok_or_else(|| StoreError::Corrupt(format!("logo type {mime}")))?;
                Ok(Some(Logo { kind, bytes }))
            }
            _ => Ok(None),
        }
    }

    /// Sets or removes the logo; the profile must exist.
    pub fn set_logo(&mut self, logo: Option<&Logo>) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let changed = tx.execute(
                "UPDATE business_profile SET logo = ?1, logo_mime = ?2 WHERE id = 1",
                (logo.map(|l| &l.bytes), logo.map(|l| l.kind.mime())),
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }
}

fn read(row: &Row<'_>) -> Result<BusinessProfile, StoreError> {
    let legal_form: String = row.get("legal_form")?;
    let language: String = row.get("document_language")?;
    Ok(BusinessProfile {
        trade_name: row.get("trade_name")?,
        legal_name: row.get("legal_name")?,
        legal_form: LegalForm::from_code(&legal_form)
            .ok_or_else(|| StoreError::Corrupt(format!("legal form {legal_form}")))?,
        address: read_address(row)?,
        kvk: row.get("kvk")?,
        btw_id: row.get("btw_id")?,
        iban: row.get("iban")?,
        account_holder: row.get("account_holder")?,
        email: row.get("email")?,
        phone: row.get("phone")?,
        website: row.get("website")?,
        accent_colour: row.get("accent_colour")?,
        kor: row.get("kor")?,
        payment_term_days: row.get("payment_term_days")?,
        document_language: Language::from_code(&language)
            .ok_or_else(|| StoreError::Corrupt(format!("language {language}")))?,
    })
}
