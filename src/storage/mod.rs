//! The only code that touches browser storage.
//!
//! - [`prefs`]: small preferences in `localStorage` (language, theme, the user's profile).
//! - [`estimate`]: the Storage API's view of how much room there is and whether the
//!   browser promised to keep the data.
//!
//! Errors are typed ([`StorageError`]) so the UI can explain them in the user's language.

pub mod estimate;
pub mod prefs;

use std::fmt;

/// A failure to read or write browser storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses storage altogether (disabled, or a locked-down private window).
    Unavailable,
    /// The site's storage quota is used up.
    QuotaExceeded,
    /// A stored value could not be understood; holds the technical detail.
    Corrupt(String),
    /// Anything else the browser reported; holds its message.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "storage unavailable"),
            StorageError::QuotaExceeded => write!(f, "storage quota exceeded"),
            StorageError::Corrupt(d) => write!(f, "stored data unreadable: {d}"),
            StorageError::Other(d) => write!(f, "storage error: {d}"),
        }
    }
}

impl std::error::Error for StorageError {}

impl From<gloo_storage::errors::StorageError> for StorageError {
    fn from(e: gloo_storage::errors::StorageError) -> Self {
        use gloo_storage::errors::StorageError as G;
        match e {
            G::SerdeError(e) => StorageError::Corrupt(e.to_string()),
            G::KeyNotFound(k) => StorageError::Corrupt(format!("missing key {k}")),
            G::JsError(js) => {
                if js.name == "QuotaExceededError" {
                    StorageError::QuotaExceeded
                } else if js.name == "SecurityError" {
                    StorageError::Unavailable
                } else {
                    StorageError::Other(format!("{}: {}", js.name, js.message))
                }
            }
        }
    }
}
