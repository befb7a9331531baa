//! How records become rows and back, and the small helpers every write shares: stamping
//! a save, noting it in the backup activity, putting whole datasets.
//!
//! A transaction's [`RowKey`] decides the row shape: plain rows hold the record's JSON
//! and every index field; sealed rows (protection on) hold `iv` and `ct` instead of the
//! JSON and leave out [`PRIVATE_INDEXES`]. Reading opens either shape.

use chrono::{DateTime, Utc};
use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::IdbObjectStore;

use super::{ImportReport, Stored};
use crate::domain::backup::{Activity, Dataset, Stamps};
use crate::domain::code::Code;
use crate::domain::profile::{SavedProfile, PROFILE_ID};
use crate::domain::record::{IndexValue, Kind, Meta, Record};
use crate::storage::idb::{self, Tx};
use crate::storage::schema::{get_string, row, set, ACTIVITY_ID, META_STORE};
use crate::storage::vault::{check_row_key, RowKey};
use crate::storage::StorageError;

/// Index fields that would tell a stranger who is stored (a contact's folded name):
/// sealed rows leave them out. Ids and dates stay, as the issue allows.
const PRIVATE_INDEXES: &[&str] = &["name"];

/// Marks a record as saved once more at `now`.
pub(super) fn stamp(meta: &mut Meta, now: DateTime<Utc>) {
    if meta.revision == 0 {
        meta.created = now;
    }
    meta.revision += 1;
    meta.updated = now.max(meta.created);
}

/// Gives new records revision 1 and `created = updated = now`.
pub(super) fn fresh_all(data: &mut Dataset, now: DateTime<Utc>) {
    fn fresh<R: Record>(list: &mut [R], now: DateTime<Utc>) {
        for r in list {
            let meta = Record::meta_mut(r);
            meta.revision = 0;
            stamp(meta, now);
        }
    }
    fresh(&mut data.contacts, now);
    fresh(&mut data.interactions, now);
    fresh(&mut data.follow_ups, now);
    fresh(&mut data.photos, now);
    fresh(&mut data.interview_plans, now);
    fresh(&mut data.questions, now);
    fresh(&mut data.templates, now);
    fresh(&mut data.messages, now);
}

/// The stores a dataset writes to (the profile's is added by the caller if needed).
pub(super) fn dataset_stores(data: &Dataset) -> Vec<&'static str> {
    let counts = [
        (Kind::Contacts, data.contacts.len()),
        (Kind::Interactions, data.interactions.len()),
        (Kind::FollowUps, data.follow_ups.len()),
        (Kind::Photos, data.photos.len()),
        (Kind::InterviewPlans, data.interview_plans.len()),
        (Kind::Questions, data.questions.len()),
        (Kind::Templates, data.templates.len()),
        (Kind::Messages, data.messages.len()),
    ];
    counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, _)| k.key())
        .collect()
}

/// Puts every record of `data` and its profile, counting what it wrote.
pub(crate) async fn put_dataset(
    tx: &Tx,
    data: &Dataset,
    report: &mut ImportReport,
) -> Result<(), StorageError> {
    put_all(tx, &data.contacts, report).await?;
    put_all(tx, &data.interactions, report).await?;
    put_all(tx, &data.follow_ups, report).await?;
    put_all(tx, &data.photos, report).await?;
    put_all(tx, &data.interview_plans, report).await?;
    put_all(tx, &data.questions, report).await?;
    put_all(tx, &data.templates, report).await?;
    put_all(tx, &data.messages, report).await?;
    if let Some(profile) = &data.profile {
        tx.put_sealed(&tx.store(META_STORE)?, &row_of(tx, profile)?)
            .await?;
        report.written.insert(None, 1);
    }
    Ok(())
}

