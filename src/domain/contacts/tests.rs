//! Native tests of the contacts rules (search, keep-in-touch, dormancy, birthdays, give and
//! take, duplicates and merge, the form); over 600 lines because every rule has its edge
//! cases and property tests here.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;

use super::draft::{
    display_name, initials, new_contact, work_line, ContactDraft, DraftError, DraftField,
};
use super::duplicates::{link_key, merge_fields, suggestions, Reason};
use super::give_take::{Balance, Lean};
use super::keep_in_touch::{self, CadenceSettings};
use super::network::{Clock, ContactsLoader, ListQuery, Network, Only, Sort, TimelinesLoader};
use super::occasions::{self, age_on, birthday_in, next_birthday, upcoming_birthdays};
use super::search::{fold, SearchIndex};
use crate::domain::link::LinkError;
use crate::domain::record::{
    Birthday, Circle, Contact, FollowUp, FollowUpKind, Interaction, InteractionKind, Meta,
};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn person(id: &str, first: &str, last: &str) -> Contact {
    let mut c = new_contact(Meta::new(id, at("2026-01-10T12:00:00Z")));
    c.meta.revision = 1;
    c.first_name = first.into();
    c.last_name = last.into();
    c
}

fn interaction(
    id: &str,
    contact: &str,
    date: &str,
    kind: InteractionKind,
    summary: &str,
) -> Interaction {
    Interaction {
        meta: Meta::new(id, at("2026-01-10T12:00:00Z")),
        contact_id: contact.into(),
        kind,
        date: day(date),
        summary: summary.into(),
        keywords: vec![],
        other_contact_id: None,
        other_contact_name: String::new(),
    }
}

fn follow_up(id: &str, contact: &str, due: Option<&str>, done: bool) -> FollowUp {
    FollowUp {
        meta: Meta::new(id, at("2026-01-10T12:00:00Z")),
        contact_id: Some(contact.into()),
        kind: FollowUpKind::IPromised,
        text: format!("promise {id}"),
        due: due.map(day),
        done: done.then(|| at("2026-02-01T00:00:00Z")),
        message_id: None,
    }
}

fn clock(today: &str) -> Clock {
    Clock {
        today: day(today),
        utc_offset_minutes: 60,
    }
}

// ---- search -------------------------------------------------------------------------

#[test]
fn folding_makes_umlauts_transliterations_and_plain_vowels_equal() {
    assert_eq!(fold("Müller"), "muller");
    assert_eq!(fold("Mueller"), "muller");
    assert_eq!(fold("MULLER"), "muller");
    assert_eq!(fold("Straße"), fold("Strasse"));
    assert_eq!(fold("Ærø"), fold("aero"));
    assert_eq!(fold("Łódź"), "lodz");
    assert_eq!(fold("Jörg-Peter  O'Neil"), "jorg peter o neil");
    assert_eq!(fold("Zoë"), fold("Zoe"));
    assert_eq!(fold("  "), "");
    assert_eq!(fold("東京"), "東京");
    // "æe" spells "aee": folding it again must not shorten it further.
    assert_eq!(fold("æE"), fold(&fold("æE")));
}

fn index(contacts: &[Contact]) -> SearchIndex {
    let mut index = SearchIndex::default();
    for c in contacts {
        index.set_contact(c);
    }
    index
}

/// What a search must give, computed from scratch without the index's order or its
/// memory of the last query: every hit by rank, then name key, then id.
fn expected_search(index: &SearchIndex, query: &str) -> Vec<(String, u32)> {
    // A clone remembers no last query, so it scans every entry.
    let fresh = index.clone();
    let mut hits: Vec<(String, u32)> = fresh
        .search(query)
        .into_iter()
        .map(|h| (h.id, h.rank))
        .collect();
    hits.sort_by(|a, b| {
        let key = |id: &str| fresh.position(id);
        a.1.cmp(&b.1).then(key(&a.0).cmp(&key(&b.0)))
    });
    hits
}

