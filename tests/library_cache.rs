//! The library's cache of each story's people and bills: filled by an import, used by a relaunch, set aside by
//! another extractor version, and never trusted over a fresh extraction when it cannot be read.

use std::collections::HashMap;

use cloakroom::corpus::{self, LoadOptions};
use cloakroom::extract::EntityIndex;
use cloakroom::library::{Library, build_index, extractor_version};

fn fixture() -> Vec<cloakroom::Article> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/e2e/stories.jsonl");
    let mut articles = corpus::load(&[path], &LoadOptions::default())
        .expect("load")
        .articles;
    articles.extend(corpus::bundled().articles.into_iter().take(40));
    articles
}

fn same(a: &EntityIndex, b: &EntityIndex) {
    assert_eq!(a.people, b.people);
    assert_eq!(a.bills, b.bills);
    assert_eq!(a.stories, b.stories);
    assert!(
        !a.people.is_empty() && !a.bills.is_empty(),
        "a fixture with people and bills"
    );
}

#[test]
fn an_import_fills_the_cache_and_a_relaunch_extracts_nothing() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut lib = Library::open(&dir.path().join("library.db"))?;
    let articles = fixture();
    lib.add_file_articles(&articles, 1)?;
    assert_eq!(lib.stats()?.extractions, articles.len() as u64);
    let back = lib.articles()?;
    let cached = lib.cached_extractions()?;
    let built = build_index(&back, &cached, &|_| {});
    assert_eq!(built.hits, articles.len());
    assert!(built.fresh.is_empty());
    same(&built.index, &EntityIndex::build(&back));
    Ok(())
}

#[test]
fn stories_missing_from_the_cache_are_extracted_and_stored() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut lib = Library::open(&dir.path().join("library.db"))?;
    let articles = fixture();
    let built = build_index(&articles, &HashMap::new(), &|_| {});
    assert_eq!((built.hits, built.fresh.len()), (0, articles.len()));
    same(&built.index, &EntityIndex::build(&articles));
    lib.store_extractions(&built.fresh)?;
    let again = build_index(&articles, &lib.cached_extractions()?, &|_| {});
    assert_eq!(again.hits, articles.len());
    same(&again.index, &built.index);
    Ok(())
}

#[test]
fn another_version_is_set_aside_and_a_broken_entry_is_extracted_again() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("library.db");
    let mut lib = Library::open(&path)?;
    let articles = fixture();
    lib.add_file_articles(&articles, 1)?;
    let conn = rusqlite::Connection::open(&path)?;
    // An entry of another extractor version, and one current entry made unreadable.
    conn.execute(
        "INSERT INTO extractions (hash, version, data) VALUES (1, ?1, x'00')",
        [extractor_version().wrapping_add(1)],
    )?;
    let broken: i64 = conn.query_row(
        "SELECT hash FROM extractions WHERE version = ?1 LIMIT 1",
        [extractor_version()],
        |r| r.get(0),
    )?;
    conn.execute(
        "UPDATE extractions SET data = x'ffffffff' WHERE hash = ?1",
        [broken],
    )?;
    let cached = lib.cached_extractions()?;
    assert_eq!(
        cached.len(),
        articles.len(),
        "only the current version is read"
    );
    let built = build_index(&articles, &cached, &|_| {});
    assert_eq!(
        built.fresh.len(),
        1,
        "the unreadable entry is extracted again"
    );
    same(&built.index, &EntityIndex::build(&articles));
    lib.store_extractions(&built.fresh)?;
    let others: i64 = conn.query_row(
        "SELECT COUNT(*) FROM extractions WHERE version != ?1",
        [extractor_version()],
        |r| r.get(0),
    )?;
    assert_eq!(others, 0);
    assert!(
        build_index(&articles, &lib.cached_extractions()?, &|_| {})
            .fresh
            .is_empty()
    );
    Ok(())
}
