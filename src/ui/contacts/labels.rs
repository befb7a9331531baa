//! The user's-language names of the contacts module's enumerations.

use crate::domain::contacts::duplicates::Reason;
use crate::domain::contacts::give_take::Lean;
use crate::domain::contacts::network::{Only, Sort};
use crate::domain::record::{Circle, FollowUpKind, InteractionKind, PreferredChannel};
use crate::i18n::*;

/// An interaction kind's name.
pub fn interaction_label(i18n: I18n, kind: InteractionKind) -> String {
    match kind {
        InteractionKind::Meeting => t_string!(i18n, contacts.kind.meeting),
        InteractionKind::Call => t_string!(i18n, contacts.kind.call),
        InteractionKind::Email => t_string!(i18n, contacts.kind.email),
        InteractionKind::Message => t_string!(i18n, contacts.kind.message),
        InteractionKind::Event => t_string!(i18n, contacts.kind.event),
        InteractionKind::InformationalInterview => t_string!(i18n, contacts.kind.interview),
        InteractionKind::Introduction => t_string!(i18n, contacts.kind.introduction),
        InteractionKind::FavourGiven => t_string!(i18n, contacts.kind.favour_given),
        InteractionKind::FavourReceived => t_string!(i18n, contacts.kind.favour_received),
    }
    .to_string()
}

/// Which contacts a list shows.
pub fn only_label(i18n: I18n, only: Only) -> String {
    match only {
        Only::All => t_string!(i18n, contacts.filter.all),
        Only::Due => t_string!(i18n, contacts.filter.due),
        Only::Dormant => t_string!(i18n, contacts.filter.dormant),
    }
    .to_string()
}

/// How a list is ordered.
pub fn sort_label(i18n: I18n, sort: Sort) -> String {
    match sort {
        Sort::Name => t_string!(i18n, contacts.sort.name),
        Sort::LastContact => t_string!(i18n, contacts.sort.last),
        Sort::NextDue => t_string!(i18n, contacts.sort.due),
    }
    .to_string()
}

/// A circle's name.
pub fn circle_label(i18n: I18n, circle: Circle) -> String {
    match circle {
        Circle::Core => t_string!(i18n, contacts.circle.core),
        Circle::Network => t_string!(i18n, contacts.circle.network),
        Circle::Periphery => t_string!(i18n, contacts.circle.periphery),
    }
    .to_string()
}

/// A circle's one-line explanation.
pub fn circle_hint(i18n: I18n, circle: Circle) -> String {
    match circle {
        Circle::Core => t_string!(i18n, contacts.circle.core_hint),
        Circle::Network => t_string!(i18n, contacts.circle.network_hint),
        Circle::Periphery => t_string!(i18n, contacts.circle.periphery_hint),
    }
    .to_string()
}

/// Who owes a follow-up.
pub fn follow_up_label(i18n: I18n, kind: FollowUpKind) -> String {
    match kind {
        FollowUpKind::IPromised => t_string!(i18n, contacts.promise.i_promised),
        FollowUpKind::TheyOffered => t_string!(i18n, contacts.promise.they_offered),
        FollowUpKind::Reminder => t_string!(i18n, contacts.promise.reminder),
    }
    .to_string()
}

/// A preferred channel's name.
pub fn channel_label(i18n: I18n, channel: PreferredChannel) -> String {
    match channel {
        PreferredChannel::Email => t_string!(i18n, contacts.channel.email),
        PreferredChannel::Phone => t_string!(i18n, contacts.channel.phone),
        PreferredChannel::Message => t_string!(i18n, contacts.channel.message),
        PreferredChannel::LinkedIn => "LinkedIn",
        PreferredChannel::Xing => "Xing",
        PreferredChannel::InPerson => t_string!(i18n, contacts.channel.in_person),
    }
    .to_string()
}

/// Why two contacts look alike.
pub fn reason_label(i18n: I18n, reason: Reason) -> String {
    match reason {
        Reason::Name => t_string!(i18n, contacts.merge.same_name),
        Reason::Email => t_string!(i18n, contacts.merge.same_email),
        Reason::Link => t_string!(i18n, contacts.merge.same_link),
    }
    .to_string()
}

/// Which way give and take leans.
pub fn lean_label(i18n: I18n, lean: Lean) -> String {
    match lean {
        Lean::Nothing => t_string!(i18n, contacts.give.nothing),
        Lean::Giving => t_string!(i18n, contacts.give.giving),
        Lean::Even => t_string!(i18n, contacts.give.even),
        Lean::Taking => t_string!(i18n, contacts.give.taking),
    }
    .to_string()
}

/// "Due today" / "Overdue by N days", for a contact's keep-in-touch state.
pub fn due_text(i18n: I18n, days: i64) -> String {
    match days {
        0 => t_string!(i18n, contacts.status.due_today).to_string(),
        1 => t_string!(i18n, contacts.status.overdue_one).to_string(),
        d => t_string!(i18n, contacts.status.overdue, days = d).to_string(),
    }
}
