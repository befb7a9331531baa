//! The typed database API the UI calls: domain records in, domain records out, typed
//! errors out. Every write is one transaction, records the change in the backup activity
//! in that same transaction, and is announced to the other open tabs once committed.

//!
//! The operations live by concern: [`write`] (saves, checked against the backup
//! reader's rules), [`removal`] (deleting, undoing, merging: the references kept whole),
//! [`transfer`] (import, export, wiping), [`rows`] (the row codec and shared helpers).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::{IdbDatabase, IdbTransactionMode};

use super::idb::{self, Durability, OpenHandlers, Tx};
use super::schema::{self, META_STORE};
use super::sync::Channel;
use super::vault::RowKey;
use super::StorageError;
use crate::domain::backup::{Activity, Dataset};
use crate::domain::code::Code;
use crate::domain::profile::{SavedProfile, PROFILE_ID};
use crate::domain::record::{Contact, IndexValue, Kind, Meta, Photo, Record};
use crate::domain::schema::SCHEMA_VERSION;

mod removal;
mod rows;
mod transfer;
mod write;

use rows::{activity_row, read_activity};
pub use rows::{from_row, rows_to_records, to_row};
pub(crate) use rows::{put_dataset, read_dataset};

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
    /// Another tab locked, or turned protection on or off: this tab has dropped its key
    /// and must show the unlock screen (or start afresh).
    Locked,
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
    /// Adds a copy to `data`, so that a write of it is checked with the rest.
    fn add_to(&self, data: &mut Dataset);
}

