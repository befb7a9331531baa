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

/// Everything the user keeps in Netzweber.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    /// The user's own profile, if saved.
    pub profile: Option<SavedProfile>,
    /// People.
    pub contacts: Vec<Contact>,
    /// Timeline entries.
    pub interactions: Vec<Interaction>,
    /// Promises and follow-ups.
    pub follow_ups: Vec<FollowUp>,
    /// Contact photos.
    pub photos: Vec<Photo>,
    /// Informational interviews.
    pub interview_plans: Vec<InterviewPlan>,
    /// The user's own questions.
    pub questions: Vec<Question>,
    /// Interview and message templates.
    pub templates: Vec<Template>,
    /// Outreach messages.
    pub messages: Vec<Message>,
}

/// Calls `$body` once per record kind with `$field` bound to the dataset's vector and `$ty`
/// to its record type, so that per-kind code is written once (`mut` for a mutable vector).
macro_rules! for_each_kind {
    (mut $data:expr, |$field:ident: $ty:ident| $body:block) => {{
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Contact;
            let $field = &mut $data.contacts;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Interaction;
            let $field = &mut $data.interactions;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::FollowUp;
            let $field = &mut $data.follow_ups;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Photo;
            let $field = &mut $data.photos;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::InterviewPlan;
            let $field = &mut $data.interview_plans;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Question;
            let $field = &mut $data.questions;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Template;
            let $field = &mut $data.templates;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Message;
            let $field = &mut $data.messages;
            $body
        }
    }};
    ($data:expr, |$field:ident: $ty:ident| $body:block) => {{
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Contact;
            let $field = &$data.contacts;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Interaction;
            let $field = &$data.interactions;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::FollowUp;
            let $field = &$data.follow_ups;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Photo;
            let $field = &$data.photos;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::InterviewPlan;
            let $field = &$data.interview_plans;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Question;
            let $field = &$data.questions;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Template;
            let $field = &$data.templates;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Message;
            let $field = &$data.messages;
            $body
        }
    }};
}
pub(crate) use for_each_kind;

/// Evaluates `$body` with `$ty` bound to the record type of the kind `$kind` (known only
/// at run time), so that generic per-kind code can be chosen by a [`Kind`] value.
#[allow(unused_macros)]
macro_rules! with_kind {
    ($kind:expr, |$ty:ident| $body:expr) => {{
        use $crate::domain::record::Kind as K;
        match $kind {
            K::Contacts => {
                type $ty = $crate::domain::record::Contact;
                $body
            }
            K::Interactions => {
                type $ty = $crate::domain::record::Interaction;
                $body
            }
            K::FollowUps => {
                type $ty = $crate::domain::record::FollowUp;
                $body
            }
            K::Photos => {
                type $ty = $crate::domain::record::Photo;
                $body
            }
            K::InterviewPlans => {
                type $ty = $crate::domain::record::InterviewPlan;
                $body
            }
            K::Questions => {
                type $ty = $crate::domain::record::Question;
                $body
            }
            K::Templates => {
                type $ty = $crate::domain::record::Template;
                $body
            }
            K::Messages => {
                type $ty = $crate::domain::record::Message;
                $body
            }
        }
    }};
}
#[allow(unused_imports)]
pub(crate) use with_kind;

impl Dataset {
    /// How many records of each kind there are (the profile not counted).
    pub fn counts(&self) -> BTreeMap<Kind, usize> {
        let mut counts = BTreeMap::new();
        for_each_kind!(self, |records: R| {
            counts.insert(R::KIND, records.len());
        });
        counts
    }

    /// Whether there is nothing at all.
    pub fn is_empty(&self) -> bool {
        self.profile.is_none() && self.counts().values().all(|n| *n == 0)
    }

