//! The dashboard (issue "Cashflow risk"): receivables read in a few queries, every figure
//! computed by the domain's `cashflow` module; its one-page PDF report in `report.rs`.

mod report;

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use tijdig_domain::arrangement::{ArrangementState, Ledger};
use tijdig_domain::cashflow::{
    aging, days_late_history, forecast, kpis, risk_score, AgingBuckets, IdMap, Kpis,
    PlannedReceipt, Receivable, RiskInput, AGING_LABELS,
};
use tijdig_domain::invoice::{due_date, InvoiceKind};
use tijdig_domain::{DebtorType, Language};
use tijdig_store::{InvoiceRecord, InvoiceSet, Store, StoreError};

use crate::plumbing::format::amount;
use crate::plumbing::format::show_date;
use crate::services::claim::{compute_claim, rate_table, received, ClaimBasis};
use crate::{dto, App, AppError};

/// The receivables, and the invoice id of each. Invoice ids are rowids, so plain vectors
/// indexed by id stand in for maps (the dashboard must stay fast on 100,000 invoices).
fn receivables(store: &Store, today: NaiveDate) -> Result<(Vec<Receivable>, Vec<i64>), StoreError> {
    receivables_of(store, today, None)
}

/// [`receivables`] of every client, or of one.
fn receivables_of(
    store: &Store,
    today: NaiveDate,
    client: Option<i64>,
) -> Result<(Vec<Receivable>, Vec<i64>), StoreError> {
    let (rows, all_payments) = match client {
        None => store.receivables_and_payments()?,
        Some(id) => store.client_receivables_and_payments(id)?,
    };
    let max_id = rows.iter().map(|r| r.id).max().unwrap_or(0);
    let slot = |id: i64| {
        usize::try_from(id)
            .ok()
            .filter(|i| *i <= usize::try_from(max_id).unwrap_or(0))
    };
    let mut index: Vec<u32> = vec![u32::MAX; slot(max_id).map_or(0, |m| m + 1)];
    let mut parts = Vec::with_capacity(rows.len());
    let mut credited = Vec::with_capacity(rows.len());
    let mut payments: Vec<Vec<(NaiveDate, Decimal)>> = Vec::with_capacity(rows.len());
    let mut in_arrangement = Vec::with_capacity(rows.len());
    for r in rows.iter().filter(|r| r.kind != InvoiceKind::CreditNote) {
        if let Some(i) = slot(r.id) {
            index[i] = u32::try_from(parts.len()).unwrap_or(u32::MAX);
        }
        parts.push(r);
        credited.push(Decimal::ZERO);
        payments.push(Vec::new());
        in_arrangement.push(false);
    }
    let find = |id: i64| -> Option<usize> {
        slot(id)
            .and_then(|i| index.get(i).copied())
            .filter(|i| *i != u32::MAX)
            .and_then(|i| usize::try_from(i).ok())
    };
    for r in rows.iter().filter(|r| r.kind == InvoiceKind::CreditNote) {
        if let Some(i) = r.credits_invoice_id.and_then(find) {
            credited[i] += -r.total;
        }
    }
    for (invoice, day, paid) in all_payments {
        if let Some(i) = find(invoice) {
            payments[i].push((day, paid));
        }
    }
    for id in crate::services::arrangement_state::active_invoice_ids(store, today)? {
        if let Some(i) = find(id) {
            in_arrangement[i] = true;
        }
    }
    let ids = parts.iter().map(|r| r.id).collect();
    let out = parts
        .into_iter()
        .zip(credited)
        .zip(payments)
        .zip(in_arrangement)
        .map(|(((r, credited), payments), arranged)| {
            Receivable::new(
                r.client_id,
                r.invoice_date,
                due_date(r.invoice_date, r.payment_term_days),
                r.total,
                credited,
                payments,
                arranged,
            )
        })
        .collect();
    Ok((out, ids))
}

