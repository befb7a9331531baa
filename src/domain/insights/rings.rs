//! Rings: the user's circles (core, network, periphery) around them, every contact placed
//! by how their keeping in touch stands, in sectors by field. It answers "whom in my core
//! circle am I neglecting, and in which field?" at one look.

use std::collections::HashMap;

use crate::domain::code::Code;
use crate::domain::contacts::draft::display_name;
use crate::domain::contacts::keep_in_touch::CadenceSettings;
use crate::domain::contacts::network::{Clock, Network, Status};
use crate::domain::contacts::search::fold;
use crate::domain::record::Circle;
use crate::domain::sorting::sort_by_cached_key;

/// How keeping in touch with a contact stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Touch {
    /// Past their due date.
    Overdue,
    /// Due today or within [`SOON_DAYS`].
    Due,
    /// No contact for the dormancy threshold (and not due by a rhythm).
    Dormant,
    /// Reminders are off for them, and they are not dormant.
    NoRhythm,
    /// In touch: not due for a while.
    Fine,
}

impl Code for Touch {
    /// Most urgent first: the order of the legend, the table and the dots in a sector.
    const ALL: &'static [Self] = &[
        Touch::Overdue,
        Touch::Due,
        Touch::Dormant,
        Touch::NoRhythm,
        Touch::Fine,
    ];

    fn key(self) -> &'static str {
        match self {
            Touch::Overdue => "overdue",
            Touch::Due => "due",
            Touch::Dormant => "dormant",
            Touch::NoRhythm => "none",
            Touch::Fine => "fine",
        }
    }
}

/// Days ahead within which a coming due date counts as due.
pub const SOON_DAYS: i64 = 7;

impl Touch {
    /// The state a keep-in-touch `status` amounts to.
    pub fn of(status: &Status, today: chrono::NaiveDate) -> Touch {
        match (status.overdue_days, status.next_due) {
            (Some(days), _) if days > 0 => Touch::Overdue,
            (Some(_), _) => Touch::Due,
            (None, Some(due)) if (due - today).num_days() <= SOON_DAYS => Touch::Due,
            _ if status.dormant => Touch::Dormant,
            (None, None) => Touch::NoRhythm,
            (None, Some(_)) => Touch::Fine,
        }
    }

    fn index(self) -> usize {
        Touch::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// How many fields get a sector of their own; the others share one.
pub const MAX_SECTORS: usize = 6;

/// Up to this many contacts are drawn one dot each; more are drawn as counts.
pub const MAX_DOTS: usize = 400;

/// What a sector holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SectorName {
    /// One field, spelled as most of its contacts spell it.
    Field(String),
    /// Every field without a sector of its own.
    OtherFields,
    /// Contacts without a field.
    NoField,
}

/// Counts per state, in the order of [`Touch::ALL`].
pub type Counts = [usize; 5];

/// A slice of the rings: the contacts of one field (or of the rest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sector {
    /// Which field.
    pub name: SectorName,
    /// Per circle (in the order of [`Circle::ALL`]), the contacts per state.
    pub counts: [Counts; 3],
}

impl Sector {
    /// The contacts of `circle` in this sector in state `touch`.
    pub fn count(&self, circle: Circle, touch: Touch) -> usize {
        self.counts[circle_index(circle)][touch.index()]
    }

    /// Every contact in this sector.
    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }

    /// The contacts of `circle` in this sector.
    pub fn in_circle(&self, circle: Circle) -> usize {
        self.counts[circle_index(circle)].iter().sum()
    }
}

/// One contact, when few enough are drawn one by one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dot {
    /// The contact's id.
    pub id: String,
    /// Their name as shown.
    pub name: String,
    /// Their circle.
    pub circle: Circle,
    /// The index of their sector in [`Rings::sectors`].
    pub sector: usize,
    /// How keeping in touch with them stands.
    pub touch: Touch,
}

