//! The IndexedDB storage layer, tested in headless Chromium (wasm-bindgen-test).
//! Every test works on its own, freshly created database and deletes it at the end.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use netzweber::domain::backup::{read_backup, write_backup, Dataset, ImportMode};
use netzweber::domain::profile::{Profile, SavedProfile, PROFILE_ID};
use netzweber::domain::record::*;
use netzweber::domain::schema::SCHEMA_VERSION;
use netzweber::storage::db::{self, Database, DbEvent, SaveError};
use netzweber::storage::idb::{self, Durability, Tx};
use netzweber::storage::schema::{self, row, META_STORE};
use netzweber::storage::{prefs, StorageError};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::IdbTransactionMode;

mod support;

use support::sleep;

wasm_bindgen_test_configure!(run_in_browser);

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn unique(name: &str) -> String {
    format!("test-{name}-{}", js_sys::Math::random().to_bits())
}

type Events = Rc<RefCell<Vec<DbEvent>>>;

async fn fresh(name: &str) -> (Database, Events) {
    let events: Events = Rc::default();
    let sink = events.clone();
    let db = Database::open(&unique(name), Rc::new(move |e| sink.borrow_mut().push(e)))
        .await
        .expect("open");
    (db, events)
}

async fn finish(db: Database) {
    let name = db.name().to_string();
    db.close();
    idb::delete_database(&name).await.unwrap();
}

fn meta(id: &str) -> Meta {
    Meta::new(id, at("2026-01-01T00:00:00Z"))
}

fn contact(id: &str, name: &str) -> Contact {
    serde_json::from_value(serde_json::json!({
        "meta": meta(id), "first_name": name
    }))
    .unwrap()
}

fn interaction(id: &str, contact_id: &str) -> Interaction {
    serde_json::from_value(serde_json::json!({
        "meta": meta(id), "contact_id": contact_id, "date": "2026-01-05", "summary": "Coffee"
    }))
    .unwrap()
}

fn follow_up(id: &str, contact_id: &str) -> FollowUp {
    serde_json::from_value(serde_json::json!({
        "meta": meta(id), "contact_id": contact_id, "text": "Send the link", "due": "2026-01-06"
    }))
    .unwrap()
}

fn photo(id: &str, contact_id: &str) -> Photo {
    Photo {
        meta: meta(id),
        contact_id: contact_id.into(),
        mime: "image/png".into(),
        data: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==".into(),
    }
}

/// Saves a new record and checks it comes back the same with revision 1, then saves a
/// change and checks revision 2.
async fn crud<R: Record + PartialEq + std::fmt::Debug>(
    db: &Database,
    record: R,
    change: impl Fn(&mut R),
) {
    let now = at("2026-03-01T10:00:00Z");
    let saved = db.save(record, now).await.expect("save new");
    assert_eq!(saved.meta().revision, 1);
    assert_eq!(saved.meta().created, now);
    let id = saved.meta().id.clone();
    let loaded: R = db.get(&id).await.unwrap().expect("stored");
    assert_eq!(loaded, saved);
    let mut changed = loaded.clone();
    change(&mut changed);
    let later = at("2026-03-02T10:00:00Z");
    let saved2 = db.save(changed.clone(), later).await.expect("save change");
    assert_eq!(saved2.meta().revision, 2);
    assert_eq!(saved2.meta().updated, later);
    assert_eq!(saved2.meta().created, now);
    assert_eq!(db.all::<R>().await.unwrap(), vec![saved2]);
}

