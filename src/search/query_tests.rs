//! Parser tests: one small case each.

use super::*;

fn clauses(q: &str) -> Vec<Clause> {
    parse(q).expect("query parses").clauses
}

fn word(w: &str) -> Clause {
    Clause {
        negated: false,
        scope: Scope::Any,
        term: Term::Word(w.to_string()),
    }
}

fn bill(k: &str) -> Clause {
    Clause {
        negated: false,
        scope: Scope::Any,
        term: Term::Bill(k.to_string()),
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn plain_words_are_lowercased() {
    assert_eq!(clauses("Thomas MASSIE"), [word("thomas"), word("massie")]);
}

#[test]
fn blank_query_is_empty() {
    assert!(parse("").expect("parses").is_empty());
    assert!(parse("   \t ").expect("parses").is_empty());
}

#[test]
fn punctuation_splits_words() {
    assert_eq!(clauses("dodd-frank"), [word("dodd"), word("frank")]);
    assert_eq!(clauses("o'rourke"), [word("orourke")]);
}

#[test]
fn bill_number_compact() {
    assert_eq!(clauses("hr1234"), [bill("hr1234")]);
    assert_eq!(clauses("HR1234"), [bill("hr1234")]);
}

#[test]
fn bill_number_with_dots() {
    assert_eq!(clauses("H.R.1234"), [bill("hr1234")]);
    assert_eq!(clauses("H.R. 1234"), [bill("hr1234")]);
    assert_eq!(clauses("h. r. 1234"), [bill("hr1234")]);
}

#[test]
fn bill_number_across_space() {
    assert_eq!(clauses("HR 1234"), [bill("hr1234")]);
    assert_eq!(clauses("hr 1"), [bill("hr1")]);
    assert_eq!(
        clauses("massie hr 1234 nato"),
        [word("massie"), bill("hr1234"), word("nato")]
    );
}

#[test]
fn other_bill_kinds() {
    assert_eq!(clauses("S. 744"), [bill("s744")]);
    assert_eq!(clauses("s744"), [bill("s744")]);
    assert_eq!(clauses("H.J.Res. 3"), [bill("hjres3")]);
    assert_eq!(clauses("s.con.res. 1"), [bill("sconres1")]);
    assert_eq!(clauses("P.L. 117-58"), [bill("pl117-58")]);
}

#[test]
fn half_typed_bill_is_a_word() {
    assert_eq!(clauses("hr"), [word("hr")]);
    assert_eq!(clauses("hr "), [word("hr")]);
    assert_eq!(clauses("h"), [word("h")]);
}

#[test]
fn words_with_numbers_are_not_bills() {
    assert_eq!(clauses("trump 2020"), [word("trump"), word("2020")]);
    assert_eq!(clauses("covid19"), [word("covid19")]);
}

#[test]
fn quoted_phrase() {
    assert_eq!(
        clauses("\"Patriot Act\" renewal"),
        [
            Clause {
                negated: false,
                scope: Scope::Any,
                term: Term::Phrase("patriot act".into())
            },
            word("renewal")
        ]
    );
}

#[test]
fn quoted_bill_number() {
    assert_eq!(clauses("\"H.R. 1234\""), [bill("hr1234")]);
}

#[test]
fn exclusion() {
    let c = clauses("nato -trump");
    assert_eq!(c[0], word("nato"));
    assert_eq!(
        c[1],
        Clause {
            negated: true,
            scope: Scope::Any,
            term: Term::Word("trump".into())
        }
    );
}

#[test]
fn excluded_phrase_and_bill() {
    let c = clauses("-\"white house\" -hr 1");
    assert!(c[0].negated && c[0].term == Term::Phrase("white house".into()));
    assert!(c[1].negated && c[1].term == Term::Bill("hr1".into()));
}

#[test]
fn lone_dash_is_ignored() {
    assert_eq!(clauses("nato -"), [word("nato")]);
}

#[test]
fn qualifiers() {
    let c = clauses("person:massie bill:patriot source:Reuters title:nato");
    let scopes: Vec<Scope> = c.iter().map(|c| c.scope).collect();
    assert_eq!(
        scopes,
        [Scope::Person, Scope::Bill, Scope::Source, Scope::Title]
    );
    assert_eq!(c[2].term, Term::Word("reuters".into()));
}

#[test]
fn qualifier_with_quoted_value() {
    let c = clauses("person:\"Thomas Massie\"");
    assert_eq!(c[0].scope, Scope::Person);
    assert_eq!(c[0].term, Term::Phrase("thomas massie".into()));
}

#[test]
fn bill_qualifier_number() {
    let c = clauses("bill:hr 1234");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].scope, Scope::Bill);
    assert_eq!(c[0].term, Term::Bill("hr1234".into()));
}

