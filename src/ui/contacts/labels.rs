//! The user's-language names of the contacts module's enumerations.

use crate::domain::contacts::duplicates::Reason;
use crate::domain::contacts::give_take::Lean;
use crate::domain::record::{Circle, FollowUpKind, InteractionKind};
use crate::i18n::*;

/// Every interaction kind, in the order the picker offers them.
pub const INTERACTION_KINDS: [InteractionKind; 9] = [
    InteractionKind::Meeting,
    InteractionKind::Call,
    InteractionKind::Email,
    InteractionKind::Message,
    InteractionKind::Event,
    InteractionKind::InformationalInterview,
    InteractionKind::Introduction,
    InteractionKind::FavourGiven,
    InteractionKind::FavourReceived,
];

/// Every circle, closest first.
pub const CIRCLES: [Circle; 3] = [Circle::Core, Circle::Network, Circle::Periphery];

/// The stable id of an interaction kind, for form values.
pub fn interaction_id(kind: InteractionKind) -> &'static str {
    match kind {
        InteractionKind::Meeting => "meeting",
        InteractionKind::Call => "call",
        InteractionKind::Email => "email",
        InteractionKind::Message => "message",
        InteractionKind::Event => "event",
        InteractionKind::InformationalInterview => "informational_interview",
        InteractionKind::Introduction => "introduction",
        InteractionKind::FavourGiven => "favour_given",
        InteractionKind::FavourReceived => "favour_received",
    }
}

/// The interaction kind with form value `id`.
pub fn interaction_from_id(id: &str) -> InteractionKind {
    INTERACTION_KINDS
        .into_iter()
        .find(|k| interaction_id(*k) == id)
        .unwrap_or_default()
}

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

/// The stable id of a circle, for form values.
pub fn circle_id(circle: Circle) -> &'static str {
    match circle {
        Circle::Core => "core",
        Circle::Network => "network",
        Circle::Periphery => "periphery",
    }
}

/// The circle with form value `id`.
pub fn circle_from_id(id: &str) -> Option<Circle> {
    CIRCLES.into_iter().find(|c| circle_id(*c) == id)
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

/// A preferred channel's name (ids from `draft::CHANNELS`; anything else shown as typed).
pub fn channel_label(i18n: I18n, id: &str) -> String {
    match id {
        "email" => t_string!(i18n, contacts.channel.email).to_string(),
        "phone" => t_string!(i18n, contacts.channel.phone).to_string(),
        "message" => t_string!(i18n, contacts.channel.message).to_string(),
        "linkedin" => "LinkedIn".to_string(),
        "xing" => "Xing".to_string(),
        "in_person" => t_string!(i18n, contacts.channel.in_person).to_string(),
        other => other.to_string(),
    }
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
