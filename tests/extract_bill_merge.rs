//! A named act merges across stories into the numbered bill it appears with, even when several bills carry the
//! same name (the House and Senate versions).

use cloakroom::corpus::Article;
use cloakroom::extract::EntityIndex;

fn article(id: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        ..Article::default()
    }
}

fn labels_of(index: &EntityIndex, article: usize) -> Vec<String> {
    index
        .bills_of(article)
        .map(|(_, b, _)| format!("{} ({} stories)", b.label, b.articles.len()))
        .collect()
}

#[test]
fn a_named_act_joins_the_numbered_bill_it_shares_stories_with() {
    let articles = vec![
        article(
            "house",
            "House passes Laken Riley Act",
            "The House on Tuesday passed the Laken Riley Act. The bill, H.R. 29, was reintroduced by Rep. Mike Collins.",
        ),
        article(
            "senate",
            "Senate passes Laken Riley Act",
            "The Senate on Monday passed the Laken Riley Act by a vote of 64-35. The bill, S. 5, now returns to the House.",
        ),
        article(
            "signed",
            "Laken Riley Act becomes law",
            "President Donald Trump on Wednesday signed the Laken Riley Act, a bill on immigration detention. \
             It is the first bill he has signed.\n\nThe law, S. 5, is named for Laken Riley, a nursing student.",
        ),
    ];
    let index = EntityIndex::build(&articles);
    let named: Vec<&str> = index
        .bills
        .iter()
        .filter(|b| b.number.is_none())
        .map(|b| b.label.as_str())
        .collect();
    assert!(named.is_empty(), "left apart: {named:?}");
    assert_eq!(labels_of(&index, 2), ["S. 5 (2 stories)"]);
    assert_eq!(labels_of(&index, 0), ["H.R. 29 (1 stories)"]);
}

#[test]
fn the_bundled_sample_shows_the_law_as_one_bill() {
    let corpus = cloakroom::corpus::bundled();
    let index = EntityIndex::build(&corpus.articles);
    let signed = corpus
        .articles
        .iter()
        .position(|a| a.id == "sample-world-023")
        .unwrap_or_else(|| panic!("sample story missing"));
    let labels = labels_of(&index, signed);
    assert_eq!(labels, ["S. 5 (5 stories)"]);
}

#[test]
fn a_famous_act_is_not_merged_into_a_bill_that_shares_a_few_of_its_stories() {
    let mut articles = vec![
        article(
            "repeal-house",
            "House votes on repeal bill",
            "The House passed H.R. 3762 on Friday. It would repeal parts of the Affordable Care Act.",
        ),
        article(
            "repeal-again",
            "Repeal bill goes to the president",
            "Congress sent H.R. 3762 to the White House. The president said the Affordable Care Act had failed.",
        ),
        article(
            "titled",
            "The bill's name",
            "Critics called H.R. 3762, the Affordable Care Act, a repeal in all but name.",
        ),
        article(
            "repeal-senate",
            "Senate takes up repeal",
            "The Senate voted on H.R. 1628, the Affordable Care Act, on Thursday.",
        ),
    ];
    for i in 0..8 {
        articles.push(article(
            &format!("aca-{i}"),
            &format!("Enrollment story {i}"),
            "Enrollment under the Affordable Care Act rose again this year, officials said.",
        ));
    }
    let index = EntityIndex::build(&articles);
    let aca = index
        .bills
        .iter()
        .find(|b| b.number.is_none() && b.label.contains("Affordable Care Act"))
        .unwrap_or_else(|| panic!("the act stays its own bill: {:?}", index.bills));
    assert!(aca.articles.len() >= 8, "{:?}", aca.articles);
    assert!(
        labels_of(&index, 7).iter().all(|l| !l.contains("H.R.")),
        "an enrollment story names no numbered bill: {:?}",
        labels_of(&index, 7)
    );
}
