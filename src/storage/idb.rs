//! A thin layer over the browser's IndexedDB API: opening with an upgrade step, requests
//! as futures, and transactions that report how they ended.
//!
//! Netzweber's stack names rexie for IndexedDB. Rexie 0.6 hides the connection, so it
//! cannot react to `versionchange` (another tab upgrading: this tab must close its
//! connection, or the other tab's upgrade stays blocked), cannot report `blocked`, offers
//! no hook to transform data inside the upgrade transaction, and cannot ask for strict
//! durability. Its builder also deletes every store a version does not declare. Each of
//! those is a data-safety requirement, and a second connection next to rexie's would keep
//! the blocking problem, so all IndexedDB access goes through this module on web-sys.
//!
//! Futures here resolve through promises whose `resolve`/`reject` are the request's event
//! handlers, so no Rust closure is leaked per request. Continuations run as microtasks
//! right after the success event, while the transaction is still active; code inside a
//! transaction must await nothing but these requests, or the transaction auto-commits.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbFactory, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest,
    IdbRequest, IdbTransaction, IdbTransactionMode,
};

use super::vault::{crypto, RowKey};
use super::StorageError;

/// Maps a DOM error (from a request, a transaction or a thrown exception) to a typed one.
pub fn to_error(value: &JsValue) -> StorageError {
    let Some(exception) = value.dyn_ref::<DomException>() else {
        return StorageError::Other(
            value
                .as_string()
                .or_else(|| js_sys::JSON::stringify(value).ok().map(String::from))
                .unwrap_or_else(|| "unknown error".into()),
        );
    };
    match exception.name().as_str() {
        "QuotaExceededError" => StorageError::QuotaExceeded,
        "VersionError" => StorageError::NewerVersionOpen,
        "InvalidStateError" if exception.message().contains("closing") => {
            StorageError::VersionChanged
        }
        "SecurityError" | "NotAllowedError" => StorageError::Unavailable,
        name => StorageError::Other(format!("{name}: {}", exception.message())),
    }
}

fn request_error(request: &IdbRequest) -> StorageError {
    match request.error() {
        Ok(Some(e)) => to_error(&e),
        Ok(None) => StorageError::Other("request failed".into()),
        Err(e) => to_error(&e),
    }
}

/// Waits for a request's result.
pub async fn request(request: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| to_error(&e)),
        Err(_) => Err(request_error(request)),
    }
}

/// How much the browser should guarantee that a committed transaction is on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// The browser's default; fast.
    Default,
    /// Flushed to disk before `complete` fires: for migrations and imports.
    Strict,
}

/// A running transaction. Dropping it without [`Tx::done`] lets it commit on its own;
/// [`Tx::abort`] undoes everything it did.
pub struct Tx {
    tx: IdbTransaction,
    finished: JsFuture,
    /// How this transaction's rows are sealed and opened (plain unless the database is
    /// protected); switched while protection is turned on or off.
    row_key: std::cell::RefCell<RowKey>,
}

