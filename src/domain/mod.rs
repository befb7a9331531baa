//! Pure domain logic: models and rules with no browser, framework or clock access.
//!
//! Everything here compiles and is tested natively (`cargo test`). Callers pass the
//! current time in where a rule needs it, so tests can pin it.

pub mod backup;
pub mod code;
pub mod contacts;
pub mod format;
pub mod insights;
pub mod integrity;
pub mod interop;
pub mod interviews;
pub mod lang;
pub mod link;
pub mod messages;
pub mod privacy;
pub mod profile;
pub mod record;
pub mod schema;
pub mod sorting;
pub mod storage_status;
pub mod theme;
