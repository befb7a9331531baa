//! What is stored next to the wrapped data key: enough to derive the wrapping key again
//! from the passphrase (or the recovery key), and to raise the parameters later.
//!
//! One row in the meta store, in plain JSON: it holds no personal data, only random salts
//! and the data key encrypted twice.

use serde::{Deserialize, Serialize};

use crate::domain::record::base64_decoded_len;

/// PBKDF2-SHA256 iterations for a new passphrase: OWASP's minimum and Bitwarden's default.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Bytes of random salt per derivation.
pub const SALT_BYTES: usize = 16;
/// The version of [`VaultParams`] this app writes.
pub const VAULT_VERSION: u32 = 1;

/// How a wrapping key is derived from a secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    /// `PBKDF2`.
    pub name: String,
    /// `SHA-256`.
    pub hash: String,
    /// Iterations.
    pub iterations: u32,
    /// The random salt, standard base64.
    pub salt: String,
}

impl Kdf {
    /// PBKDF2-SHA256 at today's iterations with `salt` (base64).
    pub fn current(salt: String) -> Kdf {
        Kdf {
            name: "PBKDF2".into(),
            hash: "SHA-256".into(),
            iterations: PBKDF2_ITERATIONS,
            salt,
        }
    }

    /// Whether this app can derive with it.
    pub fn supported(&self) -> bool {
        self.name == "PBKDF2"
            && self.hash == "SHA-256"
            && (100_000..=10_000_000).contains(&self.iterations)
            && base64_decoded_len(&self.salt) == Some(SALT_BYTES)
    }
}

/// The data key wrapped by a key derived from one secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrapped {
    /// How the wrapping key is derived.
    pub kdf: Kdf,
    /// The data key wrapped with AES-KW (RFC 3394), standard base64 (40 bytes).
    pub key: String,
}

impl Wrapped {
    fn supported(&self) -> bool {
        self.kdf.supported() && base64_decoded_len(&self.key) == Some(40)
    }
}

/// The protection's stored parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultParams {
    /// [`VAULT_VERSION`] when written.
    pub version: u32,
    /// A random id of this data key: a tab whose unlocked key is not this one (protection
    /// was turned off and on in another tab) must not write.
    pub key_id: String,
    /// How records are encrypted: `AES-GCM` (256-bit key, 96-bit IV, the record's store
    /// and id as additional data).
    pub cipher: String,
    /// How the data key is wrapped: `AES-KW`.
    pub wrap: String,
    /// The data key, wrapped by the passphrase.
    pub passphrase: Wrapped,
    /// The data key, wrapped by the recovery key.
    pub recovery: Wrapped,
}

impl VaultParams {
    /// Whether this app can unlock with these parameters (a newer version may have raised
    /// them beyond what it knows).
    pub fn supported(&self) -> bool {
        self.version == VAULT_VERSION
            && self.cipher == "AES-GCM"
            && self.wrap == "AES-KW"
            && self.passphrase.supported()
            && self.recovery.supported()
    }
}
