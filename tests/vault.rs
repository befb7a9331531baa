//! Protection with a passphrase (issue 15), tested in headless Chromium: the WebCrypto
//! wrapper against known answers, and the database sealed, unlocked, changed, tampered
//! with and interrupted. Every test uses its own database and deletes it.
//!
//! The key derivation runs at 600,000 iterations as in the app, so each unlock costs
//! most of a second here too.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use chrono::{DateTime, Utc};
use netzweber::domain::backup::{Dataset, ImportMode};
use netzweber::domain::privacy::envelope::read_envelope;
use netzweber::domain::privacy::vault::PBKDF2_ITERATIONS;
use netzweber::domain::profile::{Profile, SavedProfile, PROFILE_ID};
use netzweber::domain::record::*;
use netzweber::domain::schema::SCHEMA_VERSION;
use netzweber::storage::db::{self, Database, SaveError};
use netzweber::storage::idb::{self, Durability, Tx};
use netzweber::storage::schema::{self, META_STORE};
use netzweber::storage::vault::backup::{decrypt_backup, encrypt_backup_with};
use netzweber::storage::vault::crypto;
use netzweber::storage::vault::{interrupt_next_rewrite, Protection, Secret};
use netzweber::storage::StorageError;
use wasm_bindgen_test::*;
use web_sys::IdbTransactionMode;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "rote Tasse, grüner Mond";

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn unique(name: &str) -> String {
    format!("test-vault-{name}-{}", js_sys::Math::random().to_bits())
}

async fn open(name: &str) -> Database {
    Database::open(name, Rc::new(|_| {})).await.expect("open")
}

async fn finish(db: Database) {
    let name = db.name().to_string();
    db.close();
    idb::delete_database(&name).await.unwrap();
}

fn meta(id: &str) -> Meta {
    let mut meta = Meta::new(id, at("2026-01-01T00:00:00Z"));
    meta.revision = 1;
    meta
}

/// A small network whose every kind holds text a stranger must not read.
fn network() -> Dataset {
    let v = |json: serde_json::Value| json;
    Dataset {
        profile: Some(SavedProfile {
            meta: Meta::new(PROFILE_ID, at("2026-01-01T00:00:00Z")),
            profile: Profile {
                name: "Mareike Geheimname".into(),
                ..Profile::default()
            },
        }),
        contacts: vec![
            serde_json::from_value(v(serde_json::json!({
                "meta": meta("c1"), "first_name": "Anneliese", "last_name": "Zuckerbrot",
                "email": "anneliese@example.org", "notes": "seemed bored by her job"
            })))
            .unwrap(),
            serde_json::from_value(v(serde_json::json!({
                "meta": meta("c2"), "first_name": "Bertram", "company": "Verschwiegen GmbH"
            })))
            .unwrap(),
        ],
        interactions: vec![serde_json::from_value(v(serde_json::json!({
            "meta": meta("i1"), "contact_id": "c1", "date": "2026-01-05",
            "summary": "owes me an introduction"
        })))
        .unwrap()],
        follow_ups: vec![serde_json::from_value(v(serde_json::json!({
            "meta": meta("f1"), "contact_id": "c1", "text": "Send the Kuchenrezept", "due": "2026-01-06"
        })))
        .unwrap()],
        interview_plans: vec![serde_json::from_value(v(serde_json::json!({
            "meta": meta("ip1"), "goal": "Learn about Zuckerbrot Ventures"
        })))
        .unwrap()],
        messages: vec![serde_json::from_value(v(serde_json::json!({
            "meta": meta("m1"), "body": "Liebe Anneliese"
        })))
        .unwrap()],
        ..Dataset::default()
    }
}

const SECRETS: &[&str] = &[
    "Anneliese",
    "Zuckerbrot",
    "anneliese@example.org",
    "bored",
    "Verschwiegen",
    "introduction",
    "Kuchenrezept",
    "Liebe",
    "Geheimname",
];

/// Every row of every store, as text (binary fields as their bytes read as Latin-1).
async fn raw_rows(db: &Database) -> String {
    let stores = schema::all_stores();
    let tx = Tx::start(
        db.connection(),
        &stores,
        IdbTransactionMode::Readonly,
        Durability::Default,
    )
    .unwrap();
    let mut text = String::new();
    for name in &stores {
        for row in idb::get_all(&tx.store(name).unwrap()).await.unwrap().iter() {
            let keys = js_sys::Object::keys(&row.clone().into());
            for key in keys.iter() {
                let value = js_sys::Reflect::get(&row, &key).unwrap();
                text.push_str(&key.as_string().unwrap_or_default());
                text.push('=');
                if let Some(s) = value.as_string() {
                    text.push_str(&s);
                } else if value.is_object() {
                    let bytes = js_sys::Uint8Array::new(&value).to_vec();
                    text.extend(bytes.iter().map(|b| *b as char));
                } else {
                    text.push_str(&format!("{value:?}"));
                }
                text.push(';');
            }
        }
    }
    text
}

