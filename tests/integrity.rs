//! Every write keeps the database restorable from its own backup: writes are checked with
//! the backup reader's rules inside their transaction, removals keep references whole,
//! undo never overwrites or dangles, and the version 4 upgrade repairs older data.
//! Headless Chromium (wasm-bindgen-test); every test on its own fresh database.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use chrono::{DateTime, Utc};
use netzweber::domain::backup::{read_backup, write_backup, Dataset};
use netzweber::domain::integrity::Refusal;
use netzweber::domain::profile::{Profile, SavedProfile, PROFILE_ID};
use netzweber::domain::record::*;
use netzweber::domain::schema::SCHEMA_VERSION;
use netzweber::storage::db::{self, Database, PhotoChange, SaveError};
use netzweber::storage::idb::{self, Durability, Tx};
use netzweber::storage::StorageError;
use wasm_bindgen_test::*;
use web_sys::IdbTransactionMode;

wasm_bindgen_test_configure!(run_in_browser);

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn unique(name: &str) -> String {
    format!("test-{name}-{}", js_sys::Math::random().to_bits())
}

async fn fresh(name: &str) -> Database {
    Database::open(&unique(name), Rc::new(|_| {}))
        .await
        .expect("open")
}

async fn finish(db: Database) {
    let name = db.name().to_string();
    db.close();
    idb::delete_database(&name).await.unwrap();
}

fn record<R: Record>(v: serde_json::Value) -> R {
    let mut v = v;
    v["meta"] = serde_json::json!({"id": v["id"].clone(), "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z", "revision": 0});
    v.as_object_mut().unwrap().remove("id");
    serde_json::from_value(v).unwrap()
}

fn contact(id: &str, name: &str) -> Contact {
    record(serde_json::json!({"id": id, "first_name": name}))
}

fn interaction(id: &str, of: &str) -> Interaction {
    record(serde_json::json!({"id": id, "contact_id": of, "date": "2026-01-05"}))
}

/// The export must restore, and need no repair.
async fn assert_restorable(db: &Database) -> Dataset {
    let data = db.export().await.unwrap();
    let text = write_backup(&data, "test", at("2026-06-01T00:00:00Z"));
    let back = read_backup(&text).expect("the export restores");
    assert!(back.repairs.is_empty(), "{:?}", back.repairs);
    assert_eq!(back.data, data);
    data
}

