//! Saving records: one transaction per save, a revision check per changed record, and the
//! guard that refuses, inside that transaction, whatever the backup reader would refuse.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;
use web_sys::IdbObjectStore;

use super::rows::{
    dataset_stores, fresh_all, from_row, put_dataset, row_of, rows_to_records, stamp,
    touch_activity,
};
use super::{Database, ImportReport, PhotoChange, SaveError, Stored};
use crate::domain::backup::{for_each_kind, Dataset};
use crate::domain::code::Code;
use crate::domain::integrity::{check_all, outside_references, stores_to_check, Refusal};
use crate::domain::record::{Contact, Kind, Record};
use crate::domain::sorting::sort;
use crate::split::split_point;
use crate::storage::idb::{self, Durability, Tx};
use crate::storage::schema::{row, META_STORE};
use crate::storage::StorageError;

/// What every write runs to check and store a dataset. It knows every record kind's rules
/// and row shape, which the first screen needs only once the user saves something, so it
/// comes in a chunk of its own (`writer`, issue 12), fetched by [`writer`] before a write's
/// transaction opens: a fetch inside the transaction would let it commit half done.
#[derive(Clone, Copy)]
pub(super) struct Writer {
    /// [`guard`].
    pub guard: for<'a> fn(&'a Tx, &'a Dataset, bool) -> Checked<'a>,
    /// [`put_dataset`].
    pub put_dataset: for<'a> fn(&'a Tx, &'a Dataset, &'a mut ImportReport) -> Checked<'a>,
    /// [`write_stores`].
    pub write_stores: fn(&Dataset) -> Vec<&'static str>,
    /// [`save_one`].
    save_one: for<'a> fn(&'a Database, One<'a>, Dataset, DateTime<Utc>) -> SaveOne<'a>,
}

/// The outcome of [`save_one`], as the [`Writer`] hands it out.
type SaveOne<'a> = Pin<Box<dyn Future<Output = Result<Dataset, Saving>> + 'a>>;

fn boxed_save_one<'a>(
    db: &'a Database,
    one: One<'a>,
    new: Dataset,
    now: DateTime<Utc>,
) -> SaveOne<'a> {
    Box::pin(save_one(db, one, new, now))
}

/// One record to save, as [`save_one`] needs it: its type stays in the
/// closures.
struct One<'a> {
    /// Its object store.
    store: &'static str,
    /// Its id.
    id: &'a str,
    /// The revision it was loaded at (0: new).
    loaded: u32,
    /// The record, stamped as saved, alone in a dataset: checked with the rest.
    own: Dataset,
    /// The revision of a stored row of its kind (read as that kind, so that a row that
    /// does not read fails the save as it would fail a read).
    revision_of: &'a dyn Fn(&JsValue) -> Result<u32, StorageError>,
    /// Its row, as the transaction stores it.
    row: &'a dyn Fn(&Tx) -> Result<JsValue, StorageError>,
}

/// Why [`save_one`] wrote nothing.
enum Saving {
    /// The stored row moved on since the record was loaded (`None`: it was deleted).
    Conflict(Option<JsValue>),
    /// The browser refused, the guard did, or the stored row could not be read.
    Failed(StorageError),
}

/// The outcome of [`guard`], as the [`Writer`] hands it out.
pub(super) type Checked<'a> = Pin<Box<dyn Future<Output = Result<(), StorageError>> + 'a>>;

fn boxed_guard<'a>(tx: &'a Tx, data: &'a Dataset, against_store: bool) -> Checked<'a> {
    Box::pin(guard(tx, data, against_store))
}

fn boxed_put<'a>(tx: &'a Tx, data: &'a Dataset, report: &'a mut ImportReport) -> Checked<'a> {
    Box::pin(put_dataset(tx, data, report))
}

split_point!(
    writer,
    fn load_writer() -> Writer {
        Writer {
            guard: boxed_guard,
            put_dataset: boxed_put,
            write_stores,
            save_one: boxed_save_one,
        }
    }
);

/// The [`Writer`], fetched on the first write (at once afterwards).
pub(super) async fn writer() -> Result<Writer, StorageError> {
    load_writer()
        .await
        .map_err(|_| StorageError::WriterNotLoaded)
}

