//! Keeping the references between records whole: what a removal does to the records that
//! point at the removed one, and how a dataset whose references point nowhere (an old
//! backup, a database written before this rule) is made whole.
//!
//! Everything here walks the one declaration of references, [`Record::references`] and
//! [`Record::references_mut`]; [`REFERENCES`] lists the same fields per kind so that the
//! storage layer knows which stores to look in, and a test keeps the two in step.
//!
//! About 600 lines: removal and repair are one rule seen from two sides.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::backup::{for_each_kind, Dataset};
use super::link::SafeLink;
use super::record::{
    fit, in_range, validate, Kind, Link, Record, RecordProblem, Slot, MAX_YEAR, MIN_YEAR,
};
use crate::domain::sorting::sort;

/// A field of one kind that refers to records of another: the static form of the
/// declarations in [`Record::references_mut`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReferenceField {
    /// The kind holding the reference.
    pub from: Kind,
    /// The field, as named in backups.
    pub field: &'static str,
    /// The kind referred to.
    pub target: Kind,
    /// What happens to the holder when the target goes.
    pub link: Link,
    /// The object-store index on this field, if there is one.
    pub index: Option<&'static str>,
}

const fn field(
    from: Kind,
    field: &'static str,
    target: Kind,
    link: Link,
    index: Option<&'static str>,
) -> ReferenceField {
    ReferenceField {
        from,
        field,
        target,
        link,
        index,
    }
}

/// Every reference field of every kind.
pub const REFERENCES: [ReferenceField; 10] = [
    field(
        Kind::Contacts,
        "introduced_by",
        Kind::Contacts,
        Link::Mention,
        Some("introduced_by"),
    ),
    field(
        Kind::Interactions,
        "contact_id",
        Kind::Contacts,
        Link::Owner,
        Some("contact"),
    ),
    field(
        Kind::Interactions,
        "other_contact_id",
        Kind::Contacts,
        Link::Mention,
        Some("other_contact"),
    ),
    field(
        Kind::FollowUps,
        "contact_id",
        Kind::Contacts,
        Link::Owner,
        Some("contact"),
    ),
    field(
        Kind::FollowUps,
        "message_id",
        Kind::Messages,
        Link::Mention,
        Some("message"),
    ),
    field(
        Kind::Photos,
        "contact_id",
        Kind::Contacts,
        Link::Owner,
        Some("contact"),
    ),
    field(
        Kind::InterviewPlans,
        "contact_id",
        Kind::Contacts,
        Link::Mention,
        Some("contact"),
    ),
    // Plans are few and read whole; their questions need no index.
    field(
        Kind::InterviewPlans,
        "items.question_id",
        Kind::Questions,
        Link::Mention,
        None,
    ),
    field(
        Kind::Messages,
        "contact_id",
        Kind::Contacts,
        Link::Mention,
        Some("contact"),
    ),
    // A user has a few templates; removing one reads the messages whole.
    field(
        Kind::Messages,
        "template_id",
        Kind::Templates,
        Link::Mention,
        None,
    ),
];

/// The fields that refer to records of `target`.
pub fn referrers_of(target: Kind) -> impl Iterator<Item = &'static ReferenceField> {
    REFERENCES.iter().filter(move |r| r.target == target)
}

/// What a removal does to one record that may refer to the removed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// It does not refer to it.
    Untouched,
    /// It mentioned it; the reference is cleared and the name kept where the record has
    /// room for it.
    Detached,
    /// It belongs to it and goes too.
    Removed,
}

/// The name and company of a contact being removed, kept by the records that mention it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gone<'a> {
    /// The contact's display name.
    pub name: &'a str,
    /// Where they work.
    pub company: &'a str,
}

/// Applies the removal of record `id` of kind `target` to `record`: clears a mention
/// (keeping `gone`'s name if the target is a contact), or says the record goes too.
/// A record that goes is left unchanged.
pub fn on_removal<R: Record>(
    record: &mut R,
    target: Kind,
    id: &str,
    gone: Option<Gone<'_>>,
) -> Effect {
    let mut hits = record
        .references_mut()
        .into_iter()
        .filter(|r| r.target == target && r.id() == Some(id))
        .peekable();
    if hits.peek().is_none() {
        return Effect::Untouched;
    }
    let hits: Vec<_> = hits.collect();
    if hits
        .iter()
        .any(|r| r.link == Link::Owner || matches!(r.slot, Slot::Required(_)))
    {
        return Effect::Removed;
    }
    let mut fields = Vec::new();
    for r in hits {
        if let Slot::Optional(slot) = r.slot {
            *slot = None;
        }
        fields.push(r.field);
    }
    if let (Some(gone), Kind::Contacts) = (gone, target) {
        for f in fields {
            record.remember_contact(f, gone.name, gone.company);
        }
    }
    Effect::Detached
}

