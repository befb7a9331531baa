//! The user's network in memory: every contact, a summary of each timeline, the open and
//! done follow-ups, and the search index. Loaded once at start-up and then updated per
//! change, so that lists, filters and search never go back to the database while the user
//! types. Everything the screens show (due list, dormant finder, Today) is derived here.
//!
//! Just over 600 lines: one in-memory structure and the queries on it, kept together so
//! that every index it keeps is updated in one place.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use super::give_take::Balance;
use super::keep_in_touch::{self, CadenceSettings};
use super::occasions::{self, UpcomingBirthday};
use super::search::{fold_interaction, SearchIndex};
use crate::domain::code::Code;
use crate::domain::record::{Circle, Contact, FollowUp, FollowUpKind, Interaction};
use crate::domain::sorting::{sort_by, sort_by_key};

/// What a contact's timeline adds up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimelineSummary {
    /// The latest interaction on or before today, i.e. the last contact.
    pub last: Option<NaiveDate>,
    /// Number of interactions.
    pub count: u32,
    /// Give and take.
    pub balance: Balance,
}

impl TimelineSummary {
    fn of<'a>(interactions: impl IntoIterator<Item = &'a Interaction>, today: NaiveDate) -> Self {
        let mut s = TimelineSummary::default();
        for i in interactions {
            s.add(i, today);
        }
        s
    }

    fn add(&mut self, i: &Interaction, today: NaiveDate) {
        self.count += 1;
        self.balance.add(i.kind);
        // A planned meeting in the future is not contact yet.
        if i.date <= today {
            self.last = self.last.max(Some(i.date));
        }
    }
}

/// What "now" means to the rules: the user's local date and time-zone offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// The local calendar date.
    pub today: NaiveDate,
    /// Minutes the local clock is ahead of UTC.
    pub utc_offset_minutes: i32,
}

/// A contact's keep-in-touch state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    /// Last contact, from the timeline.
    pub last_contact: Option<NaiveDate>,
    /// Next due date; `None` if reminders are off.
    pub next_due: Option<NaiveDate>,
    /// Whether it is due (today or overdue).
    pub due: bool,
    /// Days overdue (0 = due today), when due.
    pub overdue_days: Option<i64>,
    /// No interaction for the dormancy threshold or longer.
    pub dormant: bool,
}

/// Which contacts a list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Only {
    /// All.
    #[default]
    All,
    /// Due for contact.
    Due,
    /// Dormant.
    Dormant,
}

/// The key is the contact list's `only` address parameter.
impl Code for Only {
    const ALL: &'static [Self] = &[Only::All, Only::Due, Only::Dormant];

    fn key(self) -> &'static str {
        match self {
            Only::All => "all",
            Only::Due => "due",
            Only::Dormant => "dormant",
        }
    }
}

/// How a list is ordered (within equal search rank).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// By last name, then first name.
    #[default]
    Name,
    /// Most recent contact first; never contacted last.
    LastContact,
    /// Soonest (most overdue) due date first; reminders off last.
    NextDue,
}

impl Code for Sort {
    const ALL: &'static [Self] = &[Sort::Name, Sort::LastContact, Sort::NextDue];

    fn key(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::LastContact => "last",
            Sort::NextDue => "due",
        }
    }
}

/// The contact list's search, filters and order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Search text.
    pub text: String,
    /// Only contacts with this tag.
    pub tag: Option<String>,
    /// Only contacts in this circle.
    pub circle: Option<Circle>,
    /// Due or dormant only.
    pub only: Only,
    /// Order.
    pub sort: Sort,
}

/// Open follow-ups grouped for Today.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpGroups {
    /// Past their due date, oldest first.
    pub overdue: Vec<FollowUp>,
    /// Due today.
    pub today: Vec<FollowUp>,
    /// Due within the next seven days.
    pub soon: Vec<FollowUp>,
}

/// Everything Today shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TodayView {
    /// Promises and follow-ups.
    pub follow_ups: FollowUpGroups,
    /// Contacts due for contact, most overdue first (at most [`TODAY_DUE_LIMIT`]).
    pub due: Vec<(String, i64)>,
    /// How many contacts are due in all.
    pub due_total: usize,
    /// Birthdays in the next two weeks.
    pub birthdays: Vec<UpcomingBirthday>,
    /// A few dormant contacts worth reviving, changing weekly.
    pub dormant: Vec<String>,
    /// How many contacts are dormant in all.
    pub dormant_total: usize,
    /// In December: (greeted, on the list) for this year.
    pub greetings: Option<(usize, usize)>,
}

