//! Finding one person or bill by a name typed loosely: a bill number in any spelling, a name or alias, a fuzzy name.

use super::matcher;
use super::text::bill_number_key;
use crate::extract::{EntityIndex, EntityRef, person_key};

/// The person or bill a loosely typed name means, if any: a bill number in any spelling ("hr 1",
/// "H.R.1": the numbered bill of the most stories, whatever its Congress), else a name, label,
/// bill name or alias written out (case and punctuation aside), else the best fuzzy match of a
/// name or alias (letters in order, as the search prompt matches names, or one or two typos in
/// a name of five letters or more). Ties go to the entity in the most stories.
pub fn best_entity(index: &EntityIndex, query: &str) -> Option<EntityRef> {
    let query = query.trim();
    if query.is_empty() {
        return None;
    }
    if let Some(key) = bill_number_key(query) {
        let found = most_stories(
            index
                .bills
                .iter()
                .enumerate()
                .filter(|(_, b)| b.number.as_deref().and_then(bill_number_key) == Some(key.clone()))
                .map(|(i, b)| (EntityRef::Bill(i as u32), b.articles.len())),
        );
        if found.is_some() {
            return found;
        }
    }
    let exact = exact(index, query);
    if exact.is_some() {
        return exact;
    }
    fuzzy(index, query)
}

/// The candidate in the most stories (ties: the first).
fn most_stories(candidates: impl Iterator<Item = (EntityRef, usize)>) -> Option<EntityRef> {
    let mut best: Option<(EntityRef, usize)> = None;
    for (e, n) in candidates {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((e, n));
        }
    }
    best.map(|(e, _)| e)
}

/// Every name an entity answers to: name or label first, then bill name, number and aliases.
fn names(index: &EntityIndex) -> impl Iterator<Item = (EntityRef, usize, &str)> {
    let people = index.people.iter().enumerate().flat_map(|(i, p)| {
        let e = EntityRef::Person(i as u32);
        let n = p.articles.len();
        std::iter::once(p.name.as_str())
            .chain(p.aliases.iter().map(String::as_str))
            .map(move |name| (e, n, name))
    });
    let bills = index.bills.iter().enumerate().flat_map(|(i, b)| {
        let e = EntityRef::Bill(i as u32);
        let n = b.articles.len();
        std::iter::once(b.label.as_str())
            .chain(b.title.as_deref())
            .chain(b.number.as_deref())
            .chain(b.aliases.iter().map(String::as_str))
            .map(move |name| (e, n, name))
    });
    people.chain(bills)
}

fn exact(index: &EntityIndex, query: &str) -> Option<EntityRef> {
    let key = person_key(query);
    let lower = query.to_lowercase();
    most_stories(
        names(index)
            .filter(|(e, _, name)| match e {
                EntityRef::Person(_) => person_key(name) == key,
                EntityRef::Bill(_) => name.to_lowercase() == lower,
            })
            .map(|(e, n, _)| (e, n)),
    )
}

fn fuzzy(index: &EntityIndex, query: &str) -> Option<EntityRef> {
    let lower = query.to_lowercase();
    let pattern: Vec<char> = lower.chars().collect();
    let min = matcher::min_score(pattern.len());
    let max_typos = match pattern.len() {
        0..5 => 0,
        5..10 => 1,
        _ => 2,
    };
    // (typos, -score, -stories): fewer typos, then a better fuzzy score, then more stories.
    let mut best: Option<((usize, i64, i64), EntityRef)> = None;
    for (e, n, name) in names(index) {
        let rank = match matcher::score(name, &lower).filter(|s| *s >= min) {
            Some(score) => (0, -score, -(n as i64)),
            None if max_typos > 0 => {
                let name: Vec<char> = name.to_lowercase().chars().collect();
                match matcher::typo_distance(&pattern, &name, max_typos) {
                    Some(d) => (d, 0, -(n as i64)),
                    None => continue,
                }
            }
            None => continue,
        };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, e));
        }
    }
    best.map(|(_, e)| e)
}

#[cfg(test)]
mod tests {
    use super::best_entity;
    use crate::corpus::Article;
    use crate::extract::{EntityIndex, EntityRef};

    fn index() -> EntityIndex {
        let story = |id: &str, body: &str| Article {
            id: id.into(),
            body: body.into(),
            date: chrono::NaiveDate::from_ymd_opt(2019, 3, 1),
            ..Article::default()
        };
        EntityIndex::build(&[
            story(
                "a",
                "Speaker Nancy Pelosi backed H.R. 1, the For the People Act.",
            ),
            story("b", "Speaker Nancy Pelosi spoke. Paul Pelosi did not."),
            story("c", "Sen. Mike Lee of Utah opposed H.R. 1 again."),
            story("d", "Rep. Thomas Massie (R-Ky.) filed H.R. 3684."),
        ])
    }

    fn name(index: &EntityIndex, e: Option<EntityRef>) -> Option<String> {
        Some(match e? {
            EntityRef::Person(id) => index.people[id as usize].name.clone(),
            EntityRef::Bill(id) => index.bills[id as usize].label.clone(),
        })
    }

    #[test]
    fn names_numbers_and_fuzz() {
        let index = index();
        let find = |q: &str| name(&index, best_entity(&index, q));
        assert_eq!(find("nancy pelosi").as_deref(), Some("Nancy Pelosi"));
        assert_eq!(
            find("Pelosi").as_deref(),
            Some("Nancy Pelosi"),
            "the one in more stories"
        );
        assert_eq!(find("paul pelosi").as_deref(), Some("Paul Pelosi"));
        assert_eq!(find("hr 1").as_deref(), Some("H.R. 1"));
        assert_eq!(find("H.R.1").as_deref(), Some("H.R. 1"));
        assert_eq!(find("HR3684").as_deref(), Some("H.R. 3684"));
        assert_eq!(find("for the people act").as_deref(), Some("H.R. 1"));
        assert_eq!(find("masie").as_deref(), Some("Thomas Massie"));
        assert_eq!(
            find("nancy pelosy").as_deref(),
            Some("Nancy Pelosi"),
            "a typo"
        );
        assert_eq!(find("zzyzx"), None);
        assert_eq!(find("  "), None);
        assert_eq!(
            find("hr 999").as_deref(),
            None,
            "no such number, nothing fuzzy either"
        );
    }
}