/// A reference to a record that is not there, found by [`clear_dangling`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dangling {
    /// The kind of the record holding it.
    pub kind: Kind,
    /// That record's id.
    pub id: String,
    /// The referring field.
    pub field: &'static str,
    /// The kind referred to.
    pub target_kind: Kind,
    /// The id referred to.
    pub target: String,
    /// Whether the holder was left out (it belongs to the missing record) or only the
    /// reference was cleared.
    pub effect: Effect,
}

/// What [`clear_dangling`] changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Every dangling reference found, in kind and id order.
    pub found: Vec<Dangling>,
}

impl Repairs {
    /// References cleared (the record stays).
    pub fn cleared(&self) -> usize {
        self.count(Effect::Detached)
    }

    /// Records left out because what they belong to is missing.
    pub fn removed(&self) -> usize {
        self.count(Effect::Removed)
    }

    fn count(&self, effect: Effect) -> usize {
        self.found.iter().filter(|d| d.effect == effect).count()
    }

    /// Whether nothing was changed.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }
}

/// Treats every reference in `data` that points to a record not in `data` as a removal
/// of that record would: mentions are cleared, records that belong to a missing one are
/// left out. Repeats until nothing dangles (a record left out may itself be referred to).
pub fn clear_dangling(data: &mut Dataset) -> Repairs {
    let mut repairs = Repairs::default();
    loop {
        let ids = data.stamps().kinds;
        let exists = |kind: Kind, id: &str| ids.get(&kind).is_some_and(|m| m.contains_key(id));
        let before = repairs.found.len();
        for_each_kind!(mut data, |records: R| {
            clear_in(records, &exists, &mut repairs.found);
        });
        if repairs.found.len() == before {
            return repairs;
        }
    }
}

fn clear_in<R: Record>(
    records: &mut Vec<R>,
    exists: &impl Fn(Kind, &str) -> bool,
    found: &mut Vec<Dangling>,
) {
    records.retain_mut(|record| {
        let id = record.meta().id.clone();
        let mut keep = true;
        for r in record.references_mut() {
            let Some(target) = r.id().map(str::to_string) else {
                continue;
            };
            if exists(r.target, &target) {
                continue;
            }
            let owner = r.link == Link::Owner || matches!(r.slot, Slot::Required(_));
            if owner {
                keep = false;
            } else if let Slot::Optional(slot) = r.slot {
                *slot = None;
            }
            found.push(Dangling {
                kind: R::KIND,
                id: id.clone(),
                field: r.field,
                target_kind: r.target,
                target,
                effect: if owner {
                    Effect::Removed
                } else {
                    Effect::Detached
                },
            });
        }
        keep
    });
}

/// What [`repair_dataset`] changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DatasetRepair {
    /// Records changed to pass [`validate`] (texts shortened, impossible dates dropped).
    pub fixed: Vec<(Kind, String)>,
    /// Records that could not be made valid and were left out.
    pub dropped: Vec<(Kind, String)>,
    /// References to records that are not there, cleared or their holders left out.
    pub references: Repairs,
    /// Whether the profile was changed to pass its checks.
    pub profile_fixed: bool,
}

/// Makes stored data exportable and restorable: every record made to pass [`validate`]
/// ([`make_valid`]), then every dangling reference treated as a removal would treat it
/// ([`clear_dangling`]). For data written before every write was checked.
pub fn repair_dataset(data: &mut Dataset, now: DateTime<Utc>) -> DatasetRepair {
    let mut out = DatasetRepair::default();
    for_each_kind!(mut data, |records: R| {
        records.retain_mut(|r| match make_valid(r, now) {
            Fix::Valid => true,
            Fix::Fixed(fixed) => {
                out.fixed.push((R::KIND, fixed.meta().id.clone()));
                *r = fixed;
                true
            }
            Fix::Hopeless(_) => {
                out.dropped.push((R::KIND, r.meta().id.clone()));
                false
            }
        });
    });
    if let Some(p) = &mut data.profile {
        if p.check().is_err() {
            p.profile = p.profile.repaired();
            out.profile_fixed = true;
        }
    }
    out.references = clear_dangling(data);
    out
}

