//! The languages the UI speaks and how the initial one is chosen.

use serde::{Deserialize, Serialize};

use crate::domain::code::Code;

/// A UI language. Every user-visible text exists in each of these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// German.
    De,
    /// English; the fallback when the browser asks for neither language.
    #[default]
    En,
}

/// The key is the BCP 47 primary language subtag, as used in `<html lang>`, in storage
/// and in messages; any tag with that primary subtag reads as the language.
impl Code for Lang {
    /// In the order the language picker lists them.
    const ALL: &'static [Self] = &[Lang::De, Lang::En];

    fn key(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        Lang::from_tag(key)
    }
}

impl Lang {
    /// The language's own name, shown in the picker so that a user who cannot read the
    /// current language still finds theirs.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// Parses a language tag such as `de`, `de-AT` or `EN_us`; only the primary subtag counts.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the UI language: a saved choice wins; otherwise the first of the browser's
    /// preferred languages that we support; otherwise English.
    pub fn choose<S: AsRef<str>>(saved: Option<Lang>, browser_preferences: &[S]) -> Lang {
        saved
            .or_else(|| {
                browser_preferences
                    .iter()
                    .find_map(|tag| Lang::from_tag(tag.as_ref()))
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_by_primary_subtag() {
        assert_eq!(Lang::from_tag("de"), Some(Lang::De));
        assert_eq!(Lang::from_tag("de-CH"), Some(Lang::De));
        assert_eq!(Lang::from_tag(" EN_gb "), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("deu"), None);
    }

    #[test]
    fn saved_choice_wins_over_browser() {
        assert_eq!(Lang::choose(Some(Lang::En), &["de-DE", "de"]), Lang::En);
    }

    #[test]
    fn first_supported_browser_language_is_used() {
        assert_eq!(Lang::choose(None, &["fr-FR", "de-AT", "en"]), Lang::De);
        assert_eq!(Lang::choose(None, &["pl", "en-US"]), Lang::En);
    }

    #[test]
    fn falls_back_to_english() {
        assert_eq!(Lang::choose::<&str>(None, &[]), Lang::En);
        assert_eq!(Lang::choose(None, &["ja", "zh-CN"]), Lang::En);
    }

    #[test]
    fn code_round_trips() {
        for &lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.key()), Some(lang));
        }
    }
}
