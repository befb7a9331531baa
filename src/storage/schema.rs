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
//!
//! A protected database (version 5 on) holds sealed rows, and an upgrade transaction has
//! no key: a future step that transforms records must leave sealed rows for a step run
//! after unlock (see `storage::vault`), or it cannot read them.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbIndexParameters, IdbObjectStoreParameters, IdbTransaction};

use super::idb::{self, Tx};
use super::StorageError;
use crate::domain::code::Code;
use crate::domain::profile::{Profile, PROFILE_ID};
use crate::domain::record::Kind;
use crate::split::split_point;

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
    // Protection with a passphrase: no store or index changes (see `domain::schema`).
    Step {
        version: 5,
        new_stores: &[],
        new_indexes: &[],
    },
];

/// The last version whose upgrade transforms data; later steps only change (or, like
/// version 5, only mark) the layout, and need no migration code.
const LAST_DATA_STEP: u32 = 4;

/// What a migration found wrong, kept for the error the open call reports.
pub type UpgradeFailure = Rc<RefCell<Option<String>>>;

/// Builds the upgrade handler that brings a database from the version found on disk to
/// `target`: store and index changes at once, then the data transformations in order.
pub fn upgrade_handler(
    target: u32,
    failure: UpgradeFailure,
    migrate: Option<Migrate>,
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
            if let Err(e) = transform_data(&tx, from, target, migrate).await {
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

/// The data steps from `from` to `target`. Moving the profile out of `localStorage`
/// (version 1) is here; the later steps only have work when there is data of an earlier
/// version, and come in a chunk of their own ([`super::migrations`]) loaded before the
/// database is opened.
async fn transform_data(
    tx: &Tx,
    from: u32,
    target: u32,
    migrate: Option<Migrate>,
) -> Result<(), StorageError> {
    let moved = from < 1 && target >= 1 && move_profile_into_database(tx)?;
    if (from >= 1 || moved) && target.min(LAST_DATA_STEP) > from.max(1) {
        let migrate = migrate.ok_or(StorageError::MigrationsNotLoaded)?;
        migrate(tx, from, target).await?;
    }
    Ok(())
}

/// Whether opening `name` at `target` will migrate data, so that [`Migrate`] must be
/// loaded first: the database is at an earlier version, or a profile of the very first
/// release waits in `localStorage`. When the browser cannot say (no
/// `indexedDB.databases()`), the answer is yes: loading too much is safe, too little not.
pub async fn needs_migrations(name: &str, target: u32) -> bool {
    if legacy_profile().is_some() {
        return true;
    }
    match idb::stored_version(name).await {
        Some(version) => version >= 1 && version < target.min(LAST_DATA_STEP),
        None => true,
    }
}

/// The data steps of the upgrades after version 1, in the chunk of the code that writes
/// (`writer`: an upgrade is rare, and it writes).
pub type Migrate =
    for<'a> fn(&'a Tx, u32, u32) -> Pin<Box<dyn Future<Output = Result<(), StorageError>> + 'a>>;

split_point!(
    writer,
    /// The upgrades' data steps, fetched with their chunk when an upgrade needs them.
    pub fn load_migrations() -> Migrate {
        super::migrations::migrate
    }
);

/// Version 1 moved the profile out of `localStorage` into the database, in the shape of
/// version 1 (common fields at the top level). The `localStorage` copy is removed only
/// after the upgrade committed (see `Database::open`).
fn move_profile_into_database(tx: &Tx) -> Result<bool, StorageError> {
    let Some(profile) = legacy_profile() else {
        return Ok(false);
    };
    // The foundation release did not record when the profile was saved.
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let json = serde_json::json!({
        "id": PROFILE_ID, "created": now, "updated": now, "profile": profile,
    });
    let row = js_sys::Object::new();
    set(&row, row::ID, &PROFILE_ID.into())?;
    set(&row, row::JSON, &json.to_string().into())?;
    tx.put(&tx.store(META_STORE)?, &row)?;
    Ok(true)
}

/// A profile the first release kept in `localStorage`, if one is there to move.
fn legacy_profile() -> Option<Profile> {
    super::prefs::load_legacy_profile().filter(|p| *p != Profile::default())
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
    Kind::ALL.iter().all(|k| stores.contains(&k.key()))
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
