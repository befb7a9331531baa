//! The words of outreach: channels, purposes, forms of address and statuses, and the
//! business-day arithmetic of the 3B7 follow-up discipline.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::lang::Lang;

/// Where a message is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    /// The note of a LinkedIn connection request (200 characters free, 300 Premium).
    LinkedInNote,
    /// A LinkedIn message to an existing connection.
    LinkedInMessage,
    /// A Xing message.
    XingMessage,
    /// An e-mail, with a subject.
    Email,
}

impl Channel {
    /// Every channel, in the order the picker lists them.
    pub const ALL: [Channel; 4] = [
        Channel::Email,
        Channel::LinkedInNote,
        Channel::LinkedInMessage,
        Channel::XingMessage,
    ];

    /// The key stored in the message.
    pub fn key(self) -> &'static str {
        match self {
            Channel::LinkedInNote => "linkedin_note",
            Channel::LinkedInMessage => "linkedin_message",
            Channel::XingMessage => "xing_message",
            Channel::Email => "email",
        }
    }

    /// The channel stored as `key`; unknown keys read as e-mail.
    pub fn from_key(key: &str) -> Channel {
        Channel::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .unwrap_or(Channel::Email)
    }

    /// Whether the channel has a subject line.
    pub fn has_subject(self) -> bool {
        self == Channel::Email
    }

    /// The hard character limit, if any. `premium` is the LinkedIn setting.
    pub fn char_limit(self, premium: bool) -> Option<usize> {
        match self {
            Channel::LinkedInNote if premium => Some(300),
            Channel::LinkedInNote => Some(200),
            _ => None,
        }
    }
}

/// Why a message is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// Ask for an informational interview.
    Interview,
    /// Get back in touch with a dormant contact.
    Reconnect,
    /// Thank after a conversation.
    ThankYou,
    /// Introduce two contacts to each other.
    Introduce,
    /// Follow up on an earlier message.
    FollowUp,
}

impl Purpose {
    /// Every purpose, in the order the picker lists them.
    pub const ALL: [Purpose; 5] = [
        Purpose::Interview,
        Purpose::Reconnect,
        Purpose::ThankYou,
        Purpose::Introduce,
        Purpose::FollowUp,
    ];

    /// The key stored in the message.
    pub fn key(self) -> &'static str {
        match self {
            Purpose::Interview => "informational_interview",
            Purpose::Reconnect => "reconnect",
            Purpose::ThankYou => "thank_you",
            Purpose::Introduce => "introduce",
            Purpose::FollowUp => "follow_up",
        }
    }

    /// The purpose stored as `key`; unknown keys read as an interview request.
    pub fn from_key(key: &str) -> Purpose {
        Purpose::ALL
            .into_iter()
            .find(|p| p.key() == key)
            .unwrap_or(Purpose::Interview)
    }
}

/// The form of address in German.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Address {
    /// Formal "Sie".
    Sie,
    /// Informal "du".
    Du,
}

impl Address {
    /// The key stored in the message.
    pub fn key(self) -> &'static str {
        match self {
            Address::Sie => "sie",
            Address::Du => "du",
        }
    }

    /// The address stored as `key`; anything else is the safe default, "Sie".
    pub fn from_key(key: &str) -> Address {
        if key == "du" {
            Address::Du
        } else {
            Address::Sie
        }
    }
}

/// Language and, for German, the form of address: what a template is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Voice {
    /// The language.
    pub lang: Lang,
    /// The form of address (ignored for English).
    pub address: Address,
}

/// Where an outreach stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Being written.
    Draft,
    /// Sent, waiting for an answer.
    Sent,
    /// They answered.
    Replied,
    /// They agreed to meet.
    MeetingAgreed,
    /// They said no.
    Declined,
    /// No answer after the follow-up; closed.
    NoReply,
}

impl Status {
    /// Every status, in the order of the overview.
    pub const ALL: [Status; 6] = [
        Status::Draft,
        Status::Sent,
        Status::Replied,
        Status::MeetingAgreed,
        Status::Declined,
        Status::NoReply,
    ];

    /// The key stored in the message.
    pub fn key(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Sent => "sent",
            Status::Replied => "replied",
            Status::MeetingAgreed => "meeting_agreed",
            Status::Declined => "declined",
            Status::NoReply => "no_reply",
        }
    }

    /// The status stored as `key`; anything unknown is a draft.
    pub fn from_key(key: &str) -> Status {
        Status::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or(Status::Draft)
    }

    /// Whether the outreach is over (the 3B7 reminders are closed).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Status::Replied | Status::MeetingAgreed | Status::Declined | Status::NoReply
        )
    }
}

/// Whether a day is a business day: Monday to Friday and not a public holiday observed
/// all over Germany. Holidays of single states (Epiphany, Corpus Christi, Reformation
/// Day, …) are not counted: the app does not know where the recipient works.
pub fn is_business_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !is_national_holiday(day)
}

/// The public holidays of every German state: New Year, Good Friday, Easter Monday,
/// Labour Day, Ascension, Whit Monday, German Unity Day and both Christmas days.
pub fn is_national_holiday(day: NaiveDate) -> bool {
    if matches!(
        (day.month(), day.day()),
        (1, 1) | (5, 1) | (10, 3) | (12, 25) | (12, 26)
    ) {
        return true;
    }
    let Some(easter) = easter_sunday(day.year()) else {
        return false;
    };
    [-2, 1, 39, 50].contains(&(day - easter).num_days())
}

/// Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian algorithm of
/// Meeus, Jones and Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The day `n` business days after `day`: Friday + 1 is Monday; a message sent on a
/// Saturday counts from Monday.
pub fn add_business_days(day: NaiveDate, n: u32) -> NaiveDate {
    let mut d = day;
    let mut left = n;
    while left > 0 {
        d += Duration::days(1);
        if is_business_day(d) {
            left -= 1;
        }
    }
    d
}

/// Business days after sending without reply before writing to someone else at the same
/// organisation (the "3" of 3B7).
pub const OTHER_PERSON_DAYS: u32 = 3;
/// Business days after sending before the one follow-up to the same person (the "7").
pub const FOLLOW_UP_DAYS: u32 = 7;
