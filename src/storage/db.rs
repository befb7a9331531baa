//! The typed database API the UI calls: domain records in, domain records out, typed
//! errors out. Every write is one transaction, records the change in the backup activity
//! in that same transaction, and is announced to the other open tabs once committed.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use js_sys::Array;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::{IdbDatabase, IdbObjectStore, IdbTransactionMode};

use super::idb::{self, Durability, OpenHandlers, Tx};
use super::schema::{self, get_string, row, set, ACTIVITY_ID, META_STORE};
use super::sync::Channel;
use super::StorageError;
use crate::domain::backup::{merge_selection, Activity, Dataset, ImportMode, Stamps};
use crate::domain::profile::{SavedProfile, PROFILE_ID};
use crate::domain::record::{
    Contact, FollowUp, IndexValue, Interaction, InterviewPlan, Kind, Message, Meta, Photo, Record,
};
use crate::domain::schema::SCHEMA_VERSION;

/// The database the app uses.
pub const APP_DATABASE: &str = "netzweber";

/// Something the UI must react to that did not come from its own call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbEvent {
    /// Opening waits: another tab still has the database open at an older version.
    Blocked,
    /// Another tab upgraded the database; this tab's connection is closed and the page
    /// must be reloaded to continue.
    VersionChanged,
    /// Another tab saved changes to these stores.
    RemoteChange(Vec<String>),
}

/// What is stored as a row: every [`Record`] kind, and the profile in the meta store.
pub trait Stored: Clone + Serialize + DeserializeOwned + 'static {
    /// The object store.
    fn store() -> &'static str;
    /// Common fields.
    fn meta(&self) -> &Meta;
    /// Common fields, to update on save.
    fn meta_mut(&mut self) -> &mut Meta;
    /// Values for the store's indexes.
    fn index_values(&self) -> Vec<(&'static str, IndexValue)>;
}

impl<R: Record> Stored for R {
    fn store() -> &'static str {
        R::KIND.name()
    }
    fn meta(&self) -> &Meta {
        Record::meta(self)
    }
    fn meta_mut(&mut self) -> &mut Meta {
        Record::meta_mut(self)
    }
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        Record::index_values(self)
    }
}

impl Stored for SavedProfile {
    fn store() -> &'static str {
        META_STORE
    }
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        Vec::new()
    }
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError<T> {
    /// Someone (another tab) saved this record since it was loaded: here is their
    /// version, or `None` if they deleted it. Nothing was written.
    Conflict(Option<Box<T>>),
    /// The browser refused the write.
    Storage(StorageError),
}

impl<T> From<StorageError> for SaveError<T> {
    fn from(e: StorageError) -> Self {
        SaveError::Storage(e)
    }
}

/// What an import wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Records written per kind (the profile under `None`).
    pub written: BTreeMap<Option<Kind>, usize>,
    /// Records that were on this device and are gone (replace only).
    pub removed: usize,
}

/// A contact with everything that belongs to it, as removed by
/// [`Database::delete_contact`] and put back by [`Database::restore_contact`].
#[derive(Clone, Debug, PartialEq)]
pub struct ContactBundle {
    /// The contact.
    pub contact: Contact,
    /// Its timeline.
    pub interactions: Vec<Interaction>,
    /// Its promises and follow-ups.
    pub follow_ups: Vec<FollowUp>,
    /// Its photos.
    pub photos: Vec<Photo>,
}

/// What [`Database::save_contact`] does with the contact's photo.
#[derive(Clone, Debug, PartialEq)]
pub enum PhotoChange {
    /// Leave it as it is.
    Keep,
    /// Replace it (or add one).
    Set(Photo),
    /// Remove it.
    Remove,
}

/// Marks a record as saved once more at `now`.
fn stamp(meta: &mut Meta, now: DateTime<Utc>) {
    if meta.revision == 0 {
        meta.created = now;
    }
    meta.revision += 1;
    meta.updated = now.max(meta.created);
}

/// Who hears about [`DbEvent`]s.
pub type Listener = Rc<dyn Fn(DbEvent)>;

struct Inner {
    name: String,
    db: IdbDatabase,
    /// Set when another tab upgraded the database and this connection was closed.
    outdated: Cell<bool>,
    channel: Option<Channel>,
    listener: RefCell<Option<Listener>>,
    _on_version_change: Closure<dyn Fn()>,
}