/// Rente en kosten open on each of `days`, over the receivables the dashboard already read
/// (`ids` are their invoice ids): for every invoice the claim ledger says more than its amount
/// is owed (the same computation as the invoice page and the list). Only an invoice that was in
/// verzuim while something was open can owe any: one paid on time, or whose rest was waived
/// after its last payment, is skipped without a ledger.
fn interest_and_costs_on(
    store: &Store,
    data: &[Receivable],
    ids: &[i64],
    days: &[NaiveDate],
) -> Result<Vec<Decimal>, StoreError> {
    let waivers = store.all_waivers()?;
    let latest = days.iter().copied().max().unwrap_or(NaiveDate::MIN);
    let waived_after = |id: &i64, last: NaiveDate| {
        waivers
            .get(id)
            .is_some_and(|w| w.iter().any(|(on, _)| *on >= last))
    };
    let candidates: Vec<(&Receivable, i64)> = data
        .iter()
        .zip(ids.iter().copied())
        .filter(|(r, id)| match r.payments.last() {
            _ if r.open_on(latest) > Decimal::ZERO => latest > r.due_date,
            Some((last, _)) => *last > r.due_date && !waived_after(id, *last),
            None => false,
        })
        .collect();
    let mut out = vec![Decimal::ZERO; days.len()];
    if candidates.is_empty() {
        return Ok(out);
    }
    let table = rate_table(store)?;
    let state = store.follow_up_state()?;
    let (letters, fourteen_day) = (state.letters, state.fourteen_day_letters);
    let arranged = store.arranged_invoice_ids()?;
    let stipulated_since = store.late_payment_terms_accepted(None)?;
    // The candidates' records and clients, each read as one set (never a query per invoice:
    // a lifetime of late payments makes tens of thousands of candidates).
    let mut records: IdMap<InvoiceRecord> = store
        .invoice_set(&InvoiceSet::Ids(
            candidates.iter().map(|(_, id)| *id).collect(),
        ))?
        .into_iter()
        .map(|record| (record.id, record))
        .collect();
    let mut client_ids: Vec<i64> = candidates.iter().map(|(r, _)| r.client_id).collect();
    client_ids.sort_unstable();
    client_ids.dedup();
    let clients = store.clients_in(&client_ids)?;
    for (r, id) in candidates {
        let (Some(client), Some(record)) = (clients.get(&r.client_id), records.remove(&id)) else {
            return Err(StoreError::NotFound);
        };
        let payments: Vec<_> = r
            .payments
            .iter()
            .map(|(on, sum)| received(id, *on, *sum))
            .collect();
        let basis = ClaimBasis {
            client,
            record: &record,
            credited: r.credited,
            payments: &payments,
            letters: letters.get(&id).map_or(&[][..], Vec::as_slice),
            waivers: waivers.get(&id).map_or(&[][..], Vec::as_slice),
            arranged: arranged.contains(&id),
            staffel_stipulated: crate::services::claim::staffel_stipulated(
                client,
                &record,
                stipulated_since.get(&r.client_id).copied(),
            ),
            client_fourteen_day_letters: fourteen_day
                .get(&r.client_id)
                .map_or(&[][..], Vec::as_slice),
        };
        for (slot, day) in out.iter_mut().zip(days) {
            // The ledger leaves out what happened after its day.
            *slot += compute_claim(&table, &basis, *day).interest_and_costs_open();
        }
    }
    Ok(out)
}

