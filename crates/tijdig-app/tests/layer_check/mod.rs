//! Reading the app crate's own source for `tests/layers.rs`: each file's module path, the paths
//! it names (`use` trees and `crate::`/`super::`/`self::`/child-module paths, comments and
//! literals blanked, inline modules tracked for `super::`), the `App` methods it defines and
//! calls, and the cycles in a graph. The rules (which layer may use which) live in `layers.rs`.
#![allow(clippy::expect_used)] // the test's own helpers may fail loudly

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One source file: its module path (`["use_cases", "offers", "agreement"]`) and text.
pub struct Source {
    pub file: String,
    pub module: Vec<String>,
    /// `mod.rs` or `lib.rs`: the file's child modules are its own paths.
    pub is_dir: bool,
    pub text: String,
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

pub fn source(file: &str, text: &str) -> Source {
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
pub struct Edge {
    pub from: String,
    pub to: String,
    /// What names it: `use`/path, or `App::method` for a method call.
    pub how: String,
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

pub fn edges(sources: &[Source]) -> Vec<Edge> {
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

/// The strongly connected components with more than one member (Tarjan), each as a list of
/// its members in a cycle order.
pub fn cycles(edges: &[(String, String)]) -> Vec<Vec<String>> {
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

pub fn crate_sources() -> Vec<Source> {
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
