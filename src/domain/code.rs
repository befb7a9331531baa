//! One convention for the closed sets of values that records store as text: channels,
//! purposes, statuses, circles, question families and the like.
//!
//! Every such enum implements [`Code`]: `ALL` lists its values in the order pickers show
//! them, `key` is the text stored in records and backups, `from_key` reads it back. The UI
//! builds its `<select>`s and the query parameters of its addresses from the same keys.
//!
//! A record field holds a [`Code`] in one of two ways, decided by what stored data can
//! already contain:
//! - **`Coded<T>`** for fields that were free text in earlier versions (message channel,
//!   purpose, status, language and form of address, a plan item's state, a question's
//!   family, a template's purpose, a contact's preferred channel). Rows and backups may
//!   hold any line there, and a newer version may add a value; an unknown key is kept as
//!   it was read ([`Coded::Unknown`]) and written back unchanged, and each screen decides
//!   openly what it shows for it.
//! - **the enum itself** (serde-derived, same spelling as `key`, pinned by a test) for
//!   fields that have always been enums (circle, interaction and follow-up kind, meeting
//!   format): no stored row can hold anything else, and the backup reader refuses a file
//!   that does, naming the record.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A closed set of values with a stable text key each.
pub trait Code: Copy + Eq + 'static {
    /// Every value, in the order a picker lists them.
    const ALL: &'static [Self];

    /// The text stored in records, backups and addresses.
    fn key(self) -> &'static str;

    /// The value stored as `key`, if this version knows it.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.key() == key)
    }
}

/// A stored [`Code`]: a value this version knows, or the key as it was read.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Coded<T: Code> {
    /// A value this version knows.
    Known(T),
    /// A key this version does not know (from a newer version, or typed into an older
    /// free-text field); kept so that saving the record does not change it.
    Unknown(String),
}

impl<T: Code> Coded<T> {
    /// The stored key.
    pub fn key(&self) -> &str {
        match self {
            Coded::Known(v) => v.key(),
            Coded::Unknown(key) => key,
        }
    }

    /// The value, if this version knows it.
    pub fn known(&self) -> Option<T> {
        match self {
            Coded::Known(v) => Some(*v),
            Coded::Unknown(_) => None,
        }
    }

    /// The value, or `fallback` for an unknown key: for rules that need some value and
    /// say in their documentation which one an unknown key counts as.
    pub fn or(&self, fallback: T) -> T {
        self.known().unwrap_or(fallback)
    }

    /// Whether this is `value`.
    pub fn is(&self, value: T) -> bool {
        self.known() == Some(value)
    }
}

impl<T: Code> From<T> for Coded<T> {
    fn from(value: T) -> Self {
        Coded::Known(value)
    }
}

impl<T: Code> From<String> for Coded<T> {
    fn from(key: String) -> Self {
        match T::from_key(&key) {
            Some(v) => Coded::Known(v),
            None => Coded::Unknown(key),
        }
    }
}

impl<T: Code> From<&str> for Coded<T> {
    fn from(key: &str) -> Self {
        match T::from_key(key) {
            Some(v) => Coded::Known(v),
            None => Coded::Unknown(key.to_string()),
        }
    }
}

/// A field missing from a stored row reads as the enum's default, as the empty text
/// it used to be read as did.
impl<T: Code + Default> Default for Coded<T> {
    fn default() -> Self {
        Coded::Known(T::default())
    }
}

impl<T: Code> Serialize for Coded<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de, T: Code> Deserialize<'de> for Coded<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Coded::from)
    }
}

/// Serde for an optional [`Coded`] stored as text where the empty text means "none"
/// (`#[serde(default, with = "code::optional")]`), the shape these fields had as strings.
pub mod optional {
    use super::*;