#[test]
fn typing_on_narrows_the_last_search_and_finds_exactly_what_a_fresh_search_finds() {
    let mut contacts = Vec::new();
    for (i, (first, last, company)) in [
        ("Jürgen", "Müller", "Acme"),
        ("Anna", "Mueller", "Beta GmbH"),
        ("Zoë", "Muller", "Acme Labs"),
        ("Mehmet", "Yılmaz", "Acme"),
        ("Ana", "Schmidt", "Gamma"),
        ("Björn", "Weiß", "Acme product"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut c = person(&format!("c{i}"), first, last);
        c.company = company.into();
        contacts.push(c);
    }
    let mut idx = SearchIndex::default();
    idx.set_contacts(&contacts);
    // As typed: growing, a backspace, a second word, a word that no longer matches, and
    // a new word after clearing.
    for q in [
        "m",
        "mu",
        "mue",
        "muel",
        "mueller",
        "muelle",
        "mueller a",
        "mueller ac",
        "mueller acx",
        "mueller ac",
        "",
        "a",
        "ac",
        "acme",
        "acme p",
        "acme pr",
        "weiss",
        "weiß",
    ] {
        let typed: Vec<(String, u32)> = idx.search(q).into_iter().map(|h| (h.id, h.rank)).collect();
        assert_eq!(typed, expected_search(&idx, q), "query {q:?}");
    }
    // A change to the network forgets the last search: the renamed contact is found.
    assert!(idx.search("muel").iter().all(|h| h.id != "c4"));
    let mut renamed = contacts[4].clone();
    renamed.last_name = "Müllerová".into();
    idx.set_contact(&renamed);
    assert!(idx.search("muell").iter().any(|h| h.id == "c4"));
}

fn ordered_ids(idx: &SearchIndex) -> Vec<String> {
    (0..idx.len()).map(|at| idx.id_at(at).to_string()).collect()
}

proptest! {
    /// However contacts are added, renamed and removed, one by one or all at once, the
    /// index stays in name order with every position right, and finds what a fresh
    /// index of the same contacts finds.
    #[test]
    fn the_index_stays_in_name_order_through_any_edits(
        ops in prop::collection::vec((0usize..12, 0usize..6, any::<bool>()), 1..40),
    ) {
        const NAMES: [&str; 6] = ["Müller", "Mueller", "Anna", "Özil", "Zoë", ""];
        let mut idx = SearchIndex::default();
        let mut live: std::collections::BTreeMap<usize, Contact> = Default::default();
        for (id, name, remove) in ops {
            if remove {
                idx.remove(&format!("p{id}"));
                live.remove(&id);
            } else {
                let c = person(&format!("p{id}"), NAMES[(name + id) % 6], NAMES[name]);
                idx.set_contact(&c);
                live.insert(id, c);
            }
            // Searched between edits, so that a stale memory of the last query would show.
            let _ = idx.search("m");
        }
        let mut expected: Vec<(String, String)> = live
            .values()
            .map(|c| (super::search::name_key(c), c.meta.id.clone()))
            .collect();
        expected.sort();
        let expected: Vec<String> = expected.into_iter().map(|(_, id)| id).collect();
        prop_assert_eq!(ordered_ids(&idx), expected.clone());
        for (at, id) in expected.iter().enumerate() {
            prop_assert_eq!(idx.position(id), Some(at));
        }
        let mut bulk = SearchIndex::default();
        bulk.set_contacts(live.values());
        prop_assert_eq!(ordered_ids(&bulk), expected);
        for q in ["m", "mu", "muller", "anna", "o", "zoe"] {
            prop_assert_eq!(idx.search(q), bulk.search(q));
        }
    }
}

#[test]
fn search_finds_names_with_and_without_umlauts() {
    let contacts = [
        person("a", "Jürgen", "Müller"),
        person("b", "Ann", "Mueller"),
        person("c", "Bo", "Muller"),
    ];
    let idx = index(&contacts);
    for q in ["müller", "Mueller", "MULLER", "mull", "mü"] {
        let mut ids: Vec<String> = idx.search(q).into_iter().map(|h| h.id).collect();
        ids.sort();
        assert_eq!(ids, ["a", "b", "c"], "{q}");
    }
    assert_eq!(idx.search("jurgen müller").len(), 1);
    assert!(idx.search("").is_empty());
    assert!(idx.search(" ,; ").is_empty());
}

#[test]
fn search_ranks_name_matches_before_company_tags_notes_and_timeline() {
    let mut by_name = person("name", "Berta", "Acme");
    by_name.company = "Other".into();
    let mut by_work = person("work", "Carl", "Doe");
    by_work.company = "Acme GmbH".into();
    let mut by_tag = person("tag", "Dora", "Doe");
    by_tag.tags = vec!["acme alumni".into()];
    let mut by_notes = person("notes", "Emil", "Doe");
    by_notes.notes = "Used to work at acme".into();
    let by_timeline = person("timeline", "Frida", "Doe");
    let mut inside_name = person("inside", "Macmeth", "Zed");
    inside_name.first_name = "Bacme".into();
    let mut idx = index(&[
        by_timeline.clone(),
        by_notes,
        by_tag,
        by_work,
        inside_name,
        by_name,
    ]);
    let talk = interaction(
        "i1",
        "timeline",
        "2026-01-01",
        InteractionKind::Call,
        "Talked about ACME's UX team",
    );
    idx.set_timeline("timeline", [&talk]);
    let order: Vec<String> = idx.search("acme").into_iter().map(|h| h.id).collect();
    assert_eq!(
        order,
        ["name", "inside", "work", "tag", "notes", "timeline"]
    );
    idx.remove("name");
    assert_eq!(idx.search("acme")[0].id, "inside");
}

#[test]
fn every_query_word_must_match_somewhere() {
    let mut c = person("a", "Jana", "Novak");
    c.city = "Köln".into();
    let idx = index(&[c, person("b", "Jana", "Berg")]);
    assert_eq!(idx.search("jana koln").len(), 1);
    assert_eq!(idx.search("jana").len(), 2);
    assert_eq!(idx.search("jana paris").len(), 0);
}

/// The two-pass fold that the one-pass [`fold`] replaced: the reference it must equal.
fn fold_two_passes(text: &str) -> String {
    use super::search::{base_letters, Folded};
    let mut plain = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        match base_letters(c) {
            Folded::Char(m) => plain.push(m),
            Folded::Str(m) => plain.push_str(m),
            Folded::Separator => {
                if !space {
                    plain.push(' ');
                    space = true;
                }
                continue;
            }
        }
        space = false;
    }
    if plain.ends_with(' ') {
        plain.pop();
    }
    let mut out = String::with_capacity(plain.len());
    let mut chars = plain.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, 'a' | 'o' | 'u') {
            while chars.next_if_eq(&'e').is_some() {}
        }
    }
    out
}

