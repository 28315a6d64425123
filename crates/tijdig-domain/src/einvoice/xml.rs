//! Walking a UBL document by local names (`cac:`/`cbc:` prefixes vary between exporters; the
//! UBL names do not).

use roxmltree::Node;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The first child element named `name`.
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// Every child element named `name`.
pub fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The element at a path of child names.
pub fn at<'a, 'i>(node: Node<'a, 'i>, path: &[&str]) -> Option<Node<'a, 'i>> {
    path.iter().try_fold(node, |n, name| child(n, name))
}

/// The trimmed text at a path, when not empty.
pub fn text(node: Node<'_, '_>, path: &[&str]) -> Option<String> {
    at(node, path)
        .and_then(|n| n.text())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
}

/// A decimal as XML Schema writes it (`1656.25`, `-5`, `+2.0`, ` 25 `).
pub fn decimal(raw: &str) -> Option<Decimal> {
    let raw = raw.trim();
    let raw = raw.strip_prefix('+').unwrap_or(raw);
    if raw.is_empty() || raw.len() > 40 || raw.contains(['e', 'E']) {
        return None;
    }
    Decimal::from_str(raw).ok()
}

/// The line of an element in the file (1-based).
pub fn line_of(node: Node<'_, '_>) -> u32 {
    node.document().text_pos_at(node.range().start).row
}
