//! The data steps of upgrades from databases of earlier versions (2 to 4; version 5 moves
//! no data). Only a
//! database written by an older Netzweber needs them, once: they arrive in a wasm chunk
//! of their own, loaded before such a database is opened (`schema::needs_migrations`).
//! The store and index changes of every version stay in [`super::schema`].

use std::future::Future;
use std::pin::Pin;

use js_sys::Array;

use super::idb::{self, Tx};
use super::schema::{get_string, row, set, META_STORE};
use super::StorageError;
use crate::domain::code::Code;
use crate::domain::profile::PROFILE_ID;
use crate::domain::record::{Contact, Kind};
use crate::domain::schema::upgrade_record;

/// The data steps after version 1 (see [`super::schema::load_migrations`]), boxed to be
/// handed out of the chunk as a plain function.
pub fn migrate(
    tx: &Tx,
    from: u32,
    target: u32,
) -> Pin<Box<dyn Future<Output = Result<(), StorageError>> + '_>> {
    Box::pin(migrate_data(tx, from, target))
}

async fn migrate_data(tx: &Tx, from: u32, target: u32) -> Result<(), StorageError> {
    if from < 2 && target >= 2 {
        for kind in crate::domain::schema::kinds_at(1) {
            upgrade_rows(tx, kind.key(), Some(*kind), 1).await?;
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
        let rows = idb::get_all(&tx.store(R::KIND.key())?).await?;
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
        let store = tx.store(R::KIND.key())?;
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