proptest! {
    #[test]
    fn folding_in_one_pass_equals_folding_in_two(s in "([a-zA-Z ÄÖÜäöüßæœÆ.éèe-]|\\PC){0,24}") {
        prop_assert_eq!(fold(&s), fold_two_passes(&s));
    }

    /// Loading a network page by page, in any page size, gives the network that loading
    /// everything at once gives.
    #[test]
    fn a_network_loaded_in_pages_equals_one_loaded_at_once(
        names in prop::collection::vec((0usize..6, 0usize..6), 1..30),
        talks in prop::collection::vec((0usize..30, 0usize..4, 0u32..60), 0..60),
        page in 1usize..7,
    ) {
        const NAMES: [&str; 6] = ["Müller", "Mueller", "Anna", "Özil", "Zoë", ""];
        const WORDS: [&str; 4] = ["mentoring", "Hiring in UX", "Straße", "café"];
        let contacts: Vec<Contact> = names
            .iter()
            .enumerate()
            .map(|(i, (f, l))| person(&format!("p{i}"), NAMES[*f], NAMES[*l]))
            .collect();
        let talks: Vec<Interaction> = talks
            .iter()
            .enumerate()
            .map(|(k, (who, what, d))| {
                let date = day("2026-01-01") + chrono::Days::new(u64::from(*d));
                let mut i = interaction(&format!("i{k}"), &format!("p{who}"), &date.to_string(), InteractionKind::Call, WORDS[*what]);
                i.keywords = vec![WORDS[(*what + 1) % 4].into(), String::new(), "x".into()];
                i
            })
            .collect();
        let today = day("2026-01-31");
        let mut whole = Network::with_contacts(contacts.clone());
        whole.load_timelines(&talks, vec![], today);

        let mut loader = ContactsLoader::default();
        for chunk in contacts.chunks(page) {
            loader.add(chunk.to_vec());
        }
        let mut paged = loader.finish();
        // Timelines loaded before are replaced, not added to.
        paged.load_timelines(&talks[..talks.len() / 2], vec![], today);
        let mut timelines = TimelinesLoader::new(today);
        for chunk in talks.chunks(page) {
            timelines.add(chunk);
        }
        timelines.finish(&mut paged, vec![]);

        prop_assert!(paged.timelines_loaded());
        for c in &contacts {
            prop_assert_eq!(paged.timeline(&c.meta.id), whole.timeline(&c.meta.id));
        }
        let clock = clock("2026-01-31");
        let settings = CadenceSettings::default();
        for text in ["", "m", "muller", "anna", "mentoring", "hiring ux", "strasse", "cafe x", "zoe"] {
            let query = ListQuery { text: text.into(), ..ListQuery::default() };
            prop_assert_eq!(paged.list(&query, clock, &settings), whole.list(&query, clock, &settings));
        }
    }

    /// The letter filter in front of the scan never hides a match: any piece of a
    /// contact's folded notes or timeline finds the contact.
    #[test]
    fn any_piece_of_the_text_finds_its_contact(
        notes in "\\PC{1,30}",
        summary in "\\PC{1,30}",
        from in 0usize..30,
        len in 1usize..8,
        in_timeline in any::<bool>(),
    ) {
        let mut c = person("x", "Pat", "Doe");
        c.notes = notes.clone();
        let mut network = Network::with_contacts(vec![c]);
        let talk = interaction("i", "x", "2026-01-05", InteractionKind::Call, &summary);
        network.load_timelines(&[talk], vec![], day("2026-01-31"));
        let folded: Vec<char> = fold(if in_timeline { &summary } else { &notes }).chars().collect();
        prop_assume!(!folded.is_empty());
        let from = from % folded.len();
        let piece: String = folded[from..(from + len).min(folded.len())].iter().collect();
        prop_assume!(!piece.trim().is_empty());
        let query = ListQuery { text: piece.clone(), ..ListQuery::default() };
        let found = network.list(&query, clock("2026-01-31"), &CadenceSettings::default());
        prop_assert_eq!(found, vec!["x".to_string()], "{:?}", piece);
    }

    #[test]
    fn folding_is_idempotent_and_never_panics(s in "\\PC{0,40}") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' '));
    }

    #[test]
    fn a_contact_is_found_by_any_prefix_of_its_last_name(last in "[A-Za-zÄÖÜäöüß]{1,12}", cut in 1usize..12) {
        let c = person("x", "Pat", &last);
        let idx = index(&[c]);
        let prefix: String = last.chars().take(cut).collect();
        prop_assert_eq!(idx.search(&prefix).len(), 1);
    }
}