/// Everything stored, read in `tx`. All reads are issued at once; each store is decoded
/// while the browser fetches the next.
pub(crate) async fn read_dataset(tx: &Tx) -> Result<Dataset, StorageError> {
    use std::collections::VecDeque;
    use wasm_bindgen::JsCast;
    let profile = idb::get(&tx.store(META_STORE)?, &PROFILE_ID.into()).await?;
    let mut pending = Kind::ALL
        .iter()
        .map(|kind| idb::start_get_all(&tx.store(kind.key())?))
        .collect::<Result<VecDeque<_>, _>>()?;
    let mut next = async || -> Result<Array, StorageError> {
        let p = pending.pop_front().ok_or(StorageError::Aborted)?;
        Ok(p.wait().await?.unchecked_into())
    };
    // In the order of `Kind::ALL`.
    Ok(Dataset {
        profile: profile.map(|row| from_row(&row)).transpose()?,
        contacts: rows_to_records(&next().await?)?,
        interactions: rows_to_records(&next().await?)?,
        follow_ups: rows_to_records(&next().await?)?,
        photos: rows_to_records(&next().await?)?,
        interview_plans: rows_to_records(&next().await?)?,
        questions: rows_to_records(&next().await?)?,
        templates: rows_to_records(&next().await?)?,
        messages: rows_to_records(&next().await?)?,
    })
}

/// How many rows are serialised and put before the page gets a turn: writing 20,000
/// imported contacts in one go held the page for 1.5 s.
const PUTS_PER_TURN: usize = 500;

async fn put_all<R: Record>(
    tx: &Tx,
    records: &[R],
    report: &mut ImportReport,
) -> Result<(), StorageError> {
    if records.is_empty() {
        return Ok(());
    }
    let store = tx.store(R::KIND.key())?;
    for chunk in records.chunks(PUTS_PER_TURN) {
        let rows = chunk
            .iter()
            .map(|r| row_of(tx, r))
            .collect::<Result<Array, _>>()?;
        tx.put_all_sealed(&store, &rows).await?;
        if records.len() > PUTS_PER_TURN {
            // Waiting on a request of the same transaction keeps it open while the page
            // runs whatever else is due (input, rendering the progress).
            let last = Record::meta(&chunk[chunk.len() - 1]).id.as_str();
            idb::get(&store, &last.into()).await?;
        }
    }
    *report.written.entry(Some(R::KIND)).or_default() += records.len();
    Ok(())
}

pub(super) async fn read_stamps(tx: &Tx) -> Result<Stamps, StorageError> {
    let mut stamps = Stamps::default();
    let id_key: JsValue = row::ID.into();
    let updated_key: JsValue = row::UPDATED.into();
    for &kind in Kind::ALL {
        // Ids and times are never sealed: nothing to decrypt for them.
        let rows = idb::get_all_unopened(&tx.store(kind.key())?).await?;
        let map = stamps.kinds.entry(kind).or_default();
        map.reserve(rows.length() as usize);
        for r in rows.iter() {
            let id = js_sys::Reflect::get(&r, &id_key)
                .ok()
                .and_then(|v| v.as_string());
            let updated = js_sys::Reflect::get(&r, &updated_key)
                .ok()
                .and_then(|v| v.as_f64());
            if let (Some(id), Some(updated)) = (id, updated) {
                map.insert(id, updated as i64);
            }
        }
    }
    let profile: Option<SavedProfile> =
        match idb::get(&tx.store(META_STORE)?, &PROFILE_ID.into()).await? {
            Some(row) => Some(from_row(&row)?),
            None => None,
        };
    stamps.profile = profile.map(|p| p.meta.updated.timestamp_millis());
    Ok(stamps)
}

pub(super) async fn read_activity(store: &IdbObjectStore) -> Result<Activity, StorageError> {
    match idb::get(store, &ACTIVITY_ID.into()).await? {
        Some(row) => {
            let json = get_string(&row, row::JSON).unwrap_or_default();
            serde_json::from_str(&json).map_err(|e| StorageError::Corrupt(format!("activity: {e}")))
        }
        None => Ok(Activity::default()),
    }
}

pub(super) fn activity_row(activity: &Activity) -> Result<JsValue, StorageError> {
    let r = js_sys::Object::new();
    set(&r, row::ID, &ACTIVITY_ID.into())?;
    let json = serde_json::to_string(activity).map_err(|e| StorageError::Other(e.to_string()))?;
    set(&r, row::JSON, &json.into())?;
    Ok(r.into())
}

