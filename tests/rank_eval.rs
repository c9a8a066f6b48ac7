//! The ranking scorer (`examples/rank_eval`): its arithmetic on hand-made cases, its BM25 baseline, and the
//! well-formedness of the judged query set `tests/eval/ranking/queries.json` (no corpus needed).

#[allow(dead_code)]
#[path = "../examples/rank_eval/bm25.rs"]
mod bm25;
#[allow(dead_code)]
#[path = "../examples/rank_eval/judged.rs"]
mod judged;
#[allow(dead_code)]
#[path = "../examples/rank_eval/metrics.rs"]
mod metrics;

use std::collections::HashSet;
use std::path::Path;

use metrics::{Grades, Mean, dcg, figures, ndcg, precision, reciprocal_rank};

fn grades(pairs: &[(&str, u8)]) -> Grades {
    pairs.iter().map(|&(k, g)| (k.to_string(), g)).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn dcg_discounts_by_log2_of_rank_plus_one() {
    // 2/log2(2) + 0/log2(3) + 1/log2(4) = 2 + 0 + 0.5
    assert!(close(dcg(&[2, 0, 1], 10), 2.5));
    // Cut at k: only the first two ranks count.
    assert!(close(dcg(&[2, 0, 1], 2), 2.0));
    assert!(close(dcg(&[], 10), 0.0));
}

#[test]
fn ndcg_divides_by_the_best_order_of_every_judged_document() {
    // d is judged 2 but not retrieved: it still belongs to the ideal list [2, 2, 1, 0].
    let g = grades(&[("a", 2), ("b", 0), ("c", 1), ("d", 2)]);
    let ideal = 2.0 + 2.0 / 3f64.log2() + 1.0 / 2.0;
    assert!(close(ndcg(&["a", "b", "c"], &g, 10), 2.5 / ideal));
    // The ideal order scores 1, an unjudged document counts as grade 0.
    assert!(close(ndcg(&["a", "d", "c", "b"], &g, 10), 1.0));
    assert!(close(
        ndcg(&["x", "a", "d", "c"], &g, 10),
        (2.0 / 3f64.log2() + 2.0 / 2.0 + 1.0 / 5f64.log2()) / ideal
    ));
    // Nothing relevant judged: 0, not NaN.
    assert!(close(ndcg(&["a"], &grades(&[("a", 0)]), 10), 0.0));
}

#[test]
fn precision_at_5_counts_grade_1_and_up_out_of_5() {
    let g = grades(&[("a", 2), ("b", 0), ("c", 1), ("f", 2)]);
    // Three returned, two relevant: 2/5 (a short list is not rewarded).
    assert!(close(precision(&["a", "b", "c"], &g, 5), 0.4));
    // The sixth document is beyond the cut; "u" is unjudged.
    assert!(close(
        precision(&["a", "b", "c", "u", "b", "f"], &g, 5),
        0.4
    ));
    assert!(close(precision(&[], &g, 5), 0.0));
}

#[test]
fn reciprocal_rank_is_one_over_the_first_relevant_rank_within_10() {
    let g = grades(&[("a", 0), ("b", 0), ("c", 1), ("z", 2)]);
    assert!(close(reciprocal_rank(&["a", "b", "c"], &g, 10), 1.0 / 3.0));
    assert!(close(reciprocal_rank(&["z"], &g, 10), 1.0));
    assert!(close(reciprocal_rank(&["a", "b"], &g, 10), 0.0));
    let late = ["a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "z"];
    assert!(close(reciprocal_rank(&late, &g, 10), 0.0));
}

#[test]
fn means_average_the_figures_of_the_queries() {
    let g = grades(&[("a", 2)]);
    let mut m = Mean::default();
    m.add(figures(&["a"], &g), 0);
    m.add(figures(&["b", "a"], &g), 1);
    let mean = m.mean();
    assert_eq!(m.n, 2);
    assert_eq!(m.unjudged, 1);
    assert!(close(mean.ndcg10, 0.5 * (1.0 + 1.0 / 3f64.log2())));
    assert!(close(mean.p5, 0.2));
    assert!(close(mean.rr, 0.75));
    assert!(close(Mean::default().mean().ndcg10, 0.0));
}

#[test]
fn the_tokenizer_lowercases_and_splits_on_non_alphanumerics() {
    assert_eq!(
        bm25::tokenize("H.R. 1's For-the-People Act"),
        ["h", "r", "1", "s", "for", "the", "people", "act"]
    );
    assert_eq!(bm25::tokenize("Zoë  ÉCOLE"), ["zoë", "école"]);
}

#[test]
fn bm25_scores_qualifier_values_as_words_and_drops_filters() {
    assert_eq!(
        bm25::query_words(r#"person:"rand paul" -trump after:2019-01-01 title:NATO "rand""#),
        ["rand", "paul", "nato"]
    );
    assert_eq!(
        bm25::query_words("source:politico mueller before:2014"),
        ["politico", "mueller"]
    );
}

#[test]
fn bm25_ranks_by_saturated_tf_idf_with_length_normalization() {
    let docs = [
        ("nato summit", "nato allies meet at the nato summit"),
        ("budget", "the senate passed the budget"),
        (
            "senate",
            "the senate debated nato once in a very long story about many other things entirely",
        ),
        ("nothing", "unrelated words"),
    ];
    let index = bm25::Bm25::build(docs.iter().map(|&(t, b)| (t, b)));
    let hits = index.search(&["nato".to_string()], 10);
    let order: Vec<usize> = hits.iter().map(|&(d, _)| d).collect();
    assert_eq!(order, [0, 2]);
    // A rarer word weighs more: "budget" (1 document) beats "senate" (2 documents).
    let hits = index.search(&["budget".to_string(), "senate".to_string()], 10);
    assert_eq!(hits[0].0, 1);
    // Textbook value for document 1 and "budget": idf * tf (k1 + 1) / (tf + k1 (1 - b + b len / avg)).
    let lens = [9.0, 6.0, 16.0, 3.0];
    let avg = lens.iter().sum::<f64>() / 4.0;
    let idf = (1.0_f64 + (4.0 - 1.0 + 0.5) / (1.0 + 0.5)).ln();
    let expected = idf * 2.0 * 2.2 / (2.0 + 1.2 * (0.25 + 0.75 * 6.0 / avg));
    let got = index.search(&["budget".to_string()], 1)[0].1;
    assert!(close(got, expected), "{got} != {expected}");
}

#[test]
fn document_keys_do_not_depend_on_the_text() {
    let root = Path::new("/c");
    assert_eq!(
        judged::doc_key("/c/bbc-politics/042.txt", "9f3a", root),
        "bbc-politics/042.txt"
    );
    assert_eq!(
        judged::doc_key("/c/seed.json", "seed-nato-exit", root),
        "seed.json"
    );
    assert_eq!(
        judged::doc_key(
            "/c/allsides-congress/jsons/x.json",
            "6Eyvfpgs0CD5FHy8",
            root
        ),
        "6Eyvfpgs0CD5FHy8"
    );
}

fn load_set() -> Vec<judged::Judged> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/ranking/queries.json");
    judged::load(&path).expect("queries.json is a valid query set")
}

#[test]
fn the_judged_set_covers_every_category_in_both_splits() {
    let set = load_set();
    assert!(set.len() >= 60, "{} queries", set.len());
    for category in judged::CATEGORIES {
        for split in ["dev", "test"] {
            let n = set
                .iter()
                .filter(|q| q.category == category && q.split == split)
                .count();
            assert!(n >= 3, "{category}/{split}: {n} queries");
        }
    }
    // Splits alternate within a category, so dev and test are the same size there.
    for category in judged::CATEGORIES {
        let dev = set
            .iter()
            .filter(|q| q.category == category && q.split == "dev")
            .count();
        let test = set
            .iter()
            .filter(|q| q.category == category && q.split == "test")
            .count();
        assert!(
            dev.abs_diff(test) <= 1,
            "{category}: {dev} dev, {test} test"
        );
    }
}

fn load_fresh(file: &str) -> Vec<judged::Judged> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/eval/ranking")
        .join(file);
    judged::load(&path).unwrap_or_else(|e| panic!("{file} is not a valid held-out set: {e}"))
}

/// A held-out set: all test, at least `per_category` queries in every category, no query of an earlier set.
fn check_held_out(set: &[judged::Judged], per_category: usize, earlier: &[Vec<judged::Judged>]) {
    assert!(set.iter().all(|q| q.split == "test"));
    for category in judged::CATEGORIES {
        let n = set.iter().filter(|q| q.category == category).count();
        assert!(n >= per_category, "{category}: {n} fresh queries");
    }
    let old: HashSet<String> = earlier
        .iter()
        .flatten()
        .map(|q| q.query.to_lowercase())
        .collect();
    for q in set {
        assert!(
            !old.contains(&q.query.to_lowercase()),
            "{:?} is in an earlier set",
            q.query
        );
    }
    check_judgments(set);
}

/// The held-out sets in the order they were written, with the queries each has at least per
/// category (the corpora ran short of UK bills and bill numbers for the later ones; fresh8,
/// fresh9 and fresh10 may take an earlier set's subject for a new need, never an earlier query).
const FRESH: [(&str, usize); 16] = [
    ("fresh.json", 5),
    ("fresh2.json", 8),
    ("fresh3.json", 6),
    ("fresh4.json", 7),
    ("fresh5.json", 4),
    ("fresh6.json", 2),
    ("fresh7.json", 2),
    ("fresh8.json", 1),
    ("fresh9.json", 1),
    ("fresh10.json", 1),
    ("fresh11.json", 3),
    ("fresh12.json", 4),
    ("fresh13.json", 3),
    ("fresh14.json", 6),
    ("fresh15.json", 3),
    ("fresh16.json", 2),
];

#[test]
fn every_fresh_set_is_held_out_covers_every_category_and_shares_no_query_with_those_before() {
    let mut earlier = vec![load_set()];
    for (file, per_category) in FRESH {
        let set = load_fresh(file);
        check_held_out(&set, per_category, &earlier);
        earlier.push(set);
    }
}

#[test]
fn a_held_out_set_needs_every_category_in_its_test_split() {
    let one = r#"[{"query":"q","category":"name","split":"test","judgments":{"a":2}}]"#;
    let err = judged::parse(one).unwrap_err();
    assert!(err.contains("has no test query"), "{err}");
    assert!(
        !err.contains("dev"),
        "a held-out set needs no dev split: {err}"
    );
}

#[test]
fn every_query_is_judged_with_grades_0_to_2_and_stable_keys() {
    check_judgments(&load_set());
}

fn check_judgments(set: &[judged::Judged]) {
    let mut queries = HashSet::new();
    for q in set {
        assert!(
            queries.insert(q.query.to_lowercase()),
            "{:?} twice",
            q.query
        );
        // A bill number may be cited by one or two stories in all: its pool is that small.
        assert!(
            q.judgments.len() >= 5 || (q.category == "bill-number" && !q.judgments.is_empty()),
            "{:?}: {} judgments",
            q.query,
            q.judgments.len()
        );
        assert!(q.judgments.values().all(|&g| g <= 2), "{:?}", q.query);
        assert!(
            q.judgments.values().any(|&g| g >= 1),
            "{:?} has nothing relevant",
            q.query
        );
        for key in q.judgments.keys() {
            let ok = key == "seed.json"
                || (key.starts_with("bbc-politics/")
                    && Path::new(key).extension().is_some_and(|e| e == "txt"))
                || (key.len() == 16 && key.chars().all(|c| c.is_ascii_alphanumeric()));
            assert!(
                ok,
                "{:?}: key {key:?} is not an allsides ID, a bbc file or the seed",
                q.query
            );
        }
    }
}

#[test]
fn a_malformed_set_is_refused_with_a_reason() {
    let good = r#"[{"query":"q","category":"name","split":"dev","judgments":{"a":2}}]"#;
    // One query cannot cover every category in both splits.
    assert!(
        judged::parse(good)
            .unwrap_err()
            .contains("has no test query")
    );
    let bad_grade = r#"[{"query":"q","category":"name","split":"dev","judgments":{"a":3}}]"#;
    assert!(judged::parse(bad_grade).unwrap_err().contains("grade 3"));
    let bad_split = r#"[{"query":"q","category":"name","split":"train","judgments":{}}]"#;
    assert!(judged::parse(bad_split).unwrap_err().contains("split"));
    let bad_category = r#"[{"query":"q","category":"sports","split":"dev","judgments":{}}]"#;
    assert!(
        judged::parse(bad_category)
            .unwrap_err()
            .contains("unknown category")
    );
}