/// Why the storage layer refuses a write: it would store what the backup reader refuses,
/// so the user's next backup could not be restored. Nothing is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A record breaks one of the reader's rules.
    Invalid {
        /// Its kind (`None`: the profile).
        kind: Option<Kind>,
        /// Its id.
        id: String,
        /// What is wrong.
        problem: RecordProblem,
    },
    /// A record refers to one that is not stored (deleted or merged away meanwhile,
    /// perhaps in another tab).
    Missing {
        /// The kind of the record holding the reference.
        kind: Kind,
        /// Its id.
        id: String,
        /// The referring field.
        field: &'static str,
        /// The kind referred to.
        target_kind: Kind,
        /// The id referred to.
        target: String,
    },
}

/// Checks every record of `data` with [`validate`], the check the backup reader applies.
pub fn check_all(data: &Dataset) -> Result<(), Refusal> {
    let mut result = Ok(());
    for_each_kind!(data, |records: R| {
        if result.is_ok() {
            result = records.iter().try_for_each(|r| {
                validate(r).map_err(|problem| Refusal::Invalid {
                    kind: Some(R::KIND),
                    id: r.meta().id.clone(),
                    problem,
                })
            });
        }
    });
    result
}

/// The references of `data` to records that are not in `data` itself: these must be
/// stored for the write to keep every reference whole. Each as the refusal it becomes if
/// the target is not there.
pub fn outside_references(data: &Dataset) -> Vec<Refusal> {
    let ids = data.stamps().kinds;
    let inside = |kind: Kind, id: &str| ids.get(&kind).is_some_and(|m| m.contains_key(id));
    let mut out = Vec::new();
    for_each_kind!(data, |records: R| {
        for r in records {
            for reference in r.references() {
                if !inside(reference.target, reference.id) {
                    out.push(Refusal::Missing {
                        kind: R::KIND,
                        id: r.meta().id.clone(),
                        field: reference.field,
                        target_kind: reference.target,
                        target: reference.id.to_string(),
                    });
                }
            }
        }
    });
    out
}

/// The stores a write of `kinds` must see: theirs, and those their references point to.
pub fn stores_to_check(kinds: impl IntoIterator<Item = Kind>) -> Vec<Kind> {
    let mut out: Vec<Kind> = Vec::new();
    for kind in kinds {
        out.push(kind);
        out.extend(
            REFERENCES
                .iter()
                .filter(|r| r.from == kind)
                .map(|r| r.target),
        );
    }
    sort(&mut out);
    out.dedup();
    out
}

/// What [`make_valid`] did with a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fix<R> {
    /// It passed [`validate`] as it was.
    Valid,
    /// It did not; this copy does (texts shortened with "…", out-of-range dates and
    /// unsafe links dropped, an empty name marked "?").
    Fixed(R),
    /// It cannot be made valid (a bad id, a photo that is no image).
    Hopeless(RecordProblem),
}

/// A copy of `record` that passes the same [`validate`] the backup reader applies, for
/// data stored before every write was checked. `now` replaces impossible save times.
pub fn make_valid<R: Record>(record: &R, now: DateTime<Utc>) -> Fix<R> {
    let Err(mut problem) = validate(record) else {
        return Fix::Valid;
    };
    // Through text rather than `to_value`/`from_value`: the app already has the text
    // serialisers of every record, and each further set costs download size.
    let Ok(mut value) =
        serde_json::to_string(record).and_then(|t| serde_json::from_str::<Value>(&t))
    else {
        return Fix::Hopeless(problem);
    };
    // Each round fixes the problem `validate` reports first; a record has few fields.
    for _ in 0..256 {
        if !fix_value(&mut value, &problem, now) {
            return Fix::Hopeless(problem);
        }
        let Ok(fixed) = serde_json::from_str::<R>(&value.to_string()) else {
            return Fix::Hopeless(problem);
        };
        match validate(&fixed) {
            Ok(()) => return Fix::Fixed(fixed),
            Err(next) => problem = next,
        }
    }
    Fix::Hopeless(problem)
}

