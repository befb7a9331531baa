//! The readers and writers against fixture files written from the formats' descriptions
//! (`tests/data/interop/`), and the import plan against stored contacts.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::csv::{self, Separator};
use super::ical::{Calendar, EventTexts};
use super::linkedin::{connected_on, read_connections};
use super::matching::{plan, Choices, Counts, Outcome};
use super::vcard::{self, push_folded, NoteLabels, MAX_LINE_OCTETS};
use super::*;
use crate::domain::contacts::draft::new_contact;
use crate::domain::record::{Birthday, Circle, FollowUp, FollowUpKind, Meta, Photo};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap()
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/data/interop/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    file_text(&bytes).unwrap().into_owned()
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("new-{n}")
    }
}

fn stored(id: &str, first: &str, last: &str) -> Contact {
    let mut c = new_contact(Meta::new(id, now()));
    c.meta.revision = 3;
    c.first_name = first.into();
    c.last_name = last.into();
    c
}

#[test]
fn todays_linkedin_export_with_preamble_bom_and_quirks() {
    let parsed = read_connections(&fixture("linkedin-2024.csv"), now()).unwrap();
    let names: Vec<String> = parsed
        .people
        .iter()
        .map(|p| format!("{} {}", p.contact.first_name, p.contact.last_name))
        .collect();
    assert_eq!(
        names,
        [
            "Martina Müller",
            "Jürgen Schmidt",
            "Anna Müller",
            "Anna Müller",
            "Dana Kight",
            "Evil Link"
        ]
    );
    let martina = &parsed.people[0];
    assert_eq!(martina.place, 5);
    let m = &martina.contact;
    assert_eq!(m.company, "Acme, Inc.");
    assert_eq!(m.role, "Head of UX Research");
    assert_eq!(
        m.links,
        ["https://www.linkedin.com/in/martina-mueller-4711"]
    );
    assert_eq!(m.met.occasion, "LinkedIn");
    assert_eq!(m.met.date, NaiveDate::from_ymd_opt(2024, 10, 9));
    assert_eq!(m.tags, ["LinkedIn"]);
    assert_eq!(m.circle, Circle::Periphery);
    assert_eq!(m.cadence_days, Some(0), "reminders off: no flood on Today");
    let j = &parsed.people[1].contact;
    assert_eq!(j.first_name, "Jürgen", "tabs and spaces trimmed");
    assert_eq!(j.last_name, "Schmidt");
    assert_eq!(j.role, "Engineer, \"Platform\"");
    assert_eq!(j.email, "juergen@example.org");
    assert_eq!(
        parsed.people[2].contact.email, "",
        "urn:li:member is not an e-mail"
    );
    assert_eq!(parsed.people[4].contact.company, "Kight, MS");
    assert_eq!(parsed.people[4].contact.role, "Consultant 🚀");
    let evil = &parsed.people[5].contact;
    assert!(evil.links.is_empty(), "a javascript: link is dropped");
    assert_eq!(evil.role, "=HYPERLINK(\"x\")", "kept as text");
    assert_eq!(
        parsed.skipped,
        [Skipped {
            place: 7,
            reason: SkipReason::HiddenProfile
        }]
    );
}

#[test]
fn older_linkedin_export_without_preamble_or_url() {
    let parsed = read_connections(&fixture("linkedin-2018.csv"), now()).unwrap();
    assert_eq!(parsed.people.len(), 3);
    let kai = &parsed.people[0].contact;
    assert_eq!(kai.email, "kai@example.com");
    assert!(kai.links.is_empty());
    assert_eq!(kai.met.date, NaiveDate::from_ymd_opt(2018, 1, 8));
    assert_eq!(
        parsed.people[1].contact.met.date,
        NaiveDate::from_ymd_opt(2017, 12, 31)
    );
}

#[test]
fn connected_on_formats() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(connected_on("09 Oct 2024"), d(2024, 10, 9));
    assert_eq!(connected_on("9 oct 2024"), d(2024, 10, 9));
    assert_eq!(connected_on("1/8/18, 6:14 PM"), d(2018, 1, 8));
    assert_eq!(connected_on("12/31/2017"), d(2017, 12, 31));
    assert_eq!(connected_on("2024-02-29"), d(2024, 2, 29));
    assert_eq!(connected_on("31 Feb 2024"), None);
    assert_eq!(
        connected_on("01 Jan 1800"),
        None,
        "outside what a contact holds"
    );
    assert_eq!(connected_on(""), None);
}

#[test]
fn files_an_import_refuses() {
    assert_eq!(file_text(b""), Err(ImportError::Empty));
    assert_eq!(file_text(b" \r\n"), Err(ImportError::Empty));
    assert_eq!(file_text("\u{feff}".as_bytes()), Err(ImportError::Empty));
    assert_eq!(
        file_text(&[0x89, b'P', b'N', b'G', 0, 0xff]),
        Err(ImportError::NotText)
    );
    assert_eq!(file_text(b"a\0b"), Err(ImportError::NotText));
    let big = vec![b'a'; MAX_IMPORT_BYTES + 1];
    assert_eq!(
        file_text(&big),
        Err(ImportError::TooLarge(MAX_IMPORT_BYTES + 1))
    );
    assert!(file_text(&big[1..]).is_ok(), "40 MiB exactly is read");
    assert_eq!(
        read_connections("Name,Phone\nA,1", now()),
        Err(ImportError::NoHeader)
    );
    assert_eq!(
        read_connections("First Name,Last Name\n", now()),
        Err(ImportError::NoPeople)
    );
    assert_eq!(
        read_connections("First Name,Last Name\n\"Anna,Müller\n", now()),
        Err(ImportError::UnclosedQuote(2))
    );
}

