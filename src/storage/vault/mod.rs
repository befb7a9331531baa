//! Protection with a passphrase (issue 15): the session's key, and turning protection on
//! and off, unlocking and changing the passphrase.
//!
//! A random AES-256-GCM *data key* encrypts every record row ([`crypto`]); it is stored
//! only wrapped, once by a key derived from the passphrase and once by one derived from
//! the recovery key, in the meta store's `vault` row next to the parameters
//! ([`VaultParams`]). Unlocking unwraps it as non-extractable into this tab's memory;
//! locking drops it. A protected row holds its id, `iv`, `ct` and only the index fields
//! that are ids or dates (see `db::rows`).
//!
//! IndexedDB transactions close on their own while a crypto promise runs, so every
//! transaction that seals or opens rows holds itself open meanwhile ([`crypto::seal`],
//! [`crypto::open`]); turning protection on or off rewrites every row in one
//! transaction: a tab closed half-way leaves the old state.

pub mod backup;
pub mod crypto;

use wasm_bindgen::JsValue;
use web_sys::IdbObjectStore;

use crate::domain::privacy::recovery::{format_recovery, parse_recovery, RECOVERY_BYTES};
use crate::domain::privacy::vault::{
    Kdf, VaultParams, Wrapped, PBKDF2_ITERATIONS, SALT_BYTES, VAULT_VERSION,
};
use crate::storage::db::Database;
use crate::storage::idb::{self, Tx};
use crate::storage::schema::{get_string, row, set};
use crate::storage::StorageError;
pub use crypto::CryptoKey;

thread_local! {
    static INTERRUPT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Makes the next turning on or off fail after every record was rewritten, before the
/// vault row: the worst moment for a tab to be closed (tests of all or nothing).
#[doc(hidden)]
pub fn interrupt_next_rewrite() {
    INTERRUPT.set(true);
}

/// Row id of the protection's parameters in the meta store.
pub const VAULT_ID: &str = "vault";

/// How a transaction's record rows are written and read.
#[derive(Clone, Debug, Default)]
pub enum RowKey {
    /// Unprotected: rows hold their JSON.
    #[default]
    Plain,
    /// Protected and unlocked: rows are sealed with `key`, the data key named `key_id`.
    Sealed {
        /// The unwrapped data key (non-extractable).
        key: CryptoKey,
        /// [`VaultParams::key_id`] of the vault it came from.
        key_id: String,
    },
    /// Protected and locked: records can be neither read nor written.
    Locked,
}

/// Whether the data is protected, and unlocked in this tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    /// No passphrase.
    Off,
    /// Protected; this tab does not hold the key.
    Locked,
    /// Protected; this tab holds the key.
    Unlocked,
}

impl RowKey {
    /// The protection this key stands for.
    pub fn protection(&self) -> Protection {
        match self {
            RowKey::Plain => Protection::Off,
            RowKey::Sealed { .. } => Protection::Unlocked,
            RowKey::Locked => Protection::Locked,
        }
    }
}

/// What unlocks: the passphrase, or the recovery key as the user typed it.
#[derive(Clone, Debug)]
pub enum Secret {
    /// The passphrase.
    Passphrase(String),
    /// The recovery key (any spacing and case).
    Recovery(String),
}

/// The stored parameters in the meta store, if protection is on.
pub(crate) async fn read_vault(meta: &IdbObjectStore) -> Result<Option<VaultParams>, StorageError> {
    match idb::get(meta, &VAULT_ID.into()).await? {
        Some(row) => {
            let json = get_string(&row, row::JSON).unwrap_or_default();
            serde_json::from_str(&json)
                .map(Some)
                .map_err(|e| StorageError::Corrupt(format!("vault: {e}")))
        }
        None => Ok(None),
    }
}

/// The vault row's copy of [`VaultParams::key_id`], so that every write can check it
/// without decoding the parameters.
const KEY_ID: &str = "key_id";

fn vault_row(params: &VaultParams) -> Result<JsValue, StorageError> {
    let r = js_sys::Object::new();
    set(&r, row::ID, &VAULT_ID.into())?;
    set(&r, KEY_ID, &params.key_id.as_str().into())?;
    let json = serde_json::to_string(params).map_err(|e| StorageError::Other(e.to_string()))?;
    set(&r, row::JSON, &json.into())?;
    Ok(r.into())
}

