//! Protecting the stored data with a passphrase (issue 15): the rules that need no
//! browser. The cryptography itself is the browser's (WebCrypto, in `storage::vault`);
//! here live what a passphrase must be, how a recovery key is written and read back, the
//! parameters stored next to the wrapped key, the encrypted backup's envelope, and when
//! the app locks itself.

pub mod envelope;
pub mod lock;
pub mod passphrase;
pub mod recovery;
pub mod vault;

#[cfg(test)]
mod tests;