    /// Every record's id and updated time per kind, and the profile's updated time.
    pub fn stamps(&self) -> Stamps {
        let mut stamps = Stamps::default();
        for_each_kind!(self, |records: R| {
            let map = stamps.kinds.entry(R::KIND).or_default();
            for r in records {
                map.insert(r.meta().id.clone(), r.meta().updated.timestamp_millis());
            }
        });
        stamps.profile = self
            .profile
            .as_ref()
            .map(|p| p.meta.updated.timestamp_millis());
        stamps
    }
}

/// Ids and updated times of stored records, enough to preview an import. Times are
/// milliseconds since the epoch: the precision the database indexes them with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamps {
    /// Per kind: id → updated.
    pub kinds: BTreeMap<Kind, HashMap<String, i64>>,
    /// The profile's updated time, if saved.
    pub profile: Option<i64>,
}

/// The header and records of a backup file as written.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    format_version: u32,
    app_version: &'a str,
    created_at: DateTime<Utc>,
    counts: BTreeMap<&'static str, usize>,
    profile: &'a Option<SavedProfile>,
    records: RecordsOut<'a>,
}

#[derive(Serialize)]
struct RecordsOut<'a> {
    contacts: &'a [Contact],
    interactions: &'a [Interaction],
    follow_ups: &'a [FollowUp],
    photos: &'a [Photo],
    interview_plans: &'a [InterviewPlan],
    questions: &'a [Question],
    templates: &'a [Template],
    messages: &'a [Message],
}

/// Writes `data` as a backup file.
pub fn write_backup(data: &Dataset, app_version: &str, now: DateTime<Utc>) -> String {
    let file = FileOut {
        format: FORMAT_NAME,
        format_version: SCHEMA_VERSION,
        app_version,
        created_at: now,
        counts: data
            .counts()
            .into_iter()
            .map(|(k, n)| (k.key(), n))
            .collect(),
        profile: &data.profile,
        records: RecordsOut {
            contacts: &data.contacts,
            interactions: &data.interactions,
            follow_ups: &data.follow_ups,
            photos: &data.photos,
            interview_plans: &data.interview_plans,
            questions: &data.questions,
            templates: &data.templates,
            messages: &data.messages,
        },
    };
    // Serialising plain data structures to a string cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}

/// What the header of a backup file says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    /// The format version the file was written in.
    pub format_version: u32,
    /// The app version that wrote it, if stated.
    pub app_version: Option<String>,
    /// When it was written, if stated.
    pub created_at: Option<DateTime<Utc>>,
}

/// Why a file cannot be imported. Nothing is written in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// The file is empty or holds only whitespace.
    Empty,
    /// The file is larger than [`MAX_BACKUP_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// The file ends in the middle: it was cut off while copying or downloading.
    Truncated,
    /// The file is not JSON at all.
    NotJson {
        /// Line of the first error, from 1.
        line: usize,
        /// Column of the first error, from 1.
        column: usize,
    },
    /// JSON, but not a Netzweber backup (another program's file).
    NotABackup,
    /// Written by a newer Netzweber that knows a format this one does not.
    FromTheFuture {
        /// The file's format version.
        found: u64,
    },
    /// The header is damaged; holds the technical detail.
    BadHeader(String),
    /// Records are missing fields, have wrong types, clash or point nowhere.
    Invalid {
        /// The first [`MAX_LISTED_PROBLEMS`] problems.
        problems: Vec<Problem>,
        /// How many problems there are in all.
        total: usize,
    },
}

/// One problem with one record of a backup file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The record's kind (`None` for the profile or the file's record list itself).
    pub kind: Option<Kind>,
    /// Position in its list, from 1.
    pub position: Option<usize>,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// What is wrong.
    pub issue: Issue,
}

/// What is wrong with a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// Missing field or wrong type; holds the parser's detail.
    Shape(String),
    /// The record's values are not acceptable.
    Record(RecordProblem),
    /// Another record of the same kind has this id.
    DuplicateId,
    /// The header's count for this kind differs from the records present.
    CountMismatch {
        /// What the header says.
        expected: u64,
        /// What the file holds.
        found: usize,
    },
    /// The file has a record list Netzweber does not know.
    UnknownKind(String),
}

