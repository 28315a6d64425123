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

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

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

/// One source file: its module path (`["use_cases", "offers", "agreement"]`) and text.
struct Source {
    file: String,
    module: Vec<String>,
    /// `mod.rs` or `lib.rs`: the file's child modules are its own paths.
    is_dir: bool,
    text: String,
}

fn module_of(file: &str) -> (Vec<String>, bool) {
    let stem = file.trim_end_matches(".rs");
    let mut parts: Vec<String> = stem.split('/').map(str::to_string).collect();
    let last = parts.last().cloned().unwrap_or_default();
    let is_dir = last == "mod" || last == "lib";
    if is_dir {
        parts.pop();
    }
    (parts, is_dir)
}

fn source(file: &str, text: &str) -> Source {
    let (module, is_dir) = module_of(file);
    Source {
        file: file.to_string(),
        module,
        is_dir,
        text: text.to_string(),
    }
}

/// The text with comments, string and character literals blanked (newlines kept).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('#') || next == Some('"')) && !ident_before(&chars, i) {
            // A raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < chars.len() {
                if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                blank(&mut out, chars[j]);
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    blank(&mut out, ch);
                }
                i += 1;
            }
            out.push_str("\"\"");
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{20ac}'); a lifetime ('a) stays.
            let close = if next == Some('\\') {
                (i + 2..chars.len().min(i + 12)).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(end) => {
                    out.push_str("' '");
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

fn tokens(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".into());
            i += 2;
        } else {
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

/// A path as written, with the module it was written in (the file's, plus inline modules).
struct Written {
    segments: Vec<String>,
    within: Vec<String>,
}

/// What one file says: the paths it names and its `impl App` methods and calls.
#[derive(Default)]
struct Reading {
    paths: Vec<Written>,
    app_methods: BTreeSet<String>,
    app_calls: BTreeSet<String>,
}

/// Expands a use tree starting at `toks[*i]` into full paths, up to the closing `;`/`,`/`}`.
fn use_tree(toks: &[String], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    while *i < toks.len() {
        let t = toks[*i].as_str();
        match t {
            "::" => *i += 1,
            "{" => {
                *i += 1;
                loop {
                    use_tree(toks, i, &path, out);
                    match toks.get(*i).map(String::as_str) {
                        Some(",") => *i += 1,
                        Some("}") => {
                            *i += 1;
                            return;
                        }
                        _ => return,
                    }
                    if toks.get(*i).map(String::as_str) == Some("}") {
                        *i += 1;
                        return;
                    }
                }
            }
            "as" => {
                *i += 2;
                out.push(path);
                return;
            }
            ";" | "," | "}" => {
                out.push(path);
                return;
            }
            "*" => *i += 1,
            _ => {
                if t != "self" || path.is_empty() {
                    path.push(t.to_string());
                }
                *i += 1;
            }
        }
    }
    out.push(path);
}

fn read(src: &Source) -> Reading {
    let toks = tokens(&code_only(&src.text));
    let mut reading = Reading::default();
    // Inline modules: (name, brace depth at which they opened).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut app_impl: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].as_str();
        let within = || {
            let mut m = src.module.clone();
            m.extend(inline.iter().map(|(n, _)| n.clone()));
            m
        };
        match t {
            "{" => {
                depth += 1;
                i += 1;
                continue;
            }
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                if app_impl == Some(depth) {
                    app_impl = None;
                }
                i += 1;
                continue;
            }
            "mod" if toks.get(i + 2).map(String::as_str) == Some("{") => {
                inline.push((toks[i + 1].clone(), depth));
                i += 2;
                continue;
            }
            "impl"
                if toks.get(i + 1).map(String::as_str) == Some("App")
                    && toks.get(i + 2).map(String::as_str) == Some("{") =>
            {
                app_impl = Some(depth);
                i += 2;
                continue;
            }
            "fn" if app_impl.is_some_and(|d| depth == d + 1) => {
                if let Some(name) = toks.get(i + 1) {
                    reading.app_methods.insert(name.clone());
                }
            }
            "self" | "app"
                if toks.get(i + 1).map(String::as_str) == Some(".")
                    && toks.get(i + 3).map(String::as_str) == Some("(")
                    && (i == 0 || toks[i - 1] != ".") =>
            {
                if let Some(name) = toks.get(i + 2) {
                    reading.app_calls.insert(name.clone());
                }
            }
            "use" => {
                let mut paths = Vec::new();
                i += 1;
                use_tree(&toks, &mut i, &[], &mut paths);
                let w = within();
                for segments in paths {
                    reading.paths.push(Written {
                        segments,
                        within: w.clone(),
                    });
                }
                continue;
            }
            _ => {}
        }
        // A path written in the code: an identifier followed by `::`, not itself after `::`.
        let starts_path = toks.get(i + 1).map(String::as_str) == Some("::")
            && (i == 0 || toks[i - 1] != "::")
            && t.chars().all(|c| c.is_alphanumeric() || c == '_');
        if starts_path {
            let mut segments = vec![t.to_string()];
            let mut j = i + 1;
            while toks.get(j).map(String::as_str) == Some("::")
                && toks
                    .get(j + 1)
                    .is_some_and(|s| s.chars().all(|c| c.is_alphanumeric() || c == '_'))
            {
                segments.push(toks[j + 1].clone());
                j += 2;
            }
            reading.paths.push(Written {
                segments,
                within: within(),
            });
            i = j;
            continue;
        }
        i += 1;
    }
    reading
}

/// A dependency of one file on another.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Edge {
    from: String,
    to: String,
    /// What names it: `use`/path, or `App::method` for a method call.
    how: String,
}