/// The values at a dotted `path` (`items.text` walks every item), to change in place.
fn values_at<'v>(value: &'v mut Value, path: &str) -> Vec<&'v mut Value> {
    let mut current = vec![value];
    for key in path.split('.') {
        let mut next = Vec::new();
        for v in current {
            match v {
                Value::Object(map) => {
                    if let Some(child) = map.get_mut(key) {
                        next.push(child);
                    }
                }
                Value::Array(list) => next.extend(list.iter_mut().filter_map(|i| i.get_mut(key))),
                _ => {}
            }
        }
        current = next;
    }
    // A list of texts (tags, keywords) is fixed element by element.
    current
        .into_iter()
        .flat_map(|v| match v {
            Value::Array(list) => list.iter_mut().collect::<Vec<_>>(),
            other => vec![other],
        })
        .collect()
}

fn fix_value(value: &mut Value, problem: &RecordProblem, now: DateTime<Utc>) -> bool {
    match *problem {
        RecordProblem::TooLong { field, max } => {
            let mut changed = false;
            for v in values_at(value, field) {
                if let Value::String(s) = v {
                    if s.chars().count() > max {
                        *s = fit(s, max);
                        changed = true;
                    }
                }
            }
            changed
        }
        RecordProblem::Missing(field) => {
            let mut changed = false;
            for v in values_at(value, field) {
                *v = Value::from("?");
                changed = true;
            }
            changed || set_field(value, field, Value::from("?"))
        }
        RecordProblem::Invalid(field) => fix_invalid(value, field),
        RecordProblem::BadMeta => fix_meta(value, now),
        RecordProblem::BadId => false,
    }
}

fn set_field(value: &mut Value, field: &str, new: Value) -> bool {
    match value.as_object_mut() {
        Some(map) if !field.contains('.') => {
            map.insert(field.to_string(), new);
            true
        }
        _ => false,
    }
}

fn fix_invalid(value: &mut Value, field: &str) -> bool {
    match field {
        "duration_minutes" => {
            let n = value[field].as_u64().unwrap_or(30).clamp(15, 60);
            set_field(value, field, Value::from(n))
        }
        "items.minutes" => {
            for v in values_at(value, field) {
                *v = Value::from(v.as_u64().unwrap_or(0).min(60));
            }
            true
        }
        "links" => {
            let Some(list) = value[field].as_array_mut() else {
                return false;
            };
            list.retain(|l| l.as_str().is_some_and(|l| SafeLink::parse(l).is_ok()));
            true
        }
        "greetings" => {
            let Some(list) = value[field].as_array_mut() else {
                return false;
            };
            list.retain(|y| {
                y.as_i64()
                    .is_some_and(|y| (i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&y))
            });
            true
        }
        // A required date (a timeline entry's day) moves to the nearest one allowed.
        "date" if value[field].is_string() => {
            let year = value[field]
                .as_str()
                .and_then(|d| d.get(..d.len().min(5)))
                .map(|y| y.trim_start_matches('+'))
                .and_then(|y| y.parse::<i32>().ok());
            let day = if year.is_some_and(|y| y < MIN_YEAR) {
                format!("{MIN_YEAR}-01-01")
            } else {
                format!("{MAX_YEAR}-12-31")
            };
            set_field(value, field, Value::from(day))
        }
        // Every other invalid value is an optional one: a birthday, a date met, a time.
        _ => {
            let mut changed = false;
            for v in values_at(value, field) {
                *v = Value::Null;
                changed = true;
            }
            changed
        }
    }
}

fn fix_meta(value: &mut Value, now: DateTime<Utc>) -> bool {
    let Some(meta) = value.get_mut("meta").and_then(Value::as_object_mut) else {
        return false;
    };
    let time = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .and_then(|s| s.parse::<DateTime<Utc>>().ok())
            .filter(|t| in_range(t.date_naive()))
            .unwrap_or(now)
    };
    let created = time(meta.get("created"));
    let updated = time(meta.get("updated")).max(created);
    let revision = meta
        .get("revision")
        .and_then(Value::as_u64)
        .unwrap_or(0)
        .max(1);
    meta.insert("created".into(), serde_json::json!(created));
    meta.insert("updated".into(), serde_json::json!(updated));
    meta.insert("revision".into(), Value::from(revision));
    true
}

#[cfg(test)]
mod tests;