#[wasm_bindgen_test]
async fn every_write_refuses_what_a_backup_could_not_restore_and_changes_nothing() {
    let db = fresh("refuse").await;
    let now = at("2026-03-01T10:00:00Z");
    db.save(contact("anna", "Anna"), now).await.unwrap();
    let before = db.export().await.unwrap();

    let mut long = contact("bert", "Bert");
    long.email = "e".repeat(MAX_LINE_CHARS + 1);
    match db.save(long.clone(), now).await {
        Err(SaveError::Storage(StorageError::Refused(Refusal::Invalid {
            id, problem, ..
        }))) => {
            assert_eq!(id, "bert");
            assert_eq!(
                problem,
                RecordProblem::TooLong {
                    field: "email",
                    max: MAX_LINE_CHARS
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        db.save_contact(long, PhotoChange::Keep, now).await,
        Err(SaveError::Storage(StorageError::Refused(_)))
    ));
    let mut nameless = contact("cara", "   ");
    nameless.last_name = " ".into();
    assert!(matches!(
        db.save(nameless, now).await,
        Err(SaveError::Storage(StorageError::Refused(
            Refusal::Invalid { .. }
        )))
    ));
    // A reference to a record that is not stored, as from `?contact=no-such-contact`.
    let plan: InterviewPlan = record(serde_json::json!({"id": "p1", "contact_id": "no-such"}));
    match db.save(plan, now).await {
        Err(SaveError::Storage(StorageError::Refused(Refusal::Missing {
            field, target, ..
        }))) => assert_eq!((field, target.as_str()), ("contact_id", "no-such")),
        other => panic!("{other:?}"),
    }
    let mut keyword = interaction("i1", "anna");
    keyword.keywords = vec!["k".repeat(MAX_LINE_CHARS + 1)];
    assert!(matches!(
        db.create(
            Dataset {
                interactions: vec![interaction("i0", "anna"), keyword],
                ..Dataset::default()
            },
            now
        )
        .await,
        Err(StorageError::Refused(_))
    ));
    let mut far: InterviewPlan = record(serde_json::json!({"id": "p2", "contact_id": "anna"}));
    far.scheduled = Some(at("2201-01-01T10:00:00Z"));
    assert!(matches!(
        db.save_changes(
            Dataset {
                interview_plans: vec![far],
                ..Dataset::default()
            },
            now
        )
        .await,
        Err(SaveError::Storage(StorageError::Refused(_)))
    ));
    let mut photo: Photo = record(serde_json::json!({"id": "ph", "contact_id": "anna",
        "mime": "image/svg+xml", "data": "PHN2Zz4="}));
    assert!(matches!(
        db.save_contact(
            db.get::<Contact>("anna").await.unwrap().unwrap(),
            PhotoChange::Set(photo.clone()),
            now
        )
        .await,
        Err(SaveError::Storage(StorageError::Refused(_)))
    ));
    photo.mime = "image/png".into();
    // The profile is checked like a record: a link that grows past its limit when
    // `https://` is added is refused.
    let profile = SavedProfile {
        meta: Meta::new(PROFILE_ID, now),
        profile: Profile {
            profile_url: format!("{}.example", "p".repeat(200)),
            ..Profile::default()
        },
    };
    assert!(matches!(
        db.save(profile, now).await,
        Err(SaveError::Storage(StorageError::Refused(_)))
    ));
    assert_eq!(db.export().await.unwrap(), before, "nothing was written");
    finish(db).await;
}

/// Anna introduced five people, had a timeline, promises, a photo, a plan and a message;
/// Bert's timeline records that she introduced him to Cara.
async fn annas_network(db: &Database, now: DateTime<Utc>) {
    db.save(contact("anna", "Anna"), now).await.unwrap();
    let mut anna = db.get::<Contact>("anna").await.unwrap().unwrap();
    anna.last_name = "Schmidt".into();
    anna.company = "Acme".into();
    db.save(anna, now).await.unwrap();
    for n in 0..5 {
        let mut c = contact(&format!("c{n}"), &format!("Person {n}"));
        c.introduced_by = Some("anna".into());
        db.save(c, now).await.unwrap();
    }
    let mut intro = interaction("intro", "c0");
    intro.kind = InteractionKind::Introduction;
    intro.other_contact_id = Some("anna".into());
    db.save(intro, now).await.unwrap();
    db.save(interaction("i-anna", "anna"), now).await.unwrap();
    let m: Message = record(serde_json::json!({"id": "m1", "contact_id": "anna",
        "channel": "email", "status": "sent", "body": "Hello"}));
    db.save(m, now).await.unwrap();
    let reminder: FollowUp = record(serde_json::json!({"id": "f1", "contact_id": "c1",
        "text": "Follow up", "message_id": "m1", "kind": "reminder"}));
    db.save(reminder, now).await.unwrap();
    let plan: InterviewPlan = record(serde_json::json!({"id": "p1", "contact_id": "anna"}));
    db.save(plan, now).await.unwrap();
    let photo: Photo = record(serde_json::json!({"id": "ph", "contact_id": "anna",
        "mime": "image/png", "data": "iVBORw0K"}));
    db.save(photo, now).await.unwrap();
}

#[wasm_bindgen_test]
async fn deleting_a_contact_keeps_the_history_readable_and_the_export_restorable() {
    let db = fresh("delete-refs").await;
    let now = at("2026-03-01T10:00:00Z");
    annas_network(&db, now).await;
    let before = db.export().await.unwrap();
    let removal = db
        .remove::<Contact>("anna", at("2026-03-02T10:00:00Z"))
        .await
        .unwrap();
    assert_eq!(removal.removed.contacts.len(), 1);
    assert_eq!(removal.removed.interactions.len(), 1);
    assert_eq!(removal.removed.photos.len(), 1);
    assert_eq!(removal.detached.contacts.len(), 5);
    let after = assert_restorable(&db).await;
    for c in &after.contacts {
        assert_eq!(c.introduced_by, None);
        assert_eq!(c.introduced_by_name, "Anna Schmidt");
    }
    let intro: Interaction = db.get("intro").await.unwrap().unwrap();
    assert_eq!(intro.other_contact_id, None);
    assert_eq!(intro.other_contact_name, "Anna Schmidt");
    let m: Message = db.get("m1").await.unwrap().unwrap();
    assert_eq!(
        (m.contact_id.as_deref(), m.recipient_name.as_str()),
        (None, "Anna Schmidt")
    );
    let p: InterviewPlan = db.get("p1").await.unwrap().unwrap();
    assert_eq!(
        (p.person_name.as_str(), p.person_company.as_str()),
        ("Anna Schmidt", "Acme")
    );
    // The reminder belongs to c1, not to Anna: it stays, still naming its message.
    let f: FollowUp = db.get("f1").await.unwrap().unwrap();
    assert_eq!(f.message_id.as_deref(), Some("m1"));

    // Undo puts back exactly what was there.
    let report = db
        .undo_removal(&removal, at("2026-03-03T10:00:00Z"))
        .await
        .unwrap();
    assert_eq!(report.kept, 0);
    assert_eq!(db.export().await.unwrap(), before);

    // Deleting a message clears the reminders' link to it; the export still restores.
    db.remove::<Message>("m1", now).await.unwrap();
    let f: FollowUp = db.get("f1").await.unwrap().unwrap();
    assert_eq!(f.message_id, None);
    assert_restorable(&db).await;
    finish(db).await;
}

#[wasm_bindgen_test]
async fn undo_never_overwrites_a_newer_save_from_another_tab() {
    let db = fresh("undo-newer").await;
    let now = at("2026-03-01T10:00:00Z");
    annas_network(&db, now).await;
    let removal = db.remove::<Contact>("anna", now).await.unwrap();
    // Another tab had Anna open and chose "Save my version": she is stored anew.
    let mut theirs = contact("anna", "Anna");
    theirs.notes = "from the other tab".into();
    db.save(theirs, now).await.unwrap();
    // And someone edited a contact she had introduced.
    let mut c0 = db.get::<Contact>("c0").await.unwrap().unwrap();
    c0.notes = "edited meanwhile".into();
    db.save(c0, now).await.unwrap();
    let report = db.undo_removal(&removal, now).await.unwrap();
    assert_eq!(report.kept, 2);
    let anna: Contact = db.get("anna").await.unwrap().unwrap();
    assert_eq!(anna.notes, "from the other tab");
    let c0: Contact = db.get("c0").await.unwrap().unwrap();
    assert_eq!(c0.notes, "edited meanwhile");
    // Her timeline and photo came back, and everything still restores.
    assert!(db.get::<Interaction>("i-anna").await.unwrap().is_some());
    assert!(db.get::<Photo>("ph").await.unwrap().is_some());
    assert_restorable(&db).await;
    finish(db).await;
}

#[wasm_bindgen_test]
async fn undo_after_a_merge_is_refused_instead_of_bringing_back_an_orphan() {
    let db = fresh("undo-merge").await;
    let now = at("2026-03-01T10:00:00Z");
    let a = db.save(contact("a", "Ada"), now).await.unwrap();
    db.save(contact("b", "Ada L."), now).await.unwrap();
    db.save(interaction("e", "b"), now).await.unwrap();
    let removal = db.remove::<Interaction>("e", now).await.unwrap();
    db.merge_contacts(a, "b", now).await.unwrap();
    let before = db.export().await.unwrap();
    match db.undo_removal(&removal, now).await {
        Err(StorageError::Refused(Refusal::Missing { target, .. })) => assert_eq!(target, "b"),
        other => panic!("{other:?}"),
    }
    assert_eq!(db.export().await.unwrap(), before);
    assert_restorable(&db).await;
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_merge_points_every_reference_at_the_kept_contact() {
    let db = fresh("merge-refs").await;
    let now = at("2026-03-01T10:00:00Z");
    annas_network(&db, now).await;
    let kept = db.save(contact("anna2", "Anna"), now).await.unwrap();
    db.merge_contacts(kept, "anna", now).await.unwrap();
    let data = assert_restorable(&db).await;
    assert!(data
        .contacts
        .iter()
        .filter(|c| c.meta.id.starts_with('c'))
        .all(|c| c.introduced_by.as_deref() == Some("anna2")));
    let m: Message = db.get("m1").await.unwrap().unwrap();
    assert_eq!(m.contact_id.as_deref(), Some("anna2"));
    let p: InterviewPlan = db.get("p1").await.unwrap().unwrap();
    assert_eq!(p.contact_id.as_deref(), Some("anna2"));
    finish(db).await;
}

#[wasm_bindgen_test]
async fn version_three_data_that_would_not_restore_is_repaired_by_the_upgrade() {
    let name = unique("v3-repair");
    let old = db::open_at(&name, 3, || {}).await.unwrap();
    let stores = [
        "contacts",
        "interactions",
        "follow_ups",
        "messages",
        "interview_plans",
    ];
    let tx = Tx::start(
        &old,
        &stores,
        IdbTransactionMode::Readwrite,
        Durability::Default,
    )
    .unwrap();
    let stamped = |mut r: Contact| {
        r.meta.revision = 1;
        r
    };
    // Bert was introduced by Anna, whom an earlier version deleted without clearing it.
    let mut bert = stamped(contact("bert", "Bert"));
    bert.introduced_by = Some("anna".into());
    bert.phone = "1".repeat(600);
    tx.put(&tx.store("contacts").unwrap(), &db::to_row(&bert).unwrap())
        .unwrap();
    let mut orphan = interaction("orphan", "anna");
    orphan.meta.revision = 1;
    let mut long = interaction("long", "bert");
    long.meta.revision = 1;
    long.summary = "s".repeat(MAX_TEXT_CHARS + 120);
    long.other_contact_id = Some("anna".into());
    for i in [&orphan, &long] {
        tx.put(&tx.store("interactions").unwrap(), &db::to_row(i).unwrap())
            .unwrap();
    }
    let mut m: Message = record(serde_json::json!({"id": "m1", "contact_id": "anna"}));
    m.meta.revision = 1;
    tx.put(&tx.store("messages").unwrap(), &db::to_row(&m).unwrap())
        .unwrap();
    let mut plan: InterviewPlan = record(serde_json::json!({"id": "p1", "contact_id": "bert"}));
    plan.meta.revision = 1;
    plan.scheduled = Some(DateTime::<Utc>::MAX_UTC);
    tx.put(
        &tx.store("interview_plans").unwrap(),
        &db::to_row(&plan).unwrap(),
    )
    .unwrap();
    tx.done().await.unwrap();
    old.close();

    let db = Database::open(&name, Rc::new(|_| {})).await.unwrap();
    assert_eq!(db.connection().version() as u32, SCHEMA_VERSION);
    for (store, index) in [
        ("contacts", "introduced_by"),
        ("interactions", "other_contact"),
        ("follow_ups", "message"),
    ] {
        assert!(
            netzweber::storage::schema::index_names(db.connection(), store)
                .unwrap()
                .contains(&index.to_string())
        );
    }
    let data = assert_restorable(&db).await;
    assert_eq!(data.contacts[0].introduced_by, None);
    assert_eq!(data.contacts[0].phone.chars().count(), MAX_LINE_CHARS);
    assert_eq!(
        data.interactions
            .iter()
            .map(|i| i.meta.id.as_str())
            .collect::<Vec<_>>(),
        ["long"]
    );
    assert_eq!(data.interactions[0].other_contact_id, None);
    assert_eq!(data.interactions[0].summary.chars().count(), MAX_TEXT_CHARS);
    assert_eq!(data.messages[0].contact_id, None);
    assert_eq!(data.interview_plans[0].scheduled, None);
    finish(db).await;
}