#[test]
fn more_than_twenty_thousand_people_are_refused() {
    let mut text = String::from("First Name,Last Name\n");
    for i in 0..=MAX_IMPORT_PEOPLE {
        text.push_str(&format!("A{i},B\n"));
    }
    assert_eq!(
        read_connections(&text, now()),
        Err(ImportError::TooMany(MAX_IMPORT_PEOPLE + 1))
    );
}

#[test]
fn rows_a_contact_cannot_hold_are_skipped_with_the_field() {
    let long = "x".repeat(501);
    let text = format!("First Name,Last Name,Company\nA,B,{long}\nC,D,ok\n");
    let parsed = read_connections(&text, now()).unwrap();
    assert_eq!(parsed.people.len(), 1);
    assert_eq!(
        parsed.skipped,
        [Skipped {
            place: 2,
            reason: SkipReason::Invalid("company")
        }]
    );
}

fn counts_of(stored: &[Contact], text: &str) -> (Counts, matching::ImportPlan) {
    let parsed = read_connections(text, now()).unwrap();
    let p = plan(stored, parsed, &mut ids());
    (p.counts(), p)
}

#[test]
fn equal_names_with_different_profiles_are_different_people() {
    let (counts, p) = counts_of(&[], &fixture("linkedin-2024.csv"));
    assert_eq!(counts.new, 6);
    assert_eq!(counts.possible_duplicates, 0);
    assert_eq!(counts.skipped, 1);
    let ids: Vec<&str> = p
        .people
        .iter()
        .map(|x| x.contact.meta.id.as_str())
        .collect();
    assert_eq!(ids, ["new-1", "new-2", "new-3", "new-4", "new-5", "new-6"]);
}

#[test]
fn a_second_import_of_the_same_file_changes_nothing() {
    for file in ["linkedin-2024.csv", "linkedin-2018.csv"] {
        let (_, first) = counts_of(&[], &fixture(file));
        let stored = first.contacts(Choices::default());
        let (counts, second) = counts_of(&stored, &fixture(file));
        assert_eq!(
            second.contacts(Choices::default()),
            Vec::<Contact>::new(),
            "{file}"
        );
        assert_eq!(
            counts.new + counts.possible_duplicates + counts.complete,
            0,
            "{file}"
        );
    }
}

#[test]
fn the_same_person_twice_in_one_file_is_written_once() {
    let (counts, p) = counts_of(&[], &fixture("linkedin-2018.csv"));
    assert_eq!(counts.new, 2);
    assert_eq!(counts.same_in_file, 1);
    assert_eq!(p.people[2].outcome, Outcome::SameAs(2));
}

#[test]
fn a_stored_contact_is_completed_never_overwritten() {
    let mut martina = stored("m1", "Martina", "Mueller");
    martina.links = vec!["http://linkedin.com/in/martina-mueller-4711/".into()];
    martina.company = "Her own company".into();
    martina.notes = "Met at the barcamp".into();
    martina.cadence_days = None;
    martina.circle = Circle::Core;
    let mut juergen = stored("j1", "J.", "Schmidt");
    // The same profile, typed by the user with the umlaut.
    juergen.links = vec!["https://www.linkedin.com/in/jürgen-schmidt-12345".into()];
    let (counts, p) = counts_of(&[martina.clone(), juergen], &fixture("linkedin-2024.csv"));
    assert_eq!(counts.complete, 2);
    assert_eq!(counts.new, 4);
    let completed = &p.people[0];
    assert_eq!(completed.outcome, Outcome::Completes("m1".into()));
    let c = &completed.contact;
    assert_eq!(
        c.meta, martina.meta,
        "same id and revision: a change meanwhile conflicts"
    );
    assert_eq!(c.company, "Her own company");
    assert_eq!(c.role, "Head of UX Research", "an empty field is filled");
    assert_eq!(c.tags, ["LinkedIn"]);
    assert_eq!(c.circle, Circle::Core, "the user's circle stays");
    assert_eq!(c.cadence_days, None, "the user's reminders stay on");
    assert_eq!(c.notes, "Met at the barcamp");
    assert_eq!(c.links.len(), 1);
    let none = Choices {
        complete: false,
        ..Choices::default()
    };
    assert_eq!(p.contacts(none).len(), 4);
}

