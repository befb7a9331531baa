//! Comma- or semicolon-separated values (RFC 4180 and what spreadsheet programs write).
//!
//! Our own reader rather than `csv`/`csv-core`: the imports need the line each record
//! starts on (messages name it), separator detection and a lenient view of what
//! programs write (a BOM, CR, LF or CRLF, a missing final newline, quotes only where
//! needed). That is about a hundred lines, less wasm than either crate.

use std::fmt;

/// A separator between fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// `,`: the format's own, and English spreadsheet programs'.
    Comma,
    /// `;`: what German spreadsheet programs write (the comma is the decimal mark).
    Semicolon,
}

impl Separator {
    /// The character itself.
    pub fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// One record of a file: its fields and the line it starts on (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Line of the file the record starts on, for messages.
    pub line: usize,
    /// The fields, unquoted.
    pub fields: Vec<String>,
}

impl Row {
    /// Whether every field is empty or white space (a blank line, or `,,,`).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }

    /// The field at `column`, or "" when the row is shorter.
    pub fn get(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.fields.get(c))
            .map_or("", String::as_str)
    }
}

/// Why a file could not be read as CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field that never ends; holds the line it starts on.
    UnclosedQuote(usize),
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::UnclosedQuote(line) => write!(f, "quote opened on line {line} never closes"),
        }
    }
}

/// Removes a UTF-8 byte order mark, which spreadsheet programs put first.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The separator of a file whose first line is a header: whichever of `;` and `,` occurs
/// more often outside quotes (a tie is a comma).
pub fn detect_separator(text: &str) -> Separator {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in strip_bom(text).chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\n' | '\r' if !quoted => break,
            _ => {}
        }
    }
    if semicolons > commas {
        Separator::Semicolon
    } else {
        Separator::Comma
    }
}

/// Every record of `text`, separated by `sep`. A quote only opens a quoted field at the
/// field's start; anywhere else it is kept as text (as spreadsheet programs read it).
/// Line breaks inside quotes belong to the field (as `\n`).
pub fn read(text: &str, sep: Separator) -> Result<Vec<Row>, CsvError> {
    // Separators, quotes and line breaks are ASCII, so the scan goes over bytes and copies
    // the text between them in slices: a 20,000-row file in one short task.
    let sep = sep.char() as u8;
    let text = strip_bom(text);
    let bytes = text.as_bytes();
    let end = bytes.len();
    let line_break = |i: usize| {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        }
    };
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut line, mut start_line) = (1, 1);
    let mut at_field_start = true;
    // Where the current record began: a last record without a final line break counts.
    let mut row_start = 0;
    let mut i = 0;
    while i < end {
        if at_field_start && bytes[i] == b'"' {
            at_field_start = false;
            i += 1;
            loop {
                let Some(found) = bytes[i..]
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\r' | b'\n'))
                else {
                    return Err(CsvError::UnclosedQuote(start_line));
                };
                field.push_str(&text[i..i + found]);
                i += found;
                match bytes[i] {
                    b'"' if bytes.get(i + 1) == Some(&b'"') => {
                        field.push('"');
                        i += 2;
                    }
                    b'"' => {
                        i += 1;
                        break;
                    }
                    _ => {
                        i += line_break(i);
                        line += 1;
                        field.push('\n');
                    }
                }
            }
            continue;
        }
        // Unquoted text, also after a closing quote (`"a"b`) and a quote that does not
        // start its field: kept as text, as spreadsheets do.
        let found = bytes[i..]
            .iter()
            .position(|&b| b == sep || b == b'\r' || b == b'\n')
            .unwrap_or(end - i);
        field.push_str(&text[i..i + found]);
        i += found;
        if i == end {
            break;
        }
        if bytes[i] == sep {
            fields.push(std::mem::take(&mut field));
            at_field_start = true;
            i += 1;
        } else {
            i += line_break(i);
            fields.push(std::mem::take(&mut field));
            rows.push(Row {
                line: start_line,
                fields: std::mem::take(&mut fields),
            });
            line += 1;
            start_line = line;
            at_field_start = true;
            row_start = i;
        }
    }
    if row_start < end {
        fields.push(field);
        rows.push(Row {
            line: start_line,
            fields,
        });
    }
    Ok(rows)
}

