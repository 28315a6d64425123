//! The app crate is a one-way house: its modules sit in layers, and a module imports only from
//! its own layer and the layers below, never back. This test reads the crate's own source and
//! fails on any upward import, on a use-case importing another use-case, on any import cycle
//! between files, and on any cycle between modules through `App` methods — naming the files.
//!
//! [`LAYERS`] is the one place the layers are written down; ARCHITECTURE.md draws them.
//!
//! What counts as a dependency of a file:
//! - every path its `use` declarations name (`use crate::services::claim::rate_table;`,
//!   `use super::form::{self, read};`) and every path written in the code that starts with
//!   `crate::`, `super::`, `self::` or, in a `mod.rs`, one of its own child modules;
//! - every call `self.name(…)` or `app.name(…)` of a method defined in an `impl App` block of
//!   another file: use-cases are `impl App` blocks, so such a call is a dependency no `use`
//!   shows.
//!
//! Paths through the crate root's re-exports (`crate::App`, `crate::AppError`) count as paths
//! to the module that defines them.
#![allow(clippy::expect_used)] // the test's own helpers may fail loudly

mod layer_check;

use layer_check::{crate_sources, cycles, edges, source, Source};
use std::collections::BTreeMap;

/// Whether the modules of one layer may import each other (still without cycles).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Siblings {
    /// Modules of this layer may use each other.
    Shared,
    /// Each module of this layer stands alone: it uses only the layers below.
    Apart,
}

struct Layer {
    name: &'static str,
    /// The crate's top-level modules in this layer.
    modules: &'static [&'static str],
    siblings: Siblings,
}

/// The layers of `tijdig-app`, lowest first.
const LAYERS: &[Layer] = &[
    Layer {
        name: "plumbing",
        modules: &["plumbing", "dto"],
        siblings: Siblings::Shared,
    },
    Layer {
        name: "services",
        modules: &["services"],
        siblings: Siblings::Shared,
    },
    Layer {
        name: "use-cases",
        modules: &["use_cases"],
        siblings: Siblings::Apart,
    },
    Layer {
        name: "overview",
        modules: &["overview"],
        siblings: Siblings::Shared,
    },
];

fn layer_of(module: &[String]) -> Option<usize> {
    let top = module.first()?;
    LAYERS
        .iter()
        .position(|l| l.modules.contains(&top.as_str()))
}

/// The unit a file belongs to: the layer's top module and the module below it
/// (`use_cases::offers` for `use_cases/offers/agreement.rs`).
fn unit_of(module: &[String]) -> String {
    module[..module.len().min(2)].join("::")
}

/// Every breach of the layering in these sources, worded for the test's failure message.
fn check(sources: &[Source]) -> Vec<String> {
    let mut problems = Vec::new();
    let module_of_file: BTreeMap<&str, &Vec<String>> = sources
        .iter()
        .map(|s| (s.file.as_str(), &s.module))
        .collect();
    for s in sources {
        if !s.module.is_empty() && layer_of(&s.module).is_none() {
            problems.push(format!(
                "{} is in no layer: put it under one of the layers in tests/layers.rs",
                s.file
            ));
        }
    }
    let all = edges(sources);
    for e in &all {
        let from_module = module_of_file[e.from.as_str()];
        let to_module = module_of_file[e.to.as_str()];
        let (Some(from), Some(to)) = (layer_of(from_module), layer_of(to_module)) else {
            continue;
        };
        if to > from {
            problems.push(format!(
                "{} ({}) imports upward from {} ({}) through {}",
                e.from, LAYERS[from].name, e.to, LAYERS[to].name, e.how
            ));
        } else if to == from
            && LAYERS[from].siblings == Siblings::Apart
            && unit_of(from_module) != unit_of(to_module)
        {
            problems.push(format!(
                "{} uses {} through {}: one {} module does not use another",
                e.from, e.to, e.how, LAYERS[from].name
            ));
        }
    }
    // No file imports a file that imports it back.
    let imports: Vec<(String, String)> = all
        .iter()
        .filter(|e| !e.how.starts_with("App::"))
        .map(|e| (e.from.clone(), e.to.clone()))
        .collect();
    for cycle in cycles(&imports) {
        problems.push(format!("import cycle between files: {}", cycle.join(" → ")));
    }
    // No module depends on one that depends back, counting `App` method calls.
    let units: Vec<(String, String)> = all
        .iter()
        .map(|e| {
            (
                unit_of(module_of_file[e.from.as_str()]),
                unit_of(module_of_file[e.to.as_str()]),
            )
        })
        .filter(|(a, b)| a != b)
        .collect();
    for cycle in cycles(&units) {
        problems.push(format!("cycle between modules: {}", cycle.join(" → ")));
    }
    problems
}