/// A backup file that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// What the header says.
    pub info: BackupInfo,
    /// The records, upgraded to the current shape, with references to records that are
    /// not in the file cleared as a deletion would have (see [`Backup::repairs`]).
    pub data: Dataset,
    /// References to records that are not in the file, and what was done about each.
    /// Backups written before deletions kept references whole hold such references; the
    /// import preview lists them.
    pub repairs: Repairs,
}

struct Problems {
    listed: Vec<Problem>,
    total: usize,
}

impl Problems {
    fn push(
        &mut self,
        kind: Option<Kind>,
        position: Option<usize>,
        id: Option<&str>,
        issue: Issue,
    ) {
        self.total += 1;
        if self.listed.len() < MAX_LISTED_PROBLEMS {
            self.listed.push(Problem {
                kind,
                position,
                id: id.map(str::to_string),
                issue,
            });
        }
    }
}

/// Reads and checks a whole backup file. On success every record is valid, ids are unique
/// per kind and every reference resolves within the file: references to records that are
/// not in it are cleared as a deletion clears them, and listed in [`Backup::repairs`].
pub fn read_backup(text: &str) -> Result<Backup, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge {
            bytes: text.len() as u64,
        });
    }
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    // The file is split into raw JSON pieces first; each record is then parsed straight
    // into its type (the same parser the database uses), so nothing is built twice.
    let root: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(e) if e.is_eof() => return Err(BackupError::Truncated),
        Err(e) if e.is_syntax() => {
            return Err(BackupError::NotJson {
                line: e.line(),
                column: e.column(),
            })
        }
        // Valid JSON, but not an object.
        Err(_) => return Err(BackupError::NotABackup),
    };
    let field = |name: &str| root.get(name).map(|raw| raw.get());
    if field("format").and_then(|f| serde_json::from_str::<&str>(f).ok()) != Some(FORMAT_NAME) {
        return Err(BackupError::NotABackup);
    }
    let version = match field("format_version").and_then(|v| serde_json::from_str::<u64>(v).ok()) {
        Some(v) if v > u64::from(SCHEMA_VERSION) => {
            return Err(BackupError::FromTheFuture { found: v })
        }
        Some(v) if v >= u64::from(OLDEST_RECORD_VERSION) => v as u32,
        _ => {
            return Err(BackupError::BadHeader(
                "format_version must be a whole number from 1".into(),
            ))
        }
    };
    let text_field = |name: &str| field(name).and_then(|v| serde_json::from_str::<String>(v).ok());
    let info = BackupInfo {
        format_version: version,
        app_version: text_field("app_version"),
        created_at: text_field("created_at").and_then(|s| s.parse().ok()),
    };
    let counts: Option<BTreeMap<String, u64>> = match field("counts") {
        None => None,
        Some(raw) => Some(serde_json::from_str(raw).map_err(|_| {
            BackupError::BadHeader("counts must be an object of whole numbers".into())
        })?),
    };
    let mut records: BTreeMap<String, &RawValue> = match field("records") {
        Some(raw) => serde_json::from_str(raw)
            .map_err(|_| BackupError::BadHeader("records must be an object".into()))?,
        None => return Err(BackupError::BadHeader("records must be an object".into())),
    };

    let mut problems = Problems {
        listed: Vec::new(),
        total: 0,
    };
    for name in records.keys() {
        match Kind::from_key(name) {
            Some(kind) if kinds_at(version).contains(&kind) => {}
            _ => problems.push(None, None, None, Issue::UnknownKind(name.clone())),
        }
    }

    // Entries per kind as listed, valid or not, to compare with the header's counts.
    let mut listed = BTreeMap::new();
    let mut reader = KindReader {
        records: &mut records,
        version,
        problems: &mut problems,
        listed: &mut listed,
    };
    let mut data = Dataset {
        profile: None,
        contacts: reader.read(),
        interactions: reader.read(),
        follow_ups: reader.read(),
        photos: reader.read(),
        interview_plans: reader.read(),
        questions: reader.read(),
        templates: reader.read(),
        messages: reader.read(),
    };
    data.profile = read_profile(field("profile"), version, &mut problems);
    if let Some(counts) = counts {
        for (kind, found) in listed {
            let expected = counts.get(kind.key()).copied().unwrap_or(0);
            if expected != found as u64 {
                problems.push(
                    Some(kind),
                    None,
                    None,
                    Issue::CountMismatch { expected, found },
                );
            }
        }
    }
    if problems.total > 0 {
        return Err(BackupError::Invalid {
            problems: problems.listed,
            total: problems.total,
        });
    }
    // Only once every record read: a record that failed to read would make every
    // reference to it dangle, and clearing those would hide the real problem.
    let repairs = clear_dangling(&mut data);
    // Stable order, so that export → import → export yields the same file.
    sort_by_id(&mut data);
    Ok(Backup {
        info,
        data,
        repairs,
    })
}

