//! How much a story is about the person or bill a query names (named in its title, their share
//! of its mentions, how often) scales its score, on stories written for it.

mod search_common;

use cloakroom::Article;
use cloakroom::search::{SearchIndex, Weights};
use search_common::{explained, ids, indexed, story};

fn stories() -> Vec<Article> {
    vec![
        story(
            "about",
            "Farm subsidies row deepens",
            "Senator Dana Hartwell said on Tuesday that the farm subsidies would not survive the \
             winter. Hartwell, who chairs the agriculture committee, told reporters that the \
             payments had grown too large. Hartwell said her committee would write a new plan, and \
             Hartwell would present it in March. The farm lobby was unhappy with the proposal and \
             said the committee had not consulted growers before the hearing.",
        ),
        story(
            "roll-call",
            "Senate passes the budget",
            "Senators Dana Hartwell, Roy Castell, Ada Brennan, Otto Vance and Lena Morrow voted \
             yes. Castell and Brennan spoke first, then Vance and Morrow. Hartwell spoke last. \
             Castell, Brennan, Vance and Morrow praised Hartwell and Hartwell thanked them.",
        ),
        story(
            "imran",
            "Aide charged",
            "Imran Awan, a former aide, was charged on Friday. Imran Awan denies it.",
        ),
        story(
            "iran",
            "Talks resume",
            "Iran and the envoys met again in Vienna on Friday.",
        ),
    ]
}

fn without_about(ix: SearchIndex) -> SearchIndex {
    ix.with_weights(Weights {
        about_title: 0.0,
        about_share: 0.0,
        about_count: 0.0,
        ..Weights::default()
    })
}

#[test]
fn the_story_about_a_person_beats_a_roll_call_that_names_them_as_often() {
    let a = stories();
    for query in ["dana hartwell", "dana hartwel", "hartwell"] {
        // Without the factor the short roll call wins on length; with it, the story where she
        // is most of the people named comes first.
        assert_eq!(
            ids(&a, &indexed(&a), query),
            ["about", "roll-call"],
            "{query}"
        );
        assert_eq!(
            ids(&a, &without_about(indexed(&a)), query),
            ["roll-call", "about"],
            "{query}"
        );
    }
}

#[test]
fn the_explanation_shows_the_factor_and_adds_up() {
    let a = stories();
    let factors: Vec<f32> = explained(&a, &indexed(&a), "dana hartwell")
        .into_iter()
        .map(|(_, e)| {
            assert!(e.to_string().contains(" about ("), "{e}");
            e.about
        })
        .collect();
    assert!(factors[0] > factors[1] && factors[1] > 1.0, "{factors:?}");
}

#[test]
fn a_word_only_like_a_name_gives_no_factor() {
    let a = stories();
    let ix = indexed(&a);
    // "iran" is a word of its own; "Imran Awan" is only close to it: his story gets no bonus.
    assert_eq!(ids(&a, &ix, "iran"), ["iran", "imran"]);
    for (id, e) in explained(&a, &ix, "iran") {
        assert!((e.about - 1.0).abs() < f32::EPSILON, "{id}: {e}");
    }
}

#[test]
fn a_bill_the_query_names_counts_at_its_share() {
    let a = vec![
        story(
            "bill",
            "House passes H.R. 4410",
            "The House passed H.R. 4410 on Friday. H.R. 4410 funds rural clinics.",
        ),
        story(
            "other",
            "Clinics wait",
            "Rural clinics wait for the Senate to act.",
        ),
    ];
    let about = |ix: &SearchIndex| {
        let got = explained(&a, ix, "hr 4410");
        assert_eq!(got.len(), 1);
        got[0].1.about
    };
    let full = about(&indexed(&a));
    let none = about(&indexed(&a).with_weights(Weights {
        about_bills: 0.0,
        ..Weights::default()
    }));
    assert!(
        full > 1.0 && (none - 1.0).abs() < f32::EPSILON,
        "{full} {none}"
    );
}
