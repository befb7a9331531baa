//! The colour theme preference.

use serde::{Deserialize, Serialize};

use crate::domain::code::Code;

/// Which colour scheme the user wants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the operating system (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The key is stored as the preference and is the `data-theme` attribute value.
impl Code for Theme {
    /// In the order the picker lists them.
    const ALL: &'static [Self] = &[Theme::System, Theme::Light, Theme::Dark];

    fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}