/// Fails the transaction unless the stored protection is the one `tx` seals with: a tab
/// that missed another tab turning protection on, off, or on again with a new key must
/// not write rows the others cannot read.
pub(crate) async fn check_row_key(tx: &Tx, meta: &IdbObjectStore) -> Result<(), StorageError> {
    let stored = idb::get(meta, &VAULT_ID.into())
        .await?
        .map(|row| get_string(&row, KEY_ID).unwrap_or_default());
    match (tx.row_key(), stored) {
        (RowKey::Plain, None) => Ok(()),
        (RowKey::Sealed { key_id, .. }, Some(stored)) if stored == key_id => Ok(()),
        _ => Err(StorageError::Locked),
    }
}

/// Whether the data is protected (a vault row exists), read without decoding it: the
/// first screen needs no more.
pub(crate) async fn has_vault(meta: &IdbObjectStore) -> Result<bool, StorageError> {
    idb::has_key(meta, &VAULT_ID.into()).await
}

/// The key that `secret` derives for the wrapped key it opens.
async fn wrapping_key_for(
    params: &VaultParams,
    secret: &Secret,
) -> Result<(CryptoKey, String), StorageError> {
    let (wrapped, material): (&Wrapped, JsValue) = match secret {
        Secret::Passphrase(p) => (&params.passphrase, p.as_str().into()),
        Secret::Recovery(typed) => {
            let bytes = parse_recovery(typed).ok_or(StorageError::WrongSecret)?;
            (
                &params.recovery,
                js_sys::Uint8Array::from(&bytes[..]).into(),
            )
        }
    };
    let kek = crypto::wrapping_key(&material, &wrapped.kdf.salt, wrapped.kdf.iterations).await?;
    Ok((kek, wrapped.key.clone()))
}

/// The data key that `secret` unwraps from `params`.
async fn data_key_for(
    params: &VaultParams,
    secret: &Secret,
    extractable: bool,
) -> Result<CryptoKey, StorageError> {
    if !params.supported() {
        return Err(StorageError::VaultUnsupported);
    }
    let (kek, wrapped) = wrapping_key_for(params, secret).await?;
    Ok(crypto::unwrap_key(&kek, &wrapped, extractable).await?)
}

/// `data` wrapped by a key derived from `material` with a fresh salt at today's
/// iterations.
async fn wrap_anew(material: &JsValue, data: &CryptoKey) -> Result<Wrapped, StorageError> {
    let salt = crypto::random_base64(SALT_BYTES as u32);
    let kek = crypto::wrapping_key(material, &salt, PBKDF2_ITERATIONS).await?;
    Ok(Wrapped {
        key: crypto::wrap_key(&kek, data).await?,
        kdf: Kdf::current(salt),
    })
}

impl Database {
    /// Whether the data is protected and unlocked in this tab.
    pub fn protection(&self) -> Protection {
        self.row_key().protection()
    }

    /// The stored protection parameters, if protection is on.
    pub async fn vault(&self) -> Result<Option<VaultParams>, StorageError> {
        let tx = self.meta_tx(false)?;
        tx.run(async |tx: &Tx| read_vault(&tx.store(crate::storage::schema::META_STORE)?).await)
            .await
    }

