//! Shared set-up for the reader's tests: the fixture corpus, a hand-made entity index and a driver.
#![allow(dead_code)]

use std::sync::Arc;

use chrono::NaiveDate;
use cloakroom::corpus::Article;
use cloakroom::extract::{Bill, EntityIndex, Field, Person, Span, StoryLinks};
use cloakroom::state::ReadState;
use cloakroom::ui::action::{SearchOutcome, Shared};
use cloakroom::ui::app::App;
use cloakroom::ui::engine::SearchEngine;
use cloakroom::ui::theme::Theme;
use cloakroom::ui::update::search_scope;
use cloakroom::ui::{Action, Effect, draw, update};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use serde_json::Value;

/// The fixture stories, read straight from JSON so that the UI's own defences are tested.
pub fn articles() -> Vec<Article> {
    let text = include_str!("../fixtures/ui/stories.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("fixture line is JSON");
            let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
            Article {
                id: s("id").unwrap_or_default(),
                title: s("title").unwrap_or_default(),
                body: s("body").unwrap_or_default(),
                source: s("source"),
                authors: v
                    .get("authors")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
                date: s("date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                url: s("url").and_then(|u| cloakroom::corpus::SafeUrl::parse(&u).ok()),
                ..Article::default()
            }
        })
        .collect()
}

/// People of the fixture: (name, forms, role, party, state).
const PEOPLE: &[(&str, &[&str], &str, &str, &str)] = &[
    (
        "Thomas Massie",
        &["Thomas Massie", "Massie"],
        "Representative",
        "R",
        "Kentucky",
    ),
    ("Mike Lee", &["Mike Lee", "Lee"], "Senator", "R", "Utah"),
    (
        "Roger Wicker",
        &["Roger Wicker", "Wicker"],
        "Senator",
        "R",
        "Mississippi",
    ),
    (
        "Joni Ernst",
        &["Joni Ernst", "Ernst"],
        "Senator",
        "R",
        "Iowa",
    ),
    (
        "Michael Bennet",
        &["Michael Bennet", "Bennet"],
        "Senator",
        "D",
        "Colorado",
    ),
    (
        "Mike Johnson",
        &["Mike Johnson"],
        "Speaker",
        "R",
        "Louisiana",
    ),
];

/// Whole-word occurrences of the forms in a text, longest form first, never overlapping.
fn find(text: &str, forms: &[&str], field: Field, taken: &mut Vec<(usize, usize)>) -> Vec<Span> {
    let mut spans = Vec::new();
    for form in forms {
        for (start, _) in text.match_indices(form) {
            let end = start + form.len();
            let word_end = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            let word_start = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if word_end && word_start && !taken.iter().any(|&(s, e)| start < e && s < end) {
                taken.push((start, end));
                spans.push(Span { field, start, end });
            }
        }
    }
    spans.sort();
    spans
}

/// An entity index built by literal matching, so that UI tests do not depend on the extractor.
pub fn entity_index(articles: &[Article]) -> EntityIndex {
    let mut index = EntityIndex {
        people: PEOPLE
            .iter()
            .map(|(name, forms, role, party, state)| Person {
                name: (*name).to_owned(),
                aliases: forms[1..].iter().map(|f| (*f).to_owned()).collect(),
                role: Some((*role).to_owned()),
                party: Some((*party).to_owned()),
                state: Some((*state).to_owned()),
                ..Person::default()
            })
            .collect(),
        bills: vec![Bill {
            key: "hr3684-119".to_owned(),
            label: "H.R. 3684".to_owned(),
            number: Some("H.R. 3684".to_owned()),
            chamber: Some("House".to_owned()),
            sponsors: vec!["Thomas Massie".to_owned()],
            ..Bill::default()
        }],
        stories: Vec::new(),
    };
    for (i, a) in articles.iter().enumerate() {
        let mut links = StoryLinks::default();
        let (mut taken_title, mut taken_body) = (Vec::new(), Vec::new());
        for (id, (_, forms, ..)) in PEOPLE.iter().enumerate() {
            let mut spans = find(&a.title, forms, Field::Title, &mut taken_title);
            spans.extend(find(&a.body, forms, Field::Body, &mut taken_body));
            if !spans.is_empty() {
                let person = &mut index.people[id];
                person.articles.push(i as u32);
                person.mentions += spans.len() as u32;
                links.people.push((id as u32, spans));
            }
        }
        let spans = find(&a.body, &["H.R. 3684"], Field::Body, &mut taken_body);
        if !spans.is_empty() {
            index.bills[0].articles.push(i as u32);
            index.bills[0].mentions += spans.len() as u32;
            links.bills.push((0, spans));
        }
        index.stories.push(links);
    }
    index
}