/// The stores a write of `data` needs: its own, those its references point to, and the
/// meta store for the backup activity (and the profile).
fn write_stores(data: &Dataset) -> Vec<&'static str> {
    let kinds = dataset_stores(data)
        .into_iter()
        .filter_map(Kind::from_key)
        .collect::<Vec<_>>();
    let mut stores: Vec<&'static str> = stores_to_check(kinds).into_iter().map(Kind::key).collect();
    stores.push(META_STORE);
    stores
}

/// [`Database::save_with`] for any kind of record, described by `one`: checks the
/// stored revision, then writes the record and `new`, checked together.
async fn save_one(
    db: &Database,
    one: One<'_>,
    mut new: Dataset,
    now: DateTime<Utc>,
) -> Result<Dataset, Saving> {
    fresh_all(&mut new, now);
    let mut checked = new.clone();
    checked.absorb(one.own);
    let mut stores = write_stores(&checked);
    stores.push(one.store);
    sort(&mut stores);
    stores.dedup();
    let tx = db
        .tx(&stores, true, Durability::Default)
        .map_err(Saving::Failed)?;
    let conflict = RefCell::new(None);
    let saved = tx
        .run(async |tx: &Tx| {
            let store = tx.store(one.store)?;
            let stored = idb::get(&store, &one.id.into()).await?;
            let revision = match &stored {
                Some(row) => (one.revision_of)(row)?,
                None => 0,
            };
            if revision != one.loaded {
                *conflict.borrow_mut() = Some(stored);
                return Err(StorageError::Aborted);
            }
            guard(tx, &checked, true).await?;
            tx.put_sealed(&store, &(one.row)(tx)?).await?;
            put_dataset(tx, &new, &mut ImportReport::default()).await?;
            touch_activity(tx, now).await
        })
        .await;
    match (saved, conflict.into_inner()) {
        (_, Some(theirs)) => Err(Saving::Conflict(theirs)),
        (Ok(()), None) => {
            db.announce(&stores);
            Ok(new)
        }
        (Err(e), None) => Err(Saving::Failed(e)),
    }
}

/// Refuses a write that would store what the backup reader refuses: a record that breaks
/// one of its rules, or a reference to a record that is neither part of this write nor
/// stored (`against_store: false` when the stores are about to be cleared). Runs inside
/// the write's transaction, so a record deleted by another tab a moment ago counts as
/// gone.
async fn guard(tx: &Tx, data: &Dataset, against_store: bool) -> Result<(), StorageError> {
    check_all(data).map_err(StorageError::Refused)?;
    if let Some(p) = &data.profile {
        p.check().map_err(|problem| {
            StorageError::Refused(Refusal::Invalid {
                kind: None,
                id: p.meta.id.clone(),
                problem,
            })
        })?;
    }
    let mut checked = HashSet::new();
    for refusal in outside_references(data) {
        let Refusal::Missing {
            target_kind,
            target,
            ..
        } = &refusal
        else {
            continue;
        };
        if !checked.insert((*target_kind, target.clone())) {
            continue;
        }
        let stored = against_store
            && idb::has_key(&tx.store(target_kind.key())?, &target.as_str().into()).await?;
        if !stored {
            return Err(StorageError::Refused(refusal));
        }
    }
    Ok(())
}

impl Database {
    /// Saves a record, new or changed. `record.meta().revision` must be the revision it was
    /// loaded at (0 for a new record); if the stored one moved on since, nothing is written
    /// and the stored version comes back as a conflict. On success the record comes back
    /// with its new revision and `updated = now`. A record the backup reader would refuse,
    /// or one that refers to a record not stored, is refused
    /// ([`StorageError::Refused`]).
    pub async fn save<T: Stored>(&self, record: T, now: DateTime<Utc>) -> Result<T, SaveError<T>> {
        self.save_with(record, Dataset::default(), now)
            .await
            .map(|(saved, _)| saved)
    }

