//! The stack of list views: live search over the current list, pivots to a person or bill, and going back.

use super::super::action::{Effect, SearchOutcome};
use super::super::app::{App, EntityKind, Mode, View, ViewKind};
use super::super::story::Highlight;
use crate::search::{MatchField, Scope, Sort, Term};

/// Opens the prompt and pushes a search view over the current list.
pub fn search_start(app: &mut App) {
    let base = app.view();
    let mut view = View::new(
        ViewKind::Search {
            query: String::new(),
            partial: false,
            more: 0,
        },
        base.items.clone(),
    );
    view.select(base.selected());
    app.views.push(view);
    app.mode = Mode::Search;
    app.prompt.query.clear();
    app.prompt.error = None;
    app.prompt.pending = false;
    app.prompt.generation += 1;
}

/// The query changed: send it to the searcher, or show the whole list again when it is empty.
pub fn search_changed(app: &mut App, effects: &mut Vec<Effect>) {
    app.prompt.generation += 1;
    app.prompt.error = None;
    let query = app.prompt.query.trim().to_owned();
    if query.is_empty() {
        app.prompt.pending = false;
        let items = app.views[app.views.len() - 2].items.clone();
        let view = app.view_mut();
        view.kind = ViewKind::Search {
            query: String::new(),
            partial: false,
            more: 0,
        };
        view.replace(items, Vec::new());
        return;
    }
    app.prompt.pending = true;
    effects.push(Effect::Search(app.prompt.generation, query));
}

/// The longest query the prompt takes; a longer paste is cut there (with a notice).
pub const MAX_QUERY: usize = 1000;

/// A paste is one edit: its text (escape sequences and control characters removed, line breaks
/// as spaces) joins the query, and one search runs; the prompt opens if it was closed.
pub fn paste(app: &mut App, text: &str, effects: &mut Vec<Effect>) {
    match app.mode {
        Mode::Help | Mode::Feeds => return,
        Mode::Normal => search_start(app),
        Mode::Search => {}
    }
    let room = MAX_QUERY.saturating_sub(app.prompt.query.chars().count());
    let mut cleaned = crate::corpus::sanitize::clean(text).replace('\n', " ");
    if cleaned.chars().count() > room {
        cleaned = cleaned.chars().take(room).collect();
        app.notice = Some(format!(
            "The pasted text was cut to the query's limit of {MAX_QUERY} characters."
        ));
    }
    app.prompt.query.push_str(&cleaned);
    search_changed(app, effects);
}

/// Enter: keep the results as the list (an empty query keeps nothing).
pub fn search_accept(app: &mut App) {
    app.mode = Mode::Normal;
    if app.prompt.query.trim().is_empty() {
        let selected = app.view().selected();
        app.views.pop();
        app.view_mut().select(selected);
    }
}

/// Esc: drop the search view and go back to the list as it was.
pub fn search_cancel(app: &mut App) {
    app.mode = Mode::Normal;
    app.prompt.pending = false;
    app.prompt.generation += 1;
    if app.views.len() > 1 && matches!(app.view().kind, ViewKind::Search { .. }) {
        app.views.pop();
    }
}

/// Puts the answer to the newest query into the search view, within the list below it.
pub fn search_results(app: &mut App, outcome: SearchOutcome) {
    if outcome.generation != app.prompt.generation || app.views.len() < 2 {
        return;
    }
    if !matches!(app.view().kind, ViewKind::Search { .. }) {
        return;
    }
    // Already showing this generation: the second answer brings the match details of the rows
    // past the first screen; the list stays where it is.
    let refresh = !app.prompt.pending;
    app.prompt.pending = false;
    let hits = match outcome.hits {
        Ok(hits) => hits,
        Err(message) => {
            app.prompt.error = Some(message);
            return;
        }
    };
    if refresh {
        let view = app.view_mut();
        let same = hits.len() == view.items.len()
            && hits
                .iter()
                .zip(&view.items)
                .all(|(h, &a)| h.article as u32 == a);
        if same {
            view.matches = hits.into_iter().map(|h| h.matches).collect();
        }
        return;
    }
    // The searcher ranked within the list the search was started over (`search_scope`).
    let (items, matches): (Vec<u32>, Vec<_>) = hits
        .into_iter()
        .map(|hit| (hit.article as u32, hit.matches))
        .unzip();
    let query = app.prompt.query.trim().to_owned();
    let more = outcome.total.saturating_sub(items.len());
    let view = app.view_mut();
    view.kind = ViewKind::Search {
        query,
        partial: outcome.partial,
        more,
    };
    view.replace(items, matches);
    app.story = None;
}

/// When the full index arrives, asks again for a search view that only had title results.
pub fn rerun_partial(app: &mut App, effects: &mut Vec<Effect>) {
    if let ViewKind::Search {
        query,
        partial: true,
        ..
    } = &app.view().kind
    {
        let query = query.clone();
        app.prompt.generation += 1;
        app.prompt.query.clone_from(&query);
        app.prompt.pending = true;
        effects.push(Effect::Search(app.prompt.generation, query));
    }
}

/// Flips the order of search results; a search on screen is asked again in the new order.
pub fn toggle_sort(app: &mut App, effects: &mut Vec<Effect>) {
    app.sort = match app.sort {
        Sort::Relevance => Sort::Date,
        Sort::Date => Sort::Relevance,
    };
    app.notice = Some(format!("Search results {}.", sort_label(app.sort)));
    if let ViewKind::Search { query, .. } = &app.view().kind {
        let query = query.clone();
        app.prompt.generation += 1;
        app.prompt.query.clone_from(&query);
        app.prompt.pending = true;
        effects.push(Effect::Search(app.prompt.generation, query));
    }
}