#[test]
fn a_name_alone_is_only_a_possible_duplicate() {
    let mut anna = stored("a1", "Anna", "Müller");
    anna.company = "Delta".into();
    let text = "First Name,Last Name,Company\nAnna,Mueller,Epsilon\n";
    let (counts, p) = counts_of(&[anna], text);
    assert_eq!(counts.possible_duplicates, 1);
    assert_eq!(
        p.people[0].contact.meta.id, "new-1",
        "kept separate by default"
    );
    let skip = Choices {
        possible_duplicates: false,
        ..Choices::default()
    };
    assert!(p.contacts(skip).is_empty());
    // The same name and nothing new: the row was imported before.
    let row = "First Name,Last Name\nAnna,Müller\n";
    let (_, first) = counts_of(&[], row);
    let mut before = first.contacts(Choices::default());
    before[0].company = "Added by the user".into();
    let (counts, _) = counts_of(&before, row);
    assert_eq!(counts.unchanged, 1);
}

#[test]
fn csv_reads_what_it_writes_for_every_contact_field() {
    let mut c = stored("x", "Zoë \"Z\"", "O'Brien; Jr.");
    c.company = "Acme, Inc.\t".into();
    c.notes = "Line one\nLine two, with = sign\n=cmd".into();
    c.tags = vec!["a".into(), "b c".into()];
    c.phone = "+49 221 12345".into();
    let headers: [&str; contacts_csv::COLUMNS] = ["h"; contacts_csv::COLUMNS];
    for sep in [Separator::Comma, Separator::Semicolon] {
        let text = contacts_csv::write(&[(&c, contacts_csv::Computed::default())], &headers, sep);
        assert!(text.starts_with('\u{feff}'));
        let rows = csv::read(&text, sep).unwrap();
        let back: Vec<&str> = rows[1].fields.iter().map(|f| csv::unguard(f)).collect();
        assert_eq!(back[0], c.first_name);
        assert_eq!(back[1], c.last_name);
        assert_eq!(back[2], c.company);
        assert_eq!(back[7], c.phone);
        assert_eq!(back[9], "a, b c");
        assert_eq!(back[17], c.notes);
    }
}

/// Unfolds a folded text as a reader does: a line break followed by a space or tab
/// continues the line.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

#[test]
fn folding_never_splits_a_character_and_keeps_lines_short() {
    let samples = [
        "NOTE:".to_string() + &"ä".repeat(100),
        "NOTE:".to_string() + &"🙂".repeat(60),
        "NOTE:".to_string() + &"a".repeat(74) + "€",
        "X:".to_string() + &"ab".repeat(200),
        "SHORT:x".to_string(),
    ];
    for line in samples {
        let mut out = String::new();
        push_folded(&mut out, &line);
        assert!(out.ends_with("\r\n"));
        for physical in out.split("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
        }
        assert_eq!(unfold(&out).trim_end_matches("\r\n"), line);
    }
}

#[test]
fn vcard_escapes_and_writes_every_field() {
    let mut c = stored("v1", "Zoë", "Müller, Jr.");
    c.company = "Acme; Inc.".into();
    c.role = "Lead \\ Research".into();
    c.email = "zoe@example.org".into();
    c.phone = "+49 221 1".into();
    c.links = vec!["https://www.linkedin.com/in/zoe".into()];
    c.city = "Köln".into();
    c.birthday = Some(Birthday {
        month: 4,
        day: 14,
        year: None,
    });
    c.tags = vec!["UX, Research".into(), "Köln".into()];
    c.notes = "First line\nsecond".into();
    c.met.occasion = "UX Barcamp".into();
    c.met.date = NaiveDate::from_ymd_opt(2026, 11, 3);
    c.met.hook = "talked about 🚲".into();
    let photo = Photo {
        meta: Meta::new("p1", now()),
        contact_id: "v1".into(),
        mime: "image/png".into(),
        data: "iVBORw0KGgo=".repeat(20),
    };
    let labels = NoteLabels {
        met: "How we met",
        hook: "Hook",
    };
    let mut out = String::new();
    vcard::write_card(&mut out, &c, Some(&photo), labels);
    let text = unfold(&out);
    for expected in [
        "BEGIN:VCARD\r\nVERSION:3.0\r\n",
        "N:Müller\\, Jr.;Zoë;;;\r\n",
        "FN:Zoë Müller\\, Jr.\r\n",
        "ORG:Acme\\; Inc.\r\n",
        "TITLE:Lead \\\\ Research\r\n",
        "EMAIL;TYPE=INTERNET:zoe@example.org\r\n",
        "TEL:+49 221 1\r\n",
        "URL:https://www.linkedin.com/in/zoe\r\n",
        "ADR:;;;Köln;;;\r\n",
        "BDAY:--0414\r\n",
        "CATEGORIES:UX\\, Research,Köln\r\n",
        "NOTE:First line\\nsecond\\n\\nHow we met: UX Barcamp\\, 2026-11-03\\n\\nHook: talked about 🚲\r\n",
        "X-NETZWEBER-HOOK:talked about 🚲\r\n",
        "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=",
        "END:VCARD\r\n",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in\n{text}");
    }
    assert!(out.split("\r\n").all(|l| l.len() <= MAX_LINE_OCTETS));
}

