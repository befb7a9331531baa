//! Files read a slice at a time (for progress and a responsive page) give what they
//! give in one go.

use super::*;

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
    use crate::domain::interop::columns::{guess_all, read_mapped, read_rows, MappedReader};
    use crate::domain::interop::linkedin::ConnectionsReader;
    use crate::domain::interop::vcard_read::{read_cards, CardReader};
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
    use crate::domain::interop::vcard_read::read_cards;
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
