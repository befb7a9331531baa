//! Reading vCards (2.1, 3.0 and 4.0) as Apple Contacts, Google Contacts, Android and
//! Outlook write them, leniently: one broken card is left out with its number, the others
//! are read.
//!
//! Our own reader: the crates we measured reject 2.1 or quoted-printable, or bring a time
//! zone database (see issue 13); a lenient reader of what contacts need is a few hundred
//! lines.

use chrono::{DateTime, NaiveDate, Utc};

use chrono::Datelike;

use super::{ImportError, Parsed, Reader, SkipReason, Skipped, MAX_IMPORT_PEOPLE};
use crate::domain::code::{Code, Coded};
use crate::domain::contacts::draft::new_contact;
use crate::domain::format::{digits, parse_iso_date};
use crate::domain::link::SafeLink;
use crate::domain::record::{Birthday, Circle, Contact, Meta, Photo};

/// One property line: name (group removed, upper case), parameters, raw value.
#[derive(Debug)]
struct Property {
    name: String,
    /// Parameter names (upper case) and values; a 2.1 bare parameter (`TEL;WORK`) is a
    /// `TYPE`.
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the writer marked this value as the preferred one (3.0 `TYPE=pref`,
    /// 2.1 `;PREF`, 4.0 `PREF=1`).
    fn is_preferred(&self) -> bool {
        let typed = self.params.iter().any(|(n, v)| {
            n == "TYPE" && v.split(',').any(|x| x.trim().eq_ignore_ascii_case("pref"))
        });
        typed || self.param("PREF").is_some()
    }

    /// The value as text: quoted-printable decoded (with its charset), escapes not yet
    /// resolved.
    fn raw_text(&self) -> String {
        let qp = self
            .param("ENCODING")
            .is_some_and(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE"));
        if !qp {
            return self.value.clone();
        }
        let bytes = quoted_printable(&self.value);
        let cp1252 = self.param("CHARSET").is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            c == "windows-1252" || c == "iso-8859-1" || c == "latin1" || c == "cp1252"
        });
        if cp1252 {
            windows_1252(&bytes)
        } else {
            String::from_utf8(bytes.clone()).unwrap_or_else(|_| windows_1252(&bytes))
        }
    }

    /// The value's components (split at unescaped `;`), each unescaped.
    fn components(&self) -> Vec<String> {
        split_unescaped(&self.raw_text(), ';')
    }

    /// The value, unescaped.
    fn text(&self) -> String {
        unescape(&self.raw_text())
    }
}

/// Bytes of a quoted-printable text (`=C3=BC`; a soft line break is already joined).
fn quoted_printable(value: &str) -> Vec<u8> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let hex = bytes
                .get(i + 1..i + 3)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
            if let Some(b) = hex {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Windows-1252 text: Latin-1 with typographic characters in 0x80–0x9F.
pub fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// `\,` `\;` `\:` `\\` and `\n`/`\N` resolved.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// `value` split at every `sep` not escaped by a backslash, each part unescaped.
fn split_unescaped(value: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            current.push(c);
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if c == sep {
            parts.push(unescape(&current));
            current.clear();
        } else {
            current.push(c);
        }
    }
    parts.push(unescape(&current));
    parts
}

/// Logical lines: folded lines joined (a line break then a space or tab), and 2.1's
/// quoted-printable soft line breaks (`=` at the end) joined with the next line. Read as
/// they are needed, so that a large file is not unfolded in one step.
struct Unfolded<'a> {
    raw: std::str::Split<'a, char>,
    /// The logical line read so far, complete once a line that does not continue it
    /// comes.
    pending: Option<String>,
}

impl<'a> Unfolded<'a> {
    fn new(text: &'a str) -> Unfolded<'a> {
        Unfolded {
            raw: text.split('\n'),
            pending: None,
        }
    }
}

impl Iterator for Unfolded<'_> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        for raw in self.raw.by_ref() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let Some(pending) = self.pending.as_mut() else {
                self.pending = Some(line.to_string());
                continue;
            };
            let soft_break =
                pending.ends_with('=') && pending.to_ascii_uppercase().contains("QUOTED-PRINTABLE");
            if soft_break {
                pending.pop();
                pending.push_str(line);
            } else if line.starts_with([' ', '\t']) {
                pending.push_str(&line[1..]);
            } else {
                return self.pending.replace(line.to_string());
            }
        }
        self.pending.take()
    }
}

