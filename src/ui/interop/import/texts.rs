//! The words for what went wrong with a file, and for where in it.

use crate::domain::format;
use crate::domain::interop::columns::Target;
use crate::domain::interop::{ImportError, SkipReason, Skipped, MAX_IMPORT_BYTES};
use crate::i18n::*;

/// Why a file cannot be imported.
pub(super) fn error_text(i18n: I18n, e: &ImportError) -> String {
    let lang = i18n.lang_untracked();
    match e {
        ImportError::Empty => t_string!(i18n, interop.err_empty).to_string(),
        ImportError::TooLarge(bytes) => t_string!(
            i18n,
            interop.err_too_large,
            size = format::bytes(*bytes as u64, lang),
            max = format::bytes(MAX_IMPORT_BYTES as u64, lang)
        )
        .to_string(),
        ImportError::NotText => t_string!(i18n, interop.err_not_text).to_string(),
        ImportError::TooMany(n) => t_string!(
            i18n,
            interop.err_too_many,
            count = format::integer(*n as i64, lang)
        )
        .to_string(),
        ImportError::UnclosedQuote(line) => {
            t_string!(i18n, interop.err_quote, line = *line).to_string()
        }
        ImportError::NoHeader => t_string!(i18n, interop.err_no_header).to_string(),
        ImportError::NoPeople => t_string!(i18n, interop.err_no_people).to_string(),
    }
}

/// "Line 12: …" in a spreadsheet, "Card 12: …" in a vCard file.
pub(super) fn at(i18n: I18n, cards: bool, place: usize, text: String) -> String {
    if cards {
        t_string!(i18n, interop.at_card, line = place, text = text).to_string()
    } else {
        t_string!(i18n, interop.at_line, line = place, text = text).to_string()
    }
}

pub(super) fn skipped_text(i18n: I18n, cards: bool, s: &Skipped) -> String {
    let reason = match s.reason {
        SkipReason::HiddenProfile => t_string!(i18n, interop.skip_hidden).to_string(),
        SkipReason::NoName => t_string!(i18n, interop.skip_no_name).to_string(),
        SkipReason::Invalid(field) => {
            t_string!(i18n, interop.skip_invalid, field = field).to_string()
        }
        SkipReason::Incomplete => t_string!(i18n, interop.skip_incomplete).to_string(),
    };
    at(i18n, cards, s.place, reason)
}

/// The name of a contact field a column can fill.
pub(super) fn target_label(i18n: I18n, t: Target) -> &'static str {
    match t {
        Target::Ignore => t_string!(i18n, interop.target.ignore),
        Target::FirstName => t_string!(i18n, contacts.field.first_name),
        Target::LastName => t_string!(i18n, contacts.field.last_name),
        Target::FullName => t_string!(i18n, interop.target.full_name),
        Target::Company => t_string!(i18n, contacts.field.company),
        Target::Role => t_string!(i18n, contacts.field.role),
        Target::Field => t_string!(i18n, contacts.field.field),
        Target::City => t_string!(i18n, contacts.field.city),
        Target::Email => t_string!(i18n, contacts.field.email),
        Target::Phone => t_string!(i18n, contacts.field.phone),
        Target::Links => t_string!(i18n, interop.col_links),
        Target::Tags => t_string!(i18n, interop.col_tags),
        Target::Notes => t_string!(i18n, interop.col_notes),
        Target::Birthday => t_string!(i18n, interop.col_birthday),
        Target::Occasion => t_string!(i18n, interop.col_occasion),
        Target::MetOn => t_string!(i18n, interop.col_met_on),
        Target::Hook => t_string!(i18n, interop.col_hook),
        Target::Circle => t_string!(i18n, contacts.field.circle),
        Target::Cadence => t_string!(i18n, interop.col_cadence),
    }
}
