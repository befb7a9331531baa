//! The browser's cryptography (WebCrypto's `SubtleCrypto`), as the few calls Netzweber
//! needs: no crypto crate in the wasm (issue 15), and the row-by-row work stays on the
//! JavaScript side so that tens of thousands of records cross into wasm once.
//!
//! - Wrapping keys: PBKDF2-SHA256 from a passphrase or recovery key, used for AES-KW.
//! - The data key: AES-256-GCM, generated once, stored only wrapped; unwrapped for use
//!   as non-extractable.
//! - Rows: AES-GCM with a fresh 96-bit IV per write and `store/id` as additional data,
//!   so a row copied under another id or into another store does not decrypt.
//! - [`hold`]: keeps an IndexedDB transaction alive while a crypto promise runs (a
//!   transaction commits on its own once no request is pending).

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbObjectStore, IdbRequest, IdbTransaction};

use crate::storage::idb;
use crate::storage::StorageError;

#[wasm_bindgen(inline_js = r#"
const te = new TextEncoder(), td = new TextDecoder('utf-8', { fatal: true });
const subtle = () => {
  if (!globalThis.crypto || !crypto.subtle) throw { unavailable: true };
  return crypto.subtle;
};
// Backups run to tens of megabytes: the browser's own base64 where it has it, else loops
// (Uint8Array.from over a string's iterator took seconds at that size).
const b64 = (buf) => {
  const b = new Uint8Array(buf);
  if (b.toBase64) return b.toBase64();
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
  return btoa(s);
};
const unb64 = (s) => {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};
const aad = (store, id) => te.encode(store + '/' + id);
export function available() { return !!(globalThis.crypto && crypto.subtle); }
export function random_b64(n) { return b64(crypto.getRandomValues(new Uint8Array(n))); }
export function random_bytes(n) { return crypto.getRandomValues(new Uint8Array(n)); }
export async function derive(secret, salt, iterations) {
  const raw = typeof secret === 'string' ? te.encode(secret) : secret;
  const material = await subtle().importKey('raw', raw, 'PBKDF2', false, ['deriveKey', 'deriveBits']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: unb64(salt), iterations },
    material, { name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}
export async function derive_bits(secret, salt, iterations) {
  const material = await subtle().importKey('raw', te.encode(secret), 'PBKDF2', false, ['deriveBits']);
  return b64(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: unb64(salt), iterations }, material, 256));
}
export function new_data_key() {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}
export async function wrap(kek, key) { return b64(await subtle().wrapKey('raw', key, kek, 'AES-KW')); }
export async function unwrap(kek, wrapped, extractable) {
  try {
    return await subtle().unwrapKey('raw', unb64(wrapped), kek, 'AES-KW',
      { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
  } catch (e) { throw { wrong: true }; }
}
export function seal_rows(key, store, rows) {
  const pending = [];
  for (const r of rows) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    pending.push(subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad(store, r.id) }, key, te.encode(r.json))
      .then((ct) => { r.ct = ct; r.iv = iv; delete r.json; }));
  }
  return Promise.all(pending);
}
const txKeys = new WeakMap();
export function set_tx_key(tx, key) { if (key) txKeys.set(tx, key); else txKeys.delete(tx); }
export function tx_has_key(request) { return txKeys.has(request.transaction); }
export function open_in_place(request, value) {
  const source = request.source;
  const store = source instanceof IDBIndex ? source.objectStore : source;
  const key = txKeys.get(request.transaction);
  const rows = Array.isArray(value) ? value : (value ? [value] : []);
  // Plain promise chains, not an async function per row: at 60,000 rows the extra
  // promises showed in the read time.
  const pending = [];
  for (const r of rows) {
    if (!r || r.ct === undefined) continue;
    pending.push(subtle().decrypt({ name: 'AES-GCM', iv: r.iv, additionalData: aad(store.name, r.id) }, key, r.ct)
      .then((plain) => { r.json = td.decode(plain); delete r.ct; delete r.iv; },
        () => { throw { bad: store.name }; }));
  }
  // Nothing sealed (an empty store, the vault row): no WebCrypto promise to wait for,
  // so no request to keep the transaction open with.
  if (pending.length === 0) return Promise.resolve(value);
  const work = Promise.all(pending).then(() => value);
  return hold(store, work);
}
export async function encrypt_text(key, text) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv }, key, te.encode(text));
  return [b64(iv), b64(ct)];
}
export async function decrypt_text(key, iv, data) {
  try { return td.decode(await subtle().decrypt({ name: 'AES-GCM', iv: unb64(iv) }, key, unb64(data))); }
  catch (e) { throw { wrong: true }; }
}
export function import_raw(b64) {
  return subtle().importKey('raw', unb64(b64), 'AES-GCM', false, ['encrypt', 'decrypt']);
}
export function hold(store, promise) {
  return new Promise((resolve, reject) => {
    let outcome = null;
    promise.then((v) => { outcome = [true, v]; }, (e) => { outcome = [false, e]; });
    const spin = () => {
      if (outcome) { (outcome[0] ? resolve : reject)(outcome[1]); return; }
      let request;
      try { request = store.get('\u0000'); } catch (e) { reject(e); return; }
      request.onsuccess = spin;
      request.onerror = () => reject(request.error);
    };
    spin();
  });
}
"#)]
extern "C" {
    /// Whether the page can use WebCrypto (only in a secure context: https or localhost).
    pub fn available() -> bool;
    fn random_b64(n: u32) -> String;
    fn random_bytes(n: u32) -> Uint8Array;
    #[wasm_bindgen(catch)]
    fn derive(secret: &JsValue, salt: &str, iterations: u32) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn derive_bits(secret: &str, salt: &str, iterations: u32) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn new_data_key() -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn wrap(kek: &CryptoKey, key: &CryptoKey) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn unwrap(kek: &CryptoKey, wrapped: &str, extractable: bool) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn seal_rows(key: &CryptoKey, store: &str, rows: &Array) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_name = set_tx_key)]
    fn js_set_tx_key(tx: &IdbTransaction, key: Option<&CryptoKey>);
    #[wasm_bindgen(js_name = tx_has_key)]
    fn js_tx_has_key(request: &IdbRequest) -> bool;
    #[wasm_bindgen(catch, js_name = open_in_place)]
    fn js_open_in_place(request: &IdbRequest, value: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn encrypt_text(key: &CryptoKey, text: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn decrypt_text(key: &CryptoKey, iv: &str, data: &str) -> Result<Promise, JsValue>;
    fn hold(store: &IdbObjectStore, promise: &Promise) -> Promise;
    #[wasm_bindgen(catch)]
    fn import_raw(raw: &str) -> Result<Promise, JsValue>;

    /// A WebCrypto key; only ever held, never read, on the Rust side.
    #[derive(Clone, Debug)]
    pub type CryptoKey;
}

/// Why a cryptographic step failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase, recovery key or backup passphrase does not open the key.
    WrongSecret,
    /// A row of this store did not decrypt (tampered, truncated, or moved to another id).
    Bad(String),
    /// The browser offers no WebCrypto here (a page not served over https).
    Unavailable,
    /// Anything else the browser reported.
    Storage(StorageError),
}

