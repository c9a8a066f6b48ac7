//! A query shaped as an act's name that names no act of the stories ("health and safety at work
//! act"): the stories discuss the act without naming it, so those about its subject compete
//! with the stories that have every word; an act the stories name ("patriot act") still needs
//! its last word.

mod search_common;

use cloakroom::Article;
use search_common::{ids, indexed, story};

fn stories() -> Vec<Article> {
    vec![
        story(
            "whistleblowers",
            "Protect health and safety whistleblowers",
            "Workers who raise health and safety concerns at work lose their jobs, the union said. \
             Health and safety at work should be a duty of every employer, and health and safety \
             representatives want more rights.",
        ),
        story(
            "insurance",
            "Insurers fight the care act",
            "The Affordable Care Act changed health insurance for millions of families across \
             the country, and premiums rose in many states over the following years. Insurers \
             left some markets, governors asked for waivers, and the courts heard several cases \
             about the mandate and the subsidies. Work requirements were debated in the spring. \
             Hospitals reported new patients, clinics expanded their hours, and the budget office \
             published new estimates of the cost. One senator cited road safety at a hearing in \
             passing.",
        ),
        story(
            "farm",
            "Farm bill stalls",
            "The farm bill stalled at the committee after a long night of votes on crop \
             insurance, dairy prices and food stamps. Growers wrote letters, lobbyists met aides, \
             and the chairman promised a new draft. The health of the harvest came up once. The \
             work of the committee goes on next month, and members spoke of safety nets for \
             farmers hit by the trade war, and of an act to follow.",
        ),
        // "act" is rarer than the other words here, as it is in a real corpus.
        story(
            "jobs-1",
            "Jobs report",
            "Work and health were on the agenda.",
        ),
        story(
            "jobs-2",
            "Strike ends",
            "Work resumed; health checks follow.",
        ),
        story("jobs-3", "Hospital", "Health workers went back to work."),
        story(
            "patriot-act",
            "Patriot Act renewed",
            "Congress renewed the USA PATRIOT Act on Friday. The Patriot Act lets agents collect \
             records, and the Patriot Act expires again in four years.",
        ),
        story(
            "missiles",
            "Patriot missiles deployed",
            "Patriot missiles were sent to the border. The Patriot batteries arrived on Monday, \
             and more Patriot launchers follow.",
        ),
    ]
}

#[test]
fn the_subject_of_an_act_the_stories_do_not_name_comes_first() {
    let a = stories();
    let ix = indexed(&a);
    let got = ids(&a, &ix, "health and safety at work act");
    // Before, the story about the subject lacked "act" and followed the two that have every
    // word in passing.
    assert_eq!(
        got.first().map(String::as_str),
        Some("whistleblowers"),
        "{got:?}"
    );
    assert!(got.contains(&"insurance".to_string()), "{got:?}");
}

#[test]
fn an_act_the_stories_name_still_needs_its_word() {
    let a = stories();
    let ix = indexed(&a);
    let got = ids(&a, &ix, "patriot act");
    assert_eq!(
        got.first().map(String::as_str),
        Some("patriot-act"),
        "{got:?}"
    );
    assert!(!got.contains(&"missiles".to_string()), "{got:?}");
}
