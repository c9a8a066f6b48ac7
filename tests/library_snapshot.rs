//! The saved index beside the library: read back identical when it matches the stories, ignored when it does
//! not or cannot be read, written by `cloakroom add`.

use cloakroom::corpus::{self, Article};
use cloakroom::extract::EntityIndex;
use cloakroom::library::{
    Library, SnapshotKey, read_snapshot, save_index, snapshot_path, write_snapshot,
};
use cloakroom::search::{SearchIndex, parse};

fn stories() -> Vec<Article> {
    corpus::bundled().articles
}

/// Ids and scores of a query's hits.
fn ranked(index: &SearchIndex, articles: &[Article], query: &str) -> Vec<(usize, i64)> {
    let query = parse(query).expect("query");
    let ranking = index
        .rank(articles, &query, 50, &|| false)
        .expect("ranking");
    ranking.hits.iter().map(|h| (h.article, h.score)).collect()
}

#[test]
fn a_saved_index_reads_back_the_same() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("library.db.index");
    let articles = stories();
    let entities = EntityIndex::build(&articles);
    let search = SearchIndex::build(&articles, &entities);
    let key = SnapshotKey::new(articles.len() as u64, 116);
    write_snapshot(&path, key, &entities, &search)?;
    let (e, s) = read_snapshot(&path, key).expect("the same key reads back");
    assert_eq!(e.people, entities.people);
    assert_eq!(e.bills, entities.bills);
    assert_eq!(e.stories, entities.stories);
    assert_eq!(s.vocabulary_len(), search.vocabulary_len());
    for query in ["laken riley", "trump", "s. 5", "nato", "senate vote"] {
        let want = ranked(&search, &articles, query);
        assert!(!want.is_empty(), "{query} finds something");
        assert_eq!(ranked(&s, &articles, query), want, "{query}");
    }
    Ok(())
}

#[test]
fn another_key_or_a_damaged_file_is_ignored() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("library.db.index");
    let articles = stories();
    let entities = EntityIndex::build(&articles);
    let search = SearchIndex::build(&articles, &entities);
    let key = SnapshotKey::new(116, 116);
    assert!(read_snapshot(&path, key).is_none(), "no file");
    write_snapshot(&path, key, &entities, &search)?;
    assert!(
        read_snapshot(&path, SnapshotKey::new(117, 117)).is_none(),
        "one story more"
    );
    assert!(
        read_snapshot(&path, SnapshotKey::new(116, 120)).is_none(),
        "other stories"
    );
    let bytes = std::fs::read(&path)?;
    std::fs::write(&path, &bytes[..bytes.len() / 2])?;
    assert!(read_snapshot(&path, key).is_none(), "cut short");
    let mut flipped = bytes.clone();
    flipped[0] ^= 1;
    std::fs::write(&path, &flipped)?;
    assert!(read_snapshot(&path, key).is_none(), "not an index file");
    Ok(())
}

#[test]
fn save_index_writes_the_index_of_what_the_library_holds() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut lib = Library::open(&dir.path().join("library.db"))?;
    let articles = stories();
    lib.add_file_articles(&articles, 1)?;
    save_index(&mut lib)?;
    let key = lib.snapshot_key()?;
    assert_eq!(key.count, articles.len() as u64);
    let (entities, search) = read_snapshot(&snapshot_path(lib.path()), key).expect("saved");
    let back = lib.articles()?;
    assert_eq!(entities.people, EntityIndex::build(&back).people);
    assert_eq!(
        ranked(&search, &back, "laken riley").len(),
        ranked(&SearchIndex::build(&back, &entities), &back, "laken riley").len()
    );
    // One more story: the saved index no longer matches.
    let mut extra = articles[0].clone();
    extra.id = "extra".into();
    extra.title = "Another story".into();
    lib.add_file_articles(&[extra], 2)?;
    assert!(read_snapshot(&snapshot_path(lib.path()), lib.snapshot_key()?).is_none());
    Ok(())
}
