//! The storage benchmark page (`make bench`): writes 10,000 contacts and 50,000
//! interactions through Netzweber's storage layer, reads them back, exports and imports
//! them, and runs the same work through a plain-JavaScript IndexedDB baseline
//! (`bench/baseline.js`) in the same browser, one after the other. The figures land in
//! `#result` as JSON for `tests/bench/bench.mjs` to print.

#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(bench::run());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the storage benchmark runs in the browser: make bench");
}

#[cfg(target_arch = "wasm32")]
mod bench {
    use std::rc::Rc;

    use chrono::{DateTime, Duration, NaiveDate, Utc};
    use netzweber::domain::backup::{read_backup, write_backup, Dataset, ImportMode};
    use netzweber::domain::record::{
        Circle, Contact, HowWeMet, Interaction, InteractionKind, Meta,
    };
    use netzweber::storage::db::Database;
    use netzweber::storage::idb;
    use serde_json::json;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    const CONTACTS: usize = 10_000;
    const INTERACTIONS: usize = 50_000;
    const ROUNDS: usize = 5;

    fn now_ms() -> f64 {
        js_sys::Date::now()
    }

    fn dataset() -> Dataset {
        let base: DateTime<Utc> = "2026-01-01T09:00:00Z".parse().expect("fixed date");
        let meta = |id: String, n: usize| Meta {
            id,
            created: base,
            updated: base + Duration::minutes(n as i64),
            revision: 1,
        };
        let firsts = [
            "Anna", "Jürgen", "Zoë", "Mehmet", "Grace", "Ada", "Łukasz", "Fatima",
        ];
        let lasts = [
            "Müller", "Schmidt", "Nguyen", "Öztürk", "Hopper", "Lovelace", "Kowalski",
        ];
        let contacts = (0..CONTACTS)
            .map(|i| Contact {
                meta: meta(format!("c{i:05}"), i),
                first_name: firsts[i % firsts.len()].into(),
                last_name: lasts[i % lasts.len()].into(),
                company: format!("Company {}", i % 700),
                role: "Product Manager".into(),
                field: "Software".into(),
                city: "Berlin".into(),
                links: vec![format!("https://www.linkedin.com/in/person-{i}")],
                email: format!("person{i}@example.org"),
                phone: "+49 30 1234567".into(),
                birthday: None,
                tags: vec!["ux".into(), "mentor".into()],
                circle: Circle::Network,
                met: HowWeMet {
                    occasion: "Meetup".into(),
                    date: NaiveDate::from_ymd_opt(2025, 5, 1 + (i % 28) as u32),
                    hook: "Both moved from teaching into research".into(),
                },
                introduced_by: None,
                introduced_by_name: String::new(),
                preferred_channel: Some("email".into()),
                cadence_days: Some(90),
                notes: "Talked about career change, hiring in UX research and good books. "
                    .repeat(3),
                greetings: Vec::new(),
            })
            .collect();
        let interactions = (0..INTERACTIONS)
            .map(|i| Interaction {
                meta: meta(format!("i{i:06}"), i),
                contact_id: format!("c{:05}", i % CONTACTS),
                kind: InteractionKind::Call,
                date: NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1 + (i % 28) as u32)
                    .expect("day 1-28 exists in every month"),
                summary: "Half an hour on the phone about their path into the field.".into(),
                keywords: vec!["career".into(), "ux".into()],
                other_contact_id: None,
                other_contact_name: String::new(),
            })
            .collect();
        Dataset {
            contacts,
            interactions,
            ..Dataset::default()
        }
    }

    async fn fresh(name: &str) -> Database {
        let _ = idb::delete_database(name).await;
        Database::open(name, Rc::new(|_| {})).await.expect("open")
    }

    /// Writes `data` into the empty `db` and reads it all back, in one transaction each
    /// (what the app does to build its lists): milliseconds of each.
    async fn write_and_read(db: &Database, data: &Dataset, at: DateTime<Utc>) -> (f64, f64) {
        let t = now_ms();
        db.bulk_insert(data, at).await.expect("write");
        let write = now_ms() - t;
        let t = now_ms();
        let all = db.export().await.expect("read all");
        let read = now_ms() - t;
        assert_eq!(
            (all.contacts.len(), all.interactions.len()),
            (CONTACTS, INTERACTIONS)
        );
        (write, read)
    }

    /// One round through Netzweber's storage layer: milliseconds per phase.
    async fn netzweber_round(data: &Dataset) -> [f64; 4] {
        let at: DateTime<Utc> = "2026-06-01T00:00:00Z".parse().expect("fixed date");
        let db = fresh("bench-netzweber").await;
        let (write, read) = write_and_read(&db, data, at).await;

        let t = now_ms();
        let file = write_backup(&db.export().await.expect("export"), "bench", at);
        let export = now_ms() - t;

        db.close();
        let db = fresh("bench-netzweber").await;
        let t = now_ms();
        let backup = read_backup(&file).expect("valid backup");
        db.import(&backup.data, ImportMode::Replace, at)
            .await
            .expect("import");
        let import = now_ms() - t;
        db.close();
        let _ = idb::delete_database("bench-netzweber").await;
        [write, read, export, import]
    }

    const PASS: &str = "a passphrase for the benchmark";

    /// The same round with protection on (issue 15): every row sealed, the backup
    /// encrypted on export and decrypted on import. Also returns the unlock: key
    /// derivation, reading and decrypting everything, and building the network.
    async fn protected_round(data: &Dataset) -> ([f64; 4], f64) {
        use netzweber::domain::contacts::network::{ContactsLoader, TimelinesLoader};
        use netzweber::domain::privacy::envelope::read_envelope;
        use netzweber::storage::vault::backup::decrypt_backup;
        use netzweber::storage::vault::Secret;
        let at: DateTime<Utc> = "2026-06-01T00:00:00Z".parse().expect("fixed date");
        let db = fresh("bench-protected").await;
        db.protect(PASS).await.expect("protect");
        let (write, read) = write_and_read(&db, data, at).await;

        let t = now_ms();
        let plain = write_backup(&db.export().await.expect("export"), "bench", at);
        let file = db.encrypt_backup(&plain).await.expect("encrypt");
        let export = now_ms() - t;

        db.close();
        let t = now_ms();
        let db = Database::open("bench-protected", Rc::new(|_| {}))
            .await
            .expect("open");
        db.unlock(&Secret::Passphrase(PASS.into()))
            .await
            .expect("unlock");
        let all = db.export().await.expect("read all");
        let mut contacts = ContactsLoader::default();
        contacts.add(all.contacts);
        let mut network = contacts.finish();
        let mut timelines = TimelinesLoader::new(at.date_naive());
        timelines.add(&all.interactions);
        timelines.finish(&mut network, all.follow_ups);
        let unlock = now_ms() - t;
        assert_eq!(network.len(), CONTACTS);

        // Restoring on a new device with protection on (as the unprotected round restores
        // into a fresh database): decrypt, check, write sealed.
        db.close();
        let db = fresh("bench-protected").await;
        db.protect(PASS).await.expect("protect");
        let t = now_ms();
        let envelope = read_envelope(&file).expect("envelope");
        let text = decrypt_backup(&envelope, PASS).await.expect("decrypt");
        let backup = read_backup(&text).expect("valid backup");
        db.import(&backup.data, ImportMode::Replace, at)
            .await
            .expect("import");
        let import = now_ms() - t;
        db.close();
        let _ = idb::delete_database("bench-protected").await;
        ([write, read, export, import], unlock)
    }

    async fn baseline_round(contacts: &JsValue, interactions: &JsValue) -> [f64; 4] {
        let window = web_sys::window().expect("a window");
        let run: js_sys::Function = js_sys::Reflect::get(&window, &"netzweberBaseline".into())
            .expect("baseline.js loaded")
            .unchecked_into();
        let promise: js_sys::Promise = run
            .call2(&JsValue::NULL, contacts, interactions)
            .expect("baseline started")
            .unchecked_into();
        let result = JsFuture::from(promise).await.expect("baseline");
        let get = |k: &str| {
            js_sys::Reflect::get(&result, &k.into())
                .ok()
                .and_then(|v| v.as_f64())
                .expect("baseline reports every phase in ms")
        };
        [get("write"), get("read"), get("export"), get("import")]
    }

    fn median(mut v: Vec<f64>) -> f64 {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    }

    pub async fn run() {
        let data = dataset();
        // The baseline gets the same records as plain objects (converted before timing).
        let parse = |v: serde_json::Value| js_sys::JSON::parse(&v.to_string()).expect("valid JSON");
        let contacts = parse(json!(data.contacts));
        let interactions = parse(json!(data.interactions));
        let mut ours = vec![Vec::new(); 4];
        let mut theirs = vec![Vec::new(); 4];
        let mut protected = vec![Vec::new(); 4];
        let mut unlocks = Vec::new();
        // Alternate, so that neither side always runs on a warmer browser.
        for _ in 0..ROUNDS {
            for (i, ms) in netzweber_round(&data).await.into_iter().enumerate() {
                ours[i].push(ms);
            }
            let (phases, unlock) = protected_round(&data).await;
            for (i, ms) in phases.into_iter().enumerate() {
                protected[i].push(ms);
            }
            unlocks.push(unlock);
            for (i, ms) in baseline_round(&contacts, &interactions)
                .await
                .into_iter()
                .enumerate()
            {
                theirs[i].push(ms);
            }
        }
        let phases = ["write", "read", "export", "import"];
        let result = json!({
            "contacts": CONTACTS,
            "interactions": INTERACTIONS,
            "rounds": ROUNDS,
            "phases": phases.iter().enumerate().map(|(i, p)| json!({
                "phase": p,
                "netzweber_ms": median(ours[i].clone()),
                "protected_ms": median(protected[i].clone()),
                "baseline_ms": median(theirs[i].clone()),
            })).collect::<Vec<_>>(),
            "unlock_ms": median(unlocks),
        });
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let out = document
            .get_element_by_id("result")
            .expect("#result on the page");
        out.set_text_content(Some(&result.to_string()));
    }
}
