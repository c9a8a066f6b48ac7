//! A typo of a name that another name matches better alone: the run of words decides
//! ("al frankin" is Al Franken, though "frankin" alone is closer to Franklin).

mod search_common;

use cloakroom::Article;
use search_common::{indexed, story};

fn ids(a: &[Article], query: &str) -> Vec<String> {
    search_common::ids(a, &indexed(a), query)
}

fn corpus() -> Vec<Article> {
    let f =
        " Aides said the talks would continue into the evening and that a vote could come later.";
    vec![
        story(
            "franken-1",
            "Al Franken to resign",
            &format!(
                "Sen. Al Franken said he would resign. Mr. Franken spoke on the Senate floor.{f}"
            ),
        ),
        story(
            "franken-2",
            "Franken's seat",
            &format!(
                "Minnesota's governor will name a successor to Sen. Al Franken. Franken leaves in January.{f}"
            ),
        ),
        story(
            "fdr-1",
            "New Deal history",
            &format!(
                "President Franklin Roosevelt signed the law in 1935. Roosevelt said all workers deserved it.{f}"
            ),
        ),
        story(
            "fdr-2",
            "A look back",
            &format!(
                "Franklin Roosevelt won all but two states. Historians say Franklin Roosevelt remade the party.{f}"
            ),
        ),
    ]
}

#[test]
fn the_run_of_words_finds_the_name_a_typo_means() {
    let a = corpus();
    let found = ids(&a, "al frankin");
    let mut first: Vec<&str> = found.iter().take(2).map(String::as_str).collect();
    first.sort_unstable();
    assert_eq!(first, ["franken-1", "franken-2"], "{found:?}");
}