fn kpi_list(
    now: &Kpis,
    before: &Kpis,
    (now_extra, before_extra): (Decimal, Decimal),
    lang: Language,
) -> Vec<dto::Kpi> {
    let nl = lang == Language::Nl;
    let money = |d: Decimal| Some(amount(d));
    // Days and percentages with one decimal, always ("50.0").
    let opt = |d: Option<Decimal>| {
        d.map(|mut d| {
            d.rescale(1);
            d.to_string()
        })
    };
    let kpi = |code: &str,
               label: (&str, &str),
               unit: &str,
               value: Option<String>,
               previous: Option<String>,
               higher_is_better: bool,
               explanation: (&str, &str)| dto::Kpi {
        code: code.into(),
        label: if nl { label.0 } else { label.1 }.into(),
        unit: unit.into(),
        value,
        previous,
        higher_is_better,
        explanation: if nl { explanation.0 } else { explanation.1 }.into(),
    };
    vec![
        kpi("open", ("Openstaand", "Open receivables"), "money", money(now.open + now_extra), money(before.open + before_extra), false,
            ("Alles wat klanten je nu nog moeten betalen, incl. btw, rente en kosten: dezelfde bedragen als bij de facturen.", "Everything clients still owe you now, incl. VAT, interest and costs: the same amounts as on the invoices.")),
        kpi("interest_costs_open", ("Waarvan rente en kosten", "Of which interest and costs"), "money", money(now_extra), money(before_extra), false,
            ("Wettelijke rente en incassokosten die klanten boven het factuurbedrag nog moeten betalen. Betalingen gaan daar eerst naartoe (art. 6:44 BW).", "Statutory interest and collection costs clients owe beyond the invoice amount. Payments go to them first (art. 6:44 BW).")),
        kpi("overdue", ("Vervallen", "Overdue"), "money", money(now.overdue), money(before.overdue), false,
            ("Het deel daarvan waarvan de vervaldatum voorbij is.", "The part of it past its due date.")),
        kpi("open_count", ("Open facturen", "Open invoices"), "count", Some(now.open_count.to_string()), Some(before.open_count.to_string()), false,
            ("Facturen waarop nog iets openstaat.", "Invoices with something still open.")),
        kpi("dso", ("DSO", "DSO"), "days", opt(now.dso), opt(before.dso), false,
            ("Days sales outstanding: openstaand ÷ gefactureerd in de laatste 90 dagen × 90. Zo lang duurt het gemiddeld voor een factuur betaald is.", "Days sales outstanding: open receivables ÷ invoiced in the last 90 days × 90. How long an invoice takes to be paid on average.")),
        kpi("average_days_late", ("Gemiddeld te laat", "Average days late"), "days", opt(now.average_days_late), opt(before.average_days_late), false,
            ("Dagen na de vervaldatum, gewogen naar bedrag, over de facturen die de laatste 12 maanden betaald zijn.", "Days past the due date, weighted by amount, over invoices paid in the last 12 months.")),
        kpi("paid_on_time", ("Op tijd betaald", "Paid on time"), "percent", opt(now.paid_on_time_percent), opt(before.paid_on_time_percent), true,
            ("Deel van de facturen die de laatste 12 maanden betaald zijn, dat vóór of op de vervaldatum binnen was.", "Share of the invoices paid in the last 12 months that were paid by their due date.")),
    ]
}

fn buckets(b: &AgingBuckets) -> Vec<String> {
    b.buckets.iter().map(|d| amount(*d)).collect()
}

fn factor_label(code: &str, lang: Language) -> &'static str {
    let nl = lang == Language::Nl;
    match code {
        "days_late" => {
            if nl {
                "Betaalgedrag (dagen te laat)"
            } else {
                "Payment behaviour (days late)"
            }
        }
        "overdue_share" => {
            if nl {
                "Deel vervallen"
            } else {
                "Overdue share"
            }
        }
        "concentration" => {
            if nl {
                "Aandeel in je vorderingen"
            } else {
                "Share of your receivables"
            }
        }
        "broken_arrangements" => {
            if nl {
                "Verbroken betalingsregelingen"
            } else {
                "Broken arrangements"
            }
        }
        "disputes" => {
            if nl {
                "Open betwistingen"
            } else {
                "Open disputes"
            }
        }
        "debtor_type" => {
            if nl {
                "Debiteurtype"
            } else {
                "Debtor type"
            }
        }
        _ => {
            if nl {
                "Geen gehoor bij contact (90 dagen)"
            } else {
                "No answer to contact (90 days)"
            }
        }
    }
}

impl App {
    /// Everything the dashboard shows, on today.
    pub fn dashboard(&self) -> Result<dto::Dashboard, AppError> {
        self.with_store(|store, lang| {
            self.build_dashboard(store, lang)
                .map_err(|e| AppError::from_store(e, lang))
        })
    }

