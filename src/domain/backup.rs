//! Backup files: writing them, and reading one back with every check done before anything
//! is written, then planning a merge or a replacement.
//!
//! The format is documented in `docs/backup-format.md`.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::integrity::{clear_dangling, Repairs};
use super::profile::{SavedProfile, PROFILE_ID};
use super::record::Question;
use super::record::{
    validate, Contact, FollowUp, Interaction, InterviewPlan, Kind, Message, Meta, Photo, Record,
    RecordProblem, Template,
};
use super::schema::{kinds_at, upgrade_record, OLDEST_RECORD_VERSION, SCHEMA_VERSION};
use crate::domain::code::Code;
use crate::domain::sorting::sort_by;

/// The `format` value that marks a Netzweber backup.
pub const FORMAT_NAME: &str = "netzweber-backup";
/// Largest backup file accepted, in bytes. Parsing needs several times the file's size in
/// memory; a phone tab should not run out of it.
pub const MAX_BACKUP_BYTES: usize = 40 * 1024 * 1024;
/// How many record problems an import lists before it just counts them.
pub const MAX_LISTED_PROBLEMS: usize = 10;

mod activity;
mod dataset;
mod preview;
mod read;
mod write;

pub use activity::*;
pub use dataset::*;
pub use preview::*;
pub use read::*;
pub use write::*;

#[cfg(test)]
mod tests;