fn read_profile(raw: Option<&str>, version: u32, problems: &mut Problems) -> Option<SavedProfile> {
    let raw = raw.filter(|r| r.trim() != "null")?;
    // Version 1 stored the profile with flat common fields, like every record.
    let result = parse_record::<SavedProfile>(raw, Kind::Contacts, version);
    match result {
        Ok(p) => match p.check() {
            Ok(()) => Some(p),
            Err(RecordProblem::BadId) => {
                problems.push(
                    None,
                    None,
                    Some(&p.meta.id),
                    Issue::Record(RecordProblem::BadId),
                );
                None
            }
            Err(_) => {
                problems.push(
                    None,
                    None,
                    Some(PROFILE_ID),
                    Issue::Shape("profile fields".into()),
                );
                None
            }
        },
        Err(e) => {
            problems.push(None, None, Some(PROFILE_ID), Issue::Shape(e));
            None
        }
    }
}

/// Parses one record written at `version`: directly if that is the current shape,
/// through the upgrade otherwise.
fn parse_record<T: DeserializeOwned>(raw: &str, kind: Kind, version: u32) -> Result<T, String> {
    if version == SCHEMA_VERSION {
        return serde_json::from_str(raw).map_err(detail);
    }
    let mut value: Value = serde_json::from_str(raw).map_err(detail)?;
    upgrade_record(kind, version, &mut value)?;
    serde_json::from_str(&value.to_string()).map_err(detail)
}

