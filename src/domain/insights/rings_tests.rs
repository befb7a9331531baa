//! Native tests of the Rings grouping: states, sectors by folded field, and the switch
//! from dots to counts for large networks.

use std::time::Instant;

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::rings::{rings, SectorName, Touch, MAX_DOTS, MAX_SECTORS};
use crate::domain::code::Code;
use crate::domain::contacts::draft::new_contact;
use crate::domain::contacts::keep_in_touch::CadenceSettings;
use crate::domain::contacts::network::{Clock, Network};
use crate::domain::record::{Circle, Contact, Interaction, InteractionKind, Meta};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

fn clock() -> Clock {
    Clock {
        today: today(),
        utc_offset_minutes: 60,
    }
}

fn created() -> DateTime<Utc> {
    "2026-01-10T12:00:00Z".parse().unwrap()
}

fn person(id: &str, name: &str, field: &str, circle: Circle) -> Contact {
    let mut c = new_contact(Meta::new(id, created()));
    c.first_name = name.into();
    c.field = field.into();
    c.circle = circle;
    c
}

fn met(id: &str, contact: &str, days_ago: u64) -> Interaction {
    Interaction {
        meta: Meta::new(id, created()),
        contact_id: contact.into(),
        kind: InteractionKind::Call,
        date: today() - Days::new(days_ago),
        summary: String::new(),
        keywords: vec![],
        other_contact_id: None,
        other_contact_name: String::new(),
    }
}

fn network(contacts: Vec<Contact>, interactions: &[Interaction]) -> Network {
    let mut n = Network::with_contacts(contacts);
    n.load_timelines(interactions, vec![], today());
    n
}

#[test]
fn no_contacts_no_sectors() {
    let r = rings(&network(vec![], &[]), clock(), &CadenceSettings::default());
    assert!(r.sectors.is_empty());
    assert_eq!(r.total(), 0);
    assert_eq!(r.dots, Some(vec![]));
    assert_eq!(r.circle_counts(Circle::Core), [0; 5]);
}

#[test]
fn one_contact_one_dot() {
    let n = network(
        vec![person("a", "Anna", "UX research", Circle::Core)],
        &[met("i1", "a", 3)],
    );
    let r = rings(&n, clock(), &CadenceSettings::default());
    assert_eq!(r.sectors.len(), 1);
    assert_eq!(
        r.sectors[0].name,
        SectorName::Field("UX research".to_string())
    );
    assert_eq!(r.sectors[0].count(Circle::Core, Touch::Fine), 1);
    let dots = r.dots.unwrap();
    assert_eq!(dots.len(), 1);
    assert_eq!(dots[0].name, "Anna");
    assert_eq!(dots[0].touch, Touch::Fine);
    assert_eq!(dots[0].sector, 0);
}

#[test]
fn states_follow_the_rhythm_and_dormancy() {
    let settings = CadenceSettings::default(); // core 30 days, dormant after 12 months
    let mut off = person("off", "Off", "", Circle::Network);
    off.cadence_days = Some(0);
    let mut off_dormant = person("offd", "Asleep", "", Circle::Network);
    off_dormant.cadence_days = Some(0);
    let mut yearly = person("yearly", "Yearly", "", Circle::Periphery);
    yearly.cadence_days = Some(500);
    let n = network(
        vec![
            person("over", "Over", "", Circle::Core),
            person("today", "Today", "", Circle::Core),
            person("soon", "Soon", "", Circle::Core),
            person("fine", "Fine", "", Circle::Core),
            off,
            off_dormant,
            yearly,
        ],
        &[
            met("1", "over", 31),
            met("2", "today", 30),
            met("3", "soon", 30 - 7),
            met("4", "fine", 30 - 8),
            met("5", "off", 10),
            met("6", "offd", 400),
            met("7", "yearly", 400),
        ],
    );
    let r = rings(&n, clock(), &settings);
    let by_id = |id: &str| {
        r.dots
            .as_ref()
            .unwrap()
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .touch
    };
    assert_eq!(by_id("over"), Touch::Overdue);
    assert_eq!(by_id("today"), Touch::Due);
    assert_eq!(by_id("soon"), Touch::Due);
    assert_eq!(by_id("fine"), Touch::Fine);
    assert_eq!(by_id("off"), Touch::NoRhythm);
    assert_eq!(by_id("offd"), Touch::Dormant);
    assert_eq!(
        by_id("yearly"),
        Touch::Dormant,
        "a long rhythm does not hide dormancy"
    );
    assert_eq!(r.sectors.len(), 1);
    assert_eq!(r.sectors[0].name, SectorName::NoField);
    assert_eq!(r.circle_counts(Circle::Core), [1, 2, 0, 0, 1]);
    for t in Touch::ALL {
        assert_eq!(Touch::from_key(t.key()), Some(*t));
    }
}