// ---- keep in touch ------------------------------------------------------------------

#[test]
fn cadence_defaults_by_circle_and_zero_switches_reminders_off() {
    let s = CadenceSettings::default();
    let mut c = person("a", "A", "B");
    c.circle = Circle::Core;
    assert_eq!(keep_in_touch::cadence(&c, &s), Some(30));
    c.circle = Circle::Periphery;
    assert_eq!(keep_in_touch::cadence(&c, &s), Some(180));
    c.cadence_days = Some(14);
    assert_eq!(keep_in_touch::cadence(&c, &s), Some(14));
    c.cadence_days = Some(0);
    assert_eq!(keep_in_touch::cadence(&c, &s), None);
    assert_eq!(
        keep_in_touch::next_due(&c, Some(day("2026-01-01")), &s, 0),
        None
    );
}

#[test]
fn next_due_counts_from_the_last_contact_then_the_meeting_then_the_record() {
    let s = CadenceSettings::default();
    let mut c = person("a", "A", "B");
    // Created 2026-01-10 (UTC noon): network cadence 90 days.
    assert_eq!(
        keep_in_touch::next_due(&c, None, &s, 0),
        Some(day("2026-04-10"))
    );
    c.met.date = Some(day("2025-12-01"));
    assert_eq!(
        keep_in_touch::next_due(&c, None, &s, 0),
        Some(day("2026-03-01"))
    );
    assert_eq!(
        keep_in_touch::next_due(&c, Some(day("2026-02-01")), &s, 0),
        Some(day("2026-05-02"))
    );
    assert_eq!(
        keep_in_touch::days_overdue(day("2026-05-02"), day("2026-05-05")),
        3
    );
    assert_eq!(
        keep_in_touch::days_overdue(day("2026-05-02"), day("2026-05-01")),
        -1
    );
}

#[test]
fn local_date_follows_the_users_time_zone() {
    let late = at("2026-03-31T23:30:00Z");
    assert_eq!(keep_in_touch::local_date(late, 0), day("2026-03-31"));
    assert_eq!(keep_in_touch::local_date(late, 60), day("2026-04-01"));
    assert_eq!(
        keep_in_touch::local_date(at("2026-01-01T03:00:00Z"), -300),
        day("2025-12-31")
    );
    // A contact recorded late in the evening in Berlin counts from that Berlin day.
    let mut c = person("a", "A", "B");
    c.meta.created = late;
    c.cadence_days = Some(1);
    let s = CadenceSettings::default();
    assert_eq!(
        keep_in_touch::next_due(&c, None, &s, 120),
        Some(day("2026-04-02"))
    );
    assert_eq!(
        keep_in_touch::next_due(&c, None, &s, 0),
        Some(day("2026-04-01"))
    );
}

#[test]
fn dormancy_is_counted_in_calendar_months_across_month_ends() {
    let c = person("a", "A", "B");
    let last = Some(day("2025-03-31"));
    assert!(!keep_in_touch::is_dormant(
        &c,
        last,
        12,
        day("2026-03-30"),
        0
    ));
    assert!(keep_in_touch::is_dormant(
        &c,
        last,
        12,
        day("2026-03-31"),
        0
    ));
    // 31 August + 6 months = 28 February (29 in leap years).
    let last = Some(day("2027-08-31"));
    assert!(!keep_in_touch::is_dormant(
        &c,
        last,
        6,
        day("2028-02-28"),
        0
    ));
    assert!(keep_in_touch::is_dormant(&c, last, 6, day("2028-02-29"), 0));
    // Without any interaction, the day they were recorded counts.
    assert!(keep_in_touch::is_dormant(
        &c,
        None,
        12,
        day("2027-01-10"),
        0
    ));
    assert!(!keep_in_touch::is_dormant(
        &c,
        None,
        12,
        day("2027-01-09"),
        0
    ));
}

#[test]
fn week_start_is_monday() {
    assert_eq!(
        keep_in_touch::week_start(day("2026-11-29")),
        day("2026-11-23")
    );
    assert_eq!(
        keep_in_touch::week_start(day("2026-11-23")),
        day("2026-11-23")
    );
}

#[test]
fn settings_read_from_storage_are_clamped() {
    let s = CadenceSettings {
        core_days: 0,
        network_days: 99_999,
        periphery_days: 5,
        dormant_months: 0,
    }
    .clamped();
    assert_eq!(
        (
            s.core_days,
            s.network_days,
            s.periphery_days,
            s.dormant_months
        ),
        (1, 3650, 5, 1)
    );
}

// ---- birthdays ----------------------------------------------------------------------

fn bday(month: u32, day: u32, year: Option<i32>) -> Birthday {
    Birthday { month, day, year }
}