/// An open connection to one database. Cheap to clone; all clones share the connection.
#[derive(Clone)]
pub struct Database {
    inner: Rc<Inner>,
}

impl Database {
    /// Opens (creating or upgrading) the database `name` at the current version.
    /// `listener` hears about blocked upgrades, other tabs' upgrades and their changes.
    pub async fn open(name: &str, listener: Rc<dyn Fn(DbEvent)>) -> Result<Database, StorageError> {
        let db = open_at(name, SCHEMA_VERSION, {
            let listener = listener.clone();
            move || listener(DbEvent::Blocked)
        })
        .await?;
        // The profile now lives in the database; its old copy can go.
        super::prefs::forget_legacy_profile();
        Ok(Database::wrap(name, db, Some(listener)))
    }

    fn wrap(name: &str, db: IdbDatabase, listener: Option<Rc<dyn Fn(DbEvent)>>) -> Database {
        let inner = Rc::new_cyclic(|weak: &std::rc::Weak<Inner>| {
            let weak_vc = weak.clone();
            let on_version_change = Closure::<dyn Fn()>::new(move || {
                if let Some(inner) = weak_vc.upgrade() {
                    // Closing lets the other tab's upgrade proceed; this tab must reload.
                    inner.db.close();
                    inner.outdated.set(true);
                    inner.notify(DbEvent::VersionChanged);
                }
            });
            db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
            let weak_ch = weak.clone();
            let channel = Channel::open(name, move |stores| {
                if let Some(inner) = weak_ch.upgrade() {
                    inner.notify(DbEvent::RemoteChange(stores));
                }
            });
            Inner {
                name: name.to_string(),
                db,
                outdated: Cell::new(false),
                channel,
                listener: RefCell::new(listener),
                _on_version_change: on_version_change,
            }
        });
        Database { inner }
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// The raw connection, for tests that inspect the layout.
    pub fn connection(&self) -> &IdbDatabase {
        &self.inner.db
    }

    /// Closes the connection (tests; the app keeps it open).
    pub fn close(&self) {
        self.inner.listener.borrow_mut().take();
        self.inner.db.set_onversionchange(None);
        if let Some(channel) = &self.inner.channel {
            channel.close();
        }
        self.inner.db.close();
    }

    fn tx(&self, stores: &[&str], write: bool, durability: Durability) -> Result<Tx, StorageError> {
        if self.inner.outdated.get() {
            return Err(StorageError::VersionChanged);
        }
        let mode = if write {
            IdbTransactionMode::Readwrite
        } else {
            IdbTransactionMode::Readonly
        };
        Tx::start(&self.inner.db, stores, mode, durability)
    }

    fn announce(&self, stores: &[&str]) {
        if let Some(channel) = &self.inner.channel {
            channel.announce(stores);
        }
    }

    /// One record by id.
    pub async fn get<T: Stored>(&self, id: &str) -> Result<Option<T>, StorageError> {
        let tx = self.tx(&[T::store()], false, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            let store = tx.store(T::store())?;
            match idb::get(&store, &id.into()).await? {
                Some(row) => from_row(&row).map(Some),
                None => Ok(None),
            }
        })
        .await
    }

    /// Every record of a kind, in id order.
    pub async fn all<R: Record>(&self) -> Result<Vec<R>, StorageError> {
        let tx = self.tx(&[R::KIND.name()], false, Durability::Default)?;
        tx.run(async |tx: &Tx| rows_to_records(&idb::get_all(&tx.store(R::KIND.name())?).await?))
            .await
    }

