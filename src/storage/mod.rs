//! The only code that touches browser storage.
//!
//! - [`db`]: the typed database API over IndexedDB ([`idb`]), laid out and migrated by
//!   [`schema`] (the data steps of old versions in `migrations`, a chunk of their own),
//!   with changes announced to other tabs by [`sync`].
//! - [`prefs`]: small preferences in `localStorage` (language, theme, reminder settings).
//! - [`estimate`]: the Storage API's view of how much room there is and whether the
//!   browser promised to keep the data.
//!
//! Errors are typed ([`StorageError`]) so the UI can explain them in the user's language.

pub mod db;
pub mod estimate;
pub mod idb;
mod migrations;
pub mod prefs;
pub mod schema;
pub mod sync;
pub mod vault;

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
    /// Another tab upgraded the database to a newer version; this tab must reload.
    VersionChanged,
    /// The database on disk is newer than this copy of the app (another tab runs a newer
    /// version); this tab must reload.
    NewerVersionOpen,
    /// Upgrading the database to this version failed; nothing was changed. Holds the detail.
    UpgradeFailed(String),
    /// The database is of an earlier version, and the code that updates its data (a chunk
    /// of its own) could not be fetched; nothing was changed.
    MigrationsNotLoaded,
    /// The code that checks and stores a write (a chunk of its own, see
    /// `storage::db::write`) could not be fetched; nothing was written.
    WriterNotLoaded,
    /// The record is not there (any more).
    NotFound,
    /// The database is still opening (or waiting for another tab).
    NotReady,
    /// The transaction was undone on purpose.
    Aborted,
    /// The write would store what a backup could not restore (a record breaking the
    /// backup reader's rules, or a reference to a record that is gone); nothing was
    /// written.
    Refused(crate::domain::integrity::Refusal),
    /// The data is protected with a passphrase and this tab is locked (or another tab
    /// turned protection on or off since this one unlocked); nothing was read or written.
    Locked,
    /// The passphrase or recovery key does not fit; nothing changed.
    WrongSecret,
    /// A protected record of this store (empty: of a backup file) did not decrypt:
    /// tampered with, cut short or moved. Nothing was changed or deleted.
    Undecryptable(String),
    /// The browser offers no cryptography on this page (it is not served over https).
    CryptoUnavailable,
    /// The protection was set up by a newer Netzweber with parameters this one cannot use.
    VaultUnsupported,
    /// Anything else the browser reported; holds its message.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "storage unavailable"),
            StorageError::QuotaExceeded => write!(f, "storage quota exceeded"),
            StorageError::Corrupt(d) => write!(f, "stored data unreadable: {d}"),
            StorageError::VersionChanged => write!(f, "database upgraded by another tab"),
            StorageError::NewerVersionOpen => write!(f, "database is newer than this app"),
            StorageError::UpgradeFailed(d) => write!(f, "database upgrade failed: {d}"),
            StorageError::MigrationsNotLoaded => write!(f, "database upgrade not loaded"),
            StorageError::WriterNotLoaded => write!(f, "the code that saves was not loaded"),
            StorageError::NotFound => write!(f, "record not found"),
            StorageError::NotReady => write!(f, "database not open yet"),
            StorageError::Aborted => write!(f, "transaction aborted"),
            StorageError::Refused(r) => write!(f, "write refused: {r:?}"),
            StorageError::Locked => write!(f, "locked"),
            StorageError::WrongSecret => write!(f, "wrong passphrase or recovery key"),
            StorageError::Undecryptable(s) => write!(f, "{s}: a record could not be decrypted"),
            StorageError::CryptoUnavailable => write!(f, "no cryptography on this page"),
            StorageError::VaultUnsupported => write!(f, "protection set up by a newer version"),
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
