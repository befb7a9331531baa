//! The encrypted backup file: the backup's JSON text encrypted as a whole with an
//! AES-256-GCM key, in an envelope that says how (see `docs/backup-format.md`). The key is
//! in the envelope too, wrapped (AES-KW) by a key derived from the passphrase: with the
//! device's own passphrase, the backup carries the data key as the device stores it, so
//! an export needs no typing; with another passphrase, a key of its own.

use serde::{Deserialize, Serialize};

use super::vault::{Kdf, SALT_BYTES};
use crate::domain::record::base64_decoded_len;

/// The `format` an encrypted backup names.
pub const ENVELOPE_FORMAT: &str = "netzweber-encrypted-backup";

/// How the backup text is encrypted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cipher {
    /// `AES-GCM` (256-bit key, 128-bit tag appended to the ciphertext).
    pub name: String,
    /// The 96-bit IV, standard base64.
    pub iv: String,
}

/// An encrypted backup file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// [`ENVELOPE_FORMAT`].
    pub format: String,
    /// 1.
    pub version: u32,
    /// How the wrapping key is derived from the passphrase.
    pub kdf: Kdf,
    /// `AES-KW`.
    pub wrap: String,
    /// The AES-256-GCM key the data is encrypted with, wrapped; standard base64.
    pub wrapped_key: String,
    /// How the text is encrypted.
    pub cipher: Cipher,
    /// The encrypted backup (UTF-8 JSON), standard base64.
    pub data: String,
}

/// Why a file that says it is an encrypted backup cannot be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvelopeProblem {
    /// Written by a newer Netzweber (another version or algorithm).
    Unsupported,
    /// Damaged: a field is missing or not what it must be.
    Damaged,
}

/// Whether `text` is an encrypted backup rather than a plain one: a cheap look at its
/// start, so that a plain backup of many megabytes is not parsed twice.
pub fn looks_encrypted(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(200)
        .filter(|c| !c.is_whitespace())
        .collect();
    head.contains(&format!("\"format\":\"{ENVELOPE_FORMAT}\""))
}

/// Reads an encrypted backup's envelope.
pub fn read_envelope(text: &str) -> Result<Envelope, EnvelopeProblem> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|_| EnvelopeProblem::Damaged)?;
    if envelope.format != ENVELOPE_FORMAT {
        return Err(EnvelopeProblem::Damaged);
    }
    let known =
        envelope.version == 1 && envelope.cipher.name == "AES-GCM" && envelope.wrap == "AES-KW";
    if !known || !envelope.kdf.supported() {
        return Err(
            if base64_decoded_len(&envelope.kdf.salt) == Some(SALT_BYTES) {
                EnvelopeProblem::Unsupported
            } else {
                EnvelopeProblem::Damaged
            },
        );
    }
    let data_ok = base64_decoded_len(&envelope.data).is_some_and(|n| n > 16);
    let key_ok = base64_decoded_len(&envelope.wrapped_key) == Some(40);
    if base64_decoded_len(&envelope.cipher.iv) != Some(12) || !data_ok || !key_ok {
        return Err(EnvelopeProblem::Damaged);
    }
    Ok(envelope)
}

/// An envelope around `data` (the ciphertext), as the app writes it.
pub fn envelope(kdf: Kdf, wrapped_key: String, iv: String, data: String) -> Envelope {
    Envelope {
        format: ENVELOPE_FORMAT.into(),
        version: 1,
        kdf,
        wrap: "AES-KW".into(),
        wrapped_key,
        cipher: Cipher {
            name: "AES-GCM".into(),
            iv,
        },
        data,
    }
}