    /// The first `count` contacts in name order (last name, then first name, folded):
    /// enough to paint the top of the contact list while the rest is still being read.
    pub async fn first_contacts(&self, count: u32) -> Result<Vec<Contact>, StorageError> {
        let tx = self.tx(&["contacts"], false, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            rows_to_records(&idb::get_first_by_index(&tx.store("contacts")?, "name", count).await?)
        })
        .await
    }

    /// The records of a kind that belong to a contact.
    pub async fn by_contact<R: Record>(&self, contact_id: &str) -> Result<Vec<R>, StorageError> {
        let tx = self.tx(&[R::KIND.name()], false, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            let store = tx.store(R::KIND.name())?;
            rows_to_records(&idb::get_all_by_index(&store, "contact", &contact_id.into()).await?)
        })
        .await
    }

    /// Saves a record, new or changed. `record.meta().revision` must be the revision it was
    /// loaded at (0 for a new record); if the stored one moved on since, nothing is written
    /// and the stored version comes back as a conflict. On success the record comes back
    /// with its new revision and `updated = now`.
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
        mut record: T,
        mut new: Dataset,
        now: DateTime<Utc>,
    ) -> Result<(T, Dataset), SaveError<T>> {
        fresh_all(&mut new, now);
        let mut stores = vec![T::store()];
        stores.extend(dataset_stores(&new));
        stores.push(META_STORE);
        stores.sort_unstable();
        stores.dedup();
        let tx = self.tx(&stores, true, Durability::Default)?;
        let conflict = RefCell::new(None);
        let saved = tx
            .run(async |tx: &Tx| {
                let store = tx.store(T::store())?;
                check_revision(&store, &record, &conflict).await?;
                stamp(record.meta_mut(), now);
                tx.put(&store, &to_row(&record)?)?;
                put_dataset(tx, &new, &mut ImportReport::default())?;
                touch_activity(tx, now).await?;
                Ok(record)
            })
            .await;
        match (saved, conflict.into_inner()) {
            (_, Some(theirs)) => Err(SaveError::Conflict(theirs)),
            (Ok(record), None) => {
                self.announce(&stores);
                Ok((record, new))
            }
            (Err(e), None) => Err(SaveError::Storage(e)),
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
        let mut stores = dataset_stores(&data);
        stores.push(META_STORE);
        let tx = self.tx(&stores, true, Durability::Default)?;
        let conflict = Cell::new(false);
        let saved = tx
            .run(async |tx: &Tx| {
                put_checked(tx, &mut data.contacts, now, &conflict).await?;
                put_checked(tx, &mut data.interactions, now, &conflict).await?;
                put_checked(tx, &mut data.follow_ups, now, &conflict).await?;
                put_checked(tx, &mut data.photos, now, &conflict).await?;
                put_checked(tx, &mut data.interview_plans, now, &conflict).await?;
                put_checked(tx, &mut data.questions, now, &conflict).await?;
                put_checked(tx, &mut data.templates, now, &conflict).await?;
                put_checked(tx, &mut data.messages, now, &conflict).await?;
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
        let stores = ["contacts", "photos", META_STORE];
        let tx = self.tx(&stores, true, Durability::Default)?;
        let conflict = RefCell::new(None);
        let saved = tx
            .run(async |tx: &Tx| {
                let contacts = tx.store("contacts")?;
                check_revision(&contacts, &contact, &conflict).await?;
                let id: JsValue = contact.meta.id.as_str().into();
                stamp(&mut contact.meta, now);
                tx.put(&contacts, &to_row(&contact)?)?;
                if !matches!(photo, PhotoChange::Keep) {
                    let photos = tx.store("photos")?;
                    for r in idb::get_all_by_index(&photos, "contact", &id).await?.iter() {
                        tx.delete(
                            &photos,
                            &js_sys::Reflect::get(&r, &row::ID.into()).unwrap_or_default(),
                        )?;
                    }
                    if let PhotoChange::Set(mut p) = photo {
                        p.contact_id.clone_from(&contact.meta.id);
                        stamp(&mut p.meta, now);
                        tx.put(&photos, &to_row(&p)?)?;
                    }
                }
                touch_activity(tx, now).await?;
                Ok(contact)
            })
            .await;
        match (saved, conflict.into_inner()) {
            (_, Some(theirs)) => Err(SaveError::Conflict(theirs)),
            (Ok(c), None) => {
                self.announce(&stores);
                Ok(c)
            }
            (Err(e), None) => Err(SaveError::Storage(e)),
        }
    }

    /// Stores new records, all in one transaction (an introduction writes two timeline
    /// entries and a follow-up: all of them or none). Every record gets revision 1 and
    /// `created = updated = now`; they come back as stored.
    pub async fn create(
        &self,
        mut data: Dataset,
        now: DateTime<Utc>,
    ) -> Result<Dataset, StorageError> {
        fresh_all(&mut data, now);
        self.write(&data, false, now, Durability::Default).await?;
        Ok(data)
    }

    /// Deletes one record (a timeline entry, a follow-up). Deleting contacts goes through
    /// [`Database::delete_contact`], which takes what belongs to them along.
    pub async fn delete<R: Record>(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let stores = [R::KIND.name(), META_STORE];
        let tx = self.tx(&stores, true, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            tx.delete(&tx.store(R::KIND.name())?, &id.into())?;
            touch_activity(tx, now).await
        })
        .await?;
        self.announce(&stores);
        Ok(())
    }

    /// The saved profile, if any.
    pub async fn profile(&self) -> Result<Option<SavedProfile>, StorageError> {
        self.get(PROFILE_ID).await
    }

    /// Deletes a contact with its interactions, follow-ups and photos in one transaction,
    /// and returns them for [`Database::restore_contact`].
    pub async fn delete_contact(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<ContactBundle, StorageError> {
        let stores = [
            "contacts",
            "interactions",
            "follow_ups",
            "photos",
            META_STORE,
        ];
        let tx = self.tx(&stores, true, Durability::Default)?;
        let bundle = tx
            .run(async |tx: &Tx| {
                let contacts = tx.store("contacts")?;
                let contact: Contact = match idb::get(&contacts, &id.into()).await? {
                    Some(row) => from_row(&row)?,
                    None => return Err(StorageError::NotFound),
                };
                let key: JsValue = id.into();
                let take = async |name: &str| -> Result<Array, StorageError> {
                    let store = tx.store(name)?;
                    let rows = idb::get_all_by_index(&store, "contact", &key).await?;
                    for r in rows.iter() {
                        tx.delete(
                            &store,
                            &js_sys::Reflect::get(&r, &row::ID.into()).unwrap_or_default(),
                        )?;
                    }
                    Ok(rows)
                };
                let interactions = rows_to_records(&take("interactions").await?)?;
                let follow_ups = rows_to_records(&take("follow_ups").await?)?;
                let photos = rows_to_records(&take("photos").await?)?;
                tx.delete(&contacts, &key)?;
                touch_activity(tx, now).await?;
                Ok(ContactBundle {
                    contact,
                    interactions,
                    follow_ups,
                    photos,
                })
            })
            .await?;
        self.announce(&stores);
        Ok(bundle)
    }

    /// Merges the duplicate `absorbed` into `kept`, in one transaction: saves `kept` (as
    /// loaded, so a change from another tab is a conflict), points every record that
    /// referred to `absorbed` at `kept`, and deletes `absorbed`. Nothing is lost: all
    /// interactions, follow-ups, photos, plans and messages stay, now with `kept`.
    pub async fn merge_contacts(
        &self,
        mut kept: Contact,
        absorbed: &str,
        now: DateTime<Utc>,
    ) -> Result<Contact, SaveError<Contact>> {
        let stores = [
            "contacts",
            "interactions",
            "follow_ups",
            "photos",
            "interview_plans",
            "messages",
            META_STORE,
        ];
        let tx = self.tx(&stores, true, Durability::Default)?;
        let conflict: RefCell<Option<Option<Box<Contact>>>> = RefCell::new(None);
        let target = kept.meta.id.clone();
        let merged = tx
            .run(async |tx: &Tx| {
                let contacts = tx.store("contacts")?;
                let stored: Option<Contact> =
                    match idb::get(&contacts, &target.as_str().into()).await? {
                        Some(row) => Some(from_row(&row)?),
                        None => None,
                    };
                if stored.as_ref().map(|c| c.meta.revision) != Some(kept.meta.revision) {
                    *conflict.borrow_mut() = Some(stored.map(Box::new));
                    return Err(StorageError::Aborted);
                }
                if idb::get(&contacts, &absorbed.into()).await?.is_none() {
                    return Err(StorageError::NotFound);
                }
                let moved = |id: &mut String| {
                    let hit = id == absorbed;
                    if hit {
                        id.clone_from(&target);
                    }
                    hit
                };
                let bump = |meta: &mut Meta| {
                    meta.revision += 1;
                    meta.updated = now.max(meta.created);
                };
                // Contacts the duplicate introduced now name the kept one.
                for mut c in rows_to_records::<Contact>(&idb::get_all(&contacts).await?)? {
                    if c.meta.id != target && c.introduced_by.as_mut().is_some_and(moved) {
                        bump(&mut c.meta);
                        tx.put(&contacts, &to_row(&c)?)?;
                    }
                }
                let interactions = tx.store("interactions")?;
                for mut i in rows_to_records::<Interaction>(&idb::get_all(&interactions).await?)? {
                    let a = moved(&mut i.contact_id);
                    let b = i.other_contact_id.as_mut().is_some_and(moved);
                    if a || b {
                        bump(&mut i.meta);
                        tx.put(&interactions, &to_row(&i)?)?;
                    }
                }
                async fn repoint<R: Record>(
                    tx: &Tx,
                    absorbed: &str,
                    change: impl Fn(&mut R),
                ) -> Result<(), StorageError> {
                    let store = tx.store(R::KIND.name())?;
                    let rows = idb::get_all_by_index(&store, "contact", &absorbed.into()).await?;
                    for mut r in rows_to_records::<R>(&rows)? {
                        change(&mut r);
                        tx.put(&store, &to_row(&r)?)?;
                    }
                    Ok(())
                }
                let point = |contact: &mut Option<String>, meta: &mut Meta| {
                    *contact = Some(target.clone());
                    bump(meta);
                };
                repoint::<FollowUp>(tx, absorbed, |f| point(&mut f.contact_id, &mut f.meta))
                    .await?;
                repoint::<InterviewPlan>(tx, absorbed, |p| point(&mut p.contact_id, &mut p.meta))
                    .await?;
                repoint::<Message>(tx, absorbed, |m| point(&mut m.contact_id, &mut m.meta)).await?;
                repoint::<Photo>(tx, absorbed, |p| {
                    p.contact_id.clone_from(&target);
                    bump(&mut p.meta);
                })
                .await?;
                if kept.introduced_by.as_deref() == Some(absorbed) {
                    kept.introduced_by = None;
                }
                bump(&mut kept.meta);
                tx.put(&contacts, &to_row(&kept)?)?;
                tx.delete(&contacts, &absorbed.into())?;
                touch_activity(tx, now).await?;
                Ok(kept)
            })
            .await;
        match (merged, conflict.into_inner()) {
            (_, Some(theirs)) => Err(SaveError::Conflict(theirs)),
            (Ok(kept), None) => {
                self.announce(&stores);
                Ok(kept)
            }
            (Err(e), None) => Err(SaveError::Storage(e)),
        }
    }

    /// Puts a deleted contact and everything that belonged to it back, in one transaction.
    pub async fn restore_contact(
        &self,
        bundle: &ContactBundle,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let data = Dataset {
            contacts: vec![bundle.contact.clone()],
            interactions: bundle.interactions.clone(),
            follow_ups: bundle.follow_ups.clone(),
            photos: bundle.photos.clone(),
            ..Dataset::default()
        };
        self.write(&data, false, now, Durability::Default)
            .await
            .map(|_| ())
    }

    /// Writes every record of `data` as it is (ids, revisions and times kept), after
    /// clearing everything first if `replace`. One transaction: all or nothing.
    async fn write(
        &self,
        data: &Dataset,
        replace: bool,
        now: DateTime<Utc>,
        durability: Durability,
    ) -> Result<ImportReport, StorageError> {
        let stores = schema::all_stores();
        let tx = self.tx(&stores, true, durability)?;
        let report = tx
            .run(async |tx: &Tx| {
                let mut report = ImportReport::default();
                if replace {
                    for name in &stores {
                        let store = tx.store(name)?;
                        if *name == META_STORE {
                            tx.delete(&store, &PROFILE_ID.into())?;
                        } else {
                            report.removed += idb::count(&store).await? as usize;
                            tx.clear(&store)?;
                        }
                    }
                }
                put_dataset(tx, data, &mut report)?;
                touch_activity(tx, now).await?;
                Ok(report)
            })
            .await?;
        self.announce(&stores);
        Ok(report)
    }

    /// Imports a checked backup: *merge* adds new records and takes newer ones (decided
    /// inside the transaction, against what is stored at that moment); *replace* deletes
    /// everything first. All or nothing, with strict durability.
    pub async fn import(
        &self,
        data: &Dataset,
        mode: ImportMode,
        now: DateTime<Utc>,
    ) -> Result<ImportReport, StorageError> {
        match mode {
            ImportMode::Replace => self.write(data, true, now, Durability::Strict).await,
            ImportMode::Merge => {
                let stores = schema::all_stores();
                let tx = self.tx(&stores, true, Durability::Strict)?;
                let report = tx
                    .run(async |tx: &Tx| {
                        let stamps = read_stamps(tx).await?;
                        let chosen = merge_selection(data, &stamps);
                        let mut report = ImportReport::default();
                        put_dataset(tx, &chosen, &mut report)?;
                        if report.written.values().any(|n| *n > 0) {
                            touch_activity(tx, now).await?;
                        }
                        Ok(report)
                    })
                    .await?;
                self.announce(&stores);
                Ok(report)
            }
        }
    }

    /// Ids and updated times of everything stored, for an import preview.
    pub async fn stamps(&self) -> Result<Stamps, StorageError> {
        let tx = self.tx(&schema::all_stores(), false, Durability::Default)?;
        tx.run(async |tx: &Tx| read_stamps(tx).await).await
    }

    /// Everything stored, read in one transaction so the copy is consistent. All reads
    /// are issued at once; each store is parsed while the browser fetches the next.
    pub async fn export(&self) -> Result<Dataset, StorageError> {
        let tx = self.tx(&schema::all_stores(), false, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            let profile = idb::get(&tx.store(META_STORE)?, &PROFILE_ID.into()).await?;
            let mut pending = Kind::ALL
                .iter()
                .map(|kind| idb::start_get_all(&tx.store(kind.name())?))
                .collect::<Result<std::collections::VecDeque<_>, _>>()?;
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
        })
        .await
    }

    /// Deletes everything: every record, the profile and the backup activity.
    pub async fn wipe(&self) -> Result<(), StorageError> {
        let stores = schema::all_stores();
        let tx = self.tx(&stores, true, Durability::Strict)?;
        tx.run(async |tx: &Tx| {
            for name in &stores {
                tx.clear(&tx.store(name)?)?;
            }
            Ok(())
        })
        .await?;
        self.announce(&stores);
        Ok(())
    }

    /// How many records of each kind are stored, and whether a profile is.
    pub async fn counts(&self) -> Result<(BTreeMap<Kind, u32>, bool), StorageError> {
        let tx = self.tx(&schema::all_stores(), false, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            let mut counts = BTreeMap::new();
            for kind in Kind::ALL {
                counts.insert(kind, idb::count(&tx.store(kind.name())?).await?);
            }
            let profile = idb::get(&tx.store(META_STORE)?, &PROFILE_ID.into())
                .await?
                .is_some();
            Ok((counts, profile))
        })
        .await
    }

    /// When the user last exported and changed data.
    pub async fn activity(&self) -> Result<Activity, StorageError> {
        let tx = self.tx(&[META_STORE], false, Durability::Default)?;
        tx.run(async |tx: &Tx| read_activity(&tx.store(META_STORE)?).await)
            .await
    }

    /// Records that a backup was exported at `now`.
    pub async fn mark_exported(&self, now: DateTime<Utc>) -> Result<(), StorageError> {
        let tx = self.tx(&[META_STORE], true, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            let store = tx.store(META_STORE)?;
            let mut activity = read_activity(&store).await?;
            activity.exported(now);
            tx.put(&store, &activity_row(&activity)?)
        })
        .await?;
        self.announce(&[META_STORE]);
        Ok(())
    }

    /// Writes `data` into empty stores the fastest way: for the benchmark and tests.
    pub async fn bulk_insert(
        &self,
        data: &Dataset,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.write(data, false, now, Durability::Default)
            .await
            .map(|_| ())
    }
}

