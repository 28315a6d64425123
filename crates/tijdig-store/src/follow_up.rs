//! Follow-up state: policies (debiteurenbeleid), steps done per invoice, disputes (betwist)
//! and the facts the planner reads for many invoices at once.

use crate::parse::amount;
pub(crate) use crate::parse::date;
use crate::{in_transaction, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use rust_decimal::Decimal;
use std::collections::HashMap;
use tijdig_domain::follow_up::{FollowUpChannel, FollowUpPolicy, FollowUpStep, PolicyStep};

/// A dispute (betwisting) of one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisputeRecord {
    pub id: i64,
    pub invoice_id: i64,
    pub opened_on: NaiveDate,
    pub reason: String,
    pub resolved_on: Option<NaiveDate>,
    pub resolution: Option<String>,
}

/// A sent letter that matters to verzuim and costs: the ingebrekestelling, the 14-dagenbrief and
/// a letter that named one staffel over several invoices; posted or e-mailed (one only made
/// counts for nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentLetter {
    pub letter_id: i64,
    pub step: FollowUpStep,
    pub sent_on: NaiveDate,
    pub channel: FollowUpChannel,
    pub delivered_on: Option<NaiveDate>,
    /// How many invoices the letter is about.
    pub invoices: i64,
    /// The costs a 14-dagenbrief named, and the principal over which it computed them.
    pub costs: Option<Decimal>,
    pub costs_principal: Option<Decimal>,
}

/// A ladder step done (or skipped) for one invoice, as the invoice page lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepDone {
    /// The step as the policy names it.
    pub step: FollowUpStep,
    pub done_on: NaiveDate,
    /// The step its letter carried out: a consumer's aanmaning is the ingebrekestelling.
    pub letter_step: Option<FollowUpStep>,
    /// The user skipped it.
    pub skipped: bool,
}

/// What the planner needs about every issued invoice, read in a few queries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpState {
    /// Steps done (or skipped) per invoice.
    pub done: HashMap<i64, Vec<(FollowUpStep, NaiveDate)>>,
    /// Invoices with an open dispute.
    pub disputed: HashMap<i64, DisputeRecord>,
    /// The latest promise to pay per invoice.
    pub promised: HashMap<i64, NaiveDate>,
    /// The last day each client was contacted (letters, e-mails, calls).
    pub last_contact: HashMap<i64, NaiveDate>,
    /// Letters per invoice that decide verzuim and costs (notice of default, 14-dagenbrief, a
    /// letter that named one staffel over several invoices).
    pub letters: HashMap<i64, Vec<SentLetter>>,
    /// Per client, every sent 14-dagenbrief: (letter id, sent on), oldest first.
    pub fourteen_day_letters: HashMap<i64, Vec<(i64, NaiveDate)>>,
    /// Client policies that override the default.
    pub client_policies: HashMap<i64, FollowUpPolicy>,
    /// The user's default policy, if they changed it.
    pub default_policy: Option<FollowUpPolicy>,
}

fn encode(policy: &FollowUpPolicy) -> String {
    policy
        .steps
        .iter()
        .map(|s| format!("{}:{}:{}", s.step.code(), s.offset_days, s.channel.code()))
        .collect::<Vec<_>>()
        .join(";")
}

fn decode(text: &str) -> Result<FollowUpPolicy, StoreError> {
    let corrupt = || StoreError::Corrupt(format!("policy {text}"));
    let steps = text
        .split(';')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let mut parts = s.split(':');
            let step = parts.next().and_then(FollowUpStep::from_code);
            let offset = parts.next().and_then(|o| o.parse::<i32>().ok());
            let channel = parts.next().and_then(FollowUpChannel::from_code);
            match (step, offset, channel) {
                (Some(step), Some(offset_days), Some(channel)) => Ok(PolicyStep {
                    step,
                    offset_days,
                    channel,
                }),
                _ => Err(corrupt()),
            }
        })
        .collect::<Result<_, _>>()?;
    Ok(FollowUpPolicy { steps })
}

/// The columns [`sent_letter`] reads, from `letters l`.
const SENT_LETTER_COLUMNS: &str = "l.step, coalesce(l.emailed_on, l.posted_on), l.channel,
    l.delivered_on, l.id, (SELECT count(*) FROM letter_invoices x WHERE x.letter_id = l.id),
    l.costs, l.costs_principal";