/// One logical line as a property; `None` for a line that is not one.
fn property(line: &str) -> Option<Property> {
    // The value starts after the first colon outside a quoted parameter value.
    let mut quoted = false;
    let colon = line.char_indices().find_map(|(i, c)| match c {
        '"' => {
            quoted = !quoted;
            None
        }
        ':' if !quoted => Some(i),
        _ => None,
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = head.split(';');
    let name = parts.next()?.trim();
    // `item1.EMAIL`: the group only ties properties together (Apple's labels).
    let name = name.rsplit('.').next()?.to_ascii_uppercase();
    if name.is_empty() {
        return None;
    }
    let params = parts
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((n, v)) => (
                n.trim().to_ascii_uppercase(),
                v.trim_matches('"').to_string(),
            ),
            // vCard 2.1: `TEL;WORK;VOICE`, `PHOTO;JPEG;BASE64`.
            None => {
                let bare = p.trim().to_ascii_uppercase();
                match bare.as_str() {
                    "QUOTED-PRINTABLE" | "BASE64" | "B" => ("ENCODING".into(), bare),
                    _ => ("TYPE".into(), bare),
                }
            }
        })
        .collect();
    Some(Property {
        name,
        params,
        value: value.to_string(),
    })
}

/// A birthday: `1980-04-14`, `19800414`, `--0414`, `--04-14`, a date-time, and Apple's
/// `X-APPLE-OMIT-YEAR` (a placeholder year that means "unknown").
fn birthday(p: &Property) -> Option<Birthday> {
    let v = p.text();
    let v = v.trim();
    let v = v.split('T').next().unwrap_or(v);
    let omit_year = p.param("X-APPLE-OMIT-YEAR");
    if let Some(rest) = v.strip_prefix("--") {
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        if digits.len() != 4 {
            return None;
        }
        let month = digits[..2].parse().ok()?;
        let day = digits[2..].parse().ok()?;
        let b = Birthday {
            month,
            day,
            year: None,
        };
        return b.is_valid().then_some(b);
    }
    let date = parse_iso_date(v).or_else(|| {
        let (y, rest) = v.split_at_checked(4)?;
        let (m, d) = rest.split_at_checked(2)?;
        NaiveDate::from_ymd_opt(digits(y, 4, 4)? as i32, digits(m, 2, 2)?, digits(d, 2, 2)?)
    })?;
    let year = date.year();
    let unknown_year = omit_year.is_some_and(|y| y == year.to_string()) || year == 1604;
    let b = Birthday {
        month: date.month(),
        day: date.day(),
        year: (!unknown_year).then_some(year),
    };
    b.is_valid().then_some(b)
}

/// An inline photo: 2.1 `ENCODING=BASE64`, 3.0 `ENCODING=b`, 4.0 `data:` URI; `None`
/// for a link to a photo elsewhere, which is never fetched. Checked later, as every
/// stored photo is.
fn photo(p: &Property, now: DateTime<Utc>) -> Option<Photo> {
    let value: String = p.value.chars().filter(|c| !c.is_whitespace()).collect();
    let (mime, data) = if let Some(uri) = value.strip_prefix("data:") {
        let (head, data) = uri.split_once(',')?;
        let mime = head.strip_suffix(";base64")?;
        (mime.to_ascii_lowercase(), data.to_string())
    } else {
        let base64 = p
            .param("ENCODING")
            .is_some_and(|e| e.eq_ignore_ascii_case("b") || e.eq_ignore_ascii_case("base64"));
        if !base64 {
            return None;
        }
        let kind = p
            .params
            .iter()
            .filter(|(n, _)| n == "TYPE")
            .flat_map(|(_, v)| v.split(','))
            .map(|t| match t.trim().to_ascii_uppercase().as_str() {
                "JPEG" | "JPG" | "IMAGE/JPEG" => "image/jpeg".to_string(),
                "PNG" | "IMAGE/PNG" => "image/png".to_string(),
                "WEBP" | "IMAGE/WEBP" => "image/webp".to_string(),
                // A type Netzweber does not store (GIF, TIFF): the check leaves it out.
                other => format!("image/{}", other.to_ascii_lowercase()),
            })
            .next()
            // Writers that leave out the type write JPEG.
            .unwrap_or_else(|| "image/jpeg".to_string());
        (kind, value)
    };
    // Some writers leave out the padding.
    let mut data = data;
    while !data.len().is_multiple_of(4) {
        data.push('=');
    }
    Some(Photo {
        meta: Meta::new(String::new(), now),
        contact_id: String::new(),
        mime,
        data,
    })
}

