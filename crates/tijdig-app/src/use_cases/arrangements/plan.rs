//! Reading the arrangement form: the acknowledged debt on the start date (principal, interest
//! and costs per the follow-up engine) and the schedule.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tijdig_domain::arrangement::{
    schedule, AcknowledgedDebt, Instalment, ScheduleInput, ScheduleIssue, ScheduleSpec,
};

use tijdig_domain::money::parse_amount;
use tijdig_domain::{Client, Issue, Language};
use tijdig_store::{Store, StoreError};

use crate::plumbing::error::incomplete_rates;
use crate::plumbing::error::Failure;
use crate::plumbing::format::parse_date;
use crate::services::claim::combined_costs;
use crate::services::claim::compute_claim;
use crate::services::claim::fourteen_day_letter;
use crate::services::claim::rate_table;
use crate::services::ladder::load;
use crate::services::ladder::LadderInvoice;
use crate::{dto, AppError, FieldMessage};

/// Longest grace period (days) an arrangement may give.
pub(crate) const MAX_GRACE_DAYS: u32 = 90;

/// A checked form.
pub(crate) struct Plan {
    pub client: Client,
    pub invoices: Vec<LadderInvoice>,
    pub start: NaiveDate,
    pub debt: AcknowledgedDebt,
    pub costs_waived: bool,
    pub interest_running: bool,
    pub grace_days: u32,
    pub instalments: Vec<Instalment>,
}

fn field(name: &str, code: &str, nl: &str, en: &str, lang: Language) -> FieldMessage {
    FieldMessage {
        field: name.into(),
        code: code.into(),
        message: match lang {
            Language::Nl => nl,
            Language::En => en,
        }
        .into(),
    }
}

fn issue_field(name: &str, issue: Issue, lang: Language) -> FieldMessage {
    FieldMessage {
        field: name.into(),
        code: issue.code().into(),
        message: issue.message(lang),
    }
}

fn invalid(fields: Vec<FieldMessage>, lang: Language) -> Failure {
    let mut err = AppError::validation(&[], lang);
    err.fields = fields;
    Failure::App(err)
}

