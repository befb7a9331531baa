//! Settings → Import contacts and Export contacts and calendar: the screens over
//! `domain::interop`, in the settings chunk; and sharing one contact or interview from
//! its page. Nothing here is on the first download.

mod export;
mod import;
mod phone_contacts;
mod share;

pub use export::ExportSection;
pub use import::ImportSection;
pub use share::{add_to_calendar, share_contact, share_contacts};