/// Whether `text` looks like a vCard file.
pub fn is_vcard(text: &str) -> bool {
    text.trim_start()
        .get(..11)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
}

/// Every card of a vCard file, numbered from 1 in the file's order.
pub fn read_cards(text: &str, now: DateTime<Utc>) -> Result<Parsed, ImportError> {
    CardReader::open(text, now)?.read_all()
}

/// [`read_cards`] a slice of cards at a time.
pub struct CardReader<'a> {
    lines: Unfolded<'a>,
    /// The properties of the card being read, from its `BEGIN:VCARD` on.
    current: Option<Vec<Property>>,
    /// Cards begun so far.
    number: usize,
    /// Cards in the file, counted by their plain `BEGIN:VCARD` lines.
    total: usize,
    /// A card begun beyond [`MAX_IMPORT_PEOPLE`] (one the count missed, e.g. grouped).
    too_many: bool,
    parsed: Parsed,
    now: DateTime<Utc>,
}

impl<'a> CardReader<'a> {
    /// Refuses a file that is not a vCard file or holds too many cards.
    pub fn open(text: &'a str, now: DateTime<Utc>) -> Result<CardReader<'a>, ImportError> {
        if !is_vcard(text) {
            return Err(ImportError::NoHeader);
        }
        let total = count_cards(text);
        if total > MAX_IMPORT_PEOPLE {
            return Err(ImportError::TooMany(total));
        }
        Ok(CardReader {
            lines: Unfolded::new(text),
            current: None,
            number: 0,
            total,
            too_many: false,
            parsed: Parsed::default(),
            now,
        })
    }
}

impl Reader for CardReader<'_> {
    fn step(&mut self, people: usize) -> bool {
        let mut ended = 0;
        while ended < people {
            let Some(line) = self.lines.next() else {
                return false;
            };
            if line.trim().is_empty() {
                continue;
            }
            let Some(p) = property(&line) else { continue };
            match (
                p.name.as_str(),
                p.value.trim().to_ascii_uppercase().as_str(),
            ) {
                ("BEGIN", "VCARD") => {
                    if self.current.is_some() {
                        // The card before never ended.
                        self.parsed.skipped.push(Skipped {
                            place: self.number,
                            reason: SkipReason::Incomplete,
                        });
                        ended += 1;
                    }
                    if self.number == MAX_IMPORT_PEOPLE {
                        self.too_many = true;
                        return false;
                    }
                    self.number += 1;
                    self.current = Some(Vec::new());
                }
                ("END", "VCARD") => {
                    if let Some(props) = self.current.take() {
                        card(&mut self.parsed, self.number, &props, self.now);
                        ended += 1;
                    }
                }
                _ => {
                    if let Some(props) = self.current.as_mut() {
                        props.push(p);
                    }
                }
            }
        }
        true
    }

    fn progress(&self) -> (usize, usize) {
        (self.number.min(self.total), self.total)
    }

    fn finish(mut self) -> Result<Parsed, ImportError> {
        // Whatever the steps left unread.
        while self.step(usize::MAX) {}
        if self.too_many {
            return Err(ImportError::TooMany(self.total.max(self.number + 1)));
        }
        if self.current.is_some() {
            self.parsed.skipped.push(Skipped {
                place: self.number,
                reason: SkipReason::Incomplete,
            });
        }
        if self.number == 0 {
            return Err(ImportError::NoPeople);
        }
        Ok(self.parsed)
    }
}

fn count_cards(text: &str) -> usize {
    text.lines()
        .filter(|l| l.trim().eq_ignore_ascii_case("BEGIN:VCARD"))
        .count()
}

/// The first property named `name` (preferring one typed `pref`).
fn first<'a>(props: &'a [Property], name: &str) -> Option<&'a Property> {
    let mut all = props.iter().filter(|p| p.name == name);
    let list: Vec<&Property> = all.by_ref().collect();
    list.iter()
        .find(|p| p.is_preferred())
        .or_else(|| list.first())
        .copied()
}

