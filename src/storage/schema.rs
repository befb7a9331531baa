//! The database's layout at every version, and the migrations between them, in one place.
//!
//! Every record is stored as a row `{ id, json, updated, …index fields }`: `json` is the
//! record as serde writes it, `updated` (milliseconds) and the index fields are copies for
//! the object-store indexes. Keeping the record as one JSON string makes a row cheap to
//! clone into IndexedDB and lets a migration transform data with the same pure functions
//! that upgrade old backup files ([`crate::domain::schema`]).
//!
//! To add version N: append a [`Step`] to [`STEPS`] with its store and index changes and,
//! if records change shape, a data transformation; raise `domain::schema::SCHEMA_VERSION`;
//! extend the browser test that opens a database written at every earlier version.
//! Never change or remove an existing step: users' databases went through it.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbIndexParameters, IdbObjectStoreParameters, IdbTransaction};

use super::idb::{self, Tx};
use super::StorageError;
use crate::domain::profile::{Profile, PROFILE_ID};
use crate::domain::record::{Contact, Kind};
use crate::domain::schema::upgrade_record;

/// The store for app metadata: the profile and the backup activity.
pub const META_STORE: &str = "meta";
/// Row id of the backup activity in [`META_STORE`].
pub const ACTIVITY_ID: &str = "activity";

/// Field names of a row.
pub mod row {
    /// The record id, the key path of every store.
    pub const ID: &str = "id";
    /// The record as JSON.
    pub const JSON: &str = "json";
    /// The record's updated time in milliseconds.
    pub const UPDATED: &str = "updated";
}

/// One version's changes.
struct Step {
    version: u32,
    /// Stores created at this version, with their indexes as (name, key path).
    new_stores: &'static [(&'static str, &'static [(&'static str, &'static str)])],
    /// Indexes added to stores that existed before.
    new_indexes: &'static [(&'static str, &'static str, &'static str)],
}

const STEPS: &[Step] = &[
    Step {
        version: 1,
        new_stores: &[
            ("contacts", &[]),
            ("interactions", &[("contact", "contact"), ("date", "date")]),
            ("follow_ups", &[("contact", "contact"), ("due", "due")]),
            ("photos", &[("contact", "contact")]),
            (META_STORE, &[]),
        ],
        new_indexes: &[],
    },
    Step {
        version: 2,
        new_stores: &[
            (
                "interview_plans",
                &[
                    ("contact", "contact"),
                    ("date", "date"),
                    ("updated", "updated"),
                ],
            ),
            ("questions", &[("updated", "updated")]),
            ("templates", &[("updated", "updated")]),
            (
                "messages",
                &[
                    ("contact", "contact"),
                    ("date", "date"),
                    ("updated", "updated"),
                ],
            ),
        ],
        new_indexes: &[
            ("contacts", "updated", "updated"),
            ("interactions", "updated", "updated"),
            ("follow_ups", "updated", "updated"),
            ("photos", "updated", "updated"),
        ],
    },
    Step {
        version: 3,
        new_stores: &[],
        new_indexes: &[("contacts", "name", "name")],
    },
    Step {
        version: 4,
        new_stores: &[],
        new_indexes: &[
            ("contacts", "introduced_by", "introduced_by"),
            ("interactions", "other_contact", "other_contact"),
            ("follow_ups", "message", "message"),
        ],
    },
];

/// What a migration found wrong, kept for the error the open call reports.
pub type UpgradeFailure = Rc<RefCell<Option<String>>>;

/// Builds the upgrade handler that brings a database from the version found on disk to
/// `target`: store and index changes at once, then the data transformations in order.
pub fn upgrade_handler(
    target: u32,
    failure: UpgradeFailure,
) -> Box<dyn FnOnce(IdbDatabase, IdbTransaction, u32)> {
    Box::new(move |db, tx, from| {
        let structural = STEPS
            .iter()
            .filter(|s| s.version > from && s.version <= target)
            .try_for_each(|step| apply_structure(&db, &tx, step));
        if let Err(e) = structural {
            *failure.borrow_mut() = Some(e.to_string());
            let _ = tx.abort();
            return;
        }
        let tx = Tx::wrap(tx);
        // Storage does not depend on the UI framework's executor; wasm-bindgen-futures
        // polls on microtasks, so the upgrade transaction stays active between requests.
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = transform_data(&tx, from, target).await {
                *failure.borrow_mut() = Some(e.to_string());
                tx.abort();
            }
        });
    })
}