#[test]
fn fields_are_folded_named_as_most_write_them_and_the_rest_shares_a_sector() {
    let mut contacts = vec![
        person("a", "A", "UX Research", Circle::Core),
        person("b", "B", "ux research", Circle::Network),
        person("c", "C", " UX Research ", Circle::Periphery),
        person("d", "D", "Öffentlicher Dienst", Circle::Network),
        person("e", "E", "oeffentlicher dienst", Circle::Network),
        person("f", "F", "", Circle::Network),
    ];
    for i in 0..MAX_SECTORS + 2 {
        contacts.push(person(
            &format!("x{i}"),
            "X",
            &format!("Field {i}"),
            Circle::Network,
        ));
    }
    let r = rings(
        &network(contacts, &[]),
        clock(),
        &CadenceSettings::default(),
    );
    assert_eq!(r.sectors[0].name, SectorName::Field("UX Research".into()));
    assert_eq!(r.sectors[0].total(), 3);
    assert_eq!(r.sectors[0].in_circle(Circle::Core), 1);
    assert_eq!(
        r.sectors.len(),
        MAX_SECTORS + 2,
        "named, other fields, no field"
    );
    assert_eq!(r.sectors[MAX_SECTORS].name, SectorName::OtherFields);
    assert_eq!(r.sectors[MAX_SECTORS + 1].name, SectorName::NoField);
    assert_eq!(r.sectors[MAX_SECTORS + 1].total(), 1);
    assert_eq!(r.total(), 6 + MAX_SECTORS + 2);
    // Every dot lies in the sector that counts it.
    let dots = r.dots.as_ref().unwrap();
    for (at, s) in r.sectors.iter().enumerate() {
        for circle in Circle::ALL {
            for touch in Touch::ALL {
                let drawn = dots
                    .iter()
                    .filter(|d| d.sector == at && d.circle == *circle && d.touch == *touch)
                    .count();
                assert_eq!(drawn, s.count(*circle, *touch));
            }
        }
    }
}

#[test]
fn ten_thousand_contacts_are_counted_not_dotted_and_fast() {
    let fields = [
        "UX research",
        "Product",
        "Data",
        "Sales",
        "HR",
        "Law",
        "Art",
        "Ops",
        "",
    ];
    let circles = [Circle::Core, Circle::Network, Circle::Periphery];
    let contacts: Vec<Contact> = (0..10_000)
        .map(|i| {
            person(
                &format!("c{i}"),
                &format!("P{i}"),
                fields[i % fields.len()],
                circles[i % 3],
            )
        })
        .collect();
    let interactions: Vec<Interaction> = (0..10_000)
        .map(|i| met(&format!("i{i}"), &format!("c{i}"), (i % 400) as u64))
        .collect();
    let n = network(contacts, &interactions);
    let started = Instant::now();
    let r = rings(&n, clock(), &CadenceSettings::default());
    let took = started.elapsed();
    assert!(r.dots.is_none(), "more than {MAX_DOTS} are counted");
    assert_eq!(r.total(), 10_000);
    assert!(r.sectors.len() <= MAX_SECTORS + 2);
    let per_circle: usize = Circle::ALL
        .iter()
        .map(|c| r.circle_counts(*c).iter().sum::<usize>())
        .sum();
    assert_eq!(per_circle, 10_000);
    assert!(took.as_millis() < 100, "took {took:?}");
}
