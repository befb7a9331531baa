//! vCards written and read: folding, escapes, every field, and the files of other programs.

use super::*;

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
    let blns = naughty_strings();
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
