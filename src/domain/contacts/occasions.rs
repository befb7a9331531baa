//! Birthdays and the year-end greetings season.

use chrono::{Datelike, NaiveDate};

use crate::domain::record::{Birthday, Circle, Contact};
use crate::domain::sorting::{sort, sort_by};

/// How many days ahead Today lists birthdays.
pub const BIRTHDAY_WINDOW_DAYS: i64 = 14;

/// The day a birthday is celebrated in `year`. 29 February falls on 28 February in
/// common years (the usual choice; the day is still in the birthday's month).
pub fn birthday_in(birthday: Birthday, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, birthday.month, birthday.day).or_else(|| {
        (birthday.month == 2 && birthday.day == 29)
            .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
            .flatten()
    })
}

/// The next celebration on or after `today`.
pub fn next_birthday(birthday: Birthday, today: NaiveDate) -> Option<NaiveDate> {
    match birthday_in(birthday, today.year()) {
        Some(d) if d >= today => Some(d),
        _ => birthday_in(birthday, today.year() + 1),
    }
}

/// The age reached on `on`, if the birth year is known and lies before it.
pub fn age_on(birthday: Birthday, on: NaiveDate) -> Option<i32> {
    let year = birthday.year?;
    let age = on.year() - year;
    (age > 0).then_some(age)
}

/// An upcoming birthday.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpcomingBirthday {
    /// Contact id.
    pub id: String,
    /// The day it is celebrated.
    pub date: NaiveDate,
    /// Days from today (0 = today).
    pub in_days: i64,
    /// The age they turn, if the year is known.
    pub turns: Option<i32>,
}

/// Birthdays from today to `window_days` ahead, soonest first.
pub fn upcoming_birthdays<'a>(
    contacts: impl IntoIterator<Item = &'a Contact>,
    today: NaiveDate,
    window_days: i64,
) -> Vec<UpcomingBirthday> {
    let mut list: Vec<UpcomingBirthday> = contacts
        .into_iter()
        .filter_map(|c| {
            let birthday = c.birthday?;
            let date = next_birthday(birthday, today)?;
            let in_days = (date - today).num_days();
            (in_days <= window_days).then(|| UpcomingBirthday {
                id: c.meta.id.clone(),
                date,
                in_days,
                turns: age_on(birthday, date),
            })
        })
        .collect();
    sort_by(&mut list, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
    });
    list
}

/// Whether the year-end greetings list is shown: December.
pub fn is_greetings_season(today: NaiveDate) -> bool {
    today.month() == 12
}

/// Who gets year-end greetings: the core circle and the wider network (the periphery
/// only if tagged so by the user, which is their choice to make on the contact).
pub fn wants_greetings(contact: &Contact) -> bool {
    contact.circle != Circle::Periphery
}

/// Whether greetings for `year` are checked off for the contact.
pub fn greeted(contact: &Contact, year: i32) -> bool {
    contact.greetings.contains(&year)
}

/// The contact with the greetings check-off for `year` set or cleared.
pub fn set_greeted(contact: &Contact, year: i32, done: bool) -> Contact {
    let mut c = contact.clone();
    c.greetings.retain(|&y| y != year);
    if done {
        c.greetings.push(year);
        sort(&mut c.greetings);
    }
    c
}