    /// Saves a record as [`Database::save`] does and stores new records with it, in one
    /// transaction: an interview's wrap-up marks the plan done and creates contacts,
    /// promises and a timeline entry, all of them or none. The new records come back as
    /// stored (revision 1).
    pub async fn save_with<T: Stored>(
        &self,
        record: T,
        new: Dataset,
        now: DateTime<Utc>,
    ) -> Result<(T, Dataset), SaveError<T>> {
        // Only what depends on the record's type is here; the transaction is one copy of
        // the code for every kind (`save_one`, in the writer's chunk), so that each type
        // saved does not bring a copy of it into the download.
        let loaded = record.meta().revision;
        let mut stamped = record;
        stamp(stamped.meta_mut(), now);
        let mut own = Dataset::default();
        stamped.add_to(&mut own);
        let one = One {
            store: T::store(),
            id: &stamped.meta().id,
            loaded,
            own,
            revision_of: &|row| Ok(from_row::<T>(row)?.meta().revision),
            row: &|tx| row_of(tx, &stamped),
        };
        let w = writer().await.map_err(SaveError::Storage)?;
        match (w.save_one)(self, one, new, now).await {
            Ok(new) => Ok((stamped, new)),
            Err(Saving::Conflict(None)) => Err(SaveError::Conflict(None)),
            Err(Saving::Conflict(Some(row))) => match from_row::<T>(&row) {
                Ok(theirs) => Err(SaveError::Conflict(Some(Box::new(theirs)))),
                Err(e) => Err(SaveError::Storage(e)),
            },
            Err(Saving::Failed(e)) => Err(SaveError::Storage(e)),
        }
    }

    /// Saves several records, new and changed, in one transaction: an outreach marked as
    /// sent (the message, its timeline entry and two reminders) or closed (the message and
    /// its reminders ticked off). Every record must still be at the revision it was loaded
    /// at (0: new); if any moved on, nothing is written and the result is a conflict. The
    /// records come back as stored.
    pub async fn save_changes(
        &self,
        mut data: Dataset,
        now: DateTime<Utc>,
    ) -> Result<Dataset, SaveError<()>> {
        let w = writer().await.map_err(SaveError::Storage)?;
        let stores = (w.write_stores)(&data);
        let tx = self.tx(&stores, true, Durability::Default)?;
        let conflict = Cell::new(false);
        let saved = tx
            .run(async |tx: &Tx| {
                let mut outcome = Ok(());
                for_each_kind!(mut data, |records: R| {
                    if outcome.is_ok() {
                        outcome = stamp_checked(tx, records, now, &conflict).await;
                    }
                });
                outcome?;
                (w.guard)(tx, &data, true).await?;
                (w.put_dataset)(tx, &data, &mut ImportReport::default()).await?;
                touch_activity(tx, now).await?;
                Ok(())
            })
            .await;
        match saved {
            _ if conflict.get() => Err(SaveError::Conflict(None)),
            Ok(()) => {
                self.announce(&stores);
                Ok(data)
            }
            Err(e) => Err(SaveError::Storage(e)),
        }
    }

    /// Saves a contact (with the revision check of [`Database::save`]) together with a
    /// change to its photo, in one transaction: a failed photo write leaves the contact
    /// unchanged too.
    pub async fn save_contact(
        &self,
        mut contact: Contact,
        photo: PhotoChange,
        now: DateTime<Utc>,
    ) -> Result<Contact, SaveError<Contact>> {
        let w = writer().await.map_err(SaveError::Storage)?;
        let stores = ["contacts", "photos", META_STORE];
        let tx = self.tx(&stores, true, Durability::Default)?;
        let conflict = RefCell::new(None);
        let saved = tx
            .run(async |tx: &Tx| {
                let contacts = tx.store("contacts")?;
                check_revision(&contacts, &contact, &conflict).await?;
                let id: JsValue = contact.meta.id.as_str().into();
                stamp(&mut contact.meta, now);
                let mut checked = Dataset {
                    contacts: vec![contact.clone()],
                    ..Dataset::default()
                };
                if let PhotoChange::Set(p) = &photo {
                    let mut p = p.clone();
                    p.contact_id.clone_from(&contact.meta.id);
                    stamp(&mut p.meta, now);
                    checked.photos.push(p);
                }
                (w.guard)(tx, &checked, true).await?;
                tx.put_sealed(&contacts, &row_of(tx, &contact)?).await?;
                if !matches!(photo, PhotoChange::Keep) {
                    let photos = tx.store("photos")?;
                    for r in idb::get_all_by_index(&photos, "contact", &id).await?.iter() {
                        tx.delete(
                            &photos,
                            &js_sys::Reflect::get(&r, &row::ID.into()).unwrap_or_default(),
                        )?;
                    }
                    for p in &checked.photos {
                        tx.put_sealed(&photos, &row_of(tx, p)?).await?;
                    }
                }
                touch_activity(tx, now).await?;
                Ok(contact)
            })
            .await;
        self.settle(saved, conflict, &stores)
    }

