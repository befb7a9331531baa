//! Settings → Import contacts and Export contacts and calendar: the screens over
//! `domain::interop`. Part of the settings chunk; nothing here is on the first download.

mod export;
mod import;

pub use export::ExportSection;
pub use import::ImportSection;