/// How search results are ordered, in words (for the breadcrumb and notices).
pub fn sort_label(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "best first",
        Sort::Date => "newest first",
    }
}

/// Enter on a person or bill: list every story that mentions it, newest first.
pub fn pivot(app: &mut App) {
    let Some(story) = &app.story else { return };
    let Some(item) = story.side().get(story.side_selected()) else {
        return;
    };
    let (Some(_), Some(id)) = (app.entities.as_ref(), item.id) else {
        app.notice =
            Some("The people and bills of the whole corpus are still being indexed.".to_owned());
        return;
    };
    let (kind, label) = (item.kind, item.name.clone());
    pivot_to(app, kind, id, label);
}

/// Enter on an "often with" entry of the card: list every story that mentions it.
pub fn pivot_companion(app: &mut App) {
    let Some(c) = app.card.as_ref().and_then(|c| c.companion()) else {
        app.notice = Some("Nothing is often named with it.".to_owned());
        return;
    };
    let (kind, id, label) = (c.entity.kind(), c.entity.id(), c.name.clone());
    pivot_to(app, kind, id, label);
}

/// Pushes a view of every story that mentions a person or bill, newest first, on the open story
/// when it is one of them; the list takes the focus.
fn pivot_to(app: &mut App, kind: EntityKind, id: u32, label: String) {
    let Some(index) = app.entities.as_ref() else {
        return;
    };
    let articles = match kind {
        EntityKind::Person => index.people.get(id as usize).map(|p| p.articles.clone()),
        EntityKind::Bill => index.bills.get(id as usize).map(|b| b.articles.clone()),
    };
    let mut items = articles.unwrap_or_default();
    items.sort_by(|&a, &b| {
        app.articles[b as usize]
            .date
            .cmp(&app.articles[a as usize].date)
    });
    let current = app.story.as_ref().map(|s| s.article() as u32);
    let selected = items.iter().position(|&a| Some(a) == current).unwrap_or(0);
    let mut view = View::new(ViewKind::Pivot { label, kind, id }, items);
    view.select(selected);
    app.views.push(view);
    app.focus = super::super::app::Focus::List;
}

/// Goes back to the previous list, where it was.
pub fn pop(app: &mut App) {
    if app.views.len() > 1 {
        app.views.pop();
    }
}

/// The articles a search may return: those of the list it was started over, unless that is the
/// whole corpus.
pub fn search_scope(app: &App) -> Option<Vec<u32>> {
    let n = app.views.len();
    let base = app.views.get(n.checked_sub(2)?)?;
    (matches!(app.view().kind, ViewKind::Search { .. }) && base.kind != ViewKind::All)
        .then(|| base.items.clone())
}

/// What to highlight in a story when the list is a search: the words the engine matched in it
/// (fuzzy matches as they are written in the story), and the parsed query's own words and
/// phrases (phrases whole, `title:` in the title only, `person:` and `bill:` names anywhere;
/// exclusions and `source:` not at all).
pub fn search_terms(app: &App, article: usize) -> Vec<Highlight> {
    let mut terms = Vec::new();
    let Some(view) = app
        .views
        .iter()
        .rev()
        .find(|v| matches!(v.kind, ViewKind::Search { .. }))
    else {
        return terms;
    };
    let ViewKind::Search { query, .. } = &view.kind else {
        return terms;
    };
    if let Some(row) = view.items.iter().position(|&a| a as usize == article) {
        for m in view.matches.get(row).into_iter().flatten() {
            let title_only = match m.field {
                MatchField::Source | MatchField::Missing => continue,
                MatchField::Title => true,
                MatchField::Body | MatchField::Person | MatchField::Bill => false,
            };
            terms.extend(
                matched_words(&m.text, &m.ranges)
                    .into_iter()
                    .map(|text| Highlight { text, title_only }),
            );
        }
    }
    if let Ok(parsed) = crate::search::parse(query) {
        for clause in parsed.clauses.iter().filter(|c| !c.negated) {
            let title_only = match clause.scope {
                Scope::Source => continue,
                Scope::Title => true,
                Scope::Any | Scope::Person | Scope::Bill => false,
            };
            let text = match &clause.term {
                Term::Word(w) if w.chars().count() >= 3 => w.clone(),
                Term::Phrase(p) => p.clone(),
                Term::Word(_) | Term::Bill(_) => continue,
            };
            terms.push(Highlight { text, title_only });
        }
    }
    terms.sort();
    terms.dedup();
    terms
}

/// The text of each matched range of `text`, widened to whole words.
fn matched_words(text: &str, ranges: &[[usize; 2]]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    for &[start, end] in ranges {
        let end = end.min(chars.len());
        // The matched characters, widened to whole words: one highlight for a matched phrase.
        let Some(first) = (start..end).find(|&i| chars[i].is_alphanumeric()) else {
            continue;
        };
        let last = (start..end)
            .rev()
            .find(|&i| chars[i].is_alphanumeric())
            .unwrap_or(first);
        let mut a = first;
        while a > 0 && chars[a - 1].is_alphanumeric() {
            a -= 1;
        }
        let mut b = last + 1;
        while b < chars.len() && chars[b].is_alphanumeric() {
            b += 1;
        }
        let word: String = chars[a..b].iter().collect();
        if word.chars().count() >= 2 && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}
