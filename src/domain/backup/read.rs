//! Reading a backup file back: every check is done, and every record upgraded and
//! validated, before anything is written.

use super::*;

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
