//! Spreadsheets: our own export read back, other programs' columns guessed and mapped.

use super::*;

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

#[test]
fn spreadsheet_columns_are_guessed_from_english_and_german_names() {
    use crate::domain::interop::columns::{guess, guess_all, Target};
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
    use crate::domain::interop::columns::{guess_all, read_mapped, read_rows};
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
    use crate::domain::interop::columns::{read_mapped, read_rows, Target};
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
    use crate::domain::interop::columns::{guess_all, read_mapped, read_rows};
    let blns = naughty_strings();
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
