//! Helpers the screens of several features share, one concern per file.

pub mod dates;
pub mod field;
pub mod focus;
pub mod routes;
pub mod select;