    fn build_dashboard(&self, store: &Store, lang: Language) -> Result<dto::Dashboard, StoreError> {
        let today = self.today();
        let (data, ids) = receivables(store, today)?;
        let now = kpis(&data, today);
        let before = kpis(&data, today - Duration::days(30));
        let extra = match interest_and_costs_on(
            store,
            &data,
            &ids,
            &[today, today - Duration::days(30)],
        )?[..]
        {
            [now, before] => (now, before),
            _ => (Decimal::ZERO, Decimal::ZERO),
        };

        let mut per_client: IdMap<Vec<&Receivable>> = IdMap::default();
        for r in &data {
            per_client.entry(r.client_id).or_default().push(r);
        }
        let clients: IdMap<(String, DebtorType)> = store
            .client_labels()?
            .into_iter()
            .map(|(id, name, debtor)| (id, (name, debtor)))
            .collect();
        let name = |id: i64| clients.get(&id).map(|c| c.0.clone()).unwrap_or_default();
        let acceptances = store.client_acceptances()?;
        let consumers = store.consumer_ids()?;
        let acceptance = |id: &i64| {
            acceptances.get(id).map(|a| {
                let on = crate::plumbing::format::show_date(a.checked_on);
                // A consumer has no KvK registration to check.
                let kvk_fine = a.kvk_checked || consumers.contains(id);
                match (a.trouble_signals, kvk_fine, lang) {
                    (true, _, Language::Nl) => format!(
                        "Acceptatie {on}: signalen van betalingsproblemen — vraag een aanbetaling"
                    ),
                    (true, _, Language::En) => {
                        format!("Acceptance {on}: signals of payment trouble — ask an advance")
                    }
                    (false, false, Language::Nl) => {
                        format!("Acceptatie {on}: KvK-inschrijving niet gecontroleerd")
                    }
                    (false, false, Language::En) => {
                        format!("Acceptance {on}: registration not checked")
                    }
                    (false, true, Language::Nl) => format!("Acceptatie {on}: in orde"),
                    (false, true, Language::En) => format!("Acceptance {on}: fine"),
                }
            })
        };

        // Arrangements: broken ones per client, open instalments of honoured ones.
        let mut broken: IdMap<u32> = IdMap::default();
        let mut instalments = Vec::new();
        for a in store.arrangements(None)? {
            let plan: Vec<_> = a.instalments.iter().map(|i| i.instalment).collect();
            let paid: Vec<(NaiveDate, Decimal)> =
                a.payments.iter().map(|p| (p.paid_on, p.amount)).collect();
            let ledger = Ledger::compute(
                &a.debt,
                a.costs_waived,
                &plan,
                &paid,
                a.grace_days,
                today,
                None,
            );
            match ledger.state {
                ArrangementState::Broken { .. } => *broken.entry(a.client_id).or_default() += 1,
                ArrangementState::Active => instalments.extend(
                    ledger
                        .instalments
                        .iter()
                        .filter(|s| s.paid < s.instalment.amount)
                        .map(|s| PlannedReceipt {
                            due: s.instalment.due,
                            amount: s.instalment.amount - s.paid,
                        }),
                ),
                ArrangementState::Completed { .. } => {}
            }
        }

        let mut client_aging: Vec<dto::ClientAging> = per_client
            .iter()
            .filter_map(|(id, rs)| {
                let b = aging(rs.iter().copied(), today);
                (b.total() > Decimal::ZERO).then(|| dto::ClientAging {
                    client_id: *id,
                    client_name: name(*id),
                    buckets: buckets(&b),
                    total: amount(b.total()),
                })
            })
            .collect();
        client_aging.sort_by_cached_key(|c| {
            (
                std::cmp::Reverse(c.total.parse::<Decimal>().unwrap_or_default()),
                c.client_name.clone(),
            )
        });

        let f = forecast(&data, &instalments, today);

        let disputes = store.open_disputes_per_client()?;
        let unanswered = store.unanswered_contacts_since(today - Duration::days(90))?;
        let mut risks = Vec::new();
        for (id, (client_name, debtor_type)) in &clients {
            let rs = per_client.get(id).map(Vec::as_slice).unwrap_or(&[]);
            let (mut open, mut overdue, mut max_days_overdue) = (Decimal::ZERO, Decimal::ZERO, 0);
            for r in rs {
                let o = r.open_on(today);
                if o > Decimal::ZERO {
                    open += o;
                    let days = (today - r.due_date).num_days();
                    if days > 0 {
                        overdue += o;
                        max_days_overdue = max_days_overdue.max(days);
                    }
                }
            }
            let history = days_late_history(rs.iter().copied(), today);
            let broken_here = broken.get(id).copied().unwrap_or(0);
            if open <= Decimal::ZERO && history.is_none() && broken_here == 0 {
                continue;
            }
            let input = RiskInput {
                days_late: history,
                open,
                overdue,
                portfolio_open: now.open,
                broken_arrangements: broken_here,
                open_disputes: disputes.get(id).copied().unwrap_or(0),
                debtor_type: *debtor_type,
                unanswered_contacts: unanswered.get(id).copied().unwrap_or(0),
            };
            let score = risk_score(&input);
            let nl = lang == Language::Nl;
            let value = |code: &str| -> String {
                let pct = |part: Decimal, whole: Decimal| {
                    if whole > Decimal::ZERO {
                        format!("{} %", (part / whole * Decimal::from(100)).round())
                    } else {
                        "0 %".into()
                    }
                };
                match code {
                    "days_late" => history.map_or_else(
                        || {
                            if nl {
                                "geen historie".into()
                            } else {
                                "no history".into()
                            }
                        },
                        |d| format!("{d} {}", if nl { "dagen" } else { "days" }),
                    ),
                    "overdue_share" => pct(overdue, open),
                    "concentration" => pct(open, now.open),
                    "broken_arrangements" => broken_here.to_string(),
                    "disputes" => input.open_disputes.to_string(),
                    "debtor_type" => debtor_type.label(lang).into(),
                    _ => input.unanswered_contacts.to_string(),
                }
            };
            risks.push(dto::ClientRisk {
                client_id: *id,
                client_name: client_name.clone(),
                score: score.score,
                open: amount(open),
                overdue: amount(overdue),
                max_days_overdue,
                factors: score
                    .factors
                    .iter()
                    .map(|f| dto::RiskFactor {
                        code: f.code.into(),
                        label: factor_label(f.code, lang).into(),
                        weight: f.weight,
                        value: value(f.code),
                        points: f.points.to_string(),
                    })
                    .collect(),
                acceptance: acceptance(id),
            });
        }
        risks.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(a.client_name.cmp(&b.client_name))
        });
        Ok(dto::Dashboard {
            today: show_date(today),
            kpis: kpi_list(&now, &before, extra, lang),
            aging: dto::Aging {
                labels: match lang {
                    Language::Nl => AGING_LABELS.iter().map(|s| s.to_string()).collect(),
                    Language::En => [
                        "Not yet due",
                        "1–30 days",
                        "31–60 days",
                        "61–90 days",
                        "> 90 days",
                    ]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                },
                total: buckets(&aging(&data, today)),
                clients: client_aging,
            },
            forecast: dto::Forecast {
                weeks: f
                    .weeks
                    .iter()
                    .map(|w| dto::ForecastWeek {
                        starts: w.starts.to_string(),
                        expected: amount(w.expected),
                        best_case: amount(w.best_case),
                    })
                    .collect(),
                later: amount(f.later),
                portfolio_lateness: f.portfolio_lateness.to_string(),
            },
            risks,
        })
    }

    /// A client's paid invoices, oldest first (the last 24), for the small chart on its card.
    pub fn payment_history(
        &self,
        client_id: i64,
    ) -> Result<Vec<dto::PaymentHistoryItem>, AppError> {
        self.with_store(|store, lang| {
            let read = || -> Result<Vec<dto::PaymentHistoryItem>, StoreError> {
                let (data, ids) = receivables_of(store, self.today(), Some(client_id))?;
                let numbers = store.invoice_numbers(client_id)?;
                let mut items: Vec<dto::PaymentHistoryItem> = data
                    .iter()
                    .zip(&ids)
                    .filter(|(r, _)| r.client_id == client_id)
                    .filter_map(|(r, id)| {
                        let number = numbers.get(id)?;
                        let on = r.paid_in_full_on()?;
                        Some(dto::PaymentHistoryItem {
                            number: number.clone(),
                            due_date: r.due_date.to_string(),
                            paid_on: on.to_string(),
                            days_late: (on - r.due_date).num_days(),
                            amount: amount(r.amount()),
                        })
                    })
                    .collect();
                items.sort_by(|a, b| a.paid_on.cmp(&b.paid_on));
                let skip = items.len().saturating_sub(24);
                Ok(items.split_off(skip))
            };
            read().map_err(|e| AppError::from_store(e, lang))
        })
    }
}