    /// Writes `None` as the empty text.
    pub fn serialize<S: Serializer, T: Code>(
        value: &Option<Coded<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value.as_ref().map_or("", Coded::key))
    }

    /// Reads the empty text as `None`.
    pub fn deserialize<'de, D: Deserializer<'de>, T: Code>(
        deserializer: D,
    ) -> Result<Option<Coded<T>>, D::Error> {
        let key = String::deserialize(deserializer)?;
        Ok((!key.is_empty()).then(|| Coded::from(key)))
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;

    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    enum Colour {
        #[default]
        Red,
        Blue,
    }

    impl Code for Colour {
        const ALL: &'static [Self] = &[Colour::Red, Colour::Blue];
        fn key(self) -> &'static str {
            match self {
                Colour::Red => "red",
                Colour::Blue => "blue",
            }
        }
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Row {
        #[serde(default)]
        colour: Coded<Colour>,
        #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
        second: Option<Coded<Colour>>,
    }

    #[test]
    fn known_keys_read_as_values_and_write_back_the_same() {
        let row: Row = serde_json::from_str(r#"{"colour":"blue","second":"red"}"#).unwrap();
        assert_eq!(row.colour, Coded::Known(Colour::Blue));
        assert_eq!(row.second, Some(Coded::Known(Colour::Red)));
        assert_eq!(
            serde_json::to_string(&row).unwrap(),
            r#"{"colour":"blue","second":"red"}"#
        );
    }

    #[test]
    fn unknown_keys_are_kept_as_read() {
        let text = r#"{"colour":"Green \u2013 new","second":" red"}"#;
        let row: Row = serde_json::from_str(text).unwrap();
        assert_eq!(row.colour, Coded::Unknown("Green – new".into()));
        assert_eq!(row.colour.known(), None);
        assert_eq!(row.colour.or(Colour::Blue), Colour::Blue);
        assert!(!row.colour.is(Colour::Red));
        assert_eq!(row.second, Some(Coded::Unknown(" red".into())));
        let again: Row = serde_json::from_str(&serde_json::to_string(&row).unwrap()).unwrap();
        assert_eq!(again, row);
    }

    #[test]
    fn missing_fields_read_as_the_default_and_empty_optional_text_as_none() {
        let row: Row = serde_json::from_str("{}").unwrap();
        assert_eq!(row.colour, Coded::Known(Colour::Red));
        assert_eq!(row.second, None);
        let row: Row = serde_json::from_str(r#"{"colour":"","second":""}"#).unwrap();
        assert_eq!(row.colour, Coded::Unknown(String::new()));
        assert_eq!(row.second, None);
        assert_eq!(serde_json::to_string(&row).unwrap(), r#"{"colour":""}"#);
    }

    /// Every value's key reads back as the value, and no two values share a key.
    fn round_trips<T: Code + std::fmt::Debug>() -> usize {
        let mut seen = std::collections::HashSet::new();
        for &v in T::ALL {
            assert_eq!(T::from_key(v.key()), Some(v), "{v:?}");
            assert!(seen.insert(v.key()), "{v:?} repeats the key {}", v.key());
        }
        assert_eq!(T::from_key("no such key"), None);
        T::ALL.len()
    }

    /// For an enum serde writes itself: every value is written as its key, and read back
    /// from it, so a record and a picker never disagree on the spelling.
    fn serde_spells_keys<T>()
    where
        T: Code + std::fmt::Debug + Serialize + for<'de> Deserialize<'de>,
    {
        for &v in T::ALL {
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(v.key()));
            assert_eq!(
                serde_json::from_value::<T>(serde_json::json!(v.key())).unwrap(),
                v
            );
        }
    }

    #[test]
    fn every_stored_enumeration_round_trips_through_its_keys() {
        use crate::domain::contacts::network::{Only, Sort};
        use crate::domain::interviews::library::Family;
        use crate::domain::interviews::plan::ItemState;
        use crate::domain::lang::Lang;
        use crate::domain::messages::model::{Address, Channel, Purpose, Status};
        use crate::domain::record::{
            Circle, FollowUpKind, InteractionKind, Kind, MeetingFormat, PreferredChannel,
            TemplatePurpose,
        };
        use crate::domain::theme::Theme;

        assert_eq!(round_trips::<Channel>(), 4);
        assert_eq!(round_trips::<Purpose>(), 5);
        assert_eq!(round_trips::<Address>(), 2);
        assert_eq!(round_trips::<Status>(), 6);
        assert_eq!(round_trips::<Lang>(), 2);
        assert_eq!(round_trips::<Family>(), 12);
        assert_eq!(round_trips::<ItemState>(), 3);
        assert_eq!(round_trips::<TemplatePurpose>(), 2);
        assert_eq!(round_trips::<PreferredChannel>(), 6);
        assert_eq!(round_trips::<Circle>(), 3);
        assert_eq!(round_trips::<InteractionKind>(), 9);
        assert_eq!(round_trips::<FollowUpKind>(), 3);
        assert_eq!(round_trips::<MeetingFormat>(), 3);
        assert_eq!(round_trips::<Kind>(), 8);
        assert_eq!(round_trips::<Theme>(), 3);
        assert_eq!(round_trips::<Only>(), 3);
        assert_eq!(round_trips::<Sort>(), 3);
        serde_spells_keys::<Circle>();
        serde_spells_keys::<InteractionKind>();
        serde_spells_keys::<FollowUpKind>();
        serde_spells_keys::<MeetingFormat>();
        serde_spells_keys::<Kind>();
    }

    #[test]
    fn the_stored_spellings_of_earlier_versions_still_read() {
        use crate::domain::interviews::plan::ItemState;
        use crate::domain::lang::Lang;
        use crate::domain::messages::model::{Address, Channel, Purpose, Status};
        use crate::domain::record::PreferredChannel;
        // As versions 2 to 4 wrote them (and the contact form since version 1).
        assert_eq!(
            Channel::from_key("linkedin_note"),
            Some(Channel::LinkedInNote)
        );
        assert_eq!(
            Channel::from_key("linkedin_message"),
            Some(Channel::LinkedInMessage)
        );
        assert_eq!(
            Channel::from_key("xing_message"),
            Some(Channel::XingMessage)
        );
        assert_eq!(
            Purpose::from_key("informational_interview"),
            Some(Purpose::Interview)
        );
        assert_eq!(
            Status::from_key("meeting_agreed"),
            Some(Status::MeetingAgreed)
        );
        assert_eq!(Address::from_key("du"), Some(Address::Du));
        assert_eq!(ItemState::from_key(""), Some(ItemState::Open));
        assert_eq!(
            PreferredChannel::from_key("linkedin"),
            Some(PreferredChannel::LinkedIn)
        );
        assert_eq!(
            PreferredChannel::from_key("in_person"),
            Some(PreferredChannel::InPerson)
        );
        // A language reads by its primary subtag, as messages were read before.
        assert_eq!(Lang::from_key("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_key("EN"), Some(Lang::En));
    }

    #[test]
    fn other_json_types_are_refused() {
        assert!(serde_json::from_str::<Row>(r#"{"colour":3}"#).is_err());
        assert!(serde_json::from_str::<Row>(r#"{"colour":null}"#).is_err());
    }
}