/// How many due contacts Today lists before "show all".
pub const TODAY_DUE_LIMIT: usize = 7;
/// How many dormant contacts Today suggests per week.
pub const TODAY_DORMANT_SUGGESTIONS: usize = 3;
/// How far ahead Today lists follow-ups.
pub const FOLLOW_UP_WINDOW_DAYS: i64 = 7;

/// The user's network in memory.
#[derive(Clone, Debug, Default)]
pub struct Network {
    contacts: HashMap<String, Contact>,
    timelines: HashMap<String, TimelineSummary>,
    follow_ups: HashMap<String, FollowUp>,
    search: SearchIndex,
    timelines_loaded: bool,
}

/// A network read in pages: each page's contacts are indexed as the page arrives, so that
/// no single step of loading 10,000 contacts keeps the browser busy for long; only the
/// final name sort waits for the last page.
#[derive(Default)]
pub struct ContactsLoader {
    network: Network,
}

impl ContactsLoader {
    /// Adds a page of contacts (a contact seen before is replaced).
    pub fn add(&mut self, contacts: Vec<Contact>) {
        self.network.search.push_contacts(&contacts);
        self.network
            .contacts
            .extend(contacts.into_iter().map(|c| (c.meta.id.clone(), c)));
    }

    /// The network of every contact added, before their timelines are known.
    pub fn finish(mut self) -> Network {
        self.network.search.sort();
        self.network
    }
}

/// Timelines read in pages: each page's interactions are summed up and folded for the
/// search as the page arrives; [`TimelinesLoader::finish`] then replaces every timeline
/// of a network at once, so that no one sees (or adds to) half a timeline.
pub struct TimelinesLoader {
    today: NaiveDate,
    summaries: HashMap<String, TimelineSummary>,
    texts: HashMap<String, String>,
}

impl TimelinesLoader {
    /// Starts loading; `today` decides which interactions are past (the last contact).
    pub fn new(today: NaiveDate) -> TimelinesLoader {
        TimelinesLoader {
            today,
            summaries: HashMap::new(),
            texts: HashMap::new(),
        }
    }

    /// Adds a page of interactions, of any contacts (in the order they are stored: of
    /// two matches in one timeline, the first ranks a search hit).
    pub fn add(&mut self, interactions: &[Interaction]) {
        for i in interactions {
            match self.summaries.get_mut(&i.contact_id) {
                Some(s) => s.add(i, self.today),
                None => {
                    self.summaries
                        .insert(i.contact_id.clone(), TimelineSummary::of([i], self.today));
                }
            }
            let text = match self.texts.get_mut(&i.contact_id) {
                Some(t) => t,
                None => self.texts.entry(i.contact_id.clone()).or_default(),
            };
            fold_interaction(text, i);
        }
    }

    /// Gives `network` these timelines (replacing all it had) and `follow_ups`.
    pub fn finish(self, network: &mut Network, follow_ups: Vec<FollowUp>) {
        network.timelines = self.summaries;
        network.search.set_timelines(self.texts);
        network.follow_ups = follow_ups
            .into_iter()
            .map(|f| (f.meta.id.clone(), f))
            .collect();
        network.timelines_loaded = true;
    }
}

impl Network {
    /// A network of `contacts`, before their timelines are known.
    pub fn with_contacts(contacts: Vec<Contact>) -> Network {
        let mut loader = ContactsLoader::default();
        loader.add(contacts);
        loader.finish()
    }

    /// Adds the timelines and follow-ups (loaded after the contacts so the list can show
    /// first).
    pub fn load_timelines(
        &mut self,
        interactions: &[Interaction],
        follow_ups: Vec<FollowUp>,
        today: NaiveDate,
    ) {
        let mut loader = TimelinesLoader::new(today);
        loader.add(interactions);
        loader.finish(self, follow_ups);
    }

