//! The entity card's state in the reader: the card of the side panel's selection, for the open story, and which "often with" entry is selected.

use crate::extract::card::Companion;
use crate::extract::{EntityCard, EntityRef};

/// The card on screen, changed only through its methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardView {
    /// What the card shows.
    card: EntityCard,
    /// The story it was made for (roles are as of its date).
    article: usize,
    /// The selected "often with" entry.
    selected: usize,
}

impl CardView {
    /// The card of an entity, made for the story `article`, first companion selected.
    pub fn new(card: EntityCard, article: usize) -> Self {
        Self {
            card,
            article,
            selected: 0,
        }
    }

    /// What the card shows.
    pub fn card(&self) -> &EntityCard {
        &self.card
    }

    /// The story the card was made for.
    pub fn article(&self) -> usize {
        self.article
    }

    /// Whether this is the card of `entity` for the story `article`.
    pub fn is_for(&self, entity: EntityRef, article: usize) -> bool {
        self.card.entity == entity && self.article == article
    }

    /// The selected "often with" entry's position.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The selected "often with" entry.
    pub fn companion(&self) -> Option<&Companion> {
        self.card.often_with.get(self.selected)
    }

    /// Moves the selection among the "often with" entries, within them.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.card.often_with.len().saturating_sub(1);
        self.selected = self
            .selected
            .saturating_add_signed(delta.clamp(-1000, 1000))
            .min(last);
    }
}
