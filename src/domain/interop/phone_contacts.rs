//! People picked from the phone's address book (the Contact Picker API: each a list of
//! names, e-mail addresses and phone numbers), written as a vCard so that they go through
//! the vCard import: the same checks, the same duplicate rules, the same preview, all or
//! nothing.

use super::vcard::{escape, push_folded};
use crate::domain::interviews::wrap_up::split_name;

/// One person as the picker hands them over; every list may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picked {
    /// Names; the first is used.
    pub names: Vec<String>,
    /// E-mail addresses; the first is used (a contact holds one).
    pub emails: Vec<String>,
    /// Phone numbers; the first is used.
    pub phones: Vec<String>,
}

fn first(list: &[String]) -> Option<&str> {
    list.iter().map(|s| s.trim()).find(|s| !s.is_empty())
}

/// The picked people as one vCard 3.0 file. Everyone is written, also without a name: the
/// import then lists them as left out, so nobody silently disappears.
pub fn picked_as_vcard(people: &[Picked]) -> String {
    let mut out = String::new();
    for p in people {
        let name = first(&p.names).unwrap_or("");
        let (given, family) = split_name(name);
        push_folded(&mut out, "BEGIN:VCARD");
        push_folded(&mut out, "VERSION:3.0");
        push_folded(
            &mut out,
            &format!("N:{};{};;;", escape(&family), escape(&given)),
        );
        push_folded(&mut out, &format!("FN:{}", escape(name)));
        if let Some(email) = first(&p.emails) {
            push_folded(&mut out, &format!("EMAIL;TYPE=INTERNET:{}", escape(email)));
        }
        if let Some(phone) = first(&p.phones) {
            push_folded(&mut out, &format!("TEL:{}", escape(phone)));
        }
        push_folded(&mut out, "END:VCARD");
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::domain::interop::vcard_read::read_cards;

    fn now() -> DateTime<Utc> {
        "2026-12-03T10:00:00Z".parse().unwrap()
    }

    fn picked(name: &str, email: &str, phone: &str) -> Picked {
        let list = |s: &str| {
            if s.is_empty() {
                vec![]
            } else {
                vec![s.to_string()]
            }
        };
        Picked {
            names: list(name),
            emails: list(email),
            phones: list(phone),
        }
    }

    #[test]
    fn picked_people_read_back_as_the_vcard_import_reads_them() {
        let people = vec![
            picked(
                "Jörg Müller-Lüdenscheidt",
                "joerg@example.org",
                "+49 221 123456",
            ),
            picked("Semi;colon, Comma\\Back", "", ""),
            Picked {
                names: vec![" ".into(), "Zoë".into()],
                emails: vec![
                    "".into(),
                    "zoe@example.org".into(),
                    "second@example.org".into(),
                ],
                phones: vec![],
            },
        ];
        let text = picked_as_vcard(&people);
        let parsed = read_cards(&text, now()).unwrap();
        assert_eq!(parsed.people.len(), 3);
        let c = &parsed.people[0].contact;
        assert_eq!(
            (c.first_name.as_str(), c.last_name.as_str()),
            ("Jörg", "Müller-Lüdenscheidt")
        );
        assert_eq!(c.email, "joerg@example.org");
        assert_eq!(c.phone, "+49 221 123456");
        let c = &parsed.people[1].contact;
        assert_eq!(
            c.first_name,
            "Semi;colon, Comma\\Back".rsplit_once(' ').unwrap().0
        );
        assert_eq!(c.last_name, "Comma\\Back");
        let c = &parsed.people[2].contact;
        assert_eq!(c.first_name, "Zoë");
        assert_eq!(c.email, "zoe@example.org");
    }

    #[test]
    fn nobody_is_dropped_silently() {
        let text = picked_as_vcard(&[
            picked("", "nameless@example.org", ""),
            picked("Ann", "not an address", ""),
        ]);
        let parsed = read_cards(&text, now()).unwrap();
        // Each is either taken or listed as left out, by the vCard import's own rules.
        assert_eq!(parsed.people.len() + parsed.skipped.len(), 2);
        assert_eq!(parsed.skipped[0].place, 1, "the nameless one");
        assert_eq!(picked_as_vcard(&[]), "");
    }
}