fn card(cards: &mut Parsed, number: usize, props: &[Property], now: DateTime<Utc>) {
    let mut c: Contact = new_contact(Meta::new(String::new(), now));
    let text_of = |name: &str| first(props, name).map(|p| p.text().trim().to_string());
    if let Some(n) = first(props, "N") {
        let parts = n.components();
        c.last_name = parts
            .first()
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        c.first_name = parts
            .get(1)
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
    }
    if c.first_name.is_empty() && c.last_name.is_empty() {
        // Only FN: the last word is the family name.
        if let Some(full) = text_of("FN") {
            match full.rsplit_once(' ') {
                Some((first, last)) => {
                    c.first_name = first.trim().to_string();
                    c.last_name = last.trim().to_string();
                }
                None => c.first_name = full,
            }
        }
    }
    if let Some(org) = first(props, "ORG") {
        c.company = org
            .components()
            .first()
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
    }
    c.role = text_of("TITLE").unwrap_or_default();
    let emails: Vec<String> = many(props, "EMAIL");
    let phones: Vec<String> = many(props, "TEL");
    c.email = emails.first().cloned().unwrap_or_default();
    c.phone = phones
        .first()
        .map(|t| t.strip_prefix("tel:").unwrap_or(t).to_string())
        .unwrap_or_default();
    for url in many(props, "URL") {
        if let Ok(link) = SafeLink::parse_web(&url) {
            if !c.links.iter().any(|l| l == link.href()) {
                c.links.push(link.href().to_string());
            }
        }
    }
    if let Some(adr) = first(props, "ADR") {
        c.city = adr
            .components()
            .get(3)
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
    }
    c.birthday = first(props, "BDAY").and_then(birthday);
    for p in props.iter().filter(|p| p.name == "CATEGORIES") {
        for tag in split_unescaped(&p.raw_text(), ',') {
            let tag = tag.trim();
            if !tag.is_empty() && !c.tags.iter().any(|t| t == tag) {
                c.tags.push(tag.to_string());
            }
        }
    }
    // Netzweber's own cards keep the plain notes apart from the readable NOTE, which
    // also says how the user met them.
    let ours = props.iter().any(|p| p.name.starts_with("X-NETZWEBER-"));
    let mut notes = if ours {
        text_of("X-NETZWEBER-NOTES")
    } else {
        text_of("NOTE")
    }
    .unwrap_or_default();
    // What the contact has one field for, the note keeps.
    let more: Vec<String> = emails
        .iter()
        .skip(1)
        .chain(phones.iter().skip(1))
        .cloned()
        .collect();
    if !more.is_empty() {
        if !notes.is_empty() {
            notes.push_str("\n\n");
        }
        notes.push_str(&more.join("\n"));
    }
    c.notes = notes;
    c.field = text_of("X-NETZWEBER-FIELD").unwrap_or_default();
    c.met.occasion = text_of("X-NETZWEBER-OCCASION").unwrap_or_default();
    c.met.hook = text_of("X-NETZWEBER-HOOK").unwrap_or_default();
    c.met.date = text_of("X-NETZWEBER-MET").and_then(|d| parse_iso_date(&d));
    if let Some(circle) = text_of("X-NETZWEBER-CIRCLE").and_then(|k| Circle::from_key(&k)) {
        c.circle = circle;
    }
    c.cadence_days = text_of("X-NETZWEBER-CADENCE").and_then(|d| d.parse().ok());
    c.preferred_channel = text_of("X-NETZWEBER-CHANNEL")
        .filter(|k| !k.is_empty())
        .map(Coded::from);
    let inline = first(props, "PHOTO").and_then(|p| photo(p, now));
    cards.take_with_photo(number, c, inline);
}

/// Every value of the properties named `name`, `pref` first, without duplicates.
fn many(props: &[Property], name: &str) -> Vec<String> {
    let named = || props.iter().filter(|p| p.name == name);
    // Preferred ones first, then the rest in file order (two passes: no sort code).
    let preferred = named().filter(|p| p.is_preferred());
    let others = named().filter(|p| !p.is_preferred());
    let mut out: Vec<String> = Vec::new();
    for p in preferred.chain(others) {
        let v = p.text().trim().to_string();
        if !v.is_empty() && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}
