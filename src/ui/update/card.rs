//! Keeping the entity card in step with the side panel's selection, and opening its public record.

use super::super::action::Effect;
use super::super::app::{App, Focus};
use super::super::card_view::CardView;
use crate::extract::story_roles::{card_in_story, own_person};
use crate::extract::{EntityCard, EntityIndex, EntityRef};

/// Makes the card that of the side panel's selection for the open story while the side panel or
/// the card has the focus (and the corpus index is ready), and drops it otherwise. Returns true
/// when a card appeared or went away (the layout changes).
pub fn sync(app: &mut App) -> bool {
    let had = app.card.is_some();
    let wanted = wanted(app);
    match wanted {
        None => app.card = None,
        Some((entity, article)) => {
            if !app.card.as_ref().is_some_and(|c| c.is_for(entity, article)) {
                let index = app.entities.as_deref();
                let date = app.articles.get(article).and_then(|a| a.date);
                let flat = app.card_index.as_deref();
                app.card = index
                    .and_then(|index| {
                        let mut card =
                            EntityCard::build_with(index, &app.articles, flat, entity, date)?;
                        in_story(&mut card, index, app, article);
                        Some(card)
                    })
                    .map(|card| CardView::new(card, article));
            }
        }
    }
    if app.card.is_none() && app.focus == Focus::Card {
        app.focus = Focus::Side;
    }
    had != app.card.is_some()
}

/// A person's card shows who they are in the open story: its own words for an unlinked person, once
/// the extraction thread has found them (see [`card_in_story`]).
fn in_story(card: &mut EntityCard, index: &EntityIndex, app: &App, article: usize) {
    let EntityRef::Person(id) = card.entity else {
        return;
    };
    let (Some(p), Some(story)) = (index.people.get(id as usize), app.articles.get(article)) else {
        return;
    };
    let own = app
        .story
        .as_ref()
        .filter(|s| s.article() == article)
        .and_then(|s| s.own_entities());
    let spans = index
        .people_of(article)
        .find(|(pid, ..)| *pid == id)
        .map(|(.., spans)| spans);
    let words = own
        .zip(spans)
        .and_then(|(own, spans)| own_person(own, spans));
    card_in_story(card, p, story.date, words, &story.body);
}

/// The entity and story the card should be for, if a card should show.
fn wanted(app: &App) -> Option<(EntityRef, usize)> {
    if !matches!(app.focus, Focus::Side | Focus::Card) {
        return None;
    }
    app.entities.as_ref()?;
    let story = app.story.as_ref()?;
    let item = story.selected_item()?;
    Some((EntityRef::new(item.kind, item.id?), story.article()))
}

/// `o` on a person or bill: open its public record (a bill's congress.gov page), or say why not.
pub fn open_record(app: &mut App, effects: &mut Vec<Effect>) {
    let Some(card) = app.card.as_ref().map(CardView::card) else {
        app.notice = Some(
            "Pick a person or bill in the side panel (once the corpus is indexed) to open its record."
                .to_owned(),
        );
        return;
    };
    if let Some(url) = &card.record.url {
        app.notice = Some(format!("Opening {url}"));
        effects.push(Effect::OpenUrl(url.clone()));
        return;
    }
    let why = match card.entity {
        EntityRef::Bill(_) => {
            "no congress.gov page (a numbered bill with a known Congress has one)"
        }
        EntityRef::Person(_) => "no public-record link",
    };
    app.notice = Some(format!(
        "{} has {why}.",
        super::super::text::clean(&card.name)
    ));
}
