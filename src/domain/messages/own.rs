//! The user's own message templates: saved from a message they wrote, with the
//! recipient's and their own details turned back into placeholders, so the next message
//! from it is filled for its own recipient.

use std::collections::BTreeMap;

use super::model::Purpose;
use super::templates::PLACEHOLDERS;
use crate::domain::record::{Message, Meta, Template, TemplatePurpose};
use crate::domain::sorting::{sort_by, sort_by_cached_key};

/// Values shorter than this stay as written: "Al" or "X" would turn up inside other text.
const MIN_VALUE_CHARS: usize = 2;

/// The user's message templates: those written for `purpose` first, each group by name.
pub fn own_templates(all: &[Template], purpose: Purpose) -> Vec<&Template> {
    let mut list: Vec<&Template> = all
        .iter()
        .filter(|t| t.purpose.is(TemplatePurpose::Message))
        .collect();
    sort_by_cached_key(&mut list, |t| {
        (
            !t.message_purpose.as_ref().is_some_and(|p| p.is(purpose)),
            t.name.to_lowercase(),
        )
    });
    list
}

/// Replaces each value in `text` with its placeholder: the reverse of
/// [`super::templates::fill`]. Longer values go first (a company named after a person
/// keeps its whole name), and only whole words are replaced, so the first name "Ann"
/// leaves "Anna" and "announce" alone. Matching is exact: a value typed differently in
/// the text stays as typed.
pub fn unfill(text: &str, values: &BTreeMap<&str, String>) -> String {
    let mut pairs: Vec<(&str, &str)> = values
        .iter()
        .filter(|(key, _)| PLACEHOLDERS.contains(key))
        .map(|(key, value)| (*key, value.trim()))
        .filter(|(_, value)| value.chars().count() >= MIN_VALUE_CHARS)
        .collect();
    sort_by(&mut pairs, |a, b| {
        b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0))
    });
    // Pieces already turned into placeholders are not searched again, so a value that
    // appears inside another placeholder's name ("name" in "{first_name}") is safe.
    let mut pieces: Vec<(String, bool)> = vec![(text.to_string(), false)];
    for (key, value) in pairs {
        let mut next = Vec::with_capacity(pieces.len());
        for (piece, done) in pieces {
            if done {
                next.push((piece, true));
                continue;
            }
            let mut rest = piece.as_str();
            while let Some(at) = find_word(rest, value) {
                if at > 0 {
                    next.push((rest[..at].to_string(), false));
                }
                next.push((format!("{{{key}}}"), true));
                rest = &rest[at + value.len()..];
            }
            if !rest.is_empty() {
                next.push((rest.to_string(), false));
            }
        }
        pieces = next;
    }
    pieces.into_iter().map(|(piece, _)| piece).collect()
}

/// Where `value` first stands in `text` as whole words: not preceded or followed by a
/// letter or digit.
fn find_word(text: &str, value: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find(value) {
        let at = from + found;
        let end = at + value.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        let joined = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let starts_word = !value.starts_with(char::is_alphanumeric) || !joined(before);
        let ends_word = !value.ends_with(char::is_alphanumeric) || !joined(after);
        if starts_word && ends_word {
            return Some(at);
        }
        from = at + value.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A template from a message the user wrote: its subject and text with the details of
/// this recipient and of the user (`values`, as they filled it) made placeholders again.
pub fn template_from(
    meta: Meta,
    name: &str,
    message: &Message,
    values: &BTreeMap<&str, String>,
) -> Template {
    Template {
        meta,
        purpose: TemplatePurpose::Message.into(),
        name: name.trim().to_string(),
        lang: message.lang.clone(),
        subject: unfill(message.subject.trim(), values),
        body: unfill(message.body.trim(), values),
        message_purpose: Some(message.purpose.clone()),
    }
}