#[wasm_bindgen_test]
async fn pbkdf2_sha256_gives_the_rfc_7914_answers() {
    // RFC 7914, section 11 (and the PBKDF2-HMAC-SHA256 vectors derived from RFC 6070).
    let salt = "c2FsdA=="; // "salt"
    assert_eq!(
        crypto::derived_bits("password", salt, 1).await.unwrap(),
        "Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs="
    );
    assert_eq!(
        crypto::derived_bits("password", salt, 2).await.unwrap(),
        "rk0Mla9rRtMtCt/5KPBt0CowP47zwlHf1uLYWpVHTEM="
    );
    assert_eq!(
        crypto::derived_bits("password", salt, 4096).await.unwrap(),
        "xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o="
    );
}

#[wasm_bindgen_test]
async fn aes_256_gcm_gives_the_nist_answer() {
    // The GCM specification's test case 14: zero key, zero IV, 16 zero bytes.
    let key = crypto::key_from_raw("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
        .await
        .unwrap();
    // cea7403d4d606b6e074ec5d3baf39d18 ‖ tag d0d1c8a799996bf0265b98b5d48ab919
    let plain = crypto::decrypt(
        &key,
        "AAAAAAAAAAAAAAAA",
        "zqdAPU1ga24HTsXTuvOdGNDRyKeZmWvwJluYtdSKuRk=",
    )
    .await
    .unwrap();
    assert_eq!(plain, "\0".repeat(16));
    // One changed bit of the tag: refused.
    assert_eq!(
        crypto::decrypt(
            &key,
            "AAAAAAAAAAAAAAAA",
            "zqdAPU1ga24HTsXTuvOdGNDRyKeZmWvwJluYtdSKuRg="
        )
        .await,
        Err(crypto::CryptoError::WrongSecret)
    );
    // And our own text round-trips through encrypt with a fresh IV each time.
    let (iv1, c1) = crypto::encrypt(&key, "Grüße").await.unwrap();
    let (iv2, c2) = crypto::encrypt(&key, "Grüße").await.unwrap();
    assert_ne!((iv1.clone(), c1.clone()), (iv2, c2));
    assert_eq!(crypto::decrypt(&key, &iv1, &c1).await.unwrap(), "Grüße");
}

#[wasm_bindgen_test]
async fn protection_seals_every_row_and_unlocks_with_passphrase_or_recovery_key() {
    let name = unique("seal");
    let db = open(&name).await;
    db.import(&network(), ImportMode::Replace, at("2026-02-01T00:00:00Z"))
        .await
        .unwrap();
    let plain = raw_rows(&db).await;
    assert!(plain.contains("Zuckerbrot"), "the check sees plain text");

    let recovery = db.protect(PASS).await.unwrap();
    assert_eq!(db.protection(), Protection::Unlocked);
    let sealed = raw_rows(&db).await;
    for secret in SECRETS {
        assert!(
            !sealed.contains(secret),
            "{secret} in a sealed row: {sealed}"
        );
    }
    // The app goes on working while unlocked: reads, writes, the name order.
    let all: Vec<Contact> = db.all().await.unwrap();
    assert_eq!(all.len(), 2);
    let mut c2 = db.get::<Contact>("c2").await.unwrap().unwrap();
    c2.notes = "Neue Notiz über Bertram".into();
    db.save(c2, at("2026-02-02T00:00:00Z")).await.unwrap();
    assert!(!raw_rows(&db).await.contains("Notiz"));
    assert_eq!(db.export().await.unwrap().contacts.len(), 2);
    db.close();

    // A new start is locked: nothing can be read.
    let db = open(&name).await;
    assert_eq!(db.protection(), Protection::Locked);
    assert_eq!(db.all::<Contact>().await, Err(StorageError::Locked));
    assert_eq!(
        db.unlock(&Secret::Passphrase("rote Tasse, grüner Mund".into()))
            .await,
        Err(StorageError::WrongSecret)
    );
    assert_eq!(db.protection(), Protection::Locked);
    db.unlock(&Secret::Passphrase(PASS.into())).await.unwrap();
    let back = db.export().await.unwrap();
    assert_eq!(back.contacts.len(), 2);
    assert_eq!(back.profile.unwrap().profile.name, "Mareike Geheimname");
    assert_eq!(
        db.get::<Contact>("c2").await.unwrap().unwrap().notes,
        "Neue Notiz über Bertram"
    );
    db.close();

    let db = open(&name).await;
    let sloppy = recovery.to_lowercase().replace('-', " ");
    db.unlock(&Secret::Recovery(sloppy)).await.unwrap();
    assert_eq!(db.all::<Interaction>().await.unwrap().len(), 1);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn changing_the_passphrase_rewraps_the_key_only() {
    let name = unique("change");
    let db = open(&name).await;
    db.import(&network(), ImportMode::Replace, at("2026-02-01T00:00:00Z"))
        .await
        .unwrap();
    let recovery = db.protect(PASS).await.unwrap();
    let before = raw_rows(&db).await;
    db.change_passphrase(&Secret::Passphrase(PASS.into()), "ein ganz neuer Satz")
        .await
        .unwrap();
    // Wrong current passphrase: nothing changes.
    assert_eq!(
        db.change_passphrase(&Secret::Passphrase(PASS.into()), "noch ein Satz hier")
            .await,
        Err(StorageError::WrongSecret)
    );
    let after = raw_rows(&db).await;
    let records = |t: &str| t.split(";id=vault").next().unwrap_or_default().len();
    assert_eq!(records(&before), records(&after), "record rows untouched");
    db.close();

    let db = open(&name).await;
    assert_eq!(
        db.unlock(&Secret::Passphrase(PASS.into())).await,
        Err(StorageError::WrongSecret)
    );
    db.unlock(&Secret::Passphrase("ein ganz neuer Satz".into()))
        .await
        .unwrap();
    db.close();
    let db = open(&name).await;
    db.unlock(&Secret::Recovery(recovery)).await.unwrap();
    assert_eq!(db.all::<Contact>().await.unwrap().len(), 2);
    finish(db).await;
}

/// Changes one byte of the `ct` of row `id` in `store`, or moves the row to `new_id`.
async fn tamper(db: &Database, store: &str, id: &str, new_id: Option<&str>) {
    let tx = Tx::start(
        db.connection(),
        &[store],
        IdbTransactionMode::Readwrite,
        Durability::Default,
    )
    .unwrap();
    let s = tx.store(store).unwrap();
    let row = idb::get(&s, &id.into()).await.unwrap().unwrap();
    match new_id {
        Some(other) => {
            schema::set(&row, "id", &other.into()).unwrap();
        }
        None => {
            let ct = js_sys::Reflect::get(&row, &"ct".into()).unwrap();
            let bytes = js_sys::Uint8Array::new(&ct);
            bytes.set_index(3, bytes.get_index(3) ^ 1);
        }
    }
    tx.put(&s, &row).unwrap();
    tx.done().await.unwrap();
}

#[wasm_bindgen_test]
async fn tampered_or_moved_rows_are_named_and_nothing_is_deleted() {
    let name = unique("tamper");
    let db = open(&name).await;
    db.import(&network(), ImportMode::Replace, at("2026-02-01T00:00:00Z"))
        .await
        .unwrap();
    db.protect(PASS).await.unwrap();
    tamper(&db, "contacts", "c1", None).await;
    assert_eq!(
        db.all::<Contact>().await,
        Err(StorageError::Undecryptable("contacts".into()))
    );
    assert!(
        db.get::<Contact>("c2").await.unwrap().is_some(),
        "the others still read"
    );
    // A row copied under another id (the additional data names store and id).
    tamper(&db, "follow_ups", "f1", Some("f2")).await;
    assert_eq!(
        db.get::<FollowUp>("f2").await,
        Err(StorageError::Undecryptable("follow_ups".into()))
    );
    assert!(db.get::<FollowUp>("f1").await.unwrap().is_some());
    let (counts, _) = db.counts().await.unwrap();
    assert_eq!(counts[&Kind::Contacts], 2, "nothing deleted");
    // Turning protection off cannot decrypt everything: it fails whole.
    assert_eq!(
        db.unprotect(&Secret::Passphrase(PASS.into())).await,
        Err(StorageError::Undecryptable("contacts".into()))
    );
    assert!(db.vault().await.unwrap().is_some());
    assert!(!raw_rows(&db).await.contains("Bertram"));
    finish(db).await;
}

#[wasm_bindgen_test]
async fn turning_on_or_off_interrupted_leaves_the_old_state_readable() {
    let name = unique("interrupt");
    let db = open(&name).await;
    db.import(&network(), ImportMode::Replace, at("2026-02-01T00:00:00Z"))
        .await
        .unwrap();
    interrupt_next_rewrite();
    assert_eq!(db.protect(PASS).await, Err(StorageError::Aborted));
    assert_eq!(db.protection(), Protection::Off);
    assert!(db.vault().await.unwrap().is_none());
    assert!(
        raw_rows(&db).await.contains("Zuckerbrot"),
        "all rows still plain"
    );
    assert_eq!(db.all::<Contact>().await.unwrap().len(), 2);

    db.protect(PASS).await.unwrap();
    interrupt_next_rewrite();
    assert_eq!(
        db.unprotect(&Secret::Passphrase(PASS.into())).await,
        Err(StorageError::Aborted)
    );
    assert_eq!(db.protection(), Protection::Unlocked);
    assert!(
        !raw_rows(&db).await.contains("Zuckerbrot"),
        "all rows still sealed"
    );
    assert_eq!(db.export().await.unwrap().messages.len(), 1);

    db.unprotect(&Secret::Passphrase(PASS.into()))
        .await
        .unwrap();
    assert_eq!(db.protection(), Protection::Off);
    assert!(db.vault().await.unwrap().is_none());
    let plain = raw_rows(&db).await;
    assert!(
        plain.contains("Zuckerbrot") && plain.contains("name="),
        "{plain}"
    );
    // The name index works again.
    assert_eq!(db.first_contacts(1).await.unwrap()[0].first_name, "Bertram");
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_tab_that_missed_protection_being_turned_on_cannot_write_plain_rows() {
    let name = unique("stale");
    let a = open(&name).await;
    let b = open(&name).await;
    a.import(&network(), ImportMode::Replace, at("2026-02-01T00:00:00Z"))
        .await
        .unwrap();
    a.protect(PASS).await.unwrap();
    let mut c = Contact {
        meta: meta("c9"),
        first_name: "Plaintext Paula".into(),
        ..serde_json::from_value(serde_json::json!({"meta": meta("c9")})).unwrap()
    };
    c.meta.revision = 0;
    match b.save(c, at("2026-02-03T00:00:00Z")).await {
        Err(SaveError::Storage(StorageError::Locked)) => {}
        other => panic!("expected Locked, got {other:?}"),
    }
    assert!(!raw_rows(&a).await.contains("Paula"));
    b.close();
    finish(a).await;
}

#[wasm_bindgen_test]
async fn weaker_stored_parameters_are_raised_on_unlock() {
    let name = unique("raise");
    let db = open(&name).await;
    db.protect_at(PASS, 200_000).await.unwrap();
    assert_eq!(
        db.vault().await.unwrap().unwrap().passphrase.kdf.iterations,
        200_000
    );
    db.close();
    let db = open(&name).await;
    db.unlock(&Secret::Passphrase(PASS.into())).await.unwrap();
    let params = db.vault().await.unwrap().unwrap();
    assert_eq!(params.passphrase.kdf.iterations, PBKDF2_ITERATIONS);
    db.close();
    let db = open(&name).await;
    db.unlock(&Secret::Passphrase(PASS.into())).await.unwrap();
    finish(db).await;
}

#[wasm_bindgen_test]
async fn encrypted_backups_open_only_with_their_passphrase() {
    let name = unique("backup");
    let db = open(&name).await;
    db.protect(PASS).await.unwrap();
    let text = r#"{"app":"netzweber","format_version":5,"note":"Zuckerbrot"}"#;
    for encrypted in [
        db.encrypt_backup(text).await.unwrap(),
        encrypt_backup_with(text, "eine andere Passphrase")
            .await
            .unwrap(),
    ] {
        assert!(!encrypted.contains("Zuckerbrot"));
        let envelope = read_envelope(&encrypted).unwrap();
        assert_eq!(envelope.kdf.iterations, PBKDF2_ITERATIONS);
        let right = if encrypted.contains(&db.vault().await.unwrap().unwrap().passphrase.key) {
            PASS
        } else {
            "eine andere Passphrase"
        };
        assert_eq!(decrypt_backup(&envelope, right).await.unwrap(), text);
        assert_eq!(
            decrypt_backup(&envelope, "falsch falsch falsch").await,
            Err(StorageError::WrongSecret)
        );
        let mut cut = envelope.clone();
        cut.data = format!("{}AAAA", &cut.data[..cut.data.len() - 8]);
        assert_eq!(
            decrypt_backup(&cut, right).await,
            Err(StorageError::Undecryptable("backup".into()))
        );
    }
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_version_four_database_is_upgraded_and_can_then_be_protected() {
    let name = unique("v4");
    let old = db::open_at(&name, 4, || {}).await.unwrap();
    let tx = Tx::start(
        &old,
        &["contacts", META_STORE],
        IdbTransactionMode::Readwrite,
        Durability::Default,
    )
    .unwrap();
    for c in &network().contacts {
        let mut c = c.clone();
        c.meta.revision = 1;
        tx.put(&tx.store("contacts").unwrap(), &db::to_row(&c).unwrap())
            .unwrap();
    }
    tx.done().await.unwrap();
    old.close();
    let db = open(&name).await;
    assert_eq!(db.connection().version() as u32, SCHEMA_VERSION);
    assert_eq!(db.protection(), Protection::Off);
    assert_eq!(db.all::<Contact>().await.unwrap().len(), 2);
    db.protect(PASS).await.unwrap();
    assert!(!raw_rows(&db).await.contains("Zuckerbrot"));
    finish(db).await;
}