impl Tx {
    /// Starts a transaction on `stores`.
    pub fn start(
        db: &IdbDatabase,
        stores: &[&str],
        mode: IdbTransactionMode,
        durability: Durability,
    ) -> Result<Tx, StorageError> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let mode_name = match mode {
            IdbTransactionMode::Readwrite => "readwrite",
            _ => "readonly",
        };
        let options = js_sys::Object::new();
        if durability == Durability::Strict {
            js_sys::Reflect::set(&options, &"durability".into(), &"strict".into())
                .map_err(|e| to_error(&e))?;
        }
        // `transaction(names, mode, options)`: web-sys keeps the options argument behind
        // its unstable-API flag, so the call goes through Reflect.
        let transaction: Function = js_sys::Reflect::get(db, &"transaction".into())
            .map_err(|e| to_error(&e))?
            .unchecked_into();
        let tx = transaction
            .call3(db, &names, &mode_name.into(), &options)
            .map_err(|e| to_error(&e))?;
        Ok(Tx::wrap(tx.unchecked_into()))
    }

    /// Wraps a transaction the browser created (the upgrade transaction).
    pub fn wrap(tx: IdbTransaction) -> Tx {
        let promise = Promise::new(&mut |resolve: Function, reject: Function| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onabort(Some(&reject));
        });
        Tx {
            tx,
            finished: JsFuture::from(promise),
            row_key: Default::default(),
        }
    }

    /// How rows are sealed and opened in this transaction.
    pub fn row_key(&self) -> RowKey {
        self.row_key.borrow().clone()
    }

    /// Seals and opens this transaction's rows with `key` from now on.
    pub fn set_row_key(&self, key: RowKey) {
        let crypto_key = match &key {
            RowKey::Sealed { key, .. } => Some(key.clone()),
            _ => None,
        };
        crypto::set_tx_key(&self.tx, crypto_key.as_ref());
        *self.row_key.borrow_mut() = key;
    }

    /// Puts a record row, sealed first while the transaction has a key (it is held open
    /// meanwhile). Locked, nothing is written.
    pub async fn put_sealed(
        &self,
        store: &IdbObjectStore,
        row: &JsValue,
    ) -> Result<(), StorageError> {
        self.put_all_sealed(store, &Array::of1(row)).await
    }

    /// [`Tx::put_sealed`] for many rows of one store, sealed in one go.
    pub async fn put_all_sealed(
        &self,
        store: &IdbObjectStore,
        rows: &Array,
    ) -> Result<(), StorageError> {
        match self.row_key() {
            RowKey::Plain => {}
            RowKey::Locked => return Err(StorageError::Locked),
            RowKey::Sealed { key, .. } => {
                crypto::seal(&key, &store.name(), rows, Some(store)).await?
            }
        }
        for row in rows.iter() {
            self.put(store, &row)?;
        }
        Ok(())
    }

    /// One of the transaction's stores.
    pub fn store(&self, name: &str) -> Result<IdbObjectStore, StorageError> {
        self.tx.object_store(name).map_err(|e| to_error(&e))
    }

    /// Puts `value` into `store` without waiting: a failure aborts the whole transaction
    /// and shows up in [`Tx::done`].
    pub fn put(&self, store: &IdbObjectStore, value: &JsValue) -> Result<(), StorageError> {
        store.put(value).map(|_| ()).map_err(|e| to_error(&e))
    }

    /// Deletes the record with `key` from `store`, without waiting.
    pub fn delete(&self, store: &IdbObjectStore, key: &JsValue) -> Result<(), StorageError> {
        store.delete(key).map(|_| ()).map_err(|e| to_error(&e))
    }

    /// Empties `store`, without waiting.
    pub fn clear(&self, store: &IdbObjectStore) -> Result<(), StorageError> {
        store.clear().map(|_| ()).map_err(|e| to_error(&e))
    }

    /// Undoes everything the transaction did.
    pub fn abort(&self) {
        // Aborting a transaction that already finished throws; there is nothing to undo.
        let _ = self.tx.abort();
    }

    /// Waits until the transaction committed, or reports why it did not.
    pub async fn done(self) -> Result<(), StorageError> {
        let outcome = self.finished.await;
        match outcome {
            Ok(_) => Ok(()),
            Err(_) => Err(match self.tx.error() {
                Some(e) => to_error(&e),
                // Aborted on purpose, without an error of the browser's.
                None => StorageError::Aborted,
            }),
        }
    }

    /// Runs `work` inside the transaction; commits if it succeeds, aborts if it fails.
    pub async fn run<T>(
        self,
        work: impl AsyncFnOnce(&Tx) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        match work(&self).await {
            Ok(value) => {
                self.done().await?;
                Ok(value)
            }
            Err(e) => {
                self.abort();
                // The abort's own outcome adds nothing to the error that caused it.
                let _ = self.done().await;
                Err(e)
            }
        }
    }
}

/// A request that is already on its way; [`Pending::wait`] collects its result.
pub struct Pending {
    request: IdbRequest,
    settled: JsFuture,
}