/// The crate root's `pub use a::b::C;` re-exports: `C` → `a::b::C`.
fn root_aliases(lib: &Source) -> BTreeMap<String, Vec<String>> {
    let toks = tokens(&code_only(&lib.text));
    let mut out = BTreeMap::new();
    for i in 0..toks.len() {
        if toks[i] == "use" && i > 0 && toks[i - 1] == "pub" {
            let mut j = i + 1;
            let mut paths = Vec::new();
            use_tree(&toks, &mut j, &[], &mut paths);
            for p in paths {
                if let Some(last) = p.last() {
                    out.insert(last.clone(), p.clone());
                }
            }
        }
    }
    out
}

fn edges(sources: &[Source]) -> Vec<Edge> {
    let by_module: BTreeMap<Vec<String>, &Source> =
        sources.iter().map(|s| (s.module.clone(), s)).collect();
    let aliases = sources
        .iter()
        .find(|s| s.module.is_empty())
        .map(root_aliases)
        .unwrap_or_default();
    let readings: Vec<Reading> = sources.iter().map(read).collect();
    let mut method_home: BTreeMap<&str, &str> = BTreeMap::new();
    for (s, r) in sources.iter().zip(&readings) {
        for m in &r.app_methods {
            method_home.insert(m, &s.file);
        }
    }
    let mut out = BTreeSet::new();
    for (s, r) in sources.iter().zip(&readings) {
        for w in &r.paths {
            let Some(full) = absolute(s, w, &by_module) else {
                continue;
            };
            let full = match full.first().and_then(|f| aliases.get(f)) {
                Some(target) => target.iter().chain(&full[1..]).cloned().collect(),
                None => full,
            };
            let target = (1..=full.len())
                .rev()
                .find_map(|k| by_module.get(&full[..k]));
            if let Some(t) = target {
                if t.file != s.file && !t.module.is_empty() {
                    out.insert(Edge {
                        from: s.file.clone(),
                        to: t.file.clone(),
                        how: full.join("::"),
                    });
                }
            }
        }
        for call in &r.app_calls {
            if let Some(home) = method_home.get(call.as_str()) {
                if *home != s.file {
                    out.insert(Edge {
                        from: s.file.clone(),
                        to: home.to_string(),
                        how: format!("App::{call}"),
                    });
                }
            }
        }
    }
    out.into_iter().collect()
}

/// The path from the crate root, or `None` for a path outside the crate.
fn absolute(
    s: &Source,
    w: &Written,
    by_module: &BTreeMap<Vec<String>, &Source>,
) -> Option<Vec<String>> {
    let segs = &w.segments;
    let first = segs.first()?.as_str();
    match first {
        "crate" => Some(segs[1..].to_vec()),
        "self" => Some(w.within.iter().chain(&segs[1..]).cloned().collect()),
        "super" => {
            let mut base = w.within.clone();
            let mut rest = &segs[..];
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
            Some(base.into_iter().chain(rest.iter().cloned()).collect())
        }
        _ => {
            // In a `mod.rs`/`lib.rs`, a path may start with one of its own child modules.
            let mut child = w.within.clone();
            child.push(first.to_string());
            (s.is_dir && w.within == s.module && by_module.contains_key(&child))
                .then(|| w.within.iter().chain(segs).cloned().collect())
        }
    }
}

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

/// The strongly connected components with more than one member (Tarjan), each as a list of
/// its members in a cycle order.
fn cycles(edges: &[(String, String)]) -> Vec<Vec<String>> {
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (a, b) in edges {
        graph.entry(a).or_default().insert(b);
        graph.entry(b).or_default();
    }
    struct Tarjan<'a> {
        graph: &'a BTreeMap<&'a str, BTreeSet<&'a str>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for &w in &self.graph[v] {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(lw);
                } else if self.on_stack.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.reverse();
                    self.found.push(component);
                }
            }
        }
    }
    let mut t = Tarjan {
        graph: &graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for &v in graph.keys() {
        if !t.index.contains_key(v) {
            t.visit(v);
        }
    }
    t.found
}

fn crate_sources() -> Vec<Source> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<Source>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("read src")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let file = path
                    .strip_prefix(root)
                    .expect("under src")
                    .to_string_lossy()
                    .replace('\\', "/");
                let text = std::fs::read_to_string(&path).expect("read file");
                out.push(source(&file, &text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out
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