#[wasm_bindgen_test]
async fn every_store_saves_reads_and_updates() {
    let (db, _) = fresh("crud").await;
    crud(&db, contact("c1", "Ada"), |c| {
        c.notes = "Met at the meetup 👋".into()
    })
    .await;
    crud(&db, interaction("i1", "c1"), |i| {
        i.summary = "Long call".into()
    })
    .await;
    crud(&db, follow_up("f1", "c1"), |f| {
        f.done = Some(at("2026-03-02T09:00:00Z"))
    })
    .await;
    crud(&db, photo("p1", "c1"), |p| p.mime = "image/jpeg".into()).await;
    let plan: InterviewPlan =
        serde_json::from_value(serde_json::json!({"meta": meta("ip1"), "goal": "Learn"})).unwrap();
    crud(&db, plan, |p| p.duration_minutes = 20).await;
    let question: Question =
        serde_json::from_value(serde_json::json!({"meta": meta("q1"), "text": "Why?"})).unwrap();
    crud(&db, question, |q| q.archived = true).await;
    let template: Template = serde_json::from_value(
        serde_json::json!({"meta": meta("t1"), "purpose": "message", "name": "Hi"}),
    )
    .unwrap();
    crud(&db, template, |t| t.body = "Hallo {first_name}".into()).await;
    let message: Message =
        serde_json::from_value(serde_json::json!({"meta": meta("m1"), "body": "Dear"})).unwrap();
    crud(&db, message, |m| m.status = "sent".into()).await;
    let profile = SavedProfile {
        meta: Meta::new(PROFILE_ID, at("2026-01-01T00:00:00Z")),
        profile: Profile {
            name: "Zoë".into(),
            ..Profile::default()
        },
    };
    let saved = db.save(profile, at("2026-03-01T10:00:00Z")).await.unwrap();
    assert_eq!(db.profile().await.unwrap(), Some(saved));
    // Index queries by contact.
    db.save(contact("c2", "Grace"), at("2026-03-01T10:00:00Z"))
        .await
        .unwrap();
    db.save(interaction("i2", "c2"), at("2026-03-01T10:00:00Z"))
        .await
        .unwrap();
    let of_c1: Vec<Interaction> = db.by_contact("c1").await.unwrap();
    assert_eq!(of_c1.len(), 1);
    assert_eq!(of_c1[0].meta.id, "i1");
    let (counts, has_profile) = db.counts().await.unwrap();
    assert_eq!(counts[&Kind::Interactions], 2);
    assert_eq!(counts[&Kind::Contacts], 2);
    assert_eq!(counts[&Kind::Messages], 1);
    assert!(has_profile);
    assert_eq!(db.get::<Contact>("nobody").await.unwrap(), None);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_stale_save_is_refused_with_the_newer_version() {
    let (db, _) = fresh("conflict").await;
    let saved = db
        .save(contact("c1", "Ada"), at("2026-03-01T10:00:00Z"))
        .await
        .unwrap();
    // Two tabs load revision 1; the first saves.
    let mut mine = saved.clone();
    let mut theirs = saved.clone();
    theirs.notes = "from the other tab".into();
    let theirs = db.save(theirs, at("2026-03-01T11:00:00Z")).await.unwrap();
    mine.notes = "from this tab".into();
    match db.save(mine.clone(), at("2026-03-01T12:00:00Z")).await {
        Err(SaveError::Conflict(Some(stored))) => assert_eq!(*stored, theirs),
        other => panic!("expected a conflict, got {other:?}"),
    }
    // Nothing was overwritten.
    let stored: Contact = db.get("c1").await.unwrap().unwrap();
    assert_eq!(stored.notes, "from the other tab");
    // "Keep mine": saving on top of their revision works.
    mine.meta.revision = theirs.meta.revision;
    let kept = db.save(mine, at("2026-03-01T12:00:00Z")).await.unwrap();
    assert_eq!(kept.meta.revision, 3);
    assert_eq!(kept.notes, "from this tab");
    // A record deleted elsewhere is a conflict without a stored version.
    db.remove::<Contact>("c1", at("2026-03-01T13:00:00Z"))
        .await
        .unwrap();
    assert!(matches!(
        db.save(kept, at("2026-03-01T14:00:00Z")).await,
        Err(SaveError::Conflict(None))
    ));
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_transaction_that_fails_half_way_leaves_nothing() {
    let (db, _) = fresh("atomic").await;
    let tx = Tx::start(
        db.connection(),
        &["contacts", "interactions"],
        IdbTransactionMode::Readwrite,
        Durability::Default,
    )
    .unwrap();
    let outcome = tx
        .run(async |tx: &Tx| {
            let contacts = tx.store("contacts")?;
            for i in 0..20 {
                tx.put(&contacts, &db::to_row(&contact(&format!("c{i}"), "x"))?)?;
            }
            tx.put(
                &tx.store("interactions")?,
                &db::to_row(&interaction("i1", "c1"))?,
            )?;
            // A row without its key: the browser refuses it, half-way through.
            tx.put(&contacts, &js_sys::Object::new().into())
        })
        .await;
    assert!(outcome.is_err());
    let (counts, _) = db.counts().await.unwrap();
    assert!(counts.values().all(|n| *n == 0), "{counts:?}");

    // A request that fails asynchronously (adding an existing key) aborts it as well.
    db.save(contact("c1", "Ada"), at("2026-03-01T10:00:00Z"))
        .await
        .unwrap();
    let tx = Tx::start(
        db.connection(),
        &["contacts"],
        IdbTransactionMode::Readwrite,
        Durability::Strict,
    )
    .unwrap();
    let store = tx.store("contacts").unwrap();
    tx.put(&store, &db::to_row(&contact("c2", "Grace")).unwrap())
        .unwrap();
    store
        .add(&db::to_row(&contact("c1", "Duplicate")).unwrap())
        .unwrap();
    assert_eq!(
        tx.done().await.map_err(
            |e| matches!(e, StorageError::Other(ref d) if d.starts_with("ConstraintError"))
        ),
        Err(true)
    );
    assert_eq!(db.all::<Contact>().await.unwrap().len(), 1);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn deleting_a_contact_takes_its_records_along_and_undo_brings_them_back() {
    let (db, _) = fresh("cascade").await;
    let now = at("2026-03-01T10:00:00Z");
    for r in [contact("c1", "Ada"), contact("c2", "Grace")] {
        db.save(r, now).await.unwrap();
    }
    db.save(interaction("i1", "c1"), now).await.unwrap();
    db.save(interaction("i2", "c2"), now).await.unwrap();
    db.save(follow_up("f1", "c1"), now).await.unwrap();
    db.save(photo("p1", "c1"), now).await.unwrap();
    let before = db.export().await.unwrap();
    let removal = db.remove::<Contact>("c1", now).await.unwrap();
    assert_eq!(removal.removed.contacts.len(), 1);
    assert_eq!(removal.removed.interactions.len(), 1);
    assert_eq!(removal.removed.follow_ups.len(), 1);
    assert_eq!(removal.removed.photos.len(), 1);
    let (counts, _) = db.counts().await.unwrap();
    assert_eq!(counts[&Kind::Contacts], 1);
    assert_eq!(counts[&Kind::Interactions], 1);
    assert_eq!(counts[&Kind::FollowUps], 0);
    assert_eq!(counts[&Kind::Photos], 0);
    assert_eq!(
        db.remove::<Contact>("c1", now).await.unwrap_err(),
        StorageError::NotFound
    );
    let report = db.undo_removal(&removal, now).await.unwrap();
    assert_eq!((report.restored, report.kept), (4, 0));
    assert_eq!(db.export().await.unwrap(), before);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn merging_duplicates_keeps_every_record_in_one_transaction() {
    let (db, _) = fresh("merge-contacts").await;
    let now = at("2026-03-01T10:00:00Z");
    let kept = db.save(contact("c1", "Ada"), now).await.unwrap();
    db.save(contact("c2", "Ada L."), now).await.unwrap();
    let mut introduced = contact("c3", "Grace");
    introduced.introduced_by = Some("c2".into());
    db.save(introduced, now).await.unwrap();
    let mut intro = interaction("i2", "c3");
    intro.other_contact_id = Some("c2".into());
    for r in [interaction("i1", "c2"), intro] {
        db.save(r, now).await.unwrap();
    }
    db.save(follow_up("f1", "c2"), now).await.unwrap();
    db.save(photo("p1", "c2"), now).await.unwrap();
    let mut merged = kept.clone();
    merged.notes = "merged".into();
    let later = at("2026-03-02T10:00:00Z");
    let merged = db.merge_contacts(merged, "c2", later).await.unwrap();
    assert_eq!(merged.meta.revision, 2);
    assert_eq!(db.get::<Contact>("c2").await.unwrap(), None);
    let of_c1: Vec<Interaction> = db.by_contact("c1").await.unwrap();
    assert_eq!(of_c1.len(), 1);
    let i2: Interaction = db.get("i2").await.unwrap().unwrap();
    assert_eq!(i2.other_contact_id.as_deref(), Some("c1"));
    assert_eq!(i2.meta.revision, 2);
    let c3: Contact = db.get("c3").await.unwrap().unwrap();
    assert_eq!(c3.introduced_by.as_deref(), Some("c1"));
    assert_eq!(db.by_contact::<FollowUp>("c1").await.unwrap().len(), 1);
    assert_eq!(db.by_contact::<Photo>("c1").await.unwrap().len(), 1);
    let (counts, _) = db.counts().await.unwrap();
    assert_eq!(counts[&Kind::Contacts], 2);
    // A stale copy of the kept contact is a conflict, and nothing changes.
    db.save(contact("c4", "Dup"), now).await.unwrap();
    let before = db.export().await.unwrap();
    assert!(matches!(
        db.merge_contacts(kept, "c4", later).await,
        Err(SaveError::Conflict(Some(_)))
    ));
    assert_eq!(db.export().await.unwrap(), before);
    // Merging with a contact that is gone changes nothing either.
    let current: Contact = db.get("c1").await.unwrap().unwrap();
    assert!(matches!(
        db.merge_contacts(current, "nobody", later).await,
        Err(SaveError::Storage(StorageError::NotFound))
    ));
    assert_eq!(db.export().await.unwrap(), before);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_contact_and_its_photo_are_saved_together_or_not_at_all() {
    let (db, _) = fresh("contact-photo").await;
    let now = at("2026-03-01T00:00:00Z");
    let c = contact("c1", "Ada");
    let saved = db
        .save_contact(c, db::PhotoChange::Set(photo("p1", "other")), now)
        .await
        .unwrap();
    assert_eq!(saved.meta.revision, 1);
    let photos: Vec<Photo> = db.by_contact("c1").await.unwrap();
    assert_eq!(photos.len(), 1, "the photo is pointed at the saved contact");
    // Replacing the photo removes the old one; keeping it leaves it alone.
    let saved = db
        .save_contact(saved, db::PhotoChange::Set(photo("p2", "c1")), now)
        .await
        .unwrap();
    let saved = db
        .save_contact(saved, db::PhotoChange::Keep, now)
        .await
        .unwrap();
    let photos: Vec<Photo> = db.by_contact("c1").await.unwrap();
    assert_eq!(
        photos
            .iter()
            .map(|p| p.meta.id.as_str())
            .collect::<Vec<_>>(),
        ["p2"]
    );
    // A stale save changes neither the contact nor the photo.
    let mut stale = saved.clone();
    stale.meta.revision = 1;
    assert!(matches!(
        db.save_contact(stale, db::PhotoChange::Remove, now).await,
        Err(SaveError::Conflict(Some(_)))
    ));
    assert_eq!(db.by_contact::<Photo>("c1").await.unwrap().len(), 1);
    db.save_contact(saved, db::PhotoChange::Remove, now)
        .await
        .unwrap();
    assert!(db.by_contact::<Photo>("c1").await.unwrap().is_empty());
    finish(db).await;
}

#[wasm_bindgen_test]
async fn reading_in_pages_gives_every_record_once_in_id_order() {
    let (db, _) = fresh("pages").await;
    let now = at("2026-03-01T00:00:00Z");
    let mut pages: Vec<usize> = Vec::new();
    db.each_page(3, |page: Vec<Contact>| pages.push(page.len()))
        .await
        .unwrap();
    assert!(pages.is_empty(), "an empty store has no pages: {pages:?}");
    // Ids chosen so that key order differs from the order they were written in.
    let ids = ["c10", "c2", "c1", "b", "a-9", "z", "c3"];
    let made = db
        .create(
            Dataset {
                contacts: ids.iter().map(|id| contact(id, id)).collect(),
                ..Dataset::default()
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(made.contacts.len(), ids.len());
    for size in [1, 3, 7, 50] {
        let mut seen: Vec<String> = Vec::new();
        let mut pages: Vec<usize> = Vec::new();
        db.each_page(size, |page: Vec<Contact>| {
            pages.push(page.len());
            seen.extend(page.into_iter().map(|c| c.meta.id));
        })
        .await
        .unwrap();
        let mut expected: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(seen, expected, "page size {size}");
        assert!(
            pages.iter().all(|&n| n as u32 <= size && n > 0),
            "{pages:?}"
        );
        assert_eq!(
            pages.len(),
            ids.len().div_ceil(size as usize),
            "page size {size}"
        );
    }
    finish(db).await;
}

#[wasm_bindgen_test]
async fn create_writes_all_new_records_in_one_go_and_delete_removes_one() {
    let (db, _) = fresh("create").await;
    let now = at("2026-03-01T00:00:00Z");
    db.save(contact("a", "A"), now).await.unwrap();
    db.save(contact("b", "B"), now).await.unwrap();
    let made = db
        .create(
            Dataset {
                interactions: vec![interaction("i1", "a"), interaction("i2", "b")],
                follow_ups: vec![follow_up("f1", "a")],
                ..Dataset::default()
            },
            now,
        )
        .await
        .unwrap();
    assert!(made
        .interactions
        .iter()
        .all(|i| i.meta.revision == 1 && i.meta.created == now));
    assert_eq!(db.all::<Interaction>().await.unwrap().len(), 2);
    db.remove::<Interaction>("i1", now).await.unwrap();
    assert_eq!(db.all::<Interaction>().await.unwrap().len(), 1);
    assert_eq!(db.all::<FollowUp>().await.unwrap().len(), 1);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn save_with_writes_the_record_and_new_ones_together_or_nothing() {
    let (db, _) = fresh("save-with").await;
    let now = at("2026-12-03T15:00:00Z");
    let anna = db.save(contact("anna", "Anna"), now).await.unwrap();
    let plan: InterviewPlan = serde_json::from_value(serde_json::json!({
        "meta": meta("p1"), "contact_id": "anna", "duration_minutes": 30,
        "suggested": [{"name": "Dana Ödegaard"}]
    }))
    .unwrap();
    let plan = db.save(plan, now).await.unwrap();
    let mut dana = contact("dana", "Dana");
    dana.introduced_by = Some(anna.meta.id.clone());
    let wrap = |plan: &InterviewPlan| {
        let mut done = plan.clone();
        done.wrapped_up = Some(now);
        (
            done,
            Dataset {
                contacts: vec![dana.clone()],
                interactions: vec![interaction("i1", "anna")],
                follow_ups: vec![follow_up("f1", "anna"), follow_up("f2", "dana")],
                ..Dataset::default()
            },
        )
    };
    // A stale plan (another tab saved it meanwhile) writes nothing at all.
    let mut newer = plan.clone();
    newer.goal = "edited elsewhere".into();
    db.save(newer, now).await.unwrap();
    let (stale, records) = wrap(&plan);
    match db.save_with(stale, records, now).await {
        Err(SaveError::Conflict(Some(theirs))) => assert_eq!(theirs.goal, "edited elsewhere"),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(db.all::<Contact>().await.unwrap().len(), 1);
    assert!(db.all::<FollowUp>().await.unwrap().is_empty());
    assert!(db.all::<Interaction>().await.unwrap().is_empty());
    // The current plan: everything is written, new records at revision 1.
    let current: InterviewPlan = db.get("p1").await.unwrap().unwrap();
    let (done, records) = wrap(&current);
    let (saved, made) = db.save_with(done, records, now).await.unwrap();
    assert_eq!(saved.meta.revision, 3);
    assert_eq!(saved.wrapped_up, Some(now));
    assert!(made.contacts.iter().all(|c| c.meta.revision == 1));
    assert_eq!(db.all::<Contact>().await.unwrap().len(), 2);
    assert_eq!(db.by_contact::<FollowUp>("dana").await.unwrap().len(), 1);
    assert_eq!(db.by_contact::<Interaction>("anna").await.unwrap().len(), 1);
    let stored: Contact = db.get("dana").await.unwrap().unwrap();
    assert_eq!(stored.introduced_by.as_deref(), Some("anna"));
    finish(db).await;
}

#[wasm_bindgen_test]
async fn save_changes_checks_every_revision_and_writes_all_or_nothing() {
    let (db, _) = fresh("save-changes").await;
    let now = at("2026-12-03T15:00:00Z");
    db.save(contact("anna", "Anna"), now).await.unwrap();
    let message: Message = serde_json::from_value(serde_json::json!({
        "meta": meta("m1"), "contact_id": "anna", "channel": "email", "status": "draft"
    }))
    .unwrap();
    let message = db.save(message, now).await.unwrap();
    // Marked as sent: the message changes, a timeline entry and two reminders are new.
    let mut sent = message.clone();
    sent.status = "sent".into();
    let mut r3 = follow_up("r3", "anna");
    r3.message_id = Some("m1".into());
    let mut r7 = follow_up("r7", "anna");
    r7.message_id = Some("m1".into());
    let made = db
        .save_changes(
            Dataset {
                messages: vec![sent],
                interactions: vec![interaction("i1", "anna")],
                follow_ups: vec![r3, r7],
                ..Dataset::default()
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(made.messages[0].meta.revision, 2);
    assert!(made.follow_ups.iter().all(|f| f.meta.revision == 1));
    assert_eq!(db.by_contact::<FollowUp>("anna").await.unwrap().len(), 2);
    // Closing with a stale reminder (another tab ticked it off) changes nothing at all.
    let mut stale = made.follow_ups[0].clone();
    let mut ticked = stale.clone();
    ticked.done = Some(now);
    db.save(ticked, now).await.unwrap();
    stale.done = Some(now);
    let mut replied = made.messages[0].clone();
    replied.status = "replied".into();
    let result = db
        .save_changes(
            Dataset {
                messages: vec![replied.clone()],
                follow_ups: vec![stale, made.follow_ups[1].clone()],
                ..Dataset::default()
            },
            now,
        )
        .await;
    assert!(matches!(result, Err(SaveError::Conflict(None))));
    let stored: Message = db.get("m1").await.unwrap().unwrap();
    assert_eq!(stored.status.key(), "sent");
    let r7: FollowUp = db.get("r7").await.unwrap().unwrap();
    assert_eq!(r7.done, None);
    // A new record whose id exists already is a conflict too.
    let result = db
        .save_changes(
            Dataset {
                interactions: vec![interaction("i1", "anna")],
                ..Dataset::default()
            },
            now,
        )
        .await;
    assert!(matches!(result, Err(SaveError::Conflict(None))));
    finish(db).await;
}

fn sample_dataset() -> Dataset {
    let blns: Vec<String> = serde_json::from_str(include_str!("data/blns.json")).unwrap();
    let saved = |mut m: Meta| {
        m.revision = 2;
        m.updated = at("2026-02-01T00:00:00Z");
        m
    };
    let mut data = Dataset {
        profile: Some(SavedProfile {
            meta: saved(Meta::new(PROFILE_ID, at("2026-01-01T00:00:00Z"))),
            profile: Profile {
                name: "שלום Zoë".into(),
                ..Profile::default()
            },
        }),
        ..Dataset::default()
    };
    for (i, s) in blns.iter().enumerate().take(200) {
        let mut c = contact(&format!("c{i:03}"), "Name");
        c.meta = saved(c.meta);
        c.notes = format!("{s} {}", "long note ".repeat(50));
        c.tags = vec![s.clone()];
        data.contacts.push(c);
        let mut it = interaction(&format!("i{i:03}"), &format!("c{i:03}"));
        it.meta = saved(it.meta);
        it.summary = s.clone();
        data.interactions.push(it);
    }
    let mut p = photo("ph1", "c001");
    p.meta = saved(p.meta);
    data.photos.push(p);
    let mut f = follow_up("f1", "c002");
    f.meta = saved(f.meta);
    data.follow_ups.push(f);
    data
}

#[wasm_bindgen_test]
async fn export_wipe_import_export_gives_the_same_data() {
    let (db, _) = fresh("roundtrip").await;
    let data = sample_dataset();
    db.import(&data, ImportMode::Merge, at("2026-03-01T10:00:00Z"))
        .await
        .unwrap();
    let first = db.export().await.unwrap();
    assert_eq!(first, data);
    let file = write_backup(&first, "test", at("2026-03-01T10:00:00Z"));
    db.wipe().await.unwrap();
    assert!(db.export().await.unwrap().is_empty());
    let backup = read_backup(&file).unwrap();
    let report = db
        .import(
            &backup.data,
            ImportMode::Replace,
            at("2026-03-02T10:00:00Z"),
        )
        .await
        .unwrap();
    assert_eq!(report.removed, 0);
    let second = db.export().await.unwrap();
    assert_eq!(
        write_backup(&second, "test", at("2026-03-01T10:00:00Z")),
        file
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn merge_keeps_newer_local_records_and_replace_removes_the_rest() {
    let (db, _) = fresh("merge").await;
    let data = sample_dataset();
    db.import(&data, ImportMode::Merge, at("2026-03-01T10:00:00Z"))
        .await
        .unwrap();
    // Edited here after the backup was made.
    let mut edited: Contact = db.get("c000").await.unwrap().unwrap();
    edited.notes = "edited on this device".into();
    let edited = db.save(edited, at("2026-04-01T00:00:00Z")).await.unwrap();
    db.save(contact("local", "Only here"), at("2026-04-01T00:00:00Z"))
        .await
        .unwrap();
    let report = db
        .import(&data, ImportMode::Merge, at("2026-04-02T00:00:00Z"))
        .await
        .unwrap();
    assert_eq!(report.written.values().sum::<usize>(), 0);
    assert_eq!(db.get::<Contact>("c000").await.unwrap(), Some(edited));
    assert!(db.get::<Contact>("local").await.unwrap().is_some());
    let report = db
        .import(&data, ImportMode::Replace, at("2026-04-02T00:00:00Z"))
        .await
        .unwrap();
    assert_eq!(report.removed, 1 + 200 + 200 + 1 + 1);
    assert_eq!(db.export().await.unwrap(), data);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn saves_are_noted_for_the_backup_reminder() {
    let (db, _) = fresh("activity").await;
    assert_eq!(db.activity().await.unwrap().changed_since_export, None);
    db.save(contact("c1", "Ada"), at("2026-03-01T10:00:00Z"))
        .await
        .unwrap();
    db.save(contact("c2", "Grace"), at("2026-03-02T10:00:00Z"))
        .await
        .unwrap();
    let a = db.activity().await.unwrap();
    assert_eq!(a.changed_since_export, Some(at("2026-03-01T10:00:00Z")));
    assert_eq!(a.last_change, Some(at("2026-03-02T10:00:00Z")));
    db.mark_exported(at("2026-03-03T10:00:00Z")).await.unwrap();
    let a = db.activity().await.unwrap();
    assert_eq!(a.changed_since_export, None);
    assert_eq!(a.last_export, Some(at("2026-03-03T10:00:00Z")));
    finish(db).await;
}

/// Writes a row in the shape of schema version 1 (common fields at the top level).
fn v1_row(id: &str, mut record: serde_json::Value, index: &[(&str, &str)]) -> JsValue {
    let object = record.as_object_mut().unwrap();
    object.insert("id".into(), id.into());
    object.insert("created".into(), "2025-06-01T08:00:00Z".into());
    object.insert("updated".into(), "2025-07-01T08:00:00Z".into());
    let r = js_sys::Object::new();
    schema::set(&r, row::ID, &id.into()).unwrap();
    schema::set(&r, row::JSON, &record.to_string().into()).unwrap();
    for (k, v) in index {
        schema::set(&r, k, &(*v).into()).unwrap();
    }
    r.into()
}

#[wasm_bindgen_test]
async fn an_upgrade_without_its_migrations_changes_nothing() {
    let name = unique("no-migrations");
    assert_eq!(idb::stored_version(&name).await, Some(0));
    assert!(!schema::needs_migrations(&name, SCHEMA_VERSION).await);
    let old = db::open_at(&name, 1, || {}).await.unwrap();
    let tx = Tx::start(
        &old,
        &["contacts"],
        IdbTransactionMode::Readwrite,
        Durability::Default,
    )
    .unwrap();
    tx.put(
        &tx.store("contacts").unwrap(),
        &v1_row("c1", serde_json::json!({"first_name": "Jürgen"}), &[]),
    )
    .unwrap();
    tx.done().await.unwrap();
    old.close();
    assert_eq!(idb::stored_version(&name).await, Some(1));
    assert!(schema::needs_migrations(&name, SCHEMA_VERSION).await);

    // As if the migrations' chunk had not been fetched: the upgrade is refused whole.
    let failure: schema::UpgradeFailure = Rc::default();
    let handlers = idb::OpenHandlers {
        upgrade: schema::upgrade_handler(SCHEMA_VERSION, failure.clone(), None),
        blocked: Box::new(|| {}),
    };
    assert!(idb::open(&name, SCHEMA_VERSION, handlers).await.is_err());
    assert!(failure.borrow().is_some());
    assert_eq!(idb::stored_version(&name).await, Some(1));

    // With them, the same database upgrades with its contact.
    let db = Database::open(&name, Rc::new(|_| {})).await.unwrap();
    let contacts = db.all::<Contact>().await.unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0].first_name, "Jürgen");
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_version_one_database_is_upgraded_with_all_its_data() {
    let name = unique("from-v1");
    let old = db::open_at(&name, 1, || {}).await.unwrap();
    assert_eq!(schema::store_names(&old).len(), 5);
    let tx = Tx::start(
        &old,
        &[
            "contacts",
            "interactions",
            "follow_ups",
            "photos",
            META_STORE,
        ],
        IdbTransactionMode::Readwrite,
        Durability::Default,
    )
    .unwrap();
    tx.put(
        &tx.store("contacts").unwrap(),
        &v1_row(
            "c1",
            serde_json::json!({"first_name": "Jürgen", "notes": "مرحبا"}),
            &[],
        ),
    )
    .unwrap();
    tx.put(
        &tx.store("interactions").unwrap(),
        &v1_row(
            "i1",
            serde_json::json!({"contact_id": "c1", "date": "2025-06-30", "kind": "call"}),
            &[("contact", "c1"), ("date", "2025-06-30")],
        ),
    )
    .unwrap();
    tx.put(
        &tx.store("follow_ups").unwrap(),
        &v1_row(
            "f1",
            serde_json::json!({"contact_id": "c1", "text": "Send CV tips", "due": "2025-07-02"}),
            &[("contact", "c1"), ("due", "2025-07-02")],
        ),
    )
    .unwrap();
    tx.put(
        &tx.store("photos").unwrap(),
        &v1_row(
            "p1",
            serde_json::to_value(photo("x", "c1"))
                .unwrap()
                .as_object()
                .map(|o| {
                    let mut o = o.clone();
                    o.remove("meta");
                    serde_json::Value::Object(o)
                })
                .unwrap(),
            &[("contact", "c1")],
        ),
    )
    .unwrap();
    tx.put(
        &tx.store(META_STORE).unwrap(),
        &v1_row(
            PROFILE_ID,
            serde_json::json!({"profile": {"name": "Max"}}),
            &[],
        ),
    )
    .unwrap();
    tx.done().await.unwrap();
    old.close();

    let db = Database::open(&name, Rc::new(|_| {})).await.unwrap();
    assert_eq!(db.connection().version() as u32, SCHEMA_VERSION);
    assert_eq!(schema::store_names(db.connection()).len(), 9);
    assert!(schema::index_names(db.connection(), "contacts")
        .unwrap()
        .contains(&"updated".to_string()));
    let c: Contact = db.get("c1").await.unwrap().unwrap();
    assert_eq!(
        (c.first_name.as_str(), c.notes.as_str(), c.meta.revision),
        ("Jürgen", "مرحبا", 1)
    );
    // Through version 3 as well: the contact is in the name index.
    assert_eq!(db.first_contacts(5).await.unwrap(), vec![c.clone()]);
    assert_eq!(c.meta.updated, at("2025-07-01T08:00:00Z"));
    let i: Vec<Interaction> = db.by_contact("c1").await.unwrap();
    assert_eq!(i[0].kind, InteractionKind::Call);
    let f: FollowUp = db.get("f1").await.unwrap().unwrap();
    assert_eq!(f.text, "Send CV tips");
    let p: Photo = db.get("p1").await.unwrap().unwrap();
    assert_eq!(p.mime, "image/png");
    assert_eq!(db.profile().await.unwrap().unwrap().profile.name, "Max");
    // The new stores work, and the upgraded records can be saved again.
    db.save(c, at("2026-01-01T00:00:00Z")).await.unwrap();
    let stamps = db.stamps().await.unwrap();
    assert_eq!(
        stamps.kinds[&Kind::Interactions]["i1"],
        at("2025-07-01T08:00:00Z").timestamp_millis()
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_version_two_database_gets_the_name_index_and_keeps_everything() {
    let name = unique("v2");
    let old = db::open_at(&name, 2, || {}).await.unwrap();
    let tx = Tx::start(
        &old,
        &["contacts", "interactions"],
        IdbTransactionMode::Readwrite,
        Durability::Default,
    )
    .unwrap();
    // Rows as version 2 wrote them: no `name` field, saved at least once.
    let v2_row = |c: &Contact| {
        let mut c = c.clone();
        c.meta.revision = 1;
        let c = &c;
        let r = js_sys::Object::new();
        schema::set(&r, row::ID, &c.meta.id.as_str().into()).unwrap();
        schema::set(&r, row::JSON, &serde_json::to_string(c).unwrap().into()).unwrap();
        schema::set(&r, row::UPDATED, &1.0.into()).unwrap();
        JsValue::from(r)
    };
    let contacts = [
        contact("z", "Zoë"),
        {
            let mut c = contact("m", "Jürgen");
            c.last_name = "Müller".into();
            c
        },
        {
            let mut c = contact("a", "Ada");
            c.last_name = "Abel".into();
            c
        },
        {
            let mut c = contact("o", "Olaf");
            c.last_name = "Öztürk".into();
            c
        },
    ];
    for c in &contacts {
        tx.put(&tx.store("contacts").unwrap(), &v2_row(c)).unwrap();
    }
    tx.put(
        &tx.store("interactions").unwrap(),
        &db::to_row(&interaction("i1", "m")).unwrap(),
    )
    .unwrap();
    tx.done().await.unwrap();
    old.close();

    let db = Database::open(&name, Rc::new(|_| {})).await.unwrap();
    assert_eq!(db.connection().version() as u32, SCHEMA_VERSION);
    assert!(schema::index_names(db.connection(), "contacts")
        .unwrap()
        .contains(&"name".to_string()));
    // Name order: last name first, folded (Ö sorts with O), a contact without last name
    // by first name.
    let first: Vec<String> = db
        .first_contacts(3)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.meta.id)
        .collect();
    assert_eq!(first, ["a", "m", "o"]);
    let mut all: Vec<Contact> = db.all().await.unwrap();
    all.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    let mut expected = contacts.to_vec();
    expected.iter_mut().for_each(|c| c.meta.revision = 1);
    expected.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    assert_eq!(all, expected, "records unchanged by the upgrade");
    assert_eq!(db.by_contact::<Interaction>("m").await.unwrap().len(), 1);
    // New saves keep the index current.
    let mut renamed = db.get::<Contact>("z").await.unwrap().unwrap();
    renamed.last_name = "Aaron".into();
    db.save(renamed, at("2026-01-01T00:00:00Z")).await.unwrap();
    assert_eq!(db.first_contacts(1).await.unwrap()[0].meta.id, "z");
    finish(db).await;
}

#[wasm_bindgen_test]
async fn the_foundation_profile_moves_from_local_storage_into_the_database() {
    let name = unique("from-v0");
    let profile = Profile {
        name: "Zoë Ünal".into(),
        email: "zoe@example.com".into(),
        ..Profile::default()
    };
    prefs::save_legacy_profile(&profile).unwrap();
    let db = Database::open(&name, Rc::new(|_| {})).await.unwrap();
    let saved = db.profile().await.unwrap().expect("profile moved");
    assert_eq!(saved.profile, profile);
    assert_eq!(saved.meta.revision, 1);
    assert_eq!(prefs::load_legacy_profile(), None);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_failed_migration_changes_nothing() {
    let name = unique("bad-v1");
    let old = db::open_at(&name, 1, || {}).await.unwrap();
    let tx = Tx::start(
        &old,
        &["contacts"],
        IdbTransactionMode::Readwrite,
        Durability::Default,
    )
    .unwrap();
    // A version-1 row whose record cannot be upgraded (no timestamps).
    let r = js_sys::Object::new();
    schema::set(&r, row::ID, &"c1".into()).unwrap();
    schema::set(&r, row::JSON, &"{\"first_name\":\"x\"}".into()).unwrap();
    tx.put(&tx.store("contacts").unwrap(), &r).unwrap();
    tx.done().await.unwrap();
    old.close();
    match Database::open(&name, Rc::new(|_| {})).await {
        Err(StorageError::UpgradeFailed(detail)) => {
            assert!(detail.contains("contacts/c1"), "{detail}")
        }
        Err(other) => panic!("expected UpgradeFailed, got {other:?}"),
        Ok(_) => panic!("expected UpgradeFailed, got a database"),
    }
    // Still version 1, row untouched.
    let old = db::open_at(&name, 1, || {}).await.unwrap();
    assert_eq!(old.version() as u32, 1);
    let tx = Tx::start(
        &old,
        &["contacts"],
        IdbTransactionMode::Readonly,
        Durability::Default,
    )
    .unwrap();
    let rows = idb::get_all(&tx.store("contacts").unwrap()).await.unwrap();
    assert_eq!(rows.length(), 1);
    assert_eq!(
        schema::get_string(&rows.get(0), row::JSON).unwrap(),
        "{\"first_name\":\"x\"}"
    );
    old.close();
    idb::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_older_tab_is_told_to_reload_when_another_upgrades() {
    let name = unique("versionchange");
    let events: Events = Rc::default();
    let sink = events.clone();
    let old = db::open_at(&name, 1, || {}).await.unwrap();
    let old = db::wrap_for_tests(
        &name,
        old,
        Some(Rc::new(move |e| sink.borrow_mut().push(e))),
    );
    let new = Database::open(&name, Rc::new(|_| {})).await.unwrap();
    assert_eq!(events.borrow().as_slice(), &[DbEvent::VersionChanged]);
    assert_eq!(
        old.counts().await.unwrap_err(),
        StorageError::VersionChanged
    );
    assert!(new.counts().await.is_ok());
    // And a tab whose code is older than the database is refused with a clear error.
    assert_eq!(
        db::open_at(&name, 1, || {}).await.unwrap_err(),
        StorageError::NewerVersionOpen
    );
    finish(new).await;
}

#[wasm_bindgen_test]
async fn an_upgrade_waits_for_a_connection_that_does_not_close() {
    let name = unique("blocked");
    let stubborn = db::open_at(&name, 1, || {}).await.unwrap();
    let events: Events = Rc::default();
    let sink = events.clone();
    wasm_bindgen_futures::spawn_local({
        let name = name.clone();
        async move {
            let db = Database::open(&name, Rc::new(move |e| sink.borrow_mut().push(e)))
                .await
                .unwrap();
            db.close();
        }
    });
    sleep(200).await;
    assert_eq!(events.borrow().as_slice(), &[DbEvent::Blocked]);
    stubborn.close();
    sleep(200).await;
    idb::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn another_tab_hears_about_saved_changes() {
    let (a, _) = fresh("broadcast").await;
    let events: Events = Rc::default();
    let sink = events.clone();
    let b = Database::open(a.name(), Rc::new(move |e| sink.borrow_mut().push(e)))
        .await
        .unwrap();
    a.save(contact("c1", "Ada"), at("2026-03-01T10:00:00Z"))
        .await
        .unwrap();
    let mut waited = 0;
    while events.borrow().is_empty() && waited < 1000 {
        sleep(20).await;
        waited += 20;
    }
    assert_eq!(
        events.borrow().as_slice(),
        &[DbEvent::RemoteChange(vec![
            "contacts".into(),
            "meta".into()
        ])]
    );
    assert!(waited < 1000);
    // The saving side does not hear its own change.
    let c: Contact = b.get("c1").await.unwrap().unwrap();
    assert_eq!(c.first_name, "Ada");
    b.close();
    finish(a).await;
}

#[wasm_bindgen_test]
async fn the_week_is_read_by_its_date_index_and_drafts_are_not_sent() {
    let (db, _) = fresh("dated").await;
    let day = |id: &str, date: &str| -> Interaction {
        serde_json::from_value(serde_json::json!({
            "meta": meta(id), "contact_id": "c1", "date": date, "summary": "Call"
        }))
        .unwrap()
    };
    let message = |id: &str, status: &str, sent: Option<&str>| -> Message {
        serde_json::from_value(serde_json::json!({
            "meta": meta(id), "status": status, "sent": sent, "body": "Hello"
        }))
        .unwrap()
    };
    let data = Dataset {
        contacts: vec![contact("c1", "Ada")],
        interactions: vec![
            day("i1", "2026-11-29"),
            day("i2", "2026-11-30"),
            day("i3", "2026-12-03"),
        ],
        messages: vec![
            message("m1", "sent", Some("2026-11-29T22:30:00Z")),
            message("m2", "replied", Some("2026-12-01T08:00:00Z")),
            message("m3", "draft", None),
            message("m4", "sent", Some("2026-11-20T08:00:00Z")),
        ],
        ..Dataset::default()
    };
    db.save_changes(data, at("2026-12-03T10:00:00Z"))
        .await
        .unwrap();
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut ids: Vec<String> = db
        .dated_since::<Interaction>(monday)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.meta.id)
        .collect();
    ids.sort();
    assert_eq!(ids, ["i2", "i3"]);
    // From the Sunday before (UTC): the message sent on Monday 00:30 in Berlin is there.
    let mut sent = db.sent_since(monday.pred_opt().unwrap()).await.unwrap();
    sent.sort();
    assert_eq!(
        sent,
        [at("2026-11-29T22:30:00Z"), at("2026-12-01T08:00:00Z")]
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_range_is_read_a_month_at_a_time_with_every_entry_once() {
    let (db, _) = fresh("months").await;
    let day = |id: &str, date: &str| -> Interaction {
        serde_json::from_value(serde_json::json!({
            "meta": meta(id), "contact_id": "c1", "date": date, "summary": "Call"
        }))
        .unwrap()
    };
    // Before the range, on its first day, on each month's boundary, at its end and after.
    let dates = [
        ("i0", "2026-09-02"),
        ("i1", "2026-09-03"),
        ("i2", "2026-10-02"),
        ("i3", "2026-10-03"),
        ("i4", "2026-11-03"),
        ("i5", "2026-12-02"),
        ("i6", "2026-12-03"),
        ("i7", "2027-01-15"),
    ];
    let data = Dataset {
        contacts: vec![contact("c1", "Ada")],
        interactions: dates.iter().map(|(id, date)| day(id, date)).collect(),
        ..Dataset::default()
    };
    db.save_changes(data, at("2026-12-03T10:00:00Z"))
        .await
        .unwrap();
    let from = chrono::NaiveDate::from_ymd_opt(2026, 9, 3).unwrap();
    let until = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut months: Vec<Vec<String>> = Vec::new();
    db.each_month_since::<Interaction>(from, until, |month| {
        months.push(month.into_iter().map(|i| i.meta.id).collect())
    })
    .await
    .unwrap();
    // Sep 3 – Oct 2, Oct 3 – Nov 2, Nov 3 – Dec 2, and Dec 3 on (later entries included).
    assert_eq!(
        months,
        [
            vec!["i1", "i2"],
            vec!["i3"],
            vec!["i4", "i5"],
            vec!["i6", "i7"]
        ]
    );
    // A range starting after its end is one open-ended read.
    let mut once = Vec::new();
    db.each_month_since::<Interaction>(until, from, |month| once.push(month.len()))
        .await
        .unwrap();
    assert_eq!(once, [2]);
    finish(db).await;
}