/// The parser's message without its position, which counts from the record's start and
/// would only mislead next to "Contacts no. 4".
fn detail(e: serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// The id of a record that failed to parse, for the problem report.
fn raw_id(raw: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct MetaId {
        id: Option<String>,
    }
    #[derive(Deserialize)]
    struct Ids {
        meta: Option<MetaId>,
        id: Option<String>,
    }
    let ids: Ids = serde_json::from_str(raw).ok()?;
    ids.meta.and_then(|m| m.id).or(ids.id)
}

/// Reads one record list after another out of a file's `records` object.
struct KindReader<'a, 'r> {
    records: &'a mut BTreeMap<String, &'r RawValue>,
    version: u32,
    problems: &'a mut Problems,
    listed: &'a mut BTreeMap<Kind, usize>,
}

impl KindReader<'_, '_> {
    fn read<R: Record>(&mut self) -> Vec<R> {
        let kind = R::KIND;
        let list: Vec<&RawValue> = match self.records.remove(kind.key()) {
            None => Vec::new(),
            Some(raw) => match serde_json::from_str(raw.get()) {
                Ok(list) => list,
                Err(_) => {
                    self.problems.push(
                        Some(kind),
                        None,
                        None,
                        Issue::Shape("expected a list".into()),
                    );
                    return Vec::new();
                }
            },
        };
        self.listed.insert(kind, list.len());
        read_list(list, self.version, self.problems)
    }
}

fn read_list<R: Record>(list: Vec<&RawValue>, version: u32, problems: &mut Problems) -> Vec<R> {
    let kind = R::KIND;
    let mut seen = HashSet::with_capacity(list.len());
    let mut out = Vec::with_capacity(list.len());
    for (index, raw) in list.into_iter().enumerate() {
        let position = Some(index + 1);
        let record: R = match parse_record(raw.get(), kind, version) {
            Ok(r) => r,
            Err(e) => {
                problems.push(
                    Some(kind),
                    position,
                    raw_id(raw.get()).as_deref(),
                    Issue::Shape(e),
                );
                continue;
            }
        };
        let id = record.meta().id.clone();
        if let Err(p) = validate(&record) {
            problems.push(Some(kind), position, Some(&id), Issue::Record(p));
            continue;
        }
        if !seen.insert(id.clone()) {
            problems.push(Some(kind), position, Some(&id), Issue::DuplicateId);
            continue;
        }
        out.push(record);
    }
    out
}

fn by_id<R: Record>(records: &mut Vec<R>) {
    sort_by(records, |a, b| a.meta().id.cmp(&b.meta().id));
}

/// Orders every kind's records by id, the order IndexedDB returns them in.
pub fn sort_by_id(data: &mut Dataset) {
    by_id(&mut data.contacts);
    by_id(&mut data.interactions);
    by_id(&mut data.follow_ups);
    by_id(&mut data.photos);
    by_id(&mut data.interview_plans);
    by_id(&mut data.questions);
    by_id(&mut data.templates);
    by_id(&mut data.messages);
}

/// How an import would change one kind of record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindPreview {
    /// Records in the file.
    pub in_file: usize,
    /// In the file, not on this device.
    pub new: usize,
    /// On both, the file's copy saved later: a merge takes it.
    pub newer: usize,
    /// On both, this device's copy as new or newer: a merge keeps it.
    pub kept: usize,
    /// On this device, not in the file: a replacement deletes them.
    pub only_here: usize,
}

impl KindPreview {
    fn add(&mut self, other: KindPreview) {
        self.in_file += other.in_file;
        self.new += other.new;
        self.newer += other.newer;
        self.kept += other.kept;
        self.only_here += other.only_here;
    }
}

/// How an import would change the stored data, per kind and in total.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// Per record kind.
    pub kinds: BTreeMap<Kind, KindPreview>,
    /// The profile, counted like a record.
    pub profile: KindPreview,
}

impl Preview {
    /// All kinds and the profile added up.
    pub fn total(&self) -> KindPreview {
        let mut total = self.profile;
        for p in self.kinds.values() {
            total.add(*p);
        }
        total
    }
}

fn preview_one(
    incoming: &HashMap<String, i64>,
    stored: Option<&HashMap<String, i64>>,
) -> KindPreview {
    let empty = HashMap::new();
    let stored = stored.unwrap_or(&empty);
    let mut p = KindPreview {
        in_file: incoming.len(),
        ..KindPreview::default()
    };
    for (id, updated) in incoming {
        match stored.get(id) {
            None => p.new += 1,
            Some(here) if updated > here => p.newer += 1,
            Some(_) => p.kept += 1,
        }
    }
    p.only_here = stored
        .keys()
        .filter(|id| !incoming.contains_key(*id))
        .count();
    p
}

/// Compares a checked backup with what is stored.
pub fn preview(backup: &Dataset, stored: &Stamps) -> Preview {
    let incoming = backup.stamps();
    let kinds = Kind::ALL
        .iter()
        .map(|&kind| {
            let empty = HashMap::new();
            let inc = incoming.kinds.get(&kind).unwrap_or(&empty);
            (kind, preview_one(inc, stored.kinds.get(&kind)))
        })
        .collect();
    let as_map = |t: Option<i64>| -> HashMap<String, i64> {
        t.map(|t| (PROFILE_ID.to_string(), t)).into_iter().collect()
    };
    let profile = preview_one(&as_map(incoming.profile), Some(&as_map(stored.profile)));
    Preview { kinds, profile }
}

