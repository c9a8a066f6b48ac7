//! Tests of named legislation: acts, UK bills, years, nicknames, trimmed leading words.

use super::*;
use crate::extract::token::tokenize;

fn names(text: &str) -> Vec<(String, String)> {
    let toks = tokenize(text);
    find_named(text, &toks, &[])
        .into_iter()
        .map(|n| (n.key, n.title))
        .collect()
}

fn title(text: &str) -> Option<String> {
    names(text).into_iter().next().map(|n| n.1)
}

#[test]
fn plain_acts() {
    assert_eq!(
        title("repeal the Affordable Care Act now").as_deref(),
        Some("Affordable Care Act")
    );
    assert_eq!(
        title("under the Freedom of Information Act,").as_deref(),
        Some("Freedom of Information Act")
    );
    assert_eq!(
        title("passed the For the People Act in").as_deref(),
        Some("For the People Act")
    );
    assert_eq!(
        title("The For the People Act passed").as_deref(),
        Some("For the People Act")
    );
}

#[test]
fn years_are_kept_for_display_and_ignored_for_matching() {
    let n = names("the Stop the War on Coal Act of 2012 passed");
    assert_eq!(n[0].1, "Stop the War on Coal Act of 2012");
    assert_eq!(n[0].0, "act:stop war on coal");
    let n = names("under the Hunting Act 2004, hunts");
    assert_eq!(
        n[0],
        ("act:hunting".to_string(), "Hunting Act 2004".to_string())
    );
}

#[test]
fn uk_bills() {
    assert_eq!(
        title("MPs debated the Prevention of Terrorism Bill on").as_deref(),
        Some("Prevention of Terrorism Bill")
    );
    assert!(names("former President Bill Clinton said").is_empty());
    assert!(names("union leader Sir Bill Morris said").is_empty());
    assert!(names("Bill Clinton said").is_empty());
}

#[test]
fn patriot_spellings_are_one() {
    let a = names("the USA PATRIOT Act expires");
    let b = names("the Patriot Act expires");
    assert_eq!(a[0].0, b[0].0);
}

#[test]
fn nicknames_map_to_the_act() {
    let a = names("repeal Obamacare and the ACA and the Affordable Care Act");
    assert_eq!(a.len(), 3);
    assert!(a.iter().all(|n| n.0 == "act:affordable care"));
    assert!(a.iter().all(|n| n.1 == "Affordable Care Act"));
}

#[test]
fn leading_words_are_trimmed() {
    assert_eq!(
        title("Under the Affordable Care Act, insurers").as_deref(),
        Some("Affordable Care Act")
    );
    assert_eq!(
        title("the Senate passed the Dodd-Frank Act").as_deref(),
        Some("Dodd-Frank Act")
    );
    assert_eq!(
        title("Kate’s Law and sanctuary").as_deref(),
        Some("Kate’s Law")
    );
    assert!(names("the Senate Bill was").is_empty());
    assert!(names("read the Act now").is_empty());
    assert!(names("under federal law, and Public Law").is_empty());
}

#[test]
fn act_acronyms_name_the_act() {
    let a = names("The FISA court and HIPAA rules; FOIA requests.");
    assert!(
        a.iter()
            .any(|n| n.1.contains("Foreign Intelligence Surveillance")),
        "{a:?}"
    );
    assert!(
        a.iter()
            .any(|n| n.1.contains("Health Insurance Portability")),
        "{a:?}"
    );
    assert!(
        a.iter().any(|n| n.1.contains("Freedom of Information")),
        "{a:?}"
    );
}