    /// Whether timelines and follow-ups are loaded.
    pub fn timelines_loaded(&self) -> bool {
        self.timelines_loaded
    }

    /// Adds or replaces a contact.
    pub fn set_contact(&mut self, contact: Contact) {
        self.search.set_contact(&contact);
        self.contacts.insert(contact.meta.id.clone(), contact);
    }

    /// Replaces a contact's timeline summary with that of `interactions` (all of them).
    pub fn set_timeline<'a>(
        &mut self,
        contact_id: &str,
        interactions: impl IntoIterator<Item = &'a Interaction> + Clone,
        today: NaiveDate,
    ) {
        self.search.set_timeline(contact_id, interactions.clone());
        self.timelines.insert(
            contact_id.to_string(),
            TimelineSummary::of(interactions, today),
        );
    }

    /// Adds or replaces a follow-up.
    pub fn set_follow_up(&mut self, follow_up: FollowUp) {
        self.follow_ups.insert(follow_up.meta.id.clone(), follow_up);
    }

    /// Replaces all follow-ups of a contact.
    pub fn replace_follow_ups_of(&mut self, contact_id: &str, follow_ups: Vec<FollowUp>) {
        self.follow_ups
            .retain(|_, f| f.contact_id.as_deref() != Some(contact_id));
        for f in follow_ups {
            self.set_follow_up(f);
        }
    }

    /// Forgets a follow-up.
    pub fn remove_follow_up(&mut self, id: &str) {
        self.follow_ups.remove(id);
    }

    /// Forgets a contact with its timeline and follow-ups (as deleting it does).
    pub fn remove_contact(&mut self, id: &str) {
        self.contacts.remove(id);
        self.timelines.remove(id);
        self.search.remove(id);
        self.follow_ups
            .retain(|_, f| f.contact_id.as_deref() != Some(id));
    }

    /// A contact.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.get(id)
    }

    /// Every contact, in no particular order.
    pub fn contacts(&self) -> impl Iterator<Item = &Contact> {
        self.contacts.values()
    }

    /// Number of contacts.
    pub fn len(&self) -> usize {
        self.contacts.len()
    }

    /// Whether there are no contacts.
    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty()
    }

    /// A contact's timeline summary.
    pub fn timeline(&self, id: &str) -> TimelineSummary {
        self.timelines.get(id).copied().unwrap_or_default()
    }

    /// A contact's follow-ups: open ones first by due date, then done ones, latest first.
    pub fn follow_ups_of(&self, id: &str) -> Vec<FollowUp> {
        let mut list: Vec<FollowUp> = self
            .follow_ups
            .values()
            .filter(|f| f.contact_id.as_deref() == Some(id))
            .cloned()
            .collect();
        sort_by(&mut list, |a, b| {
            (
                a.done.is_some(),
                a.due.is_none(),
                a.due,
                std::cmp::Reverse(a.done),
            )
                .cmp(&(
                    b.done.is_some(),
                    b.due.is_none(),
                    b.due,
                    std::cmp::Reverse(b.done),
                ))
        });
        list
    }

    /// Every tag in use, sorted.
    pub fn tags(&self) -> Vec<String> {
        let set: BTreeSet<&str> = self
            .contacts
            .values()
            .flat_map(|c| c.tags.iter().map(String::as_str))
            .collect();
        set.into_iter().map(str::to_string).collect()
    }

    /// Every field contacts are in, sorted (suggestions for the user's own fields).
    pub fn fields(&self) -> Vec<String> {
        let set: BTreeSet<&str> = self
            .contacts
            .values()
            .map(|c| c.field.trim())
            .filter(|f| !f.is_empty())
            .collect();
        set.into_iter().map(str::to_string).collect()
    }

    /// A contact who has `link` among their profile links (compared as the duplicate
    /// finder compares them: without scheme, `www.` and trailing slash).
    pub fn with_link(&self, link: &str) -> Option<&Contact> {
        let key = super::duplicates::link_key(link);
        if key.is_empty() {
            return None;
        }
        let mut found: Vec<&Contact> = self
            .contacts
            .values()
            .filter(|c| {
                c.links
                    .iter()
                    .any(|l| super::duplicates::link_key(l) == key)
            })
            .collect();
        sort_by_key(&mut found, |c| self.search.position(&c.meta.id));
        found.into_iter().next()
    }

    /// The contacts `id` introduced to the user.
    pub fn introduced_by(&self, id: &str) -> Vec<&Contact> {
        let mut list: Vec<&Contact> = self
            .contacts
            .values()
            .filter(|c| c.introduced_by.as_deref() == Some(id))
            .collect();
        sort_by_key(&mut list, |c| self.search.position(&c.meta.id));
        list
    }

    /// A contact's keep-in-touch state.
    pub fn status(&self, id: &str, clock: Clock, settings: &CadenceSettings) -> Option<Status> {
        let contact = self.contacts.get(id)?;
        let last_contact = self.timeline(id).last;
        let next_due =
            keep_in_touch::next_due(contact, last_contact, settings, clock.utc_offset_minutes);
        let overdue_days = next_due
            .map(|d| keep_in_touch::days_overdue(d, clock.today))
            .filter(|d| *d >= 0);
        Some(Status {
            last_contact,
            next_due,
            due: overdue_days.is_some(),
            overdue_days,
            dormant: keep_in_touch::is_dormant(
                contact,
                last_contact,
                settings.dormant_months,
                clock.today,
                clock.utc_offset_minutes,
            ),
        })
    }

    /// The ids of the contacts a list shows, in order: search rank first (when searching),
    /// then the chosen order, then name.
    pub fn list(&self, query: &ListQuery, clock: Clock, settings: &CadenceSettings) -> Vec<String> {
        self.list_positions(query, clock, settings)
            .into_iter()
            .map(|at| self.search.id_at(at).to_string())
            .collect()
    }

    /// [`Network::list`] as positions in name order (see [`Network::id_at`]): what the
    /// contact list recomputes per keystroke, without copying up to 10,000 ids.
    pub fn list_positions(
        &self,
        query: &ListQuery,
        clock: Clock,
        settings: &CadenceSettings,
    ) -> Vec<usize> {
        // Positions in name order: the index yields them sorted by name, so only the rank
        // and the chosen date still order them (stable sorts keep names in order).
        let ranked: Vec<(usize, u32)> = if query.text.trim().is_empty() {
            (0..self.search.len()).map(|at| (at, 0)).collect()
        } else {
            self.search.matches(&query.text)
        };
        let needs_status = query.only != Only::All || query.sort != Sort::Name;
        let needs_contact = query.circle.is_some() || query.tag.is_some();
        let mut rows: Vec<(u32, Option<NaiveDate>, usize)> = ranked
            .into_iter()
            .filter_map(|(at, rank)| {
                let id = self.search.id_at(at);
                if needs_contact {
                    let c = self.contacts.get(id)?;
                    let wanted = query.circle.is_none_or(|circle| c.circle == circle)
                        && query
                            .tag
                            .as_ref()
                            .is_none_or(|tag| c.tags.iter().any(|t| t == tag));
                    if !wanted {
                        return None;
                    }
                }
                let status = if needs_status {
                    self.status(id, clock, settings)
                } else {
                    None
                };
                let keep = match query.only {
                    Only::All => true,
                    Only::Due => status.is_some_and(|s| s.due),
                    Only::Dormant => status.is_some_and(|s| s.dormant),
                };
                if !keep {
                    return None;
                }
                // One date per order: newest contact first is the reverse of oldest first.
                let date = match query.sort {
                    Sort::Name => None,
                    Sort::LastContact => status.and_then(|s| s.last_contact),
                    Sort::NextDue => status.and_then(|s| s.next_due),
                };
                Some((rank, date, at))
            })
            .collect();
        match query.sort {
            Sort::Name => sort_by_key(&mut rows, |r| r.0),
            // Most recent first; never contacted last.
            Sort::LastContact => sort_by(&mut rows, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1))),
            // Soonest first; reminders off last.
            Sort::NextDue => sort_by_key(&mut rows, |r| (r.0, r.1.is_none(), r.1)),
        }
        rows.into_iter().map(|(_, _, at)| at).collect()
    }

    /// The id of the contact at a position in name order, if there is one.
    pub fn id_at(&self, position: usize) -> Option<&str> {
        (position < self.search.len()).then(|| self.search.id_at(position))
    }

    /// Open follow-ups, grouped by when they are due.
    pub fn open_follow_ups(&self, today: NaiveDate) -> FollowUpGroups {
        let mut groups = FollowUpGroups::default();
        for f in self.follow_ups.values().filter(|f| f.done.is_none()) {
            match f.due {
                Some(due) if due < today => groups.overdue.push(f.clone()),
                Some(due) if due == today => groups.today.push(f.clone()),
                Some(due) if (due - today).num_days() <= FOLLOW_UP_WINDOW_DAYS => {
                    groups.soon.push(f.clone())
                }
                _ => {}
            }
        }
        for list in [&mut groups.overdue, &mut groups.today, &mut groups.soon] {
            sort_by(list, |a, b| {
                (a.due, &a.meta.created).cmp(&(b.due, &b.meta.created))
            });
        }
        groups
    }

    /// How many open follow-ups are due today or overdue: the installed app's badge.
    pub fn follow_ups_due(&self, today: NaiveDate) -> usize {
        self.follow_ups
            .values()
            .filter(|f| f.done.is_none() && f.due.is_some_and(|d| d <= today))
            .count()
    }

    /// Everything Today shows.
    pub fn today(&self, clock: Clock, settings: &CadenceSettings) -> TodayView {
        let mut due: Vec<(String, i64)> = Vec::new();
        let mut dormant: Vec<&str> = Vec::new();
        let planned: BTreeSet<&str> = self
            .follow_ups
            .values()
            .filter(|f| f.done.is_none())
            .filter_map(|f| f.contact_id.as_deref())
            .collect();
        for id in self.contacts.keys() {
            let Some(status) = self.status(id, clock, settings) else {
                continue;
            };
            if let Some(days) = status.overdue_days {
                due.push((id.clone(), days));
            }
            // Someone the user already has an open follow-up with is not a suggestion.
            if status.dormant && !planned.contains(id.as_str()) {
                dormant.push(id);
            }
        }
        sort_by(&mut due, |a, b| {
            b.1.cmp(&a.1)
                .then_with(|| self.search.position(&a.0).cmp(&self.search.position(&b.0)))
        });
        let due_total = due.len();
        due.truncate(TODAY_DUE_LIMIT);
        let dormant_total = dormant.len();
        let week = keep_in_touch::week_start(clock.today).to_string();
        sort_by_key(&mut dormant, |id| {
            (fnv1a(week.as_bytes(), id.as_bytes()), *id)
        });
        let dormant = dormant
            .into_iter()
            .take(TODAY_DORMANT_SUGGESTIONS)
            .map(str::to_string)
            .collect();
        let greetings = occasions::is_greetings_season(clock.today).then(|| {
            let year = chrono::Datelike::year(&clock.today);
            let list: Vec<&Contact> = self
                .contacts
                .values()
                .filter(|c| occasions::wants_greetings(c))
                .collect();
            (
                list.iter().filter(|c| occasions::greeted(c, year)).count(),
                list.len(),
            )
        });
        TodayView {
            follow_ups: self.open_follow_ups(clock.today),
            due,
            due_total,
            birthdays: occasions::upcoming_birthdays(
                self.contacts.values(),
                clock.today,
                occasions::BIRTHDAY_WINDOW_DAYS,
            ),
            dormant,
            dormant_total,
            greetings,
        }
    }

    /// The year-end greetings list: (contact id, greeted this year), by name.
    pub fn greetings_list(&self, year: i32) -> Vec<(String, bool)> {
        let mut list: Vec<(String, bool)> = self
            .contacts
            .values()
            .filter(|c| occasions::wants_greetings(c))
            .map(|c| (c.meta.id.clone(), occasions::greeted(c, year)))
            .collect();
        sort_by_key(&mut list, |(id, _)| self.search.position(id));
        list
    }

    /// Open follow-ups that are the user's own promises, for a quick count.
    pub fn open_promises(&self) -> usize {
        self.follow_ups
            .values()
            .filter(|f| f.done.is_none() && f.kind == FollowUpKind::IPromised)
            .count()
    }
}

/// A small, stable hash so the weekly pick of dormant contacts is the same on every
/// reload and device, and different next week.
fn fnv1a(a: &[u8], b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.iter().chain(b) {
        h ^= u64::from(*byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
