//! Invoice numbers are never handed out twice, whatever the user does in between (issue
//! "Nothing lost, nothing twice"; art. 35a Wet OB): random sequences of issuing, backing up,
//! restoring any backup there is (pinned copies included) and restarting Tijdig, each checked
//! after every step. Proptest generates `CASES` sequences and shrinks a failing one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use proptest::prelude::*;
use support::*;
use tijdig_app::dto::*;
use tijdig_app::App;

/// Generated sequences (each issues a handful of signed invoices: about a second apiece).
const CASES: u32 = 32;

#[derive(Debug, Clone)]
enum Step {
    Issue,
    CreditNote,
    Backup,
    Restore(prop::sample::Index),
    Restart,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        prop_oneof![
            4 => Just(Step::Issue),
            1 => Just(Step::CreditNote),
            2 => Just(Step::Backup),
            2 => any::<prop::sample::Index>().prop_map(Step::Restore),
            1 => Just(Step::Restart),
        ],
        1..14,
    )
}

/// Tijdig on `dir`, its signing key in `vault` (the same keychain across restarts).
fn open(dir: &std::path::Path, vault: &std::sync::Arc<tijdig_app::keychain::MemoryVault>) -> App {
    App::open(dir)
        .unwrap()
        .with_today(today())
        .with_vault(Box::new(SharedVault(vault.clone())))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn numbers_never_repeat_under_any_order_of_issue_backup_restore_and_restart(steps in steps()) {
        let dir = tempfile::tempdir().unwrap();
        let vault = std::sync::Arc::new(tijdig_app::keychain::MemoryVault::default());
        let mut app = open(dir.path(), &vault);
        app.save_profile(&profile_form()).unwrap();
        let client = app.create_client(&business_client()).unwrap().value.id;
        let form = invoice_form(client, vec![line("Ontwerp", "1", "100", VatTreatment::Standard21)]);
        // Every number handed out, in order, and the invoices that exist now.
        let mut handed_out: Vec<String> = Vec::new();
        for step in &steps {
            match step {
                Step::Issue => {
                    let issued = app.issue_invoice(app.create_invoice(&form).unwrap().id).unwrap();
                    handed_out.push(issued.number.unwrap());
                }
                Step::CreditNote => {
                    let last = app.invoices(&InvoiceQuery::default()).unwrap().rows.into_iter()
                        .find(|i| i.kind == InvoiceKind::Standard);
                    if let Some(invoice) = last {
                        if let Ok(draft) = app.credit_invoice(invoice.id, &CreditRequest::default()) {
                            let issued = app.issue_invoice(draft.id).unwrap();
                            handed_out.push(issued.number.unwrap());
                        }
                    }
                }
                Step::Backup => {
                    app.make_backup().unwrap();
                }
                Step::Restore(which) => {
                    let files = app.backup_status().unwrap().files;
                    if !files.is_empty() {
                        let name = files[which.index(files.len())].name.clone();
                        app.restore_backup(&name, true).unwrap();
                    }
                }
                Step::Restart => {
                    drop(app);
                    app = open(dir.path(), &vault);
                }
            }
            let mut seen = std::collections::HashSet::new();
            for number in &handed_out {
                prop_assert!(seen.insert(number.clone()), "{number} handed out twice: {handed_out:?} after {steps:?}");
            }
            prop_assert!(handed_out.windows(2).all(|w| w[0] < w[1]), "{handed_out:?}");
        }
    }
}
