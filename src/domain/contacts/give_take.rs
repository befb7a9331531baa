//! Give and take: favours given and received and introductions made, per contact.

use crate::domain::record::{Interaction, InteractionKind};

/// A contact's give-and-take tally.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    /// Favours the user did them.
    pub given: u32,
    /// Favours they did the user.
    pub received: u32,
    /// Introductions the user made involving them.
    pub introductions: u32,
}

/// Which way the balance leans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    /// Nothing recorded yet.
    Nothing,
    /// The user gave (favours and introductions) more than they received.
    Giving,
    /// Even.
    Even,
    /// The user received more than they gave: time to give something back.
    Taking,
}

impl Balance {
    /// Tallies a contact's timeline.
    pub fn of<'a>(interactions: impl IntoIterator<Item = &'a Interaction>) -> Balance {
        let mut b = Balance::default();
        for i in interactions {
            b.add(i.kind);
        }
        b
    }

    /// Counts one interaction.
    pub fn add(&mut self, kind: InteractionKind) {
        match kind {
            InteractionKind::FavourGiven => self.given += 1,
            InteractionKind::FavourReceived => self.received += 1,
            InteractionKind::Introduction => self.introductions += 1,
            _ => {}
        }
    }

    /// Which way it leans; an introduction counts as something given.
    pub fn lean(&self) -> Lean {
        let gave = self.given + self.introductions;
        match (gave, self.received) {
            (0, 0) => Lean::Nothing,
            (g, r) if g > r => Lean::Giving,
            (g, r) if g == r => Lean::Even,
            _ => Lean::Taking,
        }
    }
}