#[test]
fn leap_day_birthdays_fall_on_28_february_in_common_years() {
    let leap = bday(2, 29, Some(2000));
    assert_eq!(birthday_in(leap, 2027), Some(day("2027-02-28")));
    assert_eq!(birthday_in(leap, 2028), Some(day("2028-02-29")));
    assert_eq!(
        next_birthday(leap, day("2027-03-01")),
        Some(day("2028-02-29"))
    );
    assert_eq!(
        next_birthday(leap, day("2027-02-28")),
        Some(day("2027-02-28"))
    );
    assert_eq!(age_on(leap, day("2027-02-28")), Some(27));
}

#[test]
fn next_birthday_wraps_at_new_year_and_works_without_a_year() {
    let b = bday(1, 3, None);
    assert_eq!(next_birthday(b, day("2026-12-30")), Some(day("2027-01-03")));
    assert_eq!(next_birthday(b, day("2026-01-03")), Some(day("2026-01-03")));
    assert_eq!(age_on(b, day("2027-01-03")), None);
    assert_eq!(age_on(bday(1, 3, Some(2030)), day("2027-01-03")), None);
}

#[test]
fn upcoming_birthdays_lists_the_next_two_weeks_soonest_first() {
    let mut a = person("a", "A", "A");
    a.birthday = Some(bday(12, 31, Some(1990)));
    let mut b = person("b", "B", "B");
    b.birthday = Some(bday(12, 20, None));
    let mut c = person("c", "C", "C");
    c.birthday = Some(bday(1, 5, None));
    let mut far = person("d", "D", "D");
    far.birthday = Some(bday(2, 1, None));
    let list = upcoming_birthdays(
        [&a, &b, &c, &far, &person("e", "E", "E")],
        day("2026-12-20"),
        16,
    );
    let ids: Vec<&str> = list.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["b", "a", "c"]);
    assert_eq!(list[0].in_days, 0);
    assert_eq!(list[1].turns, Some(36));
    assert_eq!(list[2].date, day("2027-01-05"));
}

#[test]
fn greetings_season_is_december_and_checkoffs_are_per_year() {
    assert!(occasions::is_greetings_season(day("2026-12-01")));
    assert!(!occasions::is_greetings_season(day("2026-11-30")));
    let c = person("a", "A", "B");
    let done = occasions::set_greeted(&c, 2026, true);
    assert!(occasions::greeted(&done, 2026));
    assert!(!occasions::greeted(&done, 2027));
    let twice = occasions::set_greeted(&done, 2026, true);
    assert_eq!(twice.greetings, vec![2026]);
    assert!(!occasions::greeted(
        &occasions::set_greeted(&done, 2026, false),
        2026
    ));
}

// ---- give and take ------------------------------------------------------------------

#[test]
fn balance_counts_favours_and_introductions() {
    let i = |k| interaction("x", "a", "2026-01-01", k, "");
    assert_eq!(Balance::of([]).lean(), Lean::Nothing);
    let list = [
        i(InteractionKind::FavourGiven),
        i(InteractionKind::Call),
        i(InteractionKind::FavourReceived),
    ];
    let b = Balance::of(&list);
    assert_eq!((b.given, b.received, b.introductions), (1, 1, 0));
    assert_eq!(b.lean(), Lean::Even);
    let list = [
        i(InteractionKind::FavourReceived),
        i(InteractionKind::FavourReceived),
        i(InteractionKind::Introduction),
    ];
    assert_eq!(Balance::of(&list).lean(), Lean::Taking);
    let list = [i(InteractionKind::Introduction)];
    assert_eq!(Balance::of(&list).lean(), Lean::Giving);
}

// ---- duplicates and merge -----------------------------------------------------------

#[test]
fn duplicates_are_suggested_by_name_email_or_link() {
    let a = person("a", "Jürgen", "Müller");
    let b = person("b", "Juergen", "Mueller");
    let mut c = person("c", "J.", "M.");
    c.email = "JM@example.org".into();
    let mut d = person("d", "Someone", "Else");
    d.email = "jm@example.org ".into();
    d.links = vec!["https://www.linkedin.com/in/jm/".into()];
    let mut e = person("e", "Other", "Person");
    e.links = vec!["http://linkedin.com/in/jm".into()];
    let lone = person("f", "Jürgen", "");
    let lone2 = person("g", "Jürgen", "");
    let list = suggestions([&a, &b, &c, &d, &e, &lone, &lone2]);
    let pairs: Vec<(&str, &str, &[Reason])> = list
        .iter()
        .map(|s| (s.a.as_str(), s.b.as_str(), s.reasons.as_slice()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("a", "b", &[Reason::Name][..]),
            ("c", "d", &[Reason::Email][..]),
            ("d", "e", &[Reason::Link][..])
        ]
    );
    assert_eq!(
        link_key("HTTPS://www.Xing.com/profile/A?sc=1#x"),
        "xing.com/profile/a"
    );
}