#[test]
fn calendar_events_have_stable_uids_and_fold() {
    let texts = EventTexts {
        interview: &|n| format!("Informational interview with {n}"),
        goal: "Goal",
        questions: "Questions",
        birthday: &|n| format!("Birthday: {n}"),
        promise: &|t, n| format!("{t} ({n})"),
    };
    let follow_up = FollowUp {
        meta: Meta::new("f1", now()),
        contact_id: Some("c1".into()),
        kind: FollowUpKind::IPromised,
        text: "Send the article; with a note, please".into(),
        due: NaiveDate::from_ymd_opt(2026, 12, 24),
        done: None,
        message_id: None,
    };
    let mut cal = Calendar::new(now());
    cal.promise(&follow_up, "Anna", &texts);
    let leap = Birthday {
        month: 2,
        day: 29,
        year: None,
    };
    cal.birthday("c1", leap, "Anna", &texts);
    let text = cal.finish();
    let unfolded = unfold(&text);
    for expected in [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
        "UID:promise-f1@netzweber.app\r\nDTSTAMP:20261202T100000Z\r\n",
        "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261225\r\n",
        "SUMMARY:Send the article\\; with a note\\, please (Anna)\r\n",
        "BEGIN:VALARM\r\n",
        "UID:birthday-c1@netzweber.app\r\n",
        "DTSTART;VALUE=DATE:20000229\r\n",
        "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n",
        "END:VCALENDAR\r\n",
    ] {
        assert!(
            unfolded.contains(expected),
            "{expected:?} missing in\n{unfolded}"
        );
    }
    let mut done = follow_up.clone();
    done.done = Some(now());
    let mut cal = Calendar::new(now());
    cal.promise(&done, "Anna", &texts);
    assert!(
        !cal.finish().contains("VEVENT"),
        "done promises are left out"
    );
}

fn cards(name: &str) -> Parsed {
    vcard_read::read_cards(&fixture(name), now()).unwrap()
}

#[test]
fn apple_contacts_vcard_with_groups_labels_photo_and_omitted_year() {
    let parsed = cards("apple-3.0.vcf");
    assert_eq!(parsed.skipped, []);
    assert_eq!(parsed.people.len(), 2);
    let anna = &parsed.people[0];
    assert_eq!(anna.place, 1);
    let c = &anna.contact;
    assert_eq!(
        (c.first_name.as_str(), c.last_name.as_str()),
        ("Anna-Lena", "Weiß")
    );
    assert_eq!(
        c.company, "Acme, Inc.",
        "the first ORG component, unescaped"
    );
    assert_eq!(c.role, "Head of Research");
    assert_eq!(c.email, "anna@example.org", "the preferred address");
    assert_eq!(c.phone, "+49 170 1234567");
    assert_eq!(c.city, "Köln");
    assert_eq!(
        c.links,
        ["https://www.linkedin.com/in/anna-lena-weiss-12345"]
    );
    assert_eq!(
        c.birthday,
        Some(Birthday {
            month: 4,
            day: 14,
            year: None
        })
    );
    assert_eq!(c.tags, ["UX", "Research, Ops"]);
    assert!(c
        .notes
        .starts_with("Met at UX Barcamp Köln, talked about research ops;"));
    assert!(c
        .notes
        .contains("🚲 Follow up in spring\nSecond line with a backslash \\ here."));
    assert!(
        c.notes.ends_with("anna.private@example.net\n+49 221 999"),
        "{}",
        c.notes
    );
    let photo = anna.photo.as_ref().unwrap();
    assert_eq!(photo.mime, "image/jpeg");
    assert!(photo.data.starts_with("iVBORw0KGgo"));
    let zoe = &parsed.people[1].contact;
    assert_eq!(
        zoe.links,
        ["http://www.xing.com/profile/Zoe_Ek"],
        "an escaped colon"
    );
    assert_eq!(zoe.birthday.and_then(|b| b.year), Some(1985));
}

#[test]
fn outlook_vcard_2_1_in_windows_1252_with_quoted_printable() {
    let parsed = cards("outlook-2.1.vcf");
    let c = &parsed.people[0].contact;
    assert_eq!(
        (c.first_name.as_str(), c.last_name.as_str()),
        ("Jürgen", "Müller")
    );
    assert_eq!(c.company, "Stadtwerke Köln");
    assert_eq!(c.email, "juergen@example.com");
    assert_eq!(c.phone, "+49 221 123");
    assert!(
        c.notes.starts_with("Grüße aus Köln € 5\r\nZweite Zeile, die sehr lang ist und deshalb weich umbrochen wird."),
        "{:?}",
        c.notes
    );
    assert_eq!(
        parsed.people[0].photo.as_ref().map(|p| p.mime.as_str()),
        Some("image/jpeg")
    );
    assert_eq!(parsed.photos_left_out, Vec::<usize>::new());
}

#[test]
fn android_vcard_4_with_only_fn_pref_and_data_uri() {
    let parsed = cards("android-4.0.vcf");
    let kai = &parsed.people[0];
    assert_eq!(kai.contact.first_name, "Kai");
    assert_eq!(kai.contact.last_name, "Weber");
    assert_eq!(kai.contact.email, "kai@example.com", "PREF=1 first");
    assert_eq!(kai.contact.phone, "+49-171-000");
    assert!(kai.contact.links.is_empty(), "a javascript: URL is dropped");
    assert_eq!(
        kai.contact.birthday,
        Some(Birthday {
            month: 2,
            day: 29,
            year: None
        })
    );
    assert_eq!(
        kai.photo.as_ref().map(|p| p.mime.as_str()),
        Some("image/png")
    );
    assert!(
        parsed.people[1].photo.is_none(),
        "a photo link is never fetched"
    );
    assert_eq!(parsed.photos_left_out, Vec::<usize>::new());
}