#[test]
fn the_app_crate_imports_only_downward_and_nothing_imports_back() {
    let sources = crate_sources();
    assert!(sources.len() > 50, "read the crate's files");
    let problems = check(&sources);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_the_crates_real_dependencies() {
    // A sanity check on the reading itself: known edges of the crate are found.
    let all = edges(&crate_sources());
    let has = |from: &str, to: &str| all.iter().any(|e| e.from == from && e.to == to);
    assert!(has("use_cases/invoices/mod.rs", "services/signing.rs"));
    assert!(has("use_cases/invoices/mod.rs", "plumbing/error.rs"));
    assert!(has("overview/today.rs", "use_cases/arrangements/mod.rs"));
    // `crate::App` is the App defined in services/app/mod.rs.
    assert!(has("use_cases/rates.rs", "services/app/mod.rs"));
    // A method of another file's `impl App` is a dependency.
    assert!(all.iter().any(|e| e.from == "use_cases/invoices/mod.rs"
        && e.to == "services/invoice_view/mod.rs"
        && e.how == "App::invoice_dto"));
}

fn planted(files: &[(&str, &str)]) -> Vec<String> {
    let sources: Vec<Source> = files.iter().map(|(f, t)| source(f, t)).collect();
    check(&sources)
}

const LIB: (&str, &str) = (
    "lib.rs",
    "mod plumbing; mod services; mod use_cases; pub use services::app::App;",
);

#[test]
fn a_planted_upward_import_fails_and_names_both_files() {
    let problems = planted(&[
        LIB,
        ("services/app.rs", "pub struct App;"),
        (
            "services/claim.rs",
            "use crate::use_cases::invoices::list;\nfn f() {}",
        ),
        ("use_cases/invoices/mod.rs", "pub(crate) fn list() {}"),
    ]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("services/claim.rs"), "{problems:?}");
    assert!(
        problems[0].contains("use_cases/invoices/mod.rs"),
        "{problems:?}"
    );
    assert!(problems[0].contains("upward"), "{problems:?}");
}

#[test]
fn a_use_case_importing_another_use_case_fails() {
    let problems = planted(&[
        LIB,
        (
            "use_cases/bank.rs",
            "fn f() { crate::use_cases::invoices::list(); }",
        ),
        ("use_cases/invoices.rs", "pub(crate) fn list() {}"),
    ]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("use_cases/bank.rs uses use_cases/invoices.rs"));
}

#[test]
fn a_hidden_upward_call_of_an_app_method_fails() {
    let problems = planted(&[
        LIB,
        ("services/app.rs", "pub struct App;"),
        (
            "services/signing.rs",
            "use crate::App;\nimpl App { fn seal(&self) { self.issue_invoice(1); } }",
        ),
        (
            "use_cases/invoices.rs",
            "use crate::App;\nimpl App { pub fn issue_invoice(&self, id: i64) { self.seal(); } }",
        ),
    ]);
    assert!(
        problems.iter().any(|p| p
            .contains("services/signing.rs (services) imports upward from use_cases/invoices.rs")
            && p.contains("App::issue_invoice")),
        "{problems:?}"
    );
}

#[test]
fn an_import_cycle_fails_even_within_one_layer() {
    let problems = planted(&[
        LIB,
        (
            "services/ladder.rs",
            "use super::claim::rate_table;\npub(crate) fn load() {}",
        ),
        (
            "services/claim.rs",
            "use crate::services::ladder::load;\npub(crate) fn rate_table() {}",
        ),
    ]);
    assert!(
        problems.iter().any(|p| p.starts_with("import cycle")
            && p.contains("services/ladder.rs")
            && p.contains("services/claim.rs")),
        "{problems:?}"
    );
}

#[test]
fn a_parent_and_child_module_that_use_each_other_are_a_cycle() {
    let problems = planted(&[
        LIB,
        (
            "use_cases/offers/mod.rs",
            "mod form;\nuse form::read;\npub(crate) fn status() {}",
        ),
        (
            "use_cases/offers/form.rs",
            "use super::status;\npub(crate) fn read() {}",
        ),
    ]);
    assert!(
        problems.iter().any(
            |p| p.contains("use_cases/offers/mod.rs") && p.contains("use_cases/offers/form.rs")
        ),
        "{problems:?}"
    );
}

#[test]
fn comments_strings_test_modules_and_downward_imports_are_not_problems() {
    let problems = planted(&[
        LIB,
        ("plumbing/format.rs", "pub(crate) fn amount() {}"),
        ("services/app.rs", "pub struct App;"),
        (
            "services/claim.rs",
            "// use crate::use_cases::invoices;\n\
             /* crate::use_cases::invoices::list() */\n\
             const S: &str = \"crate::use_cases::invoices::list\";\n\
             const R: &str = r#\"use crate::use_cases::invoices;\"#;\n\
             const C: char = '{';\n\
             use crate::plumbing::format::amount;\n\
             pub(crate) fn rate_table<'a>(x: &'a str) -> &'a str { x }\n\
             #[cfg(test)]\nmod tests { use super::*; fn t() { rate_table(\"\"); } }",
        ),
        (
            "use_cases/invoices.rs",
            "use crate::services::claim::rate_table;\npub(crate) fn list() {}",
        ),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_file_outside_every_layer_fails() {
    let problems = planted(&[LIB, ("helpers.rs", "pub(crate) fn x() {}")]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("helpers.rs is in no layer"));
}
