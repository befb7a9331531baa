//! Encrypted backup files (see `domain::privacy::envelope`).

use crate::domain::privacy::envelope::{envelope, Envelope};
use crate::domain::privacy::vault::Kdf;
use crate::storage::db::Database;
use crate::storage::StorageError;

use super::{crypto, wrap_anew, RowKey};

impl Database {
    /// `backup` (the backup file's text) encrypted with this device's passphrase: the
    /// envelope carries the data key wrapped as the device stores it, so the user types
    /// nothing. Only while unlocked.
    pub async fn encrypt_backup(&self, backup: &str) -> Result<String, StorageError> {
        let RowKey::Sealed { key, .. } = self.row_key() else {
            return Err(StorageError::Locked);
        };
        let params = self.vault().await?.ok_or(StorageError::Locked)?;
        let (iv, data) = crypto::encrypt(&key, backup).await?;
        write(envelope(
            params.passphrase.kdf,
            params.passphrase.key,
            iv,
            data,
        ))
    }
}

/// `backup` encrypted with a key of its own, wrapped by `passphrase`.
pub async fn encrypt_backup_with(backup: &str, passphrase: &str) -> Result<String, StorageError> {
    let key = crypto::data_key().await?;
    let wrapped = wrap_anew(&passphrase.into(), &key).await?;
    let (iv, data) = crypto::encrypt(&key, backup).await?;
    write(envelope(wrapped.kdf, wrapped.key, iv, data))
}

fn write(envelope: Envelope) -> Result<String, StorageError> {
    serde_json::to_string_pretty(&envelope).map_err(|e| StorageError::Other(e.to_string()))
}

/// The backup text inside `envelope`. [`StorageError::WrongSecret`] when `passphrase`
/// does not unwrap its key; [`StorageError::Undecryptable`] when the key unwraps but the
/// data does not decrypt (damaged or cut file).
pub async fn decrypt_backup(envelope: &Envelope, passphrase: &str) -> Result<String, StorageError> {
    let Kdf {
        salt, iterations, ..
    } = &envelope.kdf;
    let kek = crypto::wrapping_key(&passphrase.into(), salt, *iterations).await?;
    let key = crypto::unwrap_key(&kek, &envelope.wrapped_key, false).await?;
    crypto::decrypt(&key, &envelope.cipher.iv, &envelope.data)
        .await
        .map_err(|e| match e {
            crypto::CryptoError::WrongSecret => StorageError::Undecryptable("backup".into()),
            other => other.into(),
        })
}
