//! Small preferences kept in `localStorage` under `netzweber.*` keys.
//!
//! Reads never fail loudly: a missing or unreadable value means "not chosen yet" and the
//! caller falls back to a default. Writes return an error the UI must show.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

use super::StorageError;
use crate::domain::lang::Lang;
use crate::domain::profile::Profile;
use crate::domain::theme::Theme;

/// Storage key of the chosen UI language.
pub const LANG_KEY: &str = "netzweber.lang";
/// Storage key of the chosen theme.
pub const THEME_KEY: &str = "netzweber.theme";
/// Storage key of the user's profile.
pub const PROFILE_KEY: &str = "netzweber.profile";

fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

fn write<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    LocalStorage::set(key, value).map_err(StorageError::from)
}

/// The language the user picked, if any.
pub fn load_lang() -> Option<Lang> {
    read::<String>(LANG_KEY).and_then(|code| Lang::from_tag(&code))
}

/// Remembers the user's language.
pub fn save_lang(lang: Lang) -> Result<(), StorageError> {
    write(LANG_KEY, &lang.code())
}

/// The theme the user picked, or the default.
pub fn load_theme() -> Theme {
    read::<String>(THEME_KEY)
        .and_then(|id| Theme::from_id(&id))
        .unwrap_or_default()
}

/// Remembers the user's theme.
pub fn save_theme(theme: Theme) -> Result<(), StorageError> {
    write(THEME_KEY, &theme.id())
}

/// The saved profile, or an empty one.
pub fn load_profile() -> Profile {
    read(PROFILE_KEY).unwrap_or_default()
}

/// Saves the profile.
pub fn save_profile(profile: &Profile) -> Result<(), StorageError> {
    write(PROFILE_KEY, profile)
}