fn apply_structure(db: &IdbDatabase, tx: &IdbTransaction, step: &Step) -> Result<(), StorageError> {
    let js = |e: JsValue| idb::to_error(&e);
    for (name, indexes) in step.new_stores {
        let params = IdbObjectStoreParameters::new();
        params.set_key_path(&JsValue::from_str(row::ID));
        let store = db
            .create_object_store_with_optional_parameters(name, &params)
            .map_err(js)?;
        for (index, key_path) in *indexes {
            store
                .create_index_with_str_and_optional_parameters(
                    index,
                    key_path,
                    &IdbIndexParameters::new(),
                )
                .map_err(js)?;
        }
    }
    for (store, index, key_path) in step.new_indexes {
        tx.object_store(store)
            .map_err(js)?
            .create_index_with_str(index, key_path)
            .map_err(js)?;
    }
    Ok(())
}

async fn transform_data(tx: &Tx, from: u32, target: u32) -> Result<(), StorageError> {
    if from < 1 && target >= 1 {
        move_profile_into_database(tx)?;
    }
    if from < 2 && target >= 2 {
        for kind in crate::domain::schema::kinds_at(1) {
            upgrade_rows(tx, kind.name(), Some(*kind), 1).await?;
        }
        upgrade_rows(tx, META_STORE, None, 1).await?;
    }
    if from < 3 && target >= 3 {
        add_contact_names(tx).await?;
    }
    if from < 4 && target >= 4 {
        repair_for_backups(tx).await?;
    }
    Ok(())
}

/// Version 4 makes what earlier versions stored restorable from its own backup (see
/// `domain::integrity::repair_dataset`) and fills the new reference indexes: the kinds
/// that gained an index are written anew, the others only where a record changed.
async fn repair_for_backups(tx: &Tx) -> Result<(), StorageError> {
    use crate::domain::backup::{for_each_kind, Dataset};
    use crate::domain::integrity::repair_dataset;
    use crate::domain::record::Record;
    use std::collections::HashSet;

    let mut data = Dataset::default();
    for_each_kind!(mut data, |records: R| {
        let rows = idb::get_all(&tx.store(R::KIND.name())?).await?;
        *records = super::db::rows_to_records(&rows)?;
    });
    data.profile = match idb::get(&tx.store(META_STORE)?, &PROFILE_ID.into()).await? {
        Some(row) => Some(super::db::from_row(&row)?),
        None => None,
    };
    // The ids per kind as stored, in the order of `Kind::ALL`, to delete what the repair
    // leaves out.
    let mut stored_ids: Vec<HashSet<String>> = Vec::new();
    for_each_kind!(data, |records: R| {
        stored_ids.push(records.iter().map(|r| r.meta().id.clone()).collect());
    });
    let now: chrono::DateTime<chrono::Utc> = String::from(js_sys::Date::new_0().to_iso_string())
        .parse()
        .map_err(|_| StorageError::Other("clock".into()))?;
    let repair = repair_dataset(&mut data, now);
    let mut touched: HashSet<(Kind, String)> = repair.fixed.iter().cloned().collect();
    touched.extend(
        repair
            .references
            .found
            .iter()
            .map(|d| (d.kind, d.id.clone())),
    );
    let reindexed = [Kind::Contacts, Kind::Interactions, Kind::FollowUps];
    let mut stored_ids = stored_ids.into_iter();
    for_each_kind!(data, |records: R| {
        let store = tx.store(R::KIND.name())?;
        let mut kept = HashSet::with_capacity(records.len());
        for r in records {
            let id = r.meta().id.clone();
            if reindexed.contains(&R::KIND) || touched.contains(&(R::KIND, id.clone())) {
                tx.put(&store, &super::db::to_row(r)?)?;
            }
            kept.insert(id);
        }
        // Left out by the repair: no longer stored.
        for id in stored_ids.next().unwrap_or_default().difference(&kept) {
            tx.delete(&store, &id.as_str().into())?;
        }
    });
    if repair.profile_fixed {
        if let Some(p) = &data.profile {
            tx.put(&tx.store(META_STORE)?, &super::db::to_row(p)?)?;
        }
    }
    Ok(())
}

/// Version 3 indexes contacts by name: every contact row gets its `name` field, written
/// the way a save writes it. Runs after the earlier steps, so rows are in today's shape.
async fn add_contact_names(tx: &Tx) -> Result<(), StorageError> {
    let store = tx.store("contacts")?;
    for row in idb::get_all(&store).await?.iter() {
        let contact: Contact = super::db::from_row(&row)?;
        tx.put(&store, &super::db::to_row(&contact)?)?;
    }
    Ok(())
}

