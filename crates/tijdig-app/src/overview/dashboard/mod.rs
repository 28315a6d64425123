//! The dashboard (issue "Cashflow risk"): receivables read in a few queries, every figure
//! computed by the domain's `cashflow` module; its one-page PDF report in `report.rs`.

mod receivables;
mod report;

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use tijdig_domain::arrangement::{ArrangementState, Ledger};
use tijdig_domain::cashflow::{
    aging, days_late_history, forecast, kpis, risk_score, AgingBuckets, IdMap, Kpis,
    PlannedReceipt, Receivable, RiskInput, AGING_LABELS,
};
use tijdig_domain::{DebtorType, Language};
use tijdig_store::{ReceivableFilter, Store, StoreError};

use crate::plumbing::format::amount;
use crate::plumbing::format::show_date;
use crate::{dto, App, AppError};
use receivables::{horizon, interest_and_costs_on, receivables_of, Receivables};

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
        let receivables = receivables_of(
            store,
            today,
            &ReceivableFilter {
                client: None,
                settled_by: Some(horizon(today)),
            },
        )?;
        let days = [today, today - Duration::days(30)];
        let now = kpis(&receivables.data, today);
        let before = kpis(&receivables.data, days[1]);
        // Interest and costs, the heaviest part, run on a second connection and core while
        // this one computes the rest (in memory, without a second connection, one by one).
        let reader = store.reader()?;
        let (mut dashboard, extra) = std::thread::scope(|scope| -> Result<_, StoreError> {
            let shared = &receivables;
            let interest = reader
                .map(|reader| scope.spawn(move || interest_and_costs_on(&reader, shared, &days)));
            let dashboard = self.figures(store, lang, today, shared, &now)?;
            let extra = match interest {
                Some(handle) => handle.join().map_err(|_| {
                    StoreError::Corrupt("the interest computation stopped".into())
                })??,
                None => interest_and_costs_on(store, shared, &days)?,
            };
            Ok((dashboard, extra))
        })?;
        let extra = match extra[..] {
            [now, before] => (now, before),
            _ => (Decimal::ZERO, Decimal::ZERO),
        };
        dashboard.kpis = kpi_list(&now, &before, extra, lang);
        Ok(dashboard)
    }

    /// Every figure but the KPIs, which wait for the interest and costs.
    fn figures(
        &self,
        store: &Store,
        lang: Language,
        today: NaiveDate,
        receivables: &Receivables,
        now: &Kpis,
    ) -> Result<dto::Dashboard, StoreError> {
        let data = &receivables.data;

        let mut per_client: IdMap<Vec<&Receivable>> = IdMap::default();
        for r in data {
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

        let f = forecast(data, &instalments, today);

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
            kpis: Vec::new(),
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
                total: buckets(&aging(data, today)),
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
                let Receivables { data, invoices, .. } = receivables_of(
                    store,
                    self.today(),
                    &ReceivableFilter {
                        client: Some(client_id),
                        settled_by: None,
                    },
                )?;
                let numbers = store.invoice_numbers(client_id)?;
                let mut items: Vec<dto::PaymentHistoryItem> = data
                    .iter()
                    .zip(&invoices)
                    .filter(|(r, _)| r.client_id == client_id)
                    .filter_map(|(r, invoice)| {
                        let number = numbers.get(&invoice.id)?;
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