impl Pending {
    /// Issues `request` now and attaches its handlers at once, so that several requests
    /// can be in flight: the browser reads the next store while this tab parses the last.
    fn start(request: IdbRequest) -> Pending {
        let promise = Promise::new(&mut |resolve: Function, reject: Function| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
        });
        Pending {
            request,
            settled: JsFuture::from(promise),
        }
    }

    /// The request's result.
    pub async fn wait(self) -> Result<JsValue, StorageError> {
        let outcome = self.settled.await;
        self.request.set_onsuccess(None);
        self.request.set_onerror(None);
        match outcome {
            Ok(_) => {
                let value = self.request.result().map_err(|e| to_error(&e))?;
                crypto::opened(&self.request, value).await
            }
            Err(_) => Err(request_error(&self.request)),
        }
    }
}

/// A request's rows, sealed ones opened (see [`crypto::opened`]).
async fn rows(req: &IdbRequest) -> Result<JsValue, StorageError> {
    let value = request(req).await?;
    crypto::opened(req, value).await
}

/// Starts reading all values in `store`, in key order.
pub fn start_get_all(store: &IdbObjectStore) -> Result<Pending, StorageError> {
    store
        .get_all()
        .map(Pending::start)
        .map_err(|e| to_error(&e))
}

/// All values in `store`, in key order.
pub async fn get_all(store: &IdbObjectStore) -> Result<Array, StorageError> {
    let req = store.get_all().map_err(|e| to_error(&e))?;
    Ok(rows(&req).await?.unchecked_into())
}

/// [`get_all`] without opening sealed rows: for readers of ids and times only.
pub async fn get_all_unopened(store: &IdbObjectStore) -> Result<Array, StorageError> {
    let req = store.get_all().map_err(|e| to_error(&e))?;
    Ok(request(&req).await?.unchecked_into())
}

/// At most `count` values of `store` in key order, after the key `after` (from the start
/// without it). Reading a large store page by page keeps each step short: every page is
/// a task of its own for the browser.
pub async fn get_page(
    store: &IdbObjectStore,
    after: Option<&JsValue>,
    count: u32,
) -> Result<Array, StorageError> {
    let range = match after {
        Some(key) => IdbKeyRange::lower_bound_with_open(key, true)
            .map_err(|e| to_error(&e))?
            .into(),
        None => JsValue::NULL,
    };
    let req = store
        .get_all_with_key_and_limit(&range, count)
        .map_err(|e| to_error(&e))?;
    Ok(rows(&req).await?.unchecked_into())
}

/// The value under `key` in `store`, if any.
pub async fn get(store: &IdbObjectStore, key: &JsValue) -> Result<Option<JsValue>, StorageError> {
    let req = store.get(key).map_err(|e| to_error(&e))?;
    let value = rows(&req).await?;
    Ok((!value.is_undefined()).then_some(value))
}

/// All values in `store` whose `index` equals `key`.
pub async fn get_all_by_index(
    store: &IdbObjectStore,
    index: &str,
    key: &JsValue,
) -> Result<Array, StorageError> {
    let index = store.index(index).map_err(|e| to_error(&e))?;
    let req = index.get_all_with_key(key).map_err(|e| to_error(&e))?;
    Ok(rows(&req).await?.unchecked_into())
}

/// All values in `store` whose `index` is `from` or after it, in the index's order.
pub async fn get_all_by_index_from(
    store: &IdbObjectStore,
    index: &str,
    from: &JsValue,
) -> Result<Array, StorageError> {
    let index = store.index(index).map_err(|e| to_error(&e))?;
    let range = IdbKeyRange::lower_bound(from).map_err(|e| to_error(&e))?;
    let req = index.get_all_with_key(&range).map_err(|e| to_error(&e))?;
    Ok(rows(&req).await?.unchecked_into())
}

/// Starts reading the values in `store` whose `index` is `from` or after it, and before
/// `before` if given, in the index's order.
pub fn start_get_all_by_index(
    store: &IdbObjectStore,
    index: &str,
    from: &JsValue,
    before: Option<&JsValue>,
) -> Result<Pending, StorageError> {
    let index = store.index(index).map_err(|e| to_error(&e))?;
    let range = match before {
        Some(before) => {
            IdbKeyRange::bound_with_lower_open_and_upper_open(from, before, false, true)
        }
        None => IdbKeyRange::lower_bound(from),
    }
    .map_err(|e| to_error(&e))?;
    index
        .get_all_with_key(&range)
        .map(Pending::start)
        .map_err(|e| to_error(&e))
}