impl<R: Record> Stored for R {
    fn store() -> &'static str {
        R::KIND.key()
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
    fn add_to(&self, data: &mut Dataset) {
        R::list_mut(data).push(self.clone());
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
    fn add_to(&self, data: &mut Dataset) {
        data.profile = Some(self.clone());
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

/// What [`Database::remove`] took away, to put back with [`Database::undo_removal`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removal {
    /// The records removed, as they were: the one asked for and what belonged to it (a
    /// contact's timeline, promises and photos).
    pub removed: Dataset,
    /// The records that mentioned a removed one, as they were before the mention was
    /// cleared (who was introduced by a deleted contact, messages to them, …).
    pub detached: Dataset,
    /// The revision each detached record was saved at by the removal: an undo puts the
    /// earlier version back only over that one, never over a later save.
    pub detached_at: BTreeMap<(Kind, String), u32>,
}

/// What [`Database::undo_removal`] put back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UndoReport {
    /// Records put back as they were.
    pub restored: usize,
    /// Records saved again elsewhere (another tab) since the removal: kept as they are
    /// now, not overwritten.
    pub kept: usize,
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

/// Who hears about [`DbEvent`]s.
pub type Listener = Rc<dyn Fn(DbEvent)>;

struct Inner {
    name: String,
    db: IdbDatabase,
    /// Set when another tab upgraded the database and this connection was closed.
    outdated: Cell<bool>,
    channel: Option<Channel>,
    listener: RefCell<Option<Listener>>,
    /// How rows are sealed: plain, this tab's unlocked key, or locked.
    row_key: RefCell<RowKey>,
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
        Database::wrap(name, db, Some(listener))
            .with_protection()
            .await
    }

    /// Starts locked if the data is protected.
    async fn with_protection(self) -> Result<Database, StorageError> {
        let tx = self.meta_tx(false)?;
        let protected = tx
            .run(async |tx: &Tx| super::vault::has_vault(&tx.store(META_STORE)?).await)
            .await?;
        if protected {
            self.set_row_key(RowKey::Locked);
        }
        Ok(self)
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
            let weak_lock = weak.clone();
            let channel = Channel::open(
                name,
                move |stores| {
                    if let Some(inner) = weak_ch.upgrade() {
                        inner.notify(DbEvent::RemoteChange(stores));
                    }
                },
                move || {
                    // The tab locks itself (it lets its screens save first).
                    if let Some(inner) = weak_lock.upgrade() {
                        inner.notify(DbEvent::Locked);
                    }
                },
            );
            Inner {
                name: name.to_string(),
                db,
                outdated: Cell::new(false),
                channel,
                listener: RefCell::new(listener),
                row_key: RefCell::default(),
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

    pub(crate) fn tx(
        &self,
        stores: &[&str],
        write: bool,
        durability: Durability,
    ) -> Result<Tx, StorageError> {
        if self.inner.outdated.get() {
            return Err(StorageError::VersionChanged);
        }
        let mode = if write {
            IdbTransactionMode::Readwrite
        } else {
            IdbTransactionMode::Readonly
        };
        let tx = Tx::start(&self.inner.db, stores, mode, durability)?;
        tx.set_row_key(self.row_key());
        Ok(tx)
    }

    /// A transaction on the meta store alone (the vault row is plain in every state).
    pub(crate) fn meta_tx(&self, write: bool) -> Result<Tx, StorageError> {
        self.tx(&[META_STORE], write, Durability::Default)
    }

    /// How this tab seals rows now.
    pub(crate) fn row_key(&self) -> RowKey {
        self.inner.row_key.borrow().clone()
    }

    pub(crate) fn set_row_key(&self, key: RowKey) {
        *self.inner.row_key.borrow_mut() = key;
    }

    pub(crate) fn announce(&self, stores: &[&str]) {
        if let Some(channel) = &self.inner.channel {
            channel.announce(stores);
        }
    }

    pub(crate) fn announce_lock(&self) {
        if let Some(channel) = &self.inner.channel {
            channel.announce_lock();
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
        let tx = self.tx(&[R::KIND.key()], false, Durability::Default)?;
        tx.run(async |tx: &Tx| rows_to_records(&idb::get_all(&tx.store(R::KIND.key())?).await?))
            .await
    }

    /// Every record of a kind, in id order, handed to `page` in pages of `size` as they
    /// are read: all pages come from one transaction (one consistent state), and each is
    /// read, parsed and handed on in a browser task of its own, so that reading 50,000
    /// records never blocks the page for long.
    pub async fn each_page<R: Record>(
        &self,
        size: u32,
        mut page: impl FnMut(Vec<R>),
    ) -> Result<(), StorageError> {
        let tx = self.tx(&[R::KIND.key()], false, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            let store = tx.store(R::KIND.key())?;
            let id_key: JsValue = schema::row::ID.into();
            let mut after: Option<JsValue> = None;
            loop {
                let rows = idb::get_page(&store, after.as_ref(), size).await?;
                let n = rows.length();
                if n == 0 {
                    return Ok(());
                }
                after = Some(
                    js_sys::Reflect::get(&rows.get(n - 1), &id_key).map_err(|_| {
                        StorageError::Corrupt(format!("{}: row without id", R::KIND.key()))
                    })?,
                );
                page(rows_to_records(&rows)?);
                if n < size {
                    return Ok(());
                }
            }
        })
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
        let tx = self.tx(&[R::KIND.key()], false, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            let store = tx.store(R::KIND.key())?;
            rows_to_records(&idb::get_all_by_index(&store, "contact", &contact_id.into()).await?)
        })
        .await
    }

    /// Saves a record, new or changed. `record.meta().revision` must be the revision it was
    /// loaded at (0 for a new record); if the stored one moved on since, nothing is written
    /// The records of a kind dated `from` or later, by their `date` index (timeline
    /// entries: their day; messages: the UTC day they were sent; interviews: their UTC
    /// day). Only for kinds with that index.
    pub async fn dated_since<R: Record>(&self, from: NaiveDate) -> Result<Vec<R>, StorageError> {
        let tx = self.tx(&[R::KIND.key()], false, Durability::Default)?;
        let key: JsValue = crate::domain::format::iso_date(from).into();
        tx.run(async |tx: &Tx| {
            let store = tx.store(R::KIND.key())?;
            rows_to_records(&idb::get_all_by_index_from(&store, "date", &key).await?)
        })
        .await
    }

    /// [`Database::dated_since`] handed over a month at a time, each month decoded in a task
    /// of its own, so that years of timeline never hold the page at once. Months are
    /// counted from `from` up to the one holding `until`; that last read is open-ended, so
    /// records dated later are included too.
    pub async fn each_month_since<R: Record>(
        &self,
        from: NaiveDate,
        until: NaiveDate,
        mut month: impl FnMut(Vec<R>),
    ) -> Result<(), StorageError> {
        let mut bounds = vec![from];
        while let Some(next) = bounds
            .last()
            .and_then(|last| last.checked_add_months(chrono::Months::new(1)))
            .filter(|next| *next <= until)
        {
            bounds.push(next);
        }
        let tx = self.tx(&[R::KIND.key()], false, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            let store = tx.store(R::KIND.key())?;
            // Every month asked for at once: the browser reads the next while this tab
            // decodes the last.
            let key = |day: &NaiveDate| JsValue::from(crate::domain::format::iso_date(*day));
            let pending = bounds
                .iter()
                .enumerate()
                .map(|(i, start)| {
                    let before = bounds.get(i + 1).map(key);
                    idb::start_get_all_by_index(&store, "date", &key(start), before.as_ref())
                })
                .collect::<Result<Vec<_>, _>>()?;
            for rows in pending {
                month(rows_to_records(&rows.wait().await?.unchecked_into())?);
            }
            Ok(())
        })
        .await
    }

    /// When each message sent on the UTC day `from` or later was sent, read without
    /// decoding the messages: Today counts them for the weekly goal, and the code that
    /// decodes a message belongs to the screens that show one, not the first download.
    pub async fn sent_since(&self, from: NaiveDate) -> Result<Vec<DateTime<Utc>>, StorageError> {
        let tx = self.tx(&["messages"], false, Durability::Default)?;
        let key: JsValue = crate::domain::format::iso_date(from).into();
        let rows = tx
            .run(async |tx: &Tx| {
                idb::get_all_by_index_from(&tx.store("messages")?, "date", &key).await
            })
            .await?;
        Ok(rows::sent_times(&rows).into_iter().flatten().collect())
    }

    /// The saved profile, if any.
    pub async fn profile(&self) -> Result<Option<SavedProfile>, StorageError> {
        self.get(PROFILE_ID).await
    }

    /// How many records of each kind are stored, and whether a profile is.
    pub async fn counts(&self) -> Result<(BTreeMap<Kind, u32>, bool), StorageError> {
        let tx = self.tx(&schema::all_stores(), false, Durability::Default)?;
        tx.run(async |tx: &Tx| {
            let mut counts = BTreeMap::new();
            for &kind in Kind::ALL {
                counts.insert(kind, idb::count(&tx.store(kind.key())?).await?);
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
    let migrate = if schema::needs_migrations(name, version).await {
        Some(
            schema::load_migrations()
                .await
                .map_err(|_| StorageError::MigrationsNotLoaded)?,
        )
    } else {
        None
    };
    let failure: schema::UpgradeFailure = Rc::default();
    let handlers = OpenHandlers {
        upgrade: schema::upgrade_handler(version, failure.clone(), migrate),
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