#[test]
fn a_broken_card_is_listed_and_the_others_are_read() {
    let parsed = cards("broken.vcf");
    let names: Vec<&str> = parsed
        .people
        .iter()
        .map(|p| p.contact.last_name.as_str())
        .collect();
    assert_eq!(names, ["Good", "Photo"]);
    assert_eq!(
        parsed.skipped,
        [
            Skipped {
                place: 2,
                reason: SkipReason::NoName
            },
            Skipped {
                place: 4,
                reason: SkipReason::Incomplete
            }
        ]
    );
    assert_eq!(
        parsed.photos_left_out,
        [3],
        "a GIF is not a photo Netzweber stores"
    );
    assert!(parsed.people[1].photo.is_none());
    assert_eq!(
        vcard_read::read_cards("BEGIN:VCARD\r\n", now()).map(|p| p.skipped.len()),
        Ok(1)
    );
}

fn full_contact() -> Contact {
    let mut c = stored("v1", "Zoë 👩🏽‍💻", "Müller, Jr.; \\ عربى");
    c.company = "Acme; Inc., \"Q\"".into();
    c.role = "Lead".into();
    c.field = "UX research".into();
    c.email = "zoe@example.org".into();
    c.phone = "+49 221 1".into();
    c.links = vec![
        "https://www.linkedin.com/in/zoe".into(),
        "https://www.xing.com/profile/Zoe".into(),
    ];
    c.city = "Köln".into();
    c.birthday = Some(Birthday {
        month: 2,
        day: 29,
        year: None,
    });
    c.tags = vec!["UX, Research".into(), "Köln".into()];
    c.notes = "First line\nsecond; with, marks \\n literal".into();
    c.met.occasion = "UX Barcamp".into();
    c.met.date = NaiveDate::from_ymd_opt(2026, 11, 3);
    c.met.hook = "talked about 🚲".into();
    c.circle = Circle::Core;
    c.cadence_days = Some(21);
    c
}

/// The fields a vCard carries, with the meta that a file never carries left out.
fn card_fields(c: &Contact) -> Contact {
    let mut c = c.clone();
    c.meta = Meta::new("", now());
    c.introduced_by = None;
    c.introduced_by_name = String::new();
    c.greetings = Vec::new();
    c
}

#[test]
fn vcard_written_reads_back_with_every_field() {
    let labels = NoteLabels {
        met: "How we met",
        hook: "Hook",
    };
    let blns: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/tests/data/blns.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let mut without_notes = full_contact();
    without_notes.notes = String::new();
    let mut contacts = vec![full_contact(), without_notes];
    for (i, s) in blns.iter().enumerate() {
        let mut c = stored(&format!("b{i}"), "B", &format!("{i}"));
        // A contact's single-line fields never hold line breaks or outer spaces.
        let line: String = s.replace(['\n', '\r'], " ").trim().to_string();
        c.company = crate::domain::record::fit_line(&line);
        c.notes = s.trim().to_string();
        c.met.hook = s.trim().to_string();
        if !line.is_empty() && !line.contains(',') {
            c.tags = vec![line.chars().take(100).collect()];
        }
        if c.check().is_ok() {
            contacts.push(c);
        }
    }
    let text = vcard::write_cards(&contacts, |_| None, labels);
    assert!(text.split("\r\n").all(|l| l.len() <= MAX_LINE_OCTETS));
    let parsed = vcard_read::read_cards(&text, now()).unwrap();
    assert_eq!(parsed.skipped, []);
    assert_eq!(parsed.people.len(), contacts.len());
    for (written, read) in contacts.iter().zip(&parsed.people) {
        assert_eq!(card_fields(&read.contact), card_fields(written));
    }
}

proptest::proptest! {
    /// The hand-written readers agree with chrono's on every date a contact can hold.
    #[test]
    fn connected_on_reads_what_linkedin_writes(days in 0i64..109_000) {
        let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
        let at = date.and_hms_opt(18, 14, 0).unwrap();
        for format in ["%d %b %Y", "%-m/%-d/%Y", "%m/%d/%Y, %-I:%M %p", "%Y-%m-%d"] {
            let text = at.format(format).to_string();
            proptest::prop_assert_eq!(connected_on(&text), Some(date), "{}", text);
        }
        let short = at.format("%-m/%-d/%y, %-I:%M %p").to_string();
        let expected = NaiveDate::parse_from_str(short.split(',').next().unwrap(), "%m/%d/%y").ok();
        proptest::prop_assert_eq!(connected_on(&short), expected);
    }

    /// Calendar times are written as chrono would.
    #[test]
    fn calendar_stamps_match_chrono(secs in 0i64..7_000_000_000) {
        let at = DateTime::from_timestamp(secs, 0).unwrap();
        let mut cal = Calendar::new(at);
        let f = FollowUp {
            meta: Meta::new("f", at),
            contact_id: None,
            kind: FollowUpKind::Reminder,
            text: "x".into(),
            due: Some(at.date_naive()),
            done: None,
            message_id: None,
        };
        let texts = EventTexts {
            interview: &|n| n.to_string(),
            goal: "",
            questions: "",
            birthday: &|n| n.to_string(),
            promise: &|t, _| t.to_string(),
        };
        cal.promise(&f, "", &texts);
        let text = cal.finish();
        let stamp = format!("DTSTAMP:{}\r\n", at.format("%Y%m%dT%H%M%SZ"));
        proptest::prop_assert!(text.contains(&stamp), "{}", text);
        let day = format!("DTSTART;VALUE=DATE:{}\r\n", at.format("%Y%m%d"));
        proptest::prop_assert!(text.contains(&day), "{}", text);
    }
}