/// The app over the fixture, with every index built, and the searcher it talks to.
pub struct Harness {
    /// The reader's state.
    pub app: App,
    /// Answers the app's searches synchronously.
    pub engine: SearchEngine,
    /// Effects asked for so far, besides searches.
    pub effects: Vec<Effect>,
}

/// A reader over the fixture at a terminal size, indexes ready.
pub fn harness(width: u16, height: u16) -> Harness {
    harness_over(articles(), width, height)
}

/// A reader over these stories at a terminal size, indexes ready (people and bills found by
/// literal matching of the fixture's names).
pub fn harness_over(articles: Vec<Article>, width: u16, height: u16) -> Harness {
    let index = entity_index(&articles);
    harness_with(articles, index, width, height)
}

/// A reader over these stories and this entity index at a terminal size, indexes ready.
pub fn harness_with(
    articles: Vec<Article>,
    index: EntityIndex,
    width: u16,
    height: u16,
) -> Harness {
    let articles = Arc::new(articles);
    let entities = Arc::new(index);
    let engine = SearchEngine::build(Arc::clone(&articles), &entities);
    let mut h = Harness {
        app: App::new(articles, ReadState::in_memory(), Theme::color()),
        engine,
        effects: Vec::new(),
    };
    h.act(Action::Resize(width, height));
    h.act(Action::EntitiesReady(Shared(entities)));
    h.act(Action::SearchReady);
    h
}

impl Harness {
    /// Applies an action, answering searches at once as the background worker would.
    pub fn act(&mut self, action: Action) {
        let mut queue = vec![action];
        while let Some(action) = queue.pop() {
            for effect in update(&mut self.app, action) {
                match effect {
                    Effect::Search(generation, query) => {
                        queue.push(Action::SearchResults(SearchOutcome {
                            generation,
                            hits: self.engine.search_sorted(
                                &query,
                                search_scope(&self.app).as_deref(),
                                self.app.sort(),
                            ),
                            partial: false,
                            total: 0,
                        }));
                    }
                    // The extraction thread's answer, at once.
                    Effect::ExtractStory(index) => {
                        let found = cloakroom::extract::extract(&self.app.articles()[index]);
                        queue.push(Action::StoryEntities(index, Shared(Arc::new(found))));
                    }
                    other => self.effects.push(other),
                }
            }
        }
    }

    /// Presses a key with modifiers through the keymap.
    pub fn press_with(&mut self, code: KeyCode, mods: KeyModifiers) {
        let key = KeyEvent::new(code, mods);
        if let Some(action) = self
            .app
            .keymap()
            .resolve(self.app.mode(), self.app.focus(), key)
        {
            self.act(action);
        }
    }

    /// Presses a plain key.
    pub fn press(&mut self, code: KeyCode) {
        self.press_with(code, KeyModifiers::NONE);
    }

    /// Types each character as a key press.
    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// Draws a frame of the stored size.
    pub fn buffer(&self) -> Buffer {
        let (w, h) = self.app.size();
        draw_at(&self.app, w, h)
    }

    /// The screen as text, one line per row, trailing spaces trimmed.
    pub fn screen(&self) -> String {
        text(&self.buffer())
    }

    /// Title of the selected story.
    pub fn selected_title(&self) -> String {
        let i = self.app.view().current().expect("a story is selected");
        self.app.articles()[i].title.clone()
    }
}

/// Draws the app on a test terminal of any size.
pub fn draw_at(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| draw(frame, app)).expect("draw");
    terminal.backend().buffer().clone()
}

/// A buffer as text.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