/// The first `count` values of `store` in the order of `index`.
pub async fn get_first_by_index(
    store: &IdbObjectStore,
    index: &str,
    count: u32,
) -> Result<Array, StorageError> {
    let index = store.index(index).map_err(|e| to_error(&e))?;
    let req = index
        .get_all_with_key_and_limit(&JsValue::NULL, count)
        .map_err(|e| to_error(&e))?;
    Ok(rows(&req).await?.unchecked_into())
}

/// Whether `store` holds a record under `key`.
pub async fn has_key(store: &IdbObjectStore, key: &JsValue) -> Result<bool, StorageError> {
    let req = store.count_with_key(key).map_err(|e| to_error(&e))?;
    Ok(request(&req).await?.as_f64().unwrap_or(0.0) > 0.0)
}

/// How many records `store` holds.
pub async fn count(store: &IdbObjectStore) -> Result<u32, StorageError> {
    let req = store.count().map_err(|e| to_error(&e))?;
    Ok(request(&req).await?.as_f64().unwrap_or(0.0) as u32)
}

/// The version of the database `name` as stored, 0 if there is none; `None` when the
/// browser cannot say (`indexedDB.databases()` is missing or failed).
pub async fn stored_version(name: &str) -> Option<u32> {
    let factory = factory().ok()?;
    let databases = js_sys::Reflect::get(&factory, &"databases".into()).ok()?;
    let databases: Function = databases.dyn_into().ok()?;
    let list: Promise = databases.call0(&factory).ok()?.dyn_into().ok()?;
    let list: Array = JsFuture::from(list).await.ok()?.dyn_into().ok()?;
    let found = list.iter().find(|d| {
        js_sys::Reflect::get(d, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .is_some_and(|n| n == name)
    });
    match found {
        None => Some(0),
        Some(d) => js_sys::Reflect::get(&d, &"version".into())
            .ok()?
            .as_f64()
            .map(|v| v as u32),
    }
}

/// The browser's IndexedDB factory.
pub fn factory() -> Result<IdbFactory, StorageError> {
    let global = js_sys::global();
    let factory = js_sys::Reflect::get(&global, &"indexedDB".into())
        .map_err(|_| StorageError::Unavailable)?;
    if factory.is_null() || factory.is_undefined() {
        return Err(StorageError::Unavailable);
    }
    Ok(factory.unchecked_into())
}

/// What happens while a database opens.
pub struct OpenHandlers {
    /// Called in the `upgradeneeded` event with the connection, the upgrade transaction
    /// and the version found on disk. It must start all its requests on that transaction
    /// before returning or from their callbacks, and abort it on failure.
    pub upgrade: Box<dyn FnOnce(IdbDatabase, IdbTransaction, u32)>,
    /// Called when another tab's connection keeps the upgrade from starting.
    pub blocked: Box<dyn Fn()>,
}

/// Opens (creating or upgrading) the database `name` at `version`.
pub async fn open(
    name: &str,
    version: u32,
    handlers: OpenHandlers,
) -> Result<IdbDatabase, StorageError> {
    let request: IdbOpenDbRequest = factory()?
        .open_with_u32(name, version)
        .map_err(|e| to_error(&e))?;

    let upgrade = handlers.upgrade;
    let upgrade_request = request.clone();
    let on_upgrade = Closure::once(move |event: web_sys::IdbVersionChangeEvent| {
        let result = upgrade_request.result();
        let tx = upgrade_request.transaction();
        if let (Ok(db), Some(tx)) = (result, tx) {
            upgrade(db.unchecked_into(), tx, event.old_version() as u32);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let blocked = handlers.blocked;
    let on_blocked = Closure::<dyn Fn()>::new(blocked);
    request.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));

    let outcome = self::request(&request).await;
    request.set_onupgradeneeded(None);
    request.set_onblocked(None);
    // Both closures are dropped here, after the request settled; neither runs again.
    drop((on_upgrade, on_blocked));
    Ok(outcome?.unchecked_into())
}

/// Deletes the database `name` (tests and "start over" only).
pub async fn delete_database(name: &str) -> Result<(), StorageError> {
    let req = factory()?.delete_database(name).map_err(|e| to_error(&e))?;
    request(&req).await.map(|_| ())
}