impl Inner {
    fn notify(&self, event: DbEvent) {
        let listener = self.listener.borrow().clone();
        if let Some(listener) = listener {
            listener(event);
        }
    }
}

/// Opens `name` at exactly `version`, migrating from whatever is on disk. Tests use it to
/// create databases at earlier versions.
pub async fn open_at(
    name: &str,
    version: u32,
    on_blocked: impl Fn() + 'static,
) -> Result<IdbDatabase, StorageError> {
    let failure: schema::UpgradeFailure = Rc::default();
    let handlers = OpenHandlers {
        upgrade: schema::upgrade_handler(version, failure.clone()),
        blocked: Box::new(on_blocked),
    };
    match idb::open(name, version, handlers).await {
        Ok(db) => Ok(db),
        Err(e) => Err(match failure.borrow_mut().take() {
            Some(reason) => StorageError::UpgradeFailed(reason),
            None => e,
        }),
    }
}

/// Uses a connection made by [`open_at`] as a [`Database`], without upgrading it (tests).
pub fn wrap_for_tests(name: &str, db: IdbDatabase, listener: Option<Listener>) -> Database {
    Database::wrap(name, db, listener)
}

/// Puts every record of `data` and its profile, without waiting, counting what it wrote.
/// Gives new records revision 1 and `created = updated = now`.
fn fresh_all(data: &mut Dataset, now: DateTime<Utc>) {
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
fn dataset_stores(data: &Dataset) -> Vec<&'static str> {
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
        .map(|(k, _)| k.name())
        .collect()
}

