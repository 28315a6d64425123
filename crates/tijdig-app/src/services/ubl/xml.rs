//! A small XML writer: elements in document order, indented, with every text and attribute
//! value escaped. Hand-written instead of a dependency because a UBL invoice needs nothing
//! more: no namespaces beyond the three prefixes on the root, no parsing, no DOM.

/// Builds one XML document as UTF-8 text. Elements are opened and closed in order; `leaf`
/// writes an element with text and leaves out an empty one (Peppol and SI-UBL reject or warn
/// about empty elements: PEPPOL-EN16931-R008, SI-UBL-2).
pub(crate) struct XmlWriter {
    out: String,
    open: Vec<&'static str>,
}

impl XmlWriter {
    /// A document with its XML declaration.
    pub(crate) fn new() -> XmlWriter {
        XmlWriter {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn start_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value, true);
            self.out.push('"');
        }
        self.out.push('>');
    }

    /// Opens an element that will hold other elements.
    pub(crate) fn open(&mut self, name: &'static str, attributes: &[(&str, &str)]) {
        self.start_tag(name, attributes);
        self.out.push('\n');
        self.open.push(name);
    }

    /// Closes the element opened last.
    pub(crate) fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
    }

    /// An element with text only; nothing at all when the text is empty or only whitespace.
    pub(crate) fn leaf(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.start_tag(name, attributes);
        escape_into(&mut self.out, text, false);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// The document, with every element still open closed.
    pub(crate) fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// Escapes `text` for XML 1.0 character data (`attribute` = false) or a double-quoted attribute
/// value. `&`, `<` and `>` always; `"` in attributes; tab, newline and carriage return as
/// character references in attributes (a parser would otherwise normalise them to spaces), and
/// a carriage return in text (it would be normalised to a newline). Characters XML 1.0 does not
/// allow at all (other C0 controls, U+FFFE, U+FFFF) are dropped: they cannot be written, even
/// escaped, and they never carry meaning in a name or a description.
pub(crate) fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn escaped(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        escape_into(&mut out, text, attribute);
        out
    }

    #[test]
    fn markup_characters_are_escaped_in_text_and_attributes() {
        assert_eq!(
            escaped("Jansen & Zn. <B.V.> \"de\" 'beste'", false),
            "Jansen &amp; Zn. &lt;B.V.&gt; \"de\" 'beste'"
        );
        assert_eq!(
            escaped("Factuur \"2026-0001\" & <bijlage>.pdf", true),
            "Factuur &quot;2026-0001&quot; &amp; &lt;bijlage&gt;.pdf"
        );
    }

    #[test]
    fn an_entity_lookalike_is_escaped_not_passed_through() {
        assert_eq!(escaped("&amp; &#20AC;", false), "&amp;amp; &amp;#20AC;");
    }

    #[test]
    fn whitespace_survives_and_forbidden_controls_are_dropped() {
        assert_eq!(
            escaped("regel 1\nregel 2\ttab", false),
            "regel 1\nregel 2\ttab"
        );
        assert_eq!(escaped("a\nb\tc", true), "a&#10;b&#9;c");
        assert_eq!(escaped("a\r\nb", false), "a&#13;\nb");
        assert_eq!(escaped("bel\u{7}\u{0}\u{1B}x\u{FFFF}", false), "belx");
    }

    #[test]
    fn non_ascii_text_is_kept_as_utf8() {
        assert_eq!(
            escaped("Crème brûlée € 12,50 — café", false),
            "Crème brûlée € 12,50 — café"
        );
    }

    #[test]
    fn elements_nest_indent_and_skip_empty_leaves() {
        let mut w = XmlWriter::new();
        w.open("Invoice", &[("xmlns", "urn:x")]);
        w.leaf("cbc:ID", &[], "2026-0001");
        w.leaf("cbc:Note", &[], "  ");
        w.open("cac:Party", &[]);
        w.leaf("cbc:Name", &[("languageID", "nl")], "A & B");
        let xml = w.finish();
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <Invoice xmlns=\"urn:x\">\n  <cbc:ID>2026-0001</cbc:ID>\n  <cac:Party>\n    \
             <cbc:Name languageID=\"nl\">A &amp; B</cbc:Name>\n  </cac:Party>\n</Invoice>\n"
        );
    }
}