impl From<CryptoError> for StorageError {
    fn from(e: CryptoError) -> StorageError {
        match e {
            CryptoError::WrongSecret => StorageError::WrongSecret,
            CryptoError::Bad(store) => StorageError::Undecryptable(store),
            CryptoError::Unavailable => StorageError::CryptoUnavailable,
            CryptoError::Storage(e) => e,
        }
    }
}

fn flag(value: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(value, &name.into())
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

fn to_crypto_error(value: JsValue) -> CryptoError {
    if !value.is_object() {
        return CryptoError::Storage(idb::to_error(&value));
    }
    if flag(&value, "wrong") {
        CryptoError::WrongSecret
    } else if flag(&value, "unavailable") {
        CryptoError::Unavailable
    } else if let Some(id) = js_sys::Reflect::get(&value, &"bad".into())
        .ok()
        .and_then(|v| v.as_string())
    {
        CryptoError::Bad(id)
    } else {
        CryptoError::Storage(idb::to_error(&value))
    }
}

/// Waits for a crypto promise; inside a transaction, pass one of its stores so that the
/// transaction stays open meanwhile.
async fn settle(
    promise: Result<Promise, JsValue>,
    keep_open: Option<&IdbObjectStore>,
) -> Result<JsValue, CryptoError> {
    let promise = promise.map_err(to_crypto_error)?;
    let promise = match keep_open {
        Some(store) => hold(store, &promise),
        None => promise,
    };
    JsFuture::from(promise).await.map_err(to_crypto_error)
}

/// The text a WebCrypto call answered with; never an empty string in its place: an empty
/// wrapped key or ciphertext stored as if it were one would lose the data for good.
fn text_of(value: JsValue) -> Result<String, CryptoError> {
    value.as_string().ok_or_else(|| {
        CryptoError::Storage(StorageError::Other(
            "WebCrypto answered without text".into(),
        ))
    })
}

/// `n` random bytes, standard base64.
pub fn random_base64(n: u32) -> String {
    random_b64(n)
}

/// `n` random bytes.
pub fn random(n: u32) -> Vec<u8> {
    random_bytes(n).to_vec()
}

/// The AES-KW key that PBKDF2-SHA256 derives from `secret` (text, or raw bytes for the
/// recovery key) with `salt` (base64).
pub async fn wrapping_key(
    secret: &JsValue,
    salt: &str,
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    Ok(settle(derive(secret, salt, iterations), None)
        .await?
        .unchecked_into())
}

/// PBKDF2-SHA256's first 256 bits for `secret` and `salt` (base64), as base64: for the
/// known-answer test of the derivation.
pub async fn derived_bits(
    secret: &str,
    salt: &str,
    iterations: u32,
) -> Result<String, CryptoError> {
    settle(derive_bits(secret, salt, iterations), None)
        .await
        .and_then(text_of)
}

/// A new random AES-256-GCM data key, extractable so that it can be wrapped.
pub async fn data_key() -> Result<CryptoKey, CryptoError> {
    Ok(settle(new_data_key(), None).await?.unchecked_into())
}

/// `key` wrapped by `kek` (AES-KW), base64.
pub async fn wrap_key(kek: &CryptoKey, key: &CryptoKey) -> Result<String, CryptoError> {
    settle(wrap(kek, key), None).await.and_then(text_of)
}

/// The data key in `wrapped`, unwrapped by `kek`; [`CryptoError::WrongSecret`] when
/// `kek` is not the key that wrapped it (AES-KW checks its integrity).
pub async fn unwrap_key(
    kek: &CryptoKey,
    wrapped: &str,
    extractable: bool,
) -> Result<CryptoKey, CryptoError> {
    Ok(settle(unwrap(kek, wrapped, extractable), None)
        .await?
        .unchecked_into())
}

/// Encrypts rows `{ id, json, … }` of `store` in place: `json` becomes `ct` and `iv`.
pub async fn seal(
    key: &CryptoKey,
    store_name: &str,
    rows: &Array,
    keep_open: Option<&IdbObjectStore>,
) -> Result<(), CryptoError> {
    settle(seal_rows(key, store_name, rows), keep_open)
        .await
        .map(|_| ())
}

/// Seals the rows `tx` writes with `key` from now on (`None`: plain); reads in `tx` open
/// sealed rows with it.
pub fn set_tx_key(tx: &IdbTransaction, key: Option<&CryptoKey>) {
    js_set_tx_key(tx, key);
}

/// A request's result with its sealed rows opened in place (their `json` restored), when
/// its transaction has a key; the transaction is held open meanwhile. Without a key the
/// result is as read: a sealed row in it then fails to decode as locked.
pub async fn opened(request: &IdbRequest, value: JsValue) -> Result<JsValue, StorageError> {
    if !js_tx_has_key(request) {
        return Ok(value);
    }
    let promise = js_open_in_place(request, &value).map_err(to_crypto_error)?;
    Ok(JsFuture::from(promise).await.map_err(to_crypto_error)?)
}

/// `text` encrypted with `key`: (IV, ciphertext with tag), both base64.
pub async fn encrypt(key: &CryptoKey, text: &str) -> Result<(String, String), CryptoError> {
    let pair: Array = settle(encrypt_text(key, text), None)
        .await?
        .unchecked_into();
    Ok((text_of(pair.get(0))?, text_of(pair.get(1))?))
}

/// The text in `data` (base64), or [`CryptoError::WrongSecret`] if `key` does not open it
/// (wrong passphrase, or damaged data: GCM cannot tell the two apart).
pub async fn decrypt(key: &CryptoKey, iv: &str, data: &str) -> Result<String, CryptoError> {
    settle(decrypt_text(key, iv, data), None)
        .await
        .and_then(text_of)
}

/// An AES-256-GCM key from raw bytes (base64): known-answer tests only; the app never
/// handles a raw key.
#[doc(hidden)]
pub async fn key_from_raw(raw: &str) -> Result<CryptoKey, CryptoError> {
    Ok(settle(import_raw(raw), None).await?.unchecked_into())
}