#[test]
fn merging_keeps_the_kept_values_and_fills_and_unites_the_rest() {
    let mut kept = person("k", "Ada", "");
    kept.company = "Acme".into();
    kept.tags = vec!["UX".into()];
    kept.notes = "Met at the meetup".into();
    kept.links = vec!["https://linkedin.com/in/ada".into()];
    kept.met.date = Some(day("2025-05-01"));
    let mut other = person("o", "Adelheid", "Lovelace");
    other.company = "Beta".into();
    other.email = "ada@example.org".into();
    other.tags = vec!["ux".into(), "Research".into()];
    other.notes = "Likes tea".into();
    other.links = vec![
        "https://www.linkedin.com/in/ada/".into(),
        "https://ada.example".into(),
    ];
    other.met.date = Some(day("2024-01-01"));
    other.birthday = Some(bday(12, 10, None));
    other.introduced_by = Some("k".into());
    other.greetings = vec![2025];
    let m = merge_fields(&kept, &other);
    assert_eq!(m.meta.id, "k");
    assert_eq!(
        (m.first_name.as_str(), m.last_name.as_str()),
        ("Ada", "Lovelace")
    );
    assert_eq!(m.company, "Acme");
    assert_eq!(m.email, "ada@example.org");
    assert_eq!(m.tags, ["UX", "Research"]);
    assert_eq!(m.notes, "Met at the meetup\n\nLikes tea");
    assert_eq!(
        m.links,
        ["https://linkedin.com/in/ada", "https://ada.example"]
    );
    assert_eq!(m.met.date, Some(day("2024-01-01")));
    assert_eq!(m.birthday, Some(bday(12, 10, None)));
    assert_eq!(
        m.introduced_by, None,
        "a contact cannot be introduced by itself"
    );
    assert_eq!(m.greetings, [2025]);
    // Merging the same notes twice does not repeat them.
    assert_eq!(merge_fields(&m, &other).notes, m.notes);
}

// ---- the form -----------------------------------------------------------------------

#[test]
fn the_form_needs_a_name_and_checks_each_field() {
    let today = day("2026-11-29");
    let base = person("c", "", "");
    let draft = ContactDraft {
        email: "not an address".into(),
        phone: "call me".into(),
        links: "https://ok.example\njavascript:alert(1)\n\nftp://x".into(),
        birthday_day: "31".into(),
        birthday_month: "4".into(),
        met_date: "2027-01-01".into(),
        cadence: "often".into(),
        ..ContactDraft::default()
    };
    let errors = draft.to_contact(&base, today).unwrap_err();
    let fields: Vec<DraftField> = errors.iter().map(|e| e.0).collect();
    assert_eq!(
        fields,
        [
            DraftField::Name,
            DraftField::Email,
            DraftField::Phone,
            DraftField::Links,
            DraftField::Links,
            DraftField::Birthday,
            DraftField::MetDate,
            DraftField::Cadence
        ]
    );
    assert!(matches!(
        errors[3].1,
        DraftError::Link {
            line: 2,
            error: LinkError::SchemeNotAllowed(_)
        }
    ));
    assert!(matches!(errors[4].1, DraftError::Link { line: 4, .. }));
    assert_eq!(errors[5].1, DraftError::BirthdayInvalid);
}

#[test]
fn birthdays_in_the_future_or_half_filled_are_refused() {
    let today = day("2026-11-29");
    let base = person("c", "A", "");
    let with = |d: &str, m: &str, y: &str| ContactDraft {
        first_name: "A".into(),
        birthday_day: d.into(),
        birthday_month: m.into(),
        birthday_year: y.into(),
        ..ContactDraft::default()
    };
    let err = |d: ContactDraft| d.to_contact(&base, today).unwrap_err()[0].1.clone();
    assert_eq!(err(with("30", "11", "2026")), DraftError::BirthdayFuture);
    assert_eq!(err(with("1", "1", "2027")), DraftError::BirthdayYear);
    assert_eq!(err(with("1", "1", "1800")), DraftError::BirthdayYear);
    assert_eq!(err(with("", "3", "")), DraftError::BirthdayIncomplete);
    assert_eq!(err(with("29", "2", "2023")), DraftError::BirthdayInvalid);
    let ok = with("29", "2", "").to_contact(&base, today).unwrap();
    assert_eq!(ok.birthday, Some(bday(2, 29, None)));
    assert_eq!(
        with("29", "11", "2026")
            .to_contact(&base, today)
            .unwrap()
            .birthday,
        Some(bday(11, 29, Some(2026)))
    );
}

