//! The words of outreach: channels, purposes, forms of address and statuses, and the
//! business-day arithmetic of the 3B7 follow-up discipline.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::code::Code;
use crate::domain::lang::Lang;
use crate::domain::record::PreferredChannel;

/// Where a message is sent. A message without one counts as an e-mail.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Channel {
    /// The note of a LinkedIn connection request (200 characters free, 300 Premium).
    LinkedInNote,
    /// A LinkedIn message to an existing connection.
    LinkedInMessage,
    /// A Xing message.
    XingMessage,
    /// An e-mail, with a subject.
    #[default]
    Email,
}

impl Code for Channel {
    const ALL: &'static [Self] = &[
        Channel::Email,
        Channel::LinkedInNote,
        Channel::LinkedInMessage,
        Channel::XingMessage,
    ];

    fn key(self) -> &'static str {
        match self {
            Channel::LinkedInNote => "linkedin_note",
            Channel::LinkedInMessage => "linkedin_message",
            Channel::XingMessage => "xing_message",
            Channel::Email => "email",
        }
    }
}

impl Channel {
    /// The channel a message to someone who prefers `preferred` starts on: LinkedIn and
    /// Xing people get a message there (they are connected already, so not a connection
    /// note), everyone else an e-mail.
    pub fn for_preferred(preferred: Option<PreferredChannel>) -> Channel {
        match preferred {
            Some(PreferredChannel::LinkedIn) => Channel::LinkedInMessage,
            Some(PreferredChannel::Xing) => Channel::XingMessage,
            _ => Channel::Email,
        }
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

/// Why a message is written. A message without one counts as an interview request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// Ask for an informational interview.
    #[default]
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

impl Code for Purpose {
    const ALL: &'static [Self] = &[
        Purpose::Interview,
        Purpose::Reconnect,
        Purpose::ThankYou,
        Purpose::Introduce,
        Purpose::FollowUp,
    ];

    fn key(self) -> &'static str {
        match self {
            Purpose::Interview => "informational_interview",
            Purpose::Reconnect => "reconnect",
            Purpose::ThankYou => "thank_you",
            Purpose::Introduce => "introduce",
            Purpose::FollowUp => "follow_up",
        }
    }
}

/// The form of address in German; "Sie" is the safe default with someone new.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Address {
    /// Formal "Sie".
    #[default]
    Sie,
    /// Informal "du".
    Du,
}

impl Code for Address {
    const ALL: &'static [Self] = &[Address::Sie, Address::Du];

    fn key(self) -> &'static str {
        match self {
            Address::Sie => "sie",
            Address::Du => "du",
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

/// Where an outreach stands. A message without one is a draft.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Being written.
    #[default]
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

impl Code for Status {
    /// In the order of the overview.
    const ALL: &'static [Self] = &[
        Status::Draft,
        Status::Sent,
        Status::Replied,
        Status::MeetingAgreed,
        Status::Declined,
        Status::NoReply,
    ];

    fn key(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Sent => "sent",
            Status::Replied => "replied",
            Status::MeetingAgreed => "meeting_agreed",
            Status::Declined => "declined",
            Status::NoReply => "no_reply",
        }
    }
}

impl Status {
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