/// A [`SentLetter`] from [`SENT_LETTER_COLUMNS`] at `first`.
fn sent_letter(r: &rusqlite::Row<'_>, first: usize) -> Result<SentLetter, StoreError> {
    let channel = r.get::<_, String>(first + 2)?;
    let decimal = |i: usize| -> Result<Option<Decimal>, StoreError> {
        r.get::<_, Option<String>>(first + i)?
            .map(|a| amount(&a))
            .transpose()
    };
    Ok(SentLetter {
        letter_id: r.get(first + 4)?,
        invoices: r.get(first + 5)?,
        costs: decimal(6)?,
        costs_principal: decimal(7)?,
        step: step_code(&r.get::<_, String>(first)?)?,
        sent_on: date(&r.get::<_, String>(first + 1)?)?,
        channel: FollowUpChannel::from_code(&channel)
            .ok_or_else(|| StoreError::Corrupt(format!("channel {channel}")))?,
        delivered_on: r
            .get::<_, Option<String>>(first + 3)?
            .map(|d| date(&d))
            .transpose()?,
    })
}

pub(crate) fn step_code(code: &str) -> Result<FollowUpStep, StoreError> {
    FollowUpStep::from_code(code).ok_or_else(|| StoreError::Corrupt(format!("step {code}")))
}