#[test]
fn a_valid_form_round_trips_through_a_contact() {
    let today = day("2026-11-29");
    let draft = ContactDraft {
        first_name: " Zoë ".into(),
        last_name: "Ångström".into(),
        company: "Acme, Inc.".into(),
        links: " https://www.linkedin.com/in/zoe \n".into(),
        email: "zoe@example.org".into(),
        phone: "+49 30 1234567".into(),
        birthday_day: "7".into(),
        birthday_month: "3".into(),
        tags: "UX, research, UX, ".into(),
        circle: Circle::Core,
        met_date: "2026-11-01".into(),
        met_hook: "Both ex-Siemens".into(),
        introduced_by: Some("x".into()),
        cadence: "0".into(),
        notes: "שלום <b>bold</b>\n".into(),
        ..ContactDraft::default()
    };
    let c = draft.to_contact(&person("c", "", ""), today).unwrap();
    assert_eq!(display_name(&c), "Zoë Ångström");
    assert_eq!(initials(&c), "ZÅ");
    assert_eq!(work_line(&c), "Acme, Inc.");
    assert_eq!(c.tags, ["UX", "research"]);
    assert_eq!(c.links, ["https://www.linkedin.com/in/zoe"]);
    assert_eq!(c.cadence_days, Some(0));
    assert_eq!(c.notes, "שלום <b>bold</b>");
    assert_eq!(crate::domain::record::validate(&c), Ok(()));
    let again = ContactDraft::from_contact(&c)
        .to_contact(&c, today)
        .unwrap();
    assert_eq!(again, c);
    // A contact cannot be introduced by itself.
    let self_intro = ContactDraft {
        introduced_by: Some("c".into()),
        ..ContactDraft::from_contact(&c)
    };
    assert_eq!(
        self_intro.to_contact(&c, today).unwrap().introduced_by,
        None
    );
}

#[test]
fn every_blns_string_is_accepted_as_free_text() {
    let raw = include_str!("../../../tests/data/blns.json");
    let strings: Vec<String> = serde_json::from_str(raw).unwrap();
    let today = day("2026-11-29");
    for s in strings {
        let draft = ContactDraft {
            first_name: "X".into(),
            company: s.clone(),
            tags: s.replace(',', " "),
            met_hook: s.clone(),
            notes: s.clone(),
            ..ContactDraft::default()
        };
        let c = draft
            .to_contact(&person("c", "", ""), today)
            .unwrap_or_else(|e| panic!("{s:?}: {e:?}"));
        assert_eq!(c.met.hook, s.trim());
        let _ = fold(&s);
    }
}

// ---- the network --------------------------------------------------------------------

fn network() -> Network {
    let mut ada = person("ada", "Ada", "Lovelace");
    ada.circle = Circle::Core;
    ada.tags = vec!["math".into()];
    let mut bob = person("bob", "Bob", "Müller");
    bob.tags = vec!["ux".into()];
    let mut cem = person("cem", "Cem", "Yilmaz");
    cem.circle = Circle::Periphery;
    cem.birthday = Some(bday(12, 3, Some(1980)));
    let mut dina = person("dina", "Dina", "Abel");
    dina.cadence_days = Some(0);
    let mut n = Network::with_contacts(vec![ada, bob, cem, dina]);
    let interactions = vec![
        interaction(
            "i1",
            "ada",
            "2026-10-01",
            InteractionKind::Call,
            "Talked about research",
        ),
        interaction(
            "i2",
            "ada",
            "2026-11-20",
            InteractionKind::FavourReceived,
            "Sent me a book",
        ),
        interaction(
            "i3",
            "bob",
            "2025-06-01",
            InteractionKind::Meeting,
            "Coffee",
        ),
        interaction(
            "i4",
            "bob",
            "2027-06-01",
            InteractionKind::Meeting,
            "Planned",
        ),
    ];
    n.load_timelines(
        &interactions,
        vec![
            follow_up("f1", "ada", Some("2026-11-20"), false),
            follow_up("f2", "ada", Some("2026-11-29"), false),
            follow_up("f3", "bob", Some("2026-12-03"), false),
            follow_up("f4", "bob", Some("2026-11-01"), true),
            follow_up("f5", "cem", Some("2027-03-01"), false),
        ],
        day("2026-11-29"),
    );
    n
}

#[test]
fn the_last_contact_comes_from_the_timeline_and_ignores_planned_meetings() {
    let n = network();
    assert_eq!(n.timeline("ada").last, Some(day("2026-11-20")));
    assert_eq!(n.timeline("bob").last, Some(day("2025-06-01")));
    assert_eq!(n.timeline("bob").count, 2);
    assert_eq!(n.timeline("ada").balance.received, 1);
    let s = CadenceSettings::default();
    let bob = n.status("bob", clock("2026-11-29"), &s).unwrap();
    assert!(bob.due && bob.dormant);
    // Due on 2025-08-30, 90 days after the coffee.
    assert_eq!(bob.overdue_days, Some(456));
    let ada = n.status("ada", clock("2026-11-29"), &s).unwrap();
    assert!(!ada.due && !ada.dormant);
    assert_eq!(ada.next_due, Some(day("2026-12-20")));
}