/// Notes a change in the backup activity, inside the transaction that made it. Every
/// write ends here, so this is also where a write by a tab whose protection is out of
/// date (another tab turned it on or off) is undone.
pub(super) async fn touch_activity(tx: &Tx, now: DateTime<Utc>) -> Result<(), StorageError> {
    let store = tx.store(META_STORE)?;
    check_row_key(tx, &store).await?;
    let mut activity = read_activity(&store).await?;
    activity.changed(now);
    tx.put(&store, &activity_row(&activity)?)
}

/// A record as a plain row (database upgrades and tests; writes use [`row_of`]).
pub fn to_row<T: Stored>(record: &T) -> Result<JsValue, StorageError> {
    plain_row(record, true)
}

fn plain_row<T: Stored>(record: &T, private_indexes: bool) -> Result<JsValue, StorageError> {
    let r = js_sys::Object::new();
    let meta = record.meta();
    set(&r, row::ID, &meta.id.as_str().into())?;
    let json = serde_json::to_string(record).map_err(|e| StorageError::Other(e.to_string()))?;
    set(&r, row::JSON, &json.into())?;
    set(
        &r,
        row::UPDATED,
        &(meta.updated.timestamp_millis() as f64).into(),
    )?;
    for (name, value) in record.index_values() {
        if !private_indexes && PRIVATE_INDEXES.contains(&name) {
            continue;
        }
        let value = match value {
            IndexValue::Text(t) => JsValue::from_str(&t),
            IndexValue::Number(n) => JsValue::from_f64(n),
        };
        set(&r, name, &value)?;
    }
    Ok(r.into())
}

/// A record's row as `tx` writes it: without the private index fields while the
/// transaction seals (put it with [`Tx::put_sealed`], which seals it).
pub(crate) fn row_of<T: Stored>(tx: &Tx, record: &T) -> Result<JsValue, StorageError> {
    plain_row(record, matches!(tx.row_key(), RowKey::Plain))
}

/// A row as a record.
pub fn from_row<T: Stored>(r: &JsValue) -> Result<T, StorageError> {
    let json = get_string(r, row::JSON).ok_or_else(|| {
        // Sealed, and read by a transaction without the key.
        if js_sys::Reflect::has(r, &"ct".into()).unwrap_or(false) {
            StorageError::Locked
        } else {
            StorageError::Corrupt(format!("{}: row without data", T::store()))
        }
    })?;
    serde_json::from_str(&json).map_err(|e| {
        let id = get_string(r, row::ID).unwrap_or_default();
        StorageError::Corrupt(format!("{}/{id}: {e}", T::store()))
    })
}

#[wasm_bindgen(inline_js = "export function join_json(rows) { \
    const parts = new Array(rows.length); \
    for (let i = 0; i < rows.length; i++) parts[i] = rows[i].json; \
    return '[' + parts.join(',') + ']'; }")]
extern "C" {
    /// The `json` of every row as one JSON array: one crossing into wasm and one parse
    /// instead of one per row, which matters at tens of thousands of rows.
    fn join_json(rows: &Array) -> String;
}

/// When the message of each row was sent; `None` for a draft or a row that cannot be
/// read. Only these two fields are decoded: Today's weekly goal needs no more, and the
/// code that decodes a whole message belongs to the screens that show one.
pub fn sent_times(rows: &Array) -> Vec<Option<DateTime<Utc>>> {
    #[derive(serde::Deserialize)]
    struct Sent {
        #[serde(default)]
        sent: Option<DateTime<Utc>>,
        #[serde(default)]
        status: String,
    }
    rows.iter()
        .map(|r| {
            let json = get_string(&r, row::JSON)?;
            let m: Sent = serde_json::from_str(&json).ok()?;
            m.sent.filter(|_| m.status != "draft")
        })
        .collect()
}

/// The records of rows as `get_all` returned them, decoded in one pass.
pub fn rows_to_records<R: Stored>(rows: &Array) -> Result<Vec<R>, StorageError> {
    if rows.length() == 0 {
        return Ok(Vec::new());
    }
    match serde_json::from_str(&join_json(rows)) {
        Ok(records) => Ok(records),
        // Row by row, to name the record that cannot be read.
        Err(_) => rows.iter().map(|r| from_row(&r)).collect(),
    }
}