#[test]
fn file_slugs() {
    assert_eq!(file_slug("Dr. Anna-Lena Weiß"), "dr-anna-lena-weiß");
    assert_eq!(file_slug("  <script>/../"), "script");
    assert_eq!(file_slug("🙂"), "contact");
    assert_eq!(file_slug(&"ab ".repeat(30)).len(), 40);
}

#[test]
fn linkedin_messages_become_one_entry_per_conversation_and_day() {
    use super::linkedin_messages::{is_messages, read_messages, EntryTexts};
    let text = fixture("linkedin-messages.csv");
    assert!(is_messages(&text));
    let mut martina = stored("m1", "Martina", "Müller");
    martina.links = vec!["https://www.linkedin.com/in/martina-mueller-4711".into()];
    // Matched by name: Kai has no profile link stored.
    let kai = stored("k1", "Kai", "Weber");
    let contacts = [&martina, &kai];
    let texts = EntryTexts { you: "You" };
    let read = read_messages(&text, &contacts, "", texts, now()).unwrap();
    assert_eq!(
        read.owner.as_deref(),
        Some("Mia Sommer"),
        "in every conversation"
    );
    assert_eq!(read.messages, 5);
    assert_eq!(read.unmatched, 1, "the stranger");
    let summaries: Vec<(&str, NaiveDate, &str)> = read
        .entries
        .iter()
        .map(|e| (e.contact_id.as_str(), e.date, e.summary.as_str()))
        .collect();
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(
        summaries,
        [
            ("k1", d(2023, 5, 1), "LinkedIn\nKai: Hello from Kai"),
            (
                "m1",
                d(2024, 10, 9),
                "LinkedIn: Coffee?\nYou: Hi Martina, would you have 20 minutes, maybe next week?\nMartina: Gladly! Tuesday?"
            ),
            ("m1", d(2024, 10, 12), "LinkedIn\nYou: Thanks again!"),
        ]
    );
    for e in &read.entries {
        assert_eq!(e.kind, crate::domain::record::InteractionKind::Message);
        assert!(
            crate::domain::record::is_valid_id(&e.meta.id),
            "{}",
            e.meta.id
        );
        assert!(e.check().is_ok());
    }
    // The same file again gives the same ids: the import adds nothing twice.
    let again = read_messages(&text, &contacts, "", texts, now()).unwrap();
    assert_eq!(again.entries, read.entries);
    // Two contacts of the same name: nobody is guessed.
    let other_kai = stored("k2", "Kai", "Weber");
    let read = read_messages(&text, &[&martina, &kai, &other_kai], "", texts, now()).unwrap();
    assert!(read
        .entries
        .iter()
        .all(|e| e.contact_id != "k1" && e.contact_id != "k2"));
    // The user's own link decides who they are.
    let read = read_messages(
        &text,
        &contacts,
        "https://linkedin.com/in/mia-sommer/",
        texts,
        now(),
    )
    .unwrap();
    assert_eq!(read.owner.as_deref(), Some("Mia Sommer"));
    assert!(read.owner_known);
    assert!(
        !read_messages(&text, &contacts, "", texts, now())
            .unwrap()
            .owner_known
    );
    // Guessed wrong, the user says who they are: Martina's side of the story.
    let names: Vec<(&str, &str, usize)> = read
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.url.as_str(), p.conversations))
        .collect();
    assert_eq!(
        names,
        [
            ("Mia Sommer", "https://www.linkedin.com/in/mia-sommer", 3),
            ("Kai Weber", "https://www.linkedin.com/in/kai-weber-x", 1),
            ("Stranger Person", "https://www.linkedin.com/in/stranger", 1),
            (
                "Martina Müller",
                "https://www.linkedin.com/in/martina-mueller-4711",
                1
            ),
        ],
        "most conversations first; among equals, who is no contact (by link) before a contact"
    );
    let mia = stored("s1", "Mia", "Sommer");
    let as_martina =
        read_messages(&text, &[&mia], &read.participants[3].url, texts, now()).unwrap();
    assert_eq!(as_martina.owner.as_deref(), Some("Martina Müller"));
    let lines: Vec<&str> = as_martina
        .entries
        .iter()
        .map(|e| e.summary.as_str())
        .collect();
    assert_eq!(
        lines,
        [
            "LinkedIn: Coffee?\nMia: Hi Martina, would you have 20 minutes, maybe next week?\nYou: Gladly! Tuesday?",
            "LinkedIn\nMia: Thanks again!",
        ]
    );
    assert_eq!(
        read_messages(
            "CONVERSATION ID,FROM,DATE,CONTENT\n",
            &contacts,
            "",
            texts,
            now()
        ),
        Err(ImportError::NoPeople)
    );
}

