//! LinkedIn's messages.csv: one timeline entry per conversation, contact and day.

use super::*;

#[test]
fn linkedin_messages_become_one_entry_per_conversation_and_day() {
    use crate::domain::interop::linkedin_messages::{is_messages, read_messages, EntryTexts};
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
