//! Clients (klanten). Never hard-deleted: a client with documents must stay for 7 years, so
//! the store offers archiving only.

use crate::{in_transaction, Store, StoreError};
use rusqlite::{named_params, OptionalExtension, Row};
use tijdig_domain::{Client, ClientKind, DebtorType, Language, PreferredChannel};

/// A stored client with its identity and bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRecord {
    pub id: i64,
    pub client: Client,
    pub archived: bool,
    /// RFC 3339 UTC, e.g. `2026-11-22T10:00:00.000Z`.
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientSort {
    #[default]
    Name,
    City,
    Newest,
}

/// Which clients a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientFilter {
    /// Part of the name, contact person, city, e-mail or KvK; case-insensitive.
    pub search: String,
    pub include_archived: bool,
    pub sort: ClientSort,
}

impl Store {
    pub fn create_client(&mut self, client: &Client) -> Result<i64, StoreError> {
        in_transaction(&mut self.conn, |tx| insert_client(tx, client))
    }

    /// Creates several clients in one transaction (all or none); returns their ids in order.
    pub fn create_clients(&mut self, clients: &[Client]) -> Result<Vec<i64>, StoreError> {
        in_transaction(&mut self.conn, |tx| {
            clients.iter().map(|c| insert_client(tx, c)).collect()
        })
    }

    pub fn update_client(&mut self, id: i64, client: &Client) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let changed = write(
                tx,
                "UPDATE clients SET kind = :kind, name = :name, contact_person = :contact_person,
                    street = :street, house_number = :house_number, postcode = :postcode,
                    city = :city, country = :country, email = :email, phone = :phone, kvk = :kvk,
                    btw_id = :btw_id, iban = :iban, preferred_channel = :preferred_channel,
                    payment_term_days = :payment_term_days,
                    document_language = :document_language, notes = :notes,
                    debtor_type = :debtor_type, large_company = :large_company,
                    search_text = :search_text,
                    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                 WHERE id = :id",
                Some(id),
                client,
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }

    /// Archives (or restores) a client: hidden from lists, kept with all its history.
    pub fn set_client_archived(&mut self, id: i64, archived: bool) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            let changed = tx.execute(
                "UPDATE clients SET archived_at = CASE WHEN ?2
                    THEN coalesce(archived_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) END
                 WHERE id = ?1",
                (id, archived),
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }

    pub fn client(&self, id: i64) -> Result<ClientRecord, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ?1"),
                [id],
                |row| Ok(read(row)),
            )
            .optional()?
            .ok_or(StoreError::NotFound)?
    }

    /// These clients, by id, in one query (the lists and the ladder).
    pub fn clients_in(
        &self,
        ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, tijdig_domain::Client>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {CLIENT_COLUMNS} FROM clients WHERE id IN (SELECT value FROM json_each(?1))"
        ))?;
        let rows = stmt.query_map([crate::invoice_sets::id_list(ids)], |row| Ok(read(row)))?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            let record = row??;
            out.insert(record.id, record.client);
        }
        Ok(out)
    }

    pub fn list_clients(&self, filter: &ClientFilter) -> Result<Vec<ClientRecord>, StoreError> {
        let order = match filter.sort {
            ClientSort::Name => "name COLLATE NOCASE, id",
            ClientSort::City => "city IS NULL, city COLLATE NOCASE, name COLLATE NOCASE, id",
            ClientSort::Newest => "created_at DESC, id DESC",
        };
        let sql = format!(
            "SELECT {CLIENT_COLUMNS} FROM clients
             WHERE (:all OR archived_at IS NULL) AND instr(search_text, :search) > 0
             ORDER BY {order}"
        );
        let search = filter.search.trim().to_lowercase();
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            named_params! { ":all": filter.include_archived, ":search": search },
            |row| Ok(read(row)),
        )?;
        let mut clients = Vec::new();
        for row in rows {
            clients.push(row??);
        }
        Ok(clients)
    }
}

