//! Loading a folder as a dataset ships it: metadata files are not stories, and page furniture
//! (hover cards, captions, sign-ups) is gone before extraction and search see the text.

use cloakroom::corpus::{self, LoadOptions};
use cloakroom::extract::EntityIndex;

#[test]
fn a_datasets_metadata_files_are_not_stories_and_furniture_is_stripped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::write(
        p.join("SOURCE_COMMIT.txt"),
        "ced8111a720948e6a410e52031ace99c4e53f096 Wed Mar 31 2021\nhttps://github.com/x/y\n",
    )
    .expect("write");
    std::fs::write(
        p.join("LICENSE"),
        "MIT License\n\nPermission is hereby granted",
    )
    .expect("write");
    std::fs::write(
        p.join("README.md"),
        "# The data\n\nArticles about Congress.",
    )
    .expect("write");
    let body = "Enlarge this image toggle caption Alex Wong/Getty Images Alex Wong/Getty Images\\n\\n\
                Sen. Joni Ernst Joni Kay ErnstTrump holds chummy meeting with Turkey's Erdoğan Overnight \
                Defense: Officials fear Syria pullout MORE (R-Iowa) backed the bill on Tuesday.\\n\\n\
                Sign up for Daily Newsletters Manage Newsletters";
    std::fs::write(
        p.join("story.json"),
        format!("{{\"ID\": \"s1\", \"title\": \"Ernst backs the bill\", \"content_original\": \"{body}\"}}"),
    )
    .expect("write");
    let c = corpus::load(&[p.to_path_buf()], &LoadOptions::default()).expect("loads");
    assert_eq!(c.articles.len(), 1, "only the story: {:?}", c.articles);
    assert_eq!(
        c.articles[0].body,
        "Sen. Joni Ernst (R-Iowa) backed the bill on Tuesday."
    );
    // Neither the hover card's headline people nor the photo credit reach extraction.
    let e = EntityIndex::build(&c.articles);
    let names: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Joni Ernst"]);
}