#[test]
fn spreadsheet_columns_are_guessed_from_english_and_german_names() {
    use super::columns::{guess, guess_all, Target};
    for (header, target) in [
        ("First Name", Target::FirstName),
        ("Vorname", Target::FirstName),
        ("Nachname", Target::LastName),
        ("Given Name", Target::FirstName),
        ("Family Name", Target::LastName),
        ("Name", Target::FullName),
        ("Firma", Target::Company),
        ("Organization 1 - Name", Target::Company),
        ("Job Title", Target::Role),
        ("Title", Target::Ignore),
        ("Position", Target::Role),
        ("E-Mail-Adresse", Target::Email),
        ("E-mail 1 - Value", Target::Email),
        ("E-mail 1 - Type", Target::Ignore),
        ("E-mail Display Name", Target::Ignore),
        ("Mobiltelefon", Target::Phone),
        ("Business Phone", Target::Phone),
        ("Webseite", Target::Links),
        ("Kategorien", Target::Tags),
        ("Geburtstag", Target::Birthday),
        ("Notizen", Target::Notes),
        ("Kennengelernt bei", Target::Occasion),
        ("Nächster Kontakt fällig", Target::Ignore),
        ("Something else", Target::Ignore),
    ] {
        assert_eq!(guess(header), target, "{header}");
    }
    let header = csv::Row {
        line: 1,
        fields: vec![
            "Job Title".into(),
            "Position".into(),
            "E-mail".into(),
            "E-mail 2".into(),
        ],
    };
    assert_eq!(
        guess_all(&header),
        [Target::Role, Target::Ignore, Target::Email, Target::Email],
        "one column per single field"
    );
}

#[test]
fn our_spreadsheet_reads_back_with_every_field_it_holds() {
    use super::columns::{guess_all, read_mapped, read_rows};
    let mut c = full_contact();
    c.preferred_channel = None;
    let headers = [
        "Vorname",
        "Nachname",
        "Firma",
        "Position",
        "Branche",
        "Ort",
        "E-Mail",
        "Telefon",
        "Links",
        "Schlagwörter",
        "Kreis",
        "Kontakt halten (Tage)",
        "Kennengelernt bei",
        "Kennengelernt am",
        "Aufhänger",
        "Geburtstag",
        "Bevorzugter Weg",
        "Notizen",
        "Letzter Kontakt",
        "Nächster Kontakt fällig",
    ];
    for sep in [Separator::Comma, Separator::Semicolon] {
        let text = contacts_csv::write(&[(&c, contacts_csv::Computed::default())], &headers, sep);
        let text = file_text(text.as_bytes()).unwrap();
        let rows = read_rows(&text).unwrap();
        let parsed = read_mapped(&rows, &guess_all(&rows[0]), now());
        assert_eq!(parsed.skipped, []);
        let mut read = parsed.people[0].contact.clone();
        read.meta = c.meta.clone();
        // Tags holding a comma come back split: a spreadsheet cell has no other way.
        let mut expected = c.clone();
        expected.tags = vec!["UX".into(), "Research".into(), "Köln".into()];
        // A name cell is one line: the line breaks of a single-line field cannot occur.
        assert_eq!(read, expected, "{sep:?}");
    }
}

#[test]
fn spreadsheet_dates_and_rows_without_a_name() {
    use super::columns::{read_mapped, read_rows, Target};
    let text = "Name;Geburtstag;Kennengelernt am\nAnna Weiß;14.04.;1.3.2026\n;01.01.1990;\nBo;31.02.2000;2026-13-01\n";
    let rows = read_rows(text).unwrap();
    let parsed = read_mapped(
        &rows,
        &[Target::FullName, Target::Birthday, Target::MetOn],
        now(),
    );
    let anna = &parsed.people[0].contact;
    assert_eq!(
        (anna.first_name.as_str(), anna.last_name.as_str()),
        ("Anna", "Weiß")
    );
    assert_eq!(
        anna.birthday,
        Some(Birthday {
            month: 4,
            day: 14,
            year: None
        })
    );
    assert_eq!(anna.met.date, NaiveDate::from_ymd_opt(2026, 3, 1));
    let bo = &parsed.people[1].contact;
    assert_eq!(bo.birthday, None, "no 31 February");
    assert_eq!(bo.met.date, None);
    assert_eq!(
        parsed.skipped,
        [Skipped {
            place: 3,
            reason: SkipReason::NoName
        }]
    );
    assert_eq!(read_rows("Name;Telefon\n"), Err(ImportError::NoPeople));
    assert_eq!(read_rows(""), Err(ImportError::Empty));
}