/// Binds every column of a client to `sql` (an INSERT with `:id` NULL, or an UPDATE).
/// Inserts a client; returns its id.
pub(crate) fn insert_client(
    tx: &rusqlite::Transaction<'_>,
    client: &Client,
) -> Result<i64, StoreError> {
    write(
        tx,
        "INSERT INTO clients (id, kind, name, contact_person, street, house_number,
            postcode, city, country, email, phone, kvk, btw_id, iban, preferred_channel,
            payment_term_days, document_language, notes, debtor_type, large_company, search_text)
         VALUES (:id, :kind, :name, :contact_person, :street, :house_number, :postcode,
            :city, :country, :email, :phone, :kvk, :btw_id, :iban, :preferred_channel,
            :payment_term_days, :document_language, :notes, :debtor_type, :large_company,
            :search_text)",
        None,
        client,
    )?;
    Ok(tx.last_insert_rowid())
}

fn write(
    tx: &rusqlite::Transaction<'_>,
    sql: &str,
    id: Option<i64>,
    c: &Client,
) -> Result<usize, StoreError> {
    Ok(tx.execute(
        sql,
        named_params! {
            ":id": id,
            ":kind": c.kind.code(),
            ":name": c.name,
            ":contact_person": c.contact_person,
            ":street": c.address.street,
            ":house_number": c.address.house_number,
            ":postcode": c.address.postcode,
            ":city": c.address.city,
            ":country": c.address.country,
            ":email": c.email,
            ":phone": c.phone,
            ":kvk": c.kvk,
            ":btw_id": c.btw_id,
            ":iban": c.iban,
            ":preferred_channel": c.preferred_channel.code(),
            ":payment_term_days": c.payment_term_days,
            ":document_language": c.document_language.code(),
            ":notes": c.notes,
            ":debtor_type": c.debtor_type.code(),
            ":large_company": c.large_company,
            ":search_text": search_text(c),
        },
    )?)
}

/// What the list search looks in, lower-cased (Unicode-aware, unlike SQLite's `lower`).
fn search_text(c: &Client) -> String {
    [
        Some(&c.name),
        c.contact_person.as_ref(),
        c.address.city.as_ref(),
        c.email.as_ref(),
        c.kvk.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(|s| s.to_lowercase())
    .collect::<Vec<_>>()
    .join("\n")
}

fn code<T>(value: String, parse: fn(&str) -> Option<T>, what: &str) -> Result<T, StoreError> {
    parse(&value).ok_or_else(|| StoreError::Corrupt(format!("{what} {value}")))
}

/// The columns [`read`] reads, by position (a lifetime of invoices names thousands of
/// clients at once; looking each column up by name costs more than reading it).
const CLIENT_COLUMNS: &str = "id, archived_at, created_at, kind, name, contact_person, street,
    house_number, postcode, city, country, email, phone, kvk, btw_id, iban, preferred_channel,
    payment_term_days, document_language, notes, debtor_type, large_company";

fn read(row: &Row<'_>) -> Result<ClientRecord, StoreError> {
    let archived_at: Option<String> = row.get(1)?;
    Ok(ClientRecord {
        id: row.get(0)?,
        archived: archived_at.is_some(),
        created_at: row.get(2)?,
        client: Client {
            kind: code(row.get(3)?, ClientKind::from_code, "client kind")?,
            name: row.get(4)?,
            contact_person: row.get(5)?,
            address: tijdig_domain::Address {
                street: row.get(6)?,
                house_number: row.get(7)?,
                postcode: row.get(8)?,
                city: row.get(9)?,
                country: row.get(10)?,
            },
            email: row.get(11)?,
            phone: row.get(12)?,
            kvk: row.get(13)?,
            btw_id: row.get(14)?,
            iban: row.get(15)?,
            preferred_channel: code(row.get(16)?, PreferredChannel::from_code, "channel")?,
            payment_term_days: row.get(17)?,
            document_language: code(row.get(18)?, Language::from_code, "language")?,
            notes: row.get(19)?,
            debtor_type: code(row.get(20)?, DebtorType::from_code, "debtor type")?,
            large_company: row.get(21)?,
        },
    })
}
