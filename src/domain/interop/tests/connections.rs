//! LinkedIn's Connections.csv read, and the import plan against stored contacts.

use super::*;

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
}
