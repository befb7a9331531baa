//! Protection with a passphrase, as the user meets it (issue 15): the unlock screen
//! ([`unlock`], a chunk of its own: only protected users download it), the Privacy section
//! of Settings ([`settings`], with the Settings chunk), and locking ([`locking`]): the
//! header's lock button and auto-lock come with the unlock screen's chunk, only locking
//! itself (another tab may ask for it) is in the first download.

pub mod locking;
pub mod new_passphrase;
pub mod settings;
pub mod strength;
pub mod unlock;

pub use locking::lock_app;
