//! vCard 3.0 (RFC 2426) of contacts, as Apple Contacts, Google Contacts and Android read it.
//!
//! Fields other programs have no place for (how the user met someone, the hook, circle
//! and reminders) are written twice: readable in `NOTE`, and exactly in `X-NETZWEBER-…`
//! properties, which other programs keep or ignore and Netzweber reads back.

use chrono::NaiveDate;

use crate::domain::code::Code;
use crate::domain::record::{Contact, Photo};

/// Longest line in octets, the line break not counted (RFC 2426 §2.6, RFC 6350 §3.2).
pub const MAX_LINE_OCTETS: usize = 75;

/// Labels of the readable note, in the user's language.
#[derive(Clone, Copy, Debug)]
pub struct NoteLabels {
    /// Before the occasion and date they met ("How we met").
    pub met: &'static str,
    /// Before the hook ("Hook").
    pub hook: &'static str,
}

/// Appends `line` to `out`, folded so that no line exceeds [`MAX_LINE_OCTETS`] octets and
/// no UTF-8 character is split, each line ended by CRLF.
pub fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    // The first line has all 75 octets; continuation lines start with a space.
    let mut room = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = MAX_LINE_OCTETS - 1;
    }
}

/// A text value with `\`, `,`, `;` and line breaks escaped.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

fn date_text(date: NaiveDate) -> String {
    crate::domain::format::iso_date(date)
}

/// The readable note: the user's notes, then how they met and the hook.
fn readable_note(c: &Contact, labels: NoteLabels) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !c.notes.trim().is_empty() {
        parts.push(c.notes.trim().to_string());
    }
    let met: Vec<String> = [
        c.met.occasion.trim().to_string(),
        c.met.date.map(date_text).unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if !met.is_empty() {
        parts.push(format!("{}: {}", labels.met, met.join(", ")));
    }
    if !c.met.hook.trim().is_empty() {
        parts.push(format!("{}: {}", labels.hook, c.met.hook.trim()));
    }
    parts.join("\n\n")
}

/// One contact as a vCard 3.0, with its photo when given.
pub fn write_card(out: &mut String, c: &Contact, photo: Option<&Photo>, labels: NoteLabels) {
    let mut prop = |name: &str, value: String| {
        if !value.is_empty() {
            push_folded(out, &format!("{name}:{value}"));
        }
    };
    prop("BEGIN", "VCARD".into());
    prop("VERSION", "3.0".into());
    prop(
        "N",
        format!(
            "{};{};;;",
            escape(c.last_name.trim()),
            escape(c.first_name.trim())
        ),
    );
    let full = crate::domain::contacts::draft::display_name(c);
    prop("FN", escape(&full));
    prop("ORG", escape(c.company.trim()));
    prop("TITLE", escape(c.role.trim()));
    if !c.email.trim().is_empty() {
        prop("EMAIL;TYPE=INTERNET", escape(c.email.trim()));
    }
    prop("TEL", escape(c.phone.trim()));
    for link in &c.links {
        prop("URL", escape(link));
    }
    if !c.city.trim().is_empty() {
        prop("ADR", format!(";;;{};;;", escape(c.city.trim())));
    }
    if let Some(b) = c.birthday {
        prop(
            "BDAY",
            match b.year {
                Some(y) => format!("{y:04}-{:02}-{:02}", b.month, b.day),
                None => format!("--{:02}{:02}", b.month, b.day),
            },
        );
    }
    prop(
        "CATEGORIES",
        c.tags
            .iter()
            .map(|t| escape(t))
            .collect::<Vec<_>>()
            .join(","),
    );
    prop("NOTE", escape(&readable_note(c, labels)));
    prop("X-NETZWEBER-NOTES", escape(&c.notes));
    prop("X-NETZWEBER-FIELD", escape(&c.field));
    prop("X-NETZWEBER-OCCASION", escape(&c.met.occasion));
    prop(
        "X-NETZWEBER-MET",
        c.met.date.map(date_text).unwrap_or_default(),
    );
    prop("X-NETZWEBER-HOOK", escape(&c.met.hook));
    prop("X-NETZWEBER-CIRCLE", c.circle.key().to_string());
    prop(
        "X-NETZWEBER-CADENCE",
        c.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
    );
    prop(
        "X-NETZWEBER-CHANNEL",
        c.preferred_channel
            .as_ref()
            .map(|p| escape(p.key()))
            .unwrap_or_default(),
    );
    if let Some(p) = photo {
        let kind = match p.mime.as_str() {
            "image/png" => "PNG",
            "image/webp" => "WEBP",
            _ => "JPEG",
        };
        prop(&format!("PHOTO;ENCODING=b;TYPE={kind}"), p.data.clone());
    }
    prop("END", "VCARD".into());
}

/// Every contact as one vCard file; `photo_of` finds a contact's photo.
pub fn write_cards<'a>(
    contacts: impl IntoIterator<Item = &'a Contact>,
    photo_of: impl Fn(&str) -> Option<&'a Photo>,
    labels: NoteLabels,
) -> String {
    let mut out = String::new();
    for c in contacts {
        write_card(&mut out, c, photo_of(&c.meta.id), labels);
    }
    out
}