#[test]
fn lists_filter_sort_and_rank() {
    let n = network();
    let s = CadenceSettings::default();
    let c = clock("2026-11-29");
    let list = |q: ListQuery| n.list(&q, c, &s);
    assert_eq!(list(ListQuery::default()), ["dina", "ada", "bob", "cem"]);
    assert_eq!(
        list(ListQuery {
            tag: Some("ux".into()),
            ..Default::default()
        }),
        ["bob"]
    );
    assert_eq!(
        list(ListQuery {
            circle: Some(Circle::Core),
            ..Default::default()
        }),
        ["ada"]
    );
    // Cem was recorded on 10 January: the periphery's 180 days ran out in July.
    assert_eq!(
        list(ListQuery {
            only: Only::Due,
            ..Default::default()
        }),
        ["bob", "cem"]
    );
    assert_eq!(
        list(ListQuery {
            only: Only::Dormant,
            ..Default::default()
        }),
        ["bob"]
    );
    assert_eq!(
        list(ListQuery {
            sort: Sort::LastContact,
            ..Default::default()
        }),
        ["ada", "bob", "dina", "cem"]
    );
    assert_eq!(
        list(ListQuery {
            sort: Sort::NextDue,
            ..Default::default()
        }),
        ["bob", "cem", "ada", "dina"]
    );
    assert_eq!(
        list(ListQuery {
            text: "mueller".into(),
            ..Default::default()
        }),
        ["bob"]
    );
    assert_eq!(
        list(ListQuery {
            text: "research".into(),
            ..Default::default()
        }),
        ["ada"]
    );
}

#[test]
fn today_gathers_promises_due_contacts_birthdays_and_dormant_suggestions() {
    let n = network();
    let t = n.today(clock("2026-11-29"), &CadenceSettings::default());
    let ids = |l: &[FollowUp]| l.iter().map(|f| f.meta.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&t.follow_ups.overdue), ["f1"]);
    assert_eq!(ids(&t.follow_ups.today), ["f2"]);
    assert_eq!(ids(&t.follow_ups.soon), ["f3"]);
    assert_eq!(t.due, [("bob".to_string(), 456), ("cem".to_string(), 143)]);
    assert_eq!(t.due_total, 2);
    assert_eq!(t.birthdays.len(), 1);
    assert_eq!(t.birthdays[0].turns, Some(46));
    // Bob is dormant but has an open follow-up already; nobody else is dormant.
    assert!(t.dormant.is_empty());
    assert_eq!(t.dormant_total, 0);
    assert_eq!(t.greetings, None);
    let december = n.today(clock("2026-12-01"), &CadenceSettings::default());
    assert_eq!(december.greetings, Some((0, 3)));
}

#[test]
fn dormant_suggestions_are_a_few_and_stable_within_a_week() {
    let contacts: Vec<Contact> = (0..20)
        .map(|i| person(&format!("c{i}"), "P", &format!("{i}")))
        .collect();
    let n = Network::with_contacts(contacts);
    let s = CadenceSettings::default();
    let monday = n.today(clock("2027-03-01"), &s);
    let sunday = n.today(clock("2027-03-07"), &s);
    let next = n.today(clock("2027-03-08"), &s);
    assert_eq!(monday.dormant.len(), 3);
    assert_eq!(monday.dormant_total, 20);
    assert_eq!(monday.dormant, sunday.dormant);
    assert_ne!(monday.dormant, next.dormant);
}

#[test]
fn removing_a_contact_removes_its_follow_ups_and_search_entry() {
    let mut n = network();
    n.remove_contact("ada");
    assert!(n.contact("ada").is_none());
    assert!(n.follow_ups_of("ada").is_empty());
    assert!(n
        .list(
            &ListQuery {
                text: "ada".into(),
                ..Default::default()
            },
            clock("2026-11-29"),
            &CadenceSettings::default()
        )
        .is_empty());
    assert_eq!(n.open_follow_ups(day("2026-11-29")).overdue.len(), 0);
}

#[test]
fn follow_ups_of_a_contact_put_open_ones_first_by_due_date() {
    let n = network();
    let ids: Vec<String> = n
        .follow_ups_of("bob")
        .into_iter()
        .map(|f| f.meta.id)
        .collect();
    assert_eq!(ids, ["f3", "f4"]);
    let ids: Vec<String> = n
        .follow_ups_of("ada")
        .into_iter()
        .map(|f| f.meta.id)
        .collect();
    assert_eq!(ids, ["f1", "f2"]);
    assert_eq!(n.introduced_by("ada").len(), 0);
    assert_eq!(n.tags(), ["math", "ux"]);
}

#[test]
fn the_badge_counts_open_follow_ups_due_today_or_overdue() {
    let mut n = Network::with_contacts(vec![person("a", "Anna", "Weiss")]);
    n.load_timelines(
        &[],
        vec![
            follow_up("f1", "a", Some("2026-03-01"), false),
            follow_up("f2", "a", Some("2026-03-05"), false),
            follow_up("f3", "a", Some("2026-03-06"), false),
            follow_up("f4", "a", Some("2026-03-01"), true),
            follow_up("f5", "a", None, false),
        ],
        day("2026-03-05"),
    );
    assert_eq!(n.follow_ups_due(day("2026-03-05")), 2);
    assert_eq!(n.follow_ups_due(day("2026-02-28")), 0);
}