#[test]
fn spreadsheet_round_trip_keeps_the_naughty_strings() {
    use super::columns::{guess_all, read_mapped, read_rows};
    let blns: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/tests/data/blns.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let headers: [&str; contacts_csv::COLUMNS] = [
        "First name",
        "Last name",
        "Company",
        "Role",
        "Field or industry",
        "City",
        "Email",
        "Phone",
        "Links",
        "Tags",
        "Circle",
        "Keep in touch (days)",
        "Where we met",
        "Met on",
        "Hook",
        "Birthday",
        "Preferred channel",
        "Notes",
        "Last contact",
        "Next due",
    ];
    let contacts: Vec<Contact> = blns
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut c = stored(&format!("b{i}"), "B", &format!("{i}"));
            // What a single-line field can hold: no line breaks, no outer or repeated
            // white space (the form and every reader trim those).
            let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
            c.company = crate::domain::record::fit_line(&line);
            c.notes = s.trim().to_string();
            c.met.hook = s.trim().to_string();
            c
        })
        .filter(|c| c.check().is_ok())
        .collect();
    for sep in [Separator::Comma, Separator::Semicolon] {
        let rows: Vec<_> = contacts
            .iter()
            .map(|c| (c, contacts_csv::Computed::default()))
            .collect();
        let text = contacts_csv::write(&rows, &headers, sep);
        let text = file_text(text.as_bytes()).unwrap();
        let read = read_rows(&text).unwrap();
        let parsed = read_mapped(&read, &guess_all(&read[0]), now());
        assert_eq!(parsed.people.len(), contacts.len(), "{sep:?}");
        for (written, back) in contacts.iter().zip(&parsed.people) {
            assert_eq!(back.contact.company, written.company.trim(), "{sep:?}");
            assert_eq!(back.contact.notes, written.notes, "{sep:?}");
            assert_eq!(back.contact.met.hook, written.met.hook, "{sep:?}");
        }
    }
}

/// Reads with `reader` `people` at a time, noting the progress after each step.
fn in_steps(
    mut reader: impl Reader,
    people: usize,
) -> (Result<Parsed, ImportError>, Vec<(usize, usize)>) {
    let mut seen = vec![reader.progress()];
    while reader.step(people) {
        seen.push(reader.progress());
    }
    seen.push(reader.progress());
    (reader.finish(), seen)
}

#[test]
fn files_read_a_slice_at_a_time_give_what_they_give_in_one_go() {
    use super::columns::{guess_all, read_mapped, read_rows, MappedReader};
    use super::linkedin::ConnectionsReader;
    use super::vcard_read::{read_cards, CardReader};
    for name in ["linkedin-2024.csv", "linkedin-2018.csv"] {
        let text = fixture(name);
        let whole = read_connections(&text, now()).unwrap();
        for people in [1, 2, 3, 1000] {
            let (stepped, seen) = in_steps(ConnectionsReader::open(&text, now()).unwrap(), people);
            assert_eq!(stepped.unwrap(), whole, "{name} by {people}");
            let total = seen[0].1;
            assert_eq!(seen.first(), Some(&(0, total)));
            assert_eq!(seen.last(), Some(&(total, total)));
            assert!(seen
                .windows(2)
                .all(|w| w[0].0 <= w[1].0 && w[1].0 - w[0].0 <= people));
        }
    }
    for name in [
        "apple-3.0.vcf",
        "outlook-2.1.vcf",
        "android-4.0.vcf",
        "broken.vcf",
    ] {
        let text = fixture(name);
        let whole = read_cards(&text, now()).unwrap();
        for people in [1, 2, 1000] {
            let (stepped, seen) = in_steps(CardReader::open(&text, now()).unwrap(), people);
            assert_eq!(stepped.unwrap(), whole, "{name} by {people}");
            assert_eq!(
                seen.last().map(|(read, total)| read == total),
                Some(true),
                "{name}"
            );
        }
    }
    let text = "Vorname;Nachname;Firma\nAnna;Muster;Acme\nBen;Beispiel;Beta\n;;\nCem;Cakir;Gamma\n";
    let rows = read_rows(text).unwrap();
    let targets = guess_all(&rows[0]);
    let whole = read_mapped(&rows, &targets, now());
    assert_eq!(whole.people.len(), 3);
    let (stepped, seen) = in_steps(MappedReader::new(&rows, &targets, now()), 2);
    assert_eq!(stepped.unwrap(), whole);
    assert_eq!(seen, [(0, 3), (2, 3), (3, 3)]);
    // A header without rows: nothing to read, at once.
    let header_only = &rows[..1];
    let (stepped, seen) = in_steps(MappedReader::new(header_only, &targets, now()), 2);
    assert_eq!(stepped.unwrap(), Parsed::default());
    assert_eq!(seen, [(0, 0), (0, 0)]);
}

#[test]
fn a_card_beyond_the_limit_is_refused_even_when_the_count_missed_it() {
    use super::vcard_read::read_cards;
    // Grouped BEGIN lines are cards to the reader but not to the quick count.
    let card = "item1.BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n";
    let text = format!(
        "BEGIN:VCARD\r\nFN:First\r\nEND:VCARD\r\n{}",
        card.repeat(MAX_IMPORT_PEOPLE)
    );
    assert_eq!(
        read_cards(&text, now()),
        Err(ImportError::TooMany(MAX_IMPORT_PEOPLE + 1))
    );
}