/// The picture's content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rings {
    /// The sectors, the largest field first; other fields and no field last.
    pub sectors: Vec<Sector>,
    /// Every contact, by sector, circle, state and name; `None` above [`MAX_DOTS`].
    pub dots: Option<Vec<Dot>>,
}

impl Rings {
    /// The contacts of `circle` per state, over all sectors.
    pub fn circle_counts(&self, circle: Circle) -> Counts {
        let mut out = [0; 5];
        for s in &self.sectors {
            for (o, n) in out.iter_mut().zip(s.counts[circle_index(circle)]) {
                *o += n;
            }
        }
        out
    }

    /// Every contact.
    pub fn total(&self) -> usize {
        self.sectors.iter().map(Sector::total).sum()
    }
}

fn circle_index(circle: Circle) -> usize {
    Circle::ALL.iter().position(|c| *c == circle).unwrap_or(1)
}

/// The rings of `network` on `clock`'s day.
pub fn rings(network: &Network, clock: Clock, settings: &CadenceSettings) -> Rings {
    // Group by the folded field ("UX Research" and "ux research" are one), named as most
    // of its contacts write it.
    struct Group<'a> {
        spellings: HashMap<&'a str, usize>,
        members: Vec<(&'a crate::domain::record::Contact, Touch)>,
    }
    let mut groups: HashMap<String, Group> = HashMap::new();
    // Most contacts share a handful of spellings: fold each spelling once.
    let mut folded: HashMap<&str, String> = HashMap::new();
    for c in network.contacts() {
        let touch = network
            .status(&c.meta.id, clock, settings)
            .map_or(Touch::NoRhythm, |s| Touch::of(&s, clock.today));
        let field = c.field.trim();
        let key = folded.entry(field).or_insert_with(|| fold(field));
        let group = groups.entry(key.clone()).or_insert_with(|| Group {
            spellings: HashMap::new(),
            members: Vec::new(),
        });
        *group.spellings.entry(field).or_default() += 1;
        group.members.push((c, touch));
    }
    let no_field = groups.remove("");
    let mut named: Vec<(String, Group)> = groups
        .into_values()
        .map(|g| {
            let name = g
                .spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(s, _)| s.to_string())
                .unwrap_or_default();
            (name, g)
        })
        .collect();
    sort_by_cached_key(&mut named, |(name, g)| {
        (usize::MAX - g.members.len(), fold(name), name.clone())
    });
    let rest: Vec<(String, Group)> = named.split_off(named.len().min(MAX_SECTORS));
    let mut sectors: Vec<(SectorName, Vec<(&crate::domain::record::Contact, Touch)>)> = named
        .into_iter()
        .map(|(name, g)| (SectorName::Field(name), g.members))
        .collect();
    if !rest.is_empty() {
        let members = rest.into_iter().flat_map(|(_, g)| g.members).collect();
        sectors.push((SectorName::OtherFields, members));
    }
    if let Some(g) = no_field {
        sectors.push((SectorName::NoField, g.members));
    }
    let total: usize = sectors.iter().map(|(_, m)| m.len()).sum();
    let mut dots = (total <= MAX_DOTS).then(Vec::new);
    let sectors = sectors
        .into_iter()
        .enumerate()
        .map(|(at, (name, members))| {
            let mut counts = [[0; 5]; 3];
            for (c, touch) in &members {
                counts[circle_index(c.circle)][touch.index()] += 1;
            }
            if let Some(dots) = dots.as_mut() {
                let mut these: Vec<Dot> = members
                    .iter()
                    .map(|(c, touch)| Dot {
                        id: c.meta.id.clone(),
                        name: display_name(c),
                        circle: c.circle,
                        sector: at,
                        touch: *touch,
                    })
                    .collect();
                sort_by_cached_key(&mut these, |d| {
                    (
                        circle_index(d.circle),
                        d.touch,
                        d.name.to_lowercase(),
                        d.id.clone(),
                    )
                });
                dots.extend(these);
            }
            Sector { name, counts }
        })
        .collect();
    Rings { sectors, dots }
}