fn newer_only<R: Record>(records: &[R], stored: Option<&HashMap<String, i64>>) -> Vec<R> {
    records
        .iter()
        .filter(|r| match stored.and_then(|s| s.get(&r.meta().id)) {
            None => true,
            Some(here) => r.meta().updated.timestamp_millis() > *here,
        })
        .cloned()
        .collect()
}

/// The records a merge writes: those not stored yet, and those the file has a later
/// version of. Everything else stays as stored.
pub fn merge_selection(backup: &Dataset, stored: &Stamps) -> Dataset {
    let s = |k: Kind| stored.kinds.get(&k);
    Dataset {
        profile: backup.profile.clone().filter(|p| {
            stored
                .profile
                .is_none_or(|here| p.meta.updated.timestamp_millis() > here)
        }),
        contacts: newer_only(&backup.contacts, s(Kind::Contacts)),
        interactions: newer_only(&backup.interactions, s(Kind::Interactions)),
        follow_ups: newer_only(&backup.follow_ups, s(Kind::FollowUps)),
        photos: newer_only(&backup.photos, s(Kind::Photos)),
        interview_plans: newer_only(&backup.interview_plans, s(Kind::InterviewPlans)),
        questions: newer_only(&backup.questions, s(Kind::Questions)),
        templates: newer_only(&backup.templates, s(Kind::Templates)),
        messages: newer_only(&backup.messages, s(Kind::Messages)),
    }
}

/// How an import is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Add new records, take newer ones, keep the rest.
    Merge,
    /// Delete everything stored, then write the file's records.
    Replace,
}

/// When the user last exported and how their data changed since, kept in the database
/// next to the data so that it changes in the same transaction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    /// When the last backup was exported.
    pub last_export: Option<DateTime<Utc>>,
    /// The first change after the last export (or ever, if never exported).
    pub changed_since_export: Option<DateTime<Utc>>,
    /// The latest change.
    pub last_change: Option<DateTime<Utc>>,
}

impl Activity {
    /// Records a change at `now`.
    pub fn changed(&mut self, now: DateTime<Utc>) {
        self.changed_since_export.get_or_insert(now);
        self.last_change = Some(now);
    }

    /// Records an export at `now`.
    pub fn exported(&mut self, now: DateTime<Utc>) {
        self.last_export = Some(now);
        self.changed_since_export = None;
    }

    /// Whether to suggest a backup: data changed since the last export, and that export
    /// (or, if there never was one, the first change) is at least `every_days` old.
    /// A dismissal quiets the reminder for [`REMINDER_SNOOZE_DAYS`].
    pub fn backup_due(
        &self,
        now: DateTime<Utc>,
        every_days: Option<u32>,
        dismissed: Option<DateTime<Utc>>,
    ) -> bool {
        let (Some(days), Some(changed)) = (every_days, self.changed_since_export) else {
            return false;
        };
        let since = self.last_export.unwrap_or(changed);
        let snoozed = dismissed.is_some_and(|d| now - d < Duration::days(REMINDER_SNOOZE_DAYS));
        now - since >= Duration::days(i64::from(days)) && !snoozed
    }
}

/// Days a dismissed backup reminder stays away.
pub const REMINDER_SNOOZE_DAYS: i64 = 7;

/// Default days between backup reminders.
pub const DEFAULT_REMINDER_DAYS: u32 = 14;

/// A fresh [`Meta`] for a record created at `now`, already counted as saved once.
pub fn first_meta(id: impl Into<String>, now: DateTime<Utc>) -> Meta {
    Meta {
        revision: 1,
        ..Meta::new(id, now)
    }
}

#[cfg(test)]
mod tests;