#[test]
fn qualifier_is_case_insensitive() {
    assert_eq!(clauses("PERSON:Pelosi")[0].scope, Scope::Person);
}

#[test]
fn negated_qualifier() {
    let c = clauses("-source:fox");
    assert!(c[0].negated);
    assert_eq!(c[0].scope, Scope::Source);
}

#[test]
fn dates() {
    let q = parse("after:2018-01-01 before:2019-06-30 nato").expect("parses");
    assert_eq!(q.after, date(2018, 1, 1));
    assert_eq!(q.before, date(2019, 6, 30));
    assert_eq!(q.clauses, [word("nato")]);
}

#[test]
fn partial_dates() {
    let q = parse("after:2018 before:2019").expect("parses");
    assert_eq!(q.after, date(2018, 1, 1));
    assert_eq!(q.before, date(2020, 1, 1));
    let q = parse("after:2018-03 before:2018-12").expect("parses");
    assert_eq!(q.after, date(2018, 3, 1));
    assert_eq!(q.before, date(2019, 1, 1));
}

#[test]
fn dates_only_is_not_empty() {
    assert!(!parse("after:2020-01-01").expect("parses").is_empty());
}

#[test]
fn colon_in_numbers_is_not_a_qualifier() {
    assert_eq!(clauses("10:30"), [word("10"), word("30")]);
}

#[test]
fn unclosed_quote() {
    let err = parse("massie \"nato exit").expect_err("fails");
    assert_eq!(err, QueryError::UnclosedQuote { position: 7 });
    assert!(err.to_string().contains("unclosed quote"));
}

#[test]
fn empty_phrase() {
    assert!(matches!(
        parse("\"\""),
        Err(QueryError::EmptyPhrase { position: 0 })
    ));
    assert!(matches!(
        parse("\" ,, \""),
        Err(QueryError::EmptyPhrase { .. })
    ));
}

#[test]
fn bad_date() {
    let err = parse("after:2025-13-01").expect_err("fails");
    assert!(matches!(err, QueryError::BadDate { .. }));
    assert!(err.to_string().contains("2025-13-01"));
    assert!(parse("before:yesterday").is_err());
    assert!(parse("after:2025-02-30").is_err());
    assert!(parse("after:25-01-01").is_err());
}

#[test]
fn empty_qualifier() {
    let err = parse("person:").expect_err("fails");
    assert!(err.to_string().starts_with("person: needs a value"));
    assert!(parse("massie bill: ").is_err());
    assert!(parse("after:").is_err());
    assert!(parse("title:\"\"").is_err());
}

#[test]
fn only_known_qualifiers_are_qualifiers() {
    // An unknown `word:` is searched as words, as is a pasted URL.
    assert_eq!(clauses("author:smith"), [word("author"), word("smith")]);
    assert_eq!(
        clauses("Analysis: senate"),
        [word("analysis"), word("senate")]
    );
    let url = clauses("https://example.com/news");
    assert!(
        url.contains(&word("https")) && url.contains(&word("example")),
        "{url:?}"
    );
    assert!(
        clauses("Title:nato")
            .iter()
            .all(|c| c.scope == Scope::Title)
    );
}

#[test]
fn garbage_never_panics() {
    for q in [
        "\"",
        "-",
        "--",
        ":",
        "a:",
        "-\"",
        "-:",
        "\u{202e}x",
        "h.r.",
        "p.l. -",
        "\"a\"\"b",
        "::",
        "-person:",
        "é:é",
        "🙂",
        "s 1 2 3",
        "hr 1234-5",
    ] {
        let _ = parse(q);
    }
}

#[test]
fn display_round_trip() {
    let q = parse("-person:massie \"nato exit\" hr 1234").expect("parses");
    let shown: Vec<String> = q.clauses.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["-person:massie", "\"nato exit\"", "\"H.R. 1234\""]);
}
