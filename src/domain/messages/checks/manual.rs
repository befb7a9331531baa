//! The manual checks: what only the user can know.

use super::*;

/// A manual check: something only the user can know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Manual {
    /// Read their current profile (what they do now, not years ago).
    ReadProfile,
    /// Noted what we have in common.
    Common,
    /// Know what fascinates me in their path.
    Fascination,
    /// Know what I hope for from the contact.
    Hope,
    /// My own profile is current and has a photo.
    OwnProfile,
    /// The message makes clear it is not an application.
    NotApplication,
}

impl Manual {
    /// Every manual check, in checklist order.
    pub const ALL: [Manual; 6] = [
        Manual::ReadProfile,
        Manual::Common,
        Manual::Fascination,
        Manual::Hope,
        Manual::OwnProfile,
        Manual::NotApplication,
    ];

    /// The key stored in the message's `manual` list.
    pub fn key(self) -> &'static str {
        match self {
            Manual::ReadProfile => "read_profile",
            Manual::Common => "common",
            Manual::Fascination => "fascination",
            Manual::Hope => "hope",
            Manual::OwnProfile => "own_profile",
            Manual::NotApplication => "not_application",
        }
    }

    /// The manual checks that make sense for a purpose: preparing a first contact needs
    /// all; a thank-you or an introduction needs none.
    pub fn applies(self, purpose: Purpose) -> bool {
        match purpose {
            Purpose::Interview => true,
            Purpose::Reconnect => !matches!(self, Manual::OwnProfile),
            Purpose::FollowUp => matches!(self, Manual::NotApplication),
            Purpose::ThankYou | Purpose::Introduce => false,
        }
    }
}
