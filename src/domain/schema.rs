//! The history of the stored data's shape, and how a record of an older shape is brought
//! up to date.
//!
//! One version number covers both the IndexedDB schema and the backup file format, so the
//! same record upgrade serves a database migration and the import of an old backup:
//!
//! | version | what changed |
//! |---|---|
//! | 0 | foundation release: no database; the profile lived in `localStorage` |
//! | 1 | contacts, interactions, follow-ups, photos and app metadata in IndexedDB; records carried `id`, `created` and `updated` at their top level |
//! | 2 | interview plans, questions, templates and messages; every record's common fields moved into `meta` and gained a `revision` for conflict detection between tabs |
//! | 3 | contacts carry a `name` index (folded last and first name), so the contact list shows its first rows before every contact is read; records keep their shape |
//! | 4 | references are kept whole: indexes on `introduced_by`, `other_contact_id` and `message_id` find who refers to a record; stored data that a backup could not restore is repaired once (dangling references cleared as a deletion would, over-long texts shortened, impossible dates dropped); contacts may carry `introduced_by_name`, introductions `other_contact_name` |
//! | 5 | optional protection with a passphrase: the meta store may hold a `vault` row (the wrapped data key and its parameters), and record rows may be sealed (`iv` and `ct` instead of `json`, no `name` index field); records keep their shape. The step moves no data: it keeps an older Netzweber, which cannot read sealed rows, from opening the database |
//!
//! The object-store changes of each version live in `storage::schema`; this module holds
//! the data transformations, which are pure and tested natively.

use serde_json::{Map, Value};

use super::code::Code;
use super::record::Kind;

/// The current version of the stored data and of backup files.
pub const SCHEMA_VERSION: u32 = 5;

/// The oldest version a record can be upgraded from (version 0 had no records).
pub const OLDEST_RECORD_VERSION: u32 = 1;

/// The kinds that exist in data of `version`.
pub fn kinds_at(version: u32) -> &'static [Kind] {
    match version {
        0 => &[],
        1 => &Kind::ALL[..4],
        _ => Kind::ALL,
    }
}

/// Brings one record, as stored by `from`, to the current shape.
///
/// Fails with a short technical reason when the value is not a record of that version.
pub fn upgrade_record(kind: Kind, from: u32, value: &mut Value) -> Result<(), String> {
    if !(OLDEST_RECORD_VERSION..=SCHEMA_VERSION).contains(&from) {
        return Err(format!("no upgrade from version {from}"));
    }
    if !kinds_at(from).contains(&kind) {
        return Err(format!("{} did not exist in version {from}", kind.key()));
    }
    if from < 2 {
        v1_to_v2(value)?;
    }
    Ok(())
}

/// Version 2 nests `id`, `created` and `updated` under `meta` and starts `revision` at 1.
fn v1_to_v2(value: &mut Value) -> Result<(), String> {
    let object = value
        .as_object_mut()
        .ok_or_else(|| "expected an object".to_string())?;
    let mut meta = Map::new();
    for key in ["id", "created", "updated"] {
        let field = object
            .remove(key)
            .ok_or_else(|| format!("missing field `{key}`"))?;
        meta.insert(key.to_string(), field);
    }
    meta.insert("revision".to_string(), Value::from(1));
    object.insert("meta".to_string(), Value::Object(meta));
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::record::{validate, Contact, Interaction};

    #[test]
    fn version_one_records_get_meta_and_a_first_revision() {
        let mut v = json!({
            "id": "c1", "created": "2026-01-01T10:00:00Z", "updated": "2026-02-01T10:00:00Z",
            "first_name": "Jürgen", "notes": "مرحبا 👋"
        });
        upgrade_record(Kind::Contacts, 1, &mut v).unwrap();
        let contact: Contact = serde_json::from_value(v).unwrap();
        assert_eq!(contact.meta.id, "c1");
        assert_eq!(contact.meta.revision, 1);
        assert_eq!(
            contact.meta.updated.to_rfc3339(),
            "2026-02-01T10:00:00+00:00"
        );
        assert_eq!(contact.first_name, "Jürgen");
        assert_eq!(contact.notes, "مرحبا 👋");
        assert_eq!(validate(&contact), Ok(()));
    }

    #[test]
    fn current_records_pass_unchanged() {
        let original = json!({
            "meta": {"id": "i1", "created": "2026-01-01T10:00:00Z",
                     "updated": "2026-01-01T10:00:00Z", "revision": 4},
            "contact_id": "c1", "date": "2026-01-01"
        });
        let mut v = original.clone();
        upgrade_record(Kind::Interactions, SCHEMA_VERSION, &mut v).unwrap();
        assert_eq!(v, original);
        let _: Interaction = serde_json::from_value(v).unwrap();
    }

    #[test]
    fn malformed_old_records_are_reported() {
        let mut v = json!({"id": "c1", "first_name": "x"});
        assert_eq!(
            upgrade_record(Kind::Contacts, 1, &mut v),
            Err("missing field `created`".into())
        );
        assert!(upgrade_record(Kind::Contacts, 1, &mut json!([1])).is_err());
        assert!(upgrade_record(Kind::Messages, 1, &mut json!({})).is_err());
        assert!(upgrade_record(Kind::Contacts, 0, &mut json!({})).is_err());
        assert!(upgrade_record(Kind::Contacts, SCHEMA_VERSION + 1, &mut json!({})).is_err());
    }

    #[test]
    fn version_two_records_need_no_change_for_version_three() {
        let original = json!({
            "meta": {"id": "c1", "created": "2026-01-01T00:00:00Z",
                     "updated": "2026-01-01T00:00:00Z", "revision": 3},
            "first_name": "Zoë"
        });
        let mut v = original.clone();
        upgrade_record(Kind::Contacts, 2, &mut v).unwrap();
        assert_eq!(v, original);
    }

    #[test]
    fn every_version_lists_its_kinds() {
        assert!(kinds_at(0).is_empty());
        assert_eq!(kinds_at(1).len(), 4);
        assert_eq!(kinds_at(SCHEMA_VERSION), Kind::ALL);
    }
}