/// Spreadsheet programs run a cell that starts with one of these as a formula (CSV
/// injection); an apostrophe first makes them show it as text. A value that starts with
/// an apostrophe gets one more, so that [`unguard`] can tell the two apart.
const GUARDED_START: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// A field as written by [`write_row`]: quoted when it holds the separator, a quote, a
/// line break or white space at either end; an apostrophe first when a spreadsheet would
/// take it for a formula.
pub fn write_field(out: &mut String, value: &str, sep: Separator) {
    let guard = value.starts_with(GUARDED_START);
    let needs_quotes = guard
        || value.contains([sep.char(), '"', '\n', '\r'])
        || value.starts_with(' ')
        || value.ends_with(' ');
    if needs_quotes {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

/// One record, ended by CRLF (RFC 4180).
pub fn write_row<S: AsRef<str>>(out: &mut String, fields: &[S], sep: Separator) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(sep.char());
        }
        write_field(out, f.as_ref(), sep);
    }
    out.push_str("\r\n");
}

/// A field as it was before [`write_field`] guarded it against spreadsheet formulas.
pub fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(GUARDED_START) => rest,
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        read(text, Separator::Comma)
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn reads_quotes_doubled_quotes_and_line_breaks_inside_quotes() {
        assert_eq!(
            fields("a,\"Acme, Inc.\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x"),
            vec![
                vec!["a", "Acme, Inc.", "say \"hi\""],
                vec!["two\nlines", "x"]
            ]
        );
    }

    #[test]
    fn line_numbers_count_line_breaks_inside_quotes() {
        let rows = read("h\r\n\"a\r\nb\"\r\nc\n", Separator::Comma).unwrap();
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 2, 4]);
    }

    #[test]
    fn bom_cr_lf_and_missing_final_newline() {
        assert_eq!(
            fields("\u{feff}a,b\rc,d"),
            vec![vec!["a", "b"], vec!["c", "d"]]
        );
        assert_eq!(fields("a,b\n"), vec![vec!["a", "b"]]);
        assert_eq!(fields(""), Vec::<Vec<String>>::new());
        assert_eq!(fields("\n"), vec![vec![""]]);
    }

    #[test]
    fn a_quote_inside_a_field_is_text() {
        assert_eq!(fields("5\" screen,b"), vec![vec!["5\" screen", "b"]]);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(
            read("a\nb\n\"c,d\ne", Separator::Comma),
            Err(CsvError::UnclosedQuote(3))
        );
    }

    #[test]
    fn detects_semicolons_outside_quotes() {
        assert_eq!(
            detect_separator("Vorname;Nachname;\"a,b\"\n1,2,3,4"),
            Separator::Semicolon
        );
        assert_eq!(detect_separator("a,b;c,d"), Separator::Comma);
        assert_eq!(detect_separator("\"a;b;c\",d"), Separator::Comma);
    }

    #[test]
    fn written_fields_read_back_unchanged() {
        let values = [
            "",
            "plain",
            "Acme, Inc.",
            "semi;colon",
            "\"quoted\"",
            "two\nlines",
            " padded ",
            "=SUM(A1)",
            "+49 221 123",
            "-5",
            "@home",
            "'=already",
            "'plain",
            "Müller 🙂 عربى",
        ];
        for sep in [Separator::Comma, Separator::Semicolon] {
            let mut out = String::new();
            write_row(&mut out, &values, sep);
            write_row(&mut out, &values, sep);
            let rows = read(&out, sep).unwrap();
            assert_eq!(rows.len(), 2);
            let back: Vec<&str> = rows[0].fields.iter().map(|f| unguard(f)).collect();
            assert_eq!(back, values, "{sep:?}");
        }
    }

    #[test]
    fn formulas_are_guarded() {
        let mut out = String::new();
        write_field(&mut out, "=HYPERLINK(\"x\")", Separator::Comma);
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