/// Writes records after checking each one's revision (see [`Database::save_changes`]).
async fn put_checked<R: Record>(
    tx: &Tx,
    list: &mut [R],
    now: DateTime<Utc>,
    conflict: &Cell<bool>,
) -> Result<(), StorageError> {
    if list.is_empty() {
        return Ok(());
    }
    let store = tx.store(R::KIND.name())?;
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
        tx.put(&store, &to_row(record)?)?;
    }
    Ok(())
}

/// Fails the transaction when the stored record's revision is not the one `record` was
/// loaded at (0: must not exist yet), leaving the stored version in `conflict`.
async fn check_revision<T: Stored>(
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

fn put_dataset(tx: &Tx, data: &Dataset, report: &mut ImportReport) -> Result<(), StorageError> {
    put_all(tx, &data.contacts, report)?;
    put_all(tx, &data.interactions, report)?;
    put_all(tx, &data.follow_ups, report)?;
    put_all(tx, &data.photos, report)?;
    put_all(tx, &data.interview_plans, report)?;
    put_all(tx, &data.questions, report)?;
    put_all(tx, &data.templates, report)?;
    put_all(tx, &data.messages, report)?;
    if let Some(profile) = &data.profile {
        tx.put(&tx.store(META_STORE)?, &to_row(profile)?)?;
        report.written.insert(None, 1);
    }
    Ok(())
}

fn put_all<R: Record>(
    tx: &Tx,
    records: &[R],
    report: &mut ImportReport,
) -> Result<(), StorageError> {
    if records.is_empty() {
        return Ok(());
    }
    let store = tx.store(R::KIND.name())?;
    for record in records {
        tx.put(&store, &to_row(record)?)?;
    }
    *report.written.entry(Some(R::KIND)).or_default() += records.len();
    Ok(())
}

async fn read_stamps(tx: &Tx) -> Result<Stamps, StorageError> {
    let mut stamps = Stamps::default();
    let id_key: JsValue = row::ID.into();
    let updated_key: JsValue = row::UPDATED.into();
    for kind in Kind::ALL {
        let rows = idb::get_all(&tx.store(kind.name())?).await?;
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

async fn read_activity(store: &IdbObjectStore) -> Result<Activity, StorageError> {
    match idb::get(store, &ACTIVITY_ID.into()).await? {
        Some(row) => {
            let json = get_string(&row, row::JSON).unwrap_or_default();
            serde_json::from_str(&json).map_err(|e| StorageError::Corrupt(format!("activity: {e}")))
        }
        None => Ok(Activity::default()),
    }
}

fn activity_row(activity: &Activity) -> Result<JsValue, StorageError> {
    let r = js_sys::Object::new();
    set(&r, row::ID, &ACTIVITY_ID.into())?;
    let json = serde_json::to_string(activity).map_err(|e| StorageError::Other(e.to_string()))?;
    set(&r, row::JSON, &json.into())?;
    Ok(r.into())
}

/// Notes a change in the backup activity, inside the transaction that made it.
async fn touch_activity(tx: &Tx, now: DateTime<Utc>) -> Result<(), StorageError> {
    let store = tx.store(META_STORE)?;
    let mut activity = read_activity(&store).await?;
    activity.changed(now);
    tx.put(&store, &activity_row(&activity)?)
}

/// A record as a row.
pub fn to_row<T: Stored>(record: &T) -> Result<JsValue, StorageError> {
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
        let value = match value {
            IndexValue::Text(t) => JsValue::from_str(&t),
            IndexValue::Number(n) => JsValue::from_f64(n),
        };
        set(&r, name, &value)?;
    }
    Ok(r.into())
}

/// A row as a record.
pub fn from_row<T: Stored>(r: &JsValue) -> Result<T, StorageError> {
    let json = get_string(r, row::JSON)
        .ok_or_else(|| StorageError::Corrupt(format!("{}: row without data", T::store())))?;
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

fn rows_to_records<R: Stored>(rows: &Array) -> Result<Vec<R>, StorageError> {
    if rows.length() == 0 {
        return Ok(Vec::new());
    }
    match serde_json::from_str(&join_json(rows)) {
        Ok(records) => Ok(records),
        // Row by row, to name the record that cannot be read.
        Err(_) => rows.iter().map(|r| from_row(&r)).collect(),
    }
}