/// Reads and checks the form against the store on `today`.
pub(crate) fn read(
    store: &Store,
    form: &dto::ArrangementForm,
    today: NaiveDate,
    lang: Language,
) -> Result<Plan, Failure> {
    let mut fields = Vec::new();
    let date = |name: &str, text: &str, fields: &mut Vec<FieldMessage>| match parse_date(text) {
        Ok(d) => Some(d),
        Err(issue) => {
            fields.push(issue_field(name, issue, lang));
            None
        }
    };
    let start = date("startDate", &form.start_date, &mut fields);
    let down = if form.down_payment.trim().is_empty() {
        Some(Decimal::ZERO)
    } else {
        match parse_amount(&form.down_payment) {
            Ok(a) => Some(a),
            Err(issue) => {
                fields.push(issue_field("downPayment", issue, lang));
                None
            }
        }
    };
    let down_on = if form.down_payment_on.trim().is_empty() {
        start
    } else {
        date("downPaymentOn", &form.down_payment_on, &mut fields)
    };
    let first_due = date("firstDue", &form.first_due, &mut fields);
    let spec = match form.mode {
        dto::ScheduleMode::Count => match form.count.trim().parse::<u32>() {
            Ok(n) => Some(ScheduleSpec::Count(n)),
            Err(_) => {
                fields.push(field(
                    "count",
                    "number",
                    "Vul het aantal termijnen in, bijvoorbeeld 4.",
                    "Enter the number of instalments, e.g. 4.",
                    lang,
                ));
                None
            }
        },
        dto::ScheduleMode::Amount => match parse_amount(&form.amount) {
            Ok(a) => Some(ScheduleSpec::Amount(a)),
            Err(issue) => {
                fields.push(issue_field("amount", issue, lang));
                None
            }
        },
    };
    let grace_days = match form.grace_days.trim() {
        "" => Some(14),
        text => match text.parse::<u32>() {
            Ok(n) if n <= MAX_GRACE_DAYS => Some(n),
            _ => {
                fields.push(field(
                    "graceDays",
                    "grace",
                    "Kies een respijttermijn van 0 tot 90 dagen.",
                    "Choose a grace period of 0 to 90 days.",
                    lang,
                ));
                None
            }
        },
    };
    if form.invoice_ids.is_empty() {
        fields.push(field(
            "invoiceIds",
            "required",
            "Kies minstens één openstaande factuur.",
            "Choose at least one open invoice.",
            lang,
        ));
    }
    let (
        Some(start),
        Some(down),
        Some(down_on),
        Some(first_due),
        Some(spec),
        Some(grace_days),
        true,
    ) = (
        start,
        down,
        down_on,
        first_due,
        spec,
        grace_days,
        fields.is_empty(),
    )
    else {
        return Err(invalid(fields, lang));
    };
    let before_start = [Some(down_on), Some(first_due)]
        .into_iter()
        .flatten()
        .any(|d| d < start);
    if before_start {
        return Err(invalid(
            vec![field(
                "firstDue",
                "before_start",
                "De aanbetaling en de termijnen vallen op of na de startdatum.",
                "The down payment and the instalments fall on or after the start date.",
                lang,
            )],
            lang,
        ));
    }
    if start > today {
        return Err(invalid(
            vec![field(
                "startDate",
                "future",
                "De regeling begint vandaag of eerder: de schuld wordt erkend zoals die nu is.",
                "The arrangement starts today or earlier: the debt is acknowledged as it stands.",
                lang,
            )],
            lang,
        ));
    }

    let ladder = load(store, today, Some(form.client_id))?;
    let client = ladder
        .clients
        .get(&form.client_id)
        .cloned()
        .ok_or(StoreError::NotFound)?;
    let taken = crate::services::arrangement_state::active_invoice_ids(store, today)?;
    let mut invoices = Vec::new();
    for id in &form.invoice_ids {
        let Some(inv) = ladder.invoices.iter().find(|i| i.record.id == *id) else {
            return Err(StoreError::NotFound.into());
        };
        let refuse = |nl: String, en: String| {
            invalid(
                vec![FieldMessage {
                    field: "invoiceIds".into(),
                    code: "invoice".into(),
                    message: if lang == Language::Nl { nl } else { en },
                }],
                lang,
            )
        };
        if inv.claim.total_open() <= Decimal::ZERO {
            return Err(refuse(
                format!("Factuur {} staat niet meer open.", inv.number),
                format!("Invoice {} is no longer open.", inv.number),
            ));
        }
        if taken.contains(id) {
            return Err(refuse(
                format!(
                    "Factuur {} valt al onder een lopende betalingsregeling.",
                    inv.number
                ),
                format!("Invoice {} is already part of an arrangement.", inv.number),
            ));
        }
        if ladder.state.disputed.contains_key(id) {
            return Err(refuse(
                format!(
                    "Factuur {} is betwist: los de betwisting eerst op.",
                    inv.number
                ),
                format!(
                    "Invoice {} is disputed: resolve the dispute first.",
                    inv.number
                ),
            ));
        }
        invoices.push(inv.clone());
    }

    let last_payment = invoices
        .iter()
        .flat_map(|i| i.payments.iter().map(|p| p.paid_on))
        .max();
    if last_payment.is_some_and(|paid| paid > start) {
        return Err(invalid(vec![field("startDate", "after_payments", "Er is na deze startdatum nog betaald: kies als startdatum de dag van de laatste betaling of later.", "Payments were made after this start date: choose the day of the last payment or later.", lang)], lang));
    }
    // The debt on the start date, as the letters compute it: per invoice principal and
    // interest; one staffel of costs over the summed principal, if owed by then.
    let table = rate_table(store)?;
    let mut debt = AcknowledgedDebt {
        principal: Decimal::ZERO,
        interest: Decimal::ZERO,
        costs: Decimal::ZERO,
    };
    let mut first_default = None;
    let mut letters = Vec::new();
    let mut costs_paid = Decimal::ZERO;
    for inv in &invoices {
        let claim = compute_claim(&table, &inv.basis(&client), start);
        if let Some(issue) = &claim.problem {
            return Err(incomplete_rates(issue, lang));
        }
        debt.principal += claim.principal_open;
        debt.interest += claim.interest_open;
        costs_paid += claim
            .interest
            .as_ref()
            .map_or(Decimal::ZERO, |b| b.costs_settled());
        letters.push(
            claim
                .start
                .as_ref()
                .and_then(|s| fourteen_day_letter(&inv.letters, Some(s))),
        );
        if let Some(s) = claim.start {
            first_default = Some(first_default.map_or(s.date, |f: NaiveDate| f.min(s.date)));
        }
    }
    if let Some(first) = first_default {
        // Costs already paid are not acknowledged again.
        debt.costs = combined_costs(
            client.kind,
            debt.principal,
            first,
            &letters,
            None,
            costs_paid,
            start,
        )
        .owed;
    }
    let total = if form.costs_waived {
        debt.total() - debt.costs
    } else {
        debt.total()
    };
    let instalments = schedule(&ScheduleInput {
        total,
        down_payment: down,
        down_payment_on: down_on,
        first_due,
        spec,
    })
    .map_err(|issue| {
        let (name, nl, en) = match issue {
            ScheduleIssue::NothingOwed => (
                "invoiceIds",
                "Er staat niets open om te regelen.",
                "Nothing is open to arrange.",
            ),
            ScheduleIssue::DownPaymentTooLarge => (
                "downPayment",
                "De aanbetaling moet kleiner zijn dan het totaal.",
                "The down payment must be less than the total.",
            ),
            ScheduleIssue::InstalmentCount => (
                if form.mode == dto::ScheduleMode::Count {
                    "count"
                } else {
                    "amount"
                },
                "Kies 1 tot 60 termijnen.",
                "Choose 1 to 60 instalments.",
            ),
            ScheduleIssue::AmountNotPositive => (
                if form.mode == dto::ScheduleMode::Count {
                    "count"
                } else {
                    "amount"
                },
                "Het bedrag per termijn moet groter zijn dan € 0.",
                "The amount per instalment must be more than € 0.",
            ),
            ScheduleIssue::DatesOutOfOrder => (
                "firstDue",
                "De eerste termijn valt na de aanbetaling.",
                "The first instalment falls after the down payment.",
            ),
        };
        invalid(vec![field(name, "schedule", nl, en, lang)], lang)
    })?;
    Ok(Plan {
        client,
        invoices,
        start,
        debt,
        costs_waived: form.costs_waived,
        interest_running: form.interest_running,
        grace_days,
        instalments,
    })
}