    /// Stores new records, all in one transaction (an introduction writes two timeline
    /// entries and a follow-up: all of them or none). Every record gets revision 1 and
    /// `created = updated = now`; they come back as stored.
    pub async fn create(
        &self,
        mut data: Dataset,
        now: DateTime<Utc>,
    ) -> Result<Dataset, StorageError> {
        let w = writer().await?;
        fresh_all(&mut data, now);
        let stores = (w.write_stores)(&data);
        let tx = self.tx(&stores, true, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            (w.guard)(tx, &data, true).await?;
            (w.put_dataset)(tx, &data, &mut ImportReport::default()).await?;
            touch_activity(tx, now).await
        })
        .await?;
        self.announce(&stores);
        Ok(data)
    }
}

impl Database {
    /// The outcome of a revision-checked write: the stored version another tab saved in
    /// between if there was one (nothing was written), else the write's own result,
    /// announced to the other tabs when it committed.
    pub(super) fn settle<T, U>(
        &self,
        outcome: Result<U, StorageError>,
        conflict: RefCell<Option<Option<Box<T>>>>,
        stores: &[&str],
    ) -> Result<U, SaveError<T>> {
        match (outcome, conflict.into_inner()) {
            (_, Some(theirs)) => Err(SaveError::Conflict(theirs)),
            (Ok(value), None) => {
                self.announce(stores);
                Ok(value)
            }
            (Err(e), None) => Err(SaveError::Storage(e)),
        }
    }
}

/// Checks each record's revision (see [`Database::save_changes`]) and stamps it as saved.
async fn stamp_checked<R: Record>(
    tx: &Tx,
    list: &mut [R],
    now: DateTime<Utc>,
    conflict: &Cell<bool>,
) -> Result<(), StorageError> {
    if list.is_empty() {
        return Ok(());
    }
    let store = tx.store(R::KIND.key())?;
    for record in list.iter_mut() {
        let stored = match idb::get(&store, &Record::meta(record).id.as_str().into()).await? {
            Some(row) => from_row::<R>(&row)?.meta().revision,
            None => 0,
        };
        if stored != Record::meta(record).revision {
            conflict.set(true);
            return Err(StorageError::Aborted);
        }
        stamp(Record::meta_mut(record), now);
    }
    Ok(())
}

/// Fails the transaction when the stored record's revision is not the one `record` was
/// loaded at (0: must not exist yet), leaving the stored version in `conflict`.
pub(super) async fn check_revision<T: Stored>(
    store: &IdbObjectStore,
    record: &T,
    conflict: &RefCell<Option<Option<Box<T>>>>,
) -> Result<(), StorageError> {
    let stored: Option<T> = match idb::get(store, &record.meta().id.as_str().into()).await? {
        Some(row) => Some(from_row(&row)?),
        None => None,
    };
    if stored.as_ref().map_or(0, |s| s.meta().revision) != record.meta().revision {
        *conflict.borrow_mut() = Some(stored.map(Box::new));
        return Err(StorageError::Aborted);
    }
    Ok(())
}

/// Every record of kind `R` stored whose `index` equals `key`, or, without an index, every
/// record of that kind.
pub(super) async fn records_by<R: Record>(
    tx: &Tx,
    index: Option<&str>,
    key: &str,
) -> Result<Vec<R>, StorageError> {
    let store = tx.store(R::KIND.key())?;
    let rows = match index {
        Some(index) => idb::get_all_by_index(&store, index, &key.into()).await?,
        None => idb::get_all(&store).await?,
    };
    rows_to_records(&rows)
}