impl Store {
    /// The stored policy of `client` (`None`: the user's default), if one was saved.
    pub fn follow_up_policy(
        &self,
        client: Option<i64>,
    ) -> Result<Option<FollowUpPolicy>, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT steps FROM follow_up_policies WHERE client_id IS ?1",
                [client],
                |r| r.get(0),
            )
            .optional()?;
        text.map(|t| decode(&t)).transpose()
    }

    /// Saves (or, with `None`, removes) the policy of `client` (`None`: the default).
    pub fn set_follow_up_policy(
        &mut self,
        client: Option<i64>,
        policy: Option<&FollowUpPolicy>,
    ) -> Result<(), StoreError> {
        in_transaction(&mut self.conn, |tx| {
            tx.execute(
                "DELETE FROM follow_up_policies WHERE client_id IS ?1",
                [client],
            )?;
            if let Some(policy) = policy {
                tx.execute(
                    "INSERT INTO follow_up_policies (client_id, steps) VALUES (?1, ?2)",
                    (client, encode(policy)),
                )?;
            }
            Ok(())
        })
    }

    /// Everything the planner reads, for all invoices.
    pub fn follow_up_state(&self) -> Result<FollowUpState, StoreError> {
        let mut state = FollowUpState::default();
        let mut stmt = self
            .conn
            .prepare("SELECT invoice_id, step, done_on FROM follow_up_done")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let step = step_code(&r.get::<_, String>(1)?)?;
            let on = date(&r.get::<_, String>(2)?)?;
            state.done.entry(r.get(0)?).or_default().push((step, on));
        }
        for dispute in self.disputes(None)? {
            if dispute.resolved_on.is_none() {
                state.disputed.insert(dispute.invoice_id, dispute);
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT di.invoice_id, max(e.promised_on) FROM dossier_entries e
             JOIN dossier_invoices di ON di.entry_id = e.id
             WHERE e.kind = 'promise' AND e.promised_on IS NOT NULL GROUP BY di.invoice_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            state
                .promised
                .insert(r.get(0)?, date(&r.get::<_, String>(1)?)?);
        }
        let mut stmt = self.conn.prepare(
            "SELECT client_id, max(substr(at, 1, 10)) FROM dossier_entries
             WHERE kind IN ('letter', 'email', 'call') GROUP BY client_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            state
                .last_contact
                .insert(r.get(0)?, date(&r.get::<_, String>(1)?)?);
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT li.invoice_id, {SENT_LETTER_COLUMNS}
             FROM letters l JOIN letter_invoices li ON li.letter_id = l.id
             WHERE (l.step IN ('notice_of_default', 'fourteen_day_letter')
                    OR l.costs_principal IS NOT NULL)
                AND coalesce(l.emailed_on, l.posted_on) IS NOT NULL
             ORDER BY l.letter_date, l.id"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let letter = sent_letter(r, 1)?;
            state.letters.entry(r.get(0)?).or_default().push(letter);
        }
        state.fourteen_day_letters = self.fourteen_day_letters_of(None)?;
        let mut stmt = self
            .conn
            .prepare("SELECT client_id, steps FROM follow_up_policies")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let policy = decode(&r.get::<_, String>(1)?)?;
            match r.get::<_, Option<i64>>(0)? {
                Some(client) => {
                    state.client_policies.insert(client, policy);
                }
                None => state.default_policy = Some(policy),
            }
        }
        Ok(state)
    }

    /// Per client (or only `client`), every sent 14-dagenbrief: (letter id, sent on), oldest
    /// first (the cumulatieregeling looks back six months over a consumer's claims).
    pub fn fourteen_day_letters_of(
        &self,
        client: Option<i64>,
    ) -> Result<HashMap<i64, Vec<(i64, NaiveDate)>>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT client_id, id, coalesce(emailed_on, posted_on) FROM letters
             WHERE step = 'fourteen_day_letter' AND (?1 IS NULL OR client_id = ?1)
                AND coalesce(emailed_on, posted_on) IS NOT NULL
             ORDER BY coalesce(emailed_on, posted_on), id",
        )?;
        let mut rows = stmt.query([client])?;
        let mut out: HashMap<i64, Vec<(i64, NaiveDate)>> = HashMap::new();
        while let Some(r) = rows.next()? {
            let sent = date(&r.get::<_, String>(2)?)?;
            out.entry(r.get(0)?).or_default().push((r.get(1)?, sent));
        }
        Ok(out)
    }

    /// The ladder steps done or skipped for one invoice, oldest first, with what carried them
    /// out.
    pub fn steps_done(&self, invoice_id: i64) -> Result<Vec<StepDone>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT d.step, d.done_on, l.step, e.kind = 'step_skipped'
             FROM follow_up_done d JOIN dossier_entries e ON e.id = d.entry_id
             LEFT JOIN letters l ON l.id = e.letter_id
             WHERE d.invoice_id = ?1 ORDER BY d.done_on, d.rowid",
        )?;
        let mut rows = stmt.query([invoice_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(StepDone {
                step: step_code(&r.get::<_, String>(0)?)?,
                done_on: date(&r.get::<_, String>(1)?)?,
                letter_step: r
                    .get::<_, Option<String>>(2)?
                    .map(|s| step_code(&s))
                    .transpose()?,
                skipped: r.get(3)?,
            });
        }
        Ok(out)
    }

    /// The notice of default and 14-dagenbrief letters about one invoice, oldest first.
    pub fn sent_letters(&self, invoice_id: i64) -> Result<Vec<SentLetter>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SENT_LETTER_COLUMNS}
             FROM letters l JOIN letter_invoices li ON li.letter_id = l.id
             WHERE li.invoice_id = ?1
                AND (l.step IN ('notice_of_default', 'fourteen_day_letter')
                    OR l.costs_principal IS NOT NULL)
                AND coalesce(l.emailed_on, l.posted_on) IS NOT NULL
             ORDER BY l.letter_date, l.id"
        ))?;
        let mut rows = stmt.query([invoice_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(sent_letter(r, 0)?);
        }
        Ok(out)
    }

    /// Disputes of `invoice`, or of every invoice, oldest first.
    pub fn disputes(&self, invoice: Option<i64>) -> Result<Vec<DisputeRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, invoice_id, opened_on, reason, resolved_on, resolution FROM disputes
             WHERE ?1 IS NULL OR invoice_id = ?1 ORDER BY id",
        )?;
        let mut rows = stmt.query([invoice])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(DisputeRecord {
                id: r.get(0)?,
                invoice_id: r.get(1)?,
                opened_on: date(&r.get::<_, String>(2)?)?,
                reason: r.get(3)?,
                resolved_on: r
                    .get::<_, Option<String>>(4)?
                    .map(|d| date(&d))
                    .transpose()?,
                resolution: r.get(5)?,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_survives_encoding() {
        let policy = FollowUpPolicy::default();
        assert_eq!(decode(&encode(&policy)).unwrap(), policy);
        assert_eq!(decode("").unwrap().steps, vec![]);
        assert!(decode("reminder:x:email").is_err());
    }
}