/// Version 1 moved the profile out of `localStorage` into the database, in the shape of
/// version 1 (common fields at the top level). The `localStorage` copy is removed only
/// after the upgrade committed (see `Database::open`).
fn move_profile_into_database(tx: &Tx) -> Result<(), StorageError> {
    let Some(profile) = super::prefs::load_legacy_profile() else {
        return Ok(());
    };
    if profile == Profile::default() {
        return Ok(());
    }
    // The foundation release did not record when the profile was saved.
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let json = serde_json::json!({
        "id": PROFILE_ID, "created": now, "updated": now, "profile": profile,
    });
    let row = js_sys::Object::new();
    set(&row, row::ID, &PROFILE_ID.into())?;
    set(&row, row::JSON, &json.to_string().into())?;
    tx.put(&tx.store(META_STORE)?, &row)
}

/// Rewrites every row of `store` from the record shape of `from` to the current one.
/// Meta rows other than the profile are not records and stay as they are.
async fn upgrade_rows(
    tx: &Tx,
    store: &str,
    kind: Option<Kind>,
    from: u32,
) -> Result<(), StorageError> {
    let object_store = tx.store(store)?;
    let rows: Array = idb::get_all(&object_store).await?;
    for row in rows.iter() {
        let id = get_string(&row, row::ID).unwrap_or_default();
        let Some(json) = get_string(&row, row::JSON) else {
            continue;
        };
        if kind.is_none() && id != PROFILE_ID {
            continue;
        }
        let mut value: serde_json::Value = serde_json::from_str(&json)
            .map_err(|e| StorageError::Corrupt(format!("{store}/{id}: {e}")))?;
        // The profile's common fields moved exactly like a contact's.
        upgrade_record(kind.unwrap_or(Kind::Contacts), from, &mut value)
            .map_err(|e| StorageError::Corrupt(format!("{store}/{id}: {e}")))?;
        let updated = value["meta"]["updated"]
            .as_str()
            .and_then(|s| s.parse::<chrono::DateTime<chrono::Utc>>().ok())
            .map(|t| t.timestamp_millis() as f64)
            .ok_or_else(|| StorageError::Corrupt(format!("{store}/{id}: updated")))?;
        set(&row, row::JSON, &value.to_string().into())?;
        set(&row, row::UPDATED, &updated.into())?;
        tx.put(&object_store, &row)?;
    }
    Ok(())
}

/// Sets a property on a row object.
pub fn set(target: &JsValue, key: &str, value: &JsValue) -> Result<(), StorageError> {
    js_sys::Reflect::set(target, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|e| idb::to_error(&e))
}

/// Reads a text property of a row object.
pub fn get_string(target: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
}

/// Every store of the current version.
pub fn all_stores() -> Vec<&'static str> {
    STEPS
        .iter()
        .flat_map(|s| s.new_stores.iter().map(|(name, _)| *name))
        .collect()
}

/// Checks that the steps name every record kind's store, once.
pub fn stores_cover_kinds() -> bool {
    let stores = all_stores();
    Kind::ALL.iter().all(|k| stores.contains(&k.name()))
        && stores.len() == Kind::ALL.len() + 1
        && stores
            .iter()
            .all(|s| stores.iter().filter(|t| *t == s).count() == 1)
}

/// Reads back the list of stores an open database has (for tests and diagnostics).
pub fn store_names(db: &IdbDatabase) -> Vec<String> {
    let names = db.object_store_names();
    (0..names.length()).filter_map(|i| names.item(i)).collect()
}

/// The names of the indexes of `store` in `db` (tests and diagnostics).
pub fn index_names(db: &IdbDatabase, store: &str) -> Result<Vec<String>, StorageError> {
    let tx = db
        .transaction_with_str(store)
        .map_err(|e| idb::to_error(&e))?;
    let names = tx
        .object_store(store)
        .map_err(|e| idb::to_error(&e))?
        .index_names();
    Ok((0..names.length()).filter_map(|i| names.item(i)).collect())
}

/// Converts a thrown value or event to a [`StorageError`].
pub fn js_error(value: JsValue) -> StorageError {
    match value.dyn_into::<web_sys::DomException>() {
        Ok(e) => idb::to_error(&e.into()),
        Err(v) => idb::to_error(&v),
    }
}