    /// Unlocks with the passphrase or the recovery key: this tab can read and write
    /// again. [`StorageError::WrongSecret`] when it does not fit; nothing changes then.
    /// A passphrase stored with fewer iterations than today's is wrapped anew with
    /// today's (the parameters' migration).
    pub async fn unlock(&self, secret: &Secret) -> Result<(), StorageError> {
        let params = self.vault().await?.ok_or(StorageError::NotFound)?;
        let key = data_key_for(&params, secret, false).await?;
        self.set_row_key(RowKey::Sealed {
            key,
            key_id: params.key_id.clone(),
        });
        if let Secret::Passphrase(p) = secret {
            if params.passphrase.kdf.iterations < PBKDF2_ITERATIONS {
                // An error means still locked, so the tab does not keep the key.
                if let Err(e) = self.change_passphrase(secret, p).await {
                    self.set_row_key(RowKey::Locked);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Drops the key from this tab; `announce` tells the other tabs to lock too (not
    /// when this tab locks because another one did).
    pub fn lock(&self, announce: bool) {
        if self.protection() == Protection::Unlocked {
            self.set_row_key(RowKey::Locked);
        }
        if announce {
            self.announce_lock();
        }
    }

    /// Turns protection on: every record is encrypted, in one transaction (a tab closed
    /// half-way leaves everything as it was). Returns the recovery key, to be shown once.
    pub async fn protect(&self, passphrase: &str) -> Result<String, StorageError> {
        self.protect_at(passphrase, PBKDF2_ITERATIONS).await
    }

    /// [`Database::protect`] with a given number of iterations (tests of the parameters'
    /// migration; the app always uses today's).
    #[doc(hidden)]
    pub async fn protect_at(
        &self,
        passphrase: &str,
        iterations: u32,
    ) -> Result<String, StorageError> {
        if self.protection() != Protection::Off {
            return Err(StorageError::Locked);
        }
        let recovery = crypto::random(RECOVERY_BYTES as u32);
        let data = crypto::data_key().await?;
        let salt = crypto::random_base64(SALT_BYTES as u32);
        let kek = crypto::wrapping_key(&passphrase.into(), &salt, iterations).await?;
        let by_passphrase = Wrapped {
            key: crypto::wrap_key(&kek, &data).await?,
            kdf: Kdf {
                iterations,
                ..Kdf::current(salt)
            },
        };
        let by_recovery = wrap_anew(&js_sys::Uint8Array::from(&recovery[..]).into(), &data).await?;
        let params = VaultParams {
            version: VAULT_VERSION,
            key_id: crypto::random_base64(12),
            cipher: "AES-GCM".into(),
            wrap: "AES-KW".into(),
            passphrase: by_passphrase,
            recovery: by_recovery,
        };
        // The session's copy cannot be exported; the extractable one goes out of scope.
        let key = crypto::unwrap_key(&kek, &params.passphrase.key, false).await?;
        let sealed = RowKey::Sealed {
            key,
            key_id: params.key_id.clone(),
        };
        self.rewrite_all(RowKey::Plain, sealed.clone(), Some(&params))
            .await?;
        self.set_row_key(sealed);
        self.announce_lock();
        Ok(format_recovery(&recovery))
    }

    /// Turns protection off after checking `secret`: every record is decrypted, in one
    /// transaction.
    pub async fn unprotect(&self, secret: &Secret) -> Result<(), StorageError> {
        let params = self.vault().await?.ok_or(StorageError::NotFound)?;
        let key = data_key_for(&params, secret, false).await?;
        let sealed = RowKey::Sealed {
            key,
            key_id: params.key_id.clone(),
        };
        self.rewrite_all(sealed, RowKey::Plain, None).await?;
        self.set_row_key(RowKey::Plain);
        self.announce_lock();
        Ok(())
    }

    /// Sets a new passphrase after checking `current` (the passphrase or the recovery
    /// key): only the wrapped key changes, in one small transaction; the recovery key
    /// stays valid.
    pub async fn change_passphrase(&self, current: &Secret, new: &str) -> Result<(), StorageError> {
        let mut params = self.vault().await?.ok_or(StorageError::NotFound)?;
        let data = data_key_for(&params, current, true).await?;
        params.passphrase = wrap_anew(&new.into(), &data).await?;
        let tx = self.meta_tx(true)?;
        tx.run(async |tx: &Tx| {
            let meta = tx.store(crate::storage::schema::META_STORE)?;
            match read_vault(&meta).await? {
                Some(stored) if stored.key_id == params.key_id => {
                    tx.put(&meta, &vault_row(&params)?)
                }
                _ => Err(StorageError::Locked),
            }
        })
        .await
    }

    /// Reads every record with `from`, checks the stored vault is the one `from` belongs
    /// to, writes every record with `to` and stores `vault` (or removes it): one
    /// transaction with strict durability. The caller announces the lock to other tabs.
    async fn rewrite_all(
        &self,
        from: RowKey,
        to: RowKey,
        vault: Option<&VaultParams>,
    ) -> Result<(), StorageError> {
        // Not announced as changed stores: both callers announce the lock, and a tab
        // reloading its stores first would only meet rows it can no longer read.
        let stores = crate::storage::schema::all_stores();
        let tx = self.tx(&stores, true, idb::Durability::Strict)?;
        tx.run(async |tx: &Tx| {
            tx.set_row_key(from);
            let meta = tx.store(crate::storage::schema::META_STORE)?;
            check_row_key(tx, &meta).await?;
            let data = crate::storage::db::read_dataset(tx).await?;
            tx.set_row_key(to);
            crate::storage::db::put_dataset(tx, &data, &mut Default::default()).await?;
            if INTERRUPT.take() {
                return Err(StorageError::Aborted);
            }
            match vault {
                Some(params) => tx.put(&meta, &vault_row(params)?),
                None => tx.delete(&meta, &VAULT_ID.into()),
            }
        })
        .await
    }
}
