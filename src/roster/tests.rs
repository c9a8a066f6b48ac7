//! Tests of the roster: parsing, lookups, and facts as of a date.

use chrono::NaiveDate;

use super::{Office, Roster};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const FIXTURE: &str = "# a comment\n\
M\tP000197\tNancy Pelosi\tNancy\t\tPelosi\t\t\t1940-03-26\tNancy Pelosi\n\
T\trep\tCA\t8\tD\t2017-01-03\t2019-01-03\n\
T\trep\tCA\t12\tD\t2019-01-03\t2021-01-03\n\
L\tHouse Minority Leader\thouse\t2017-01-03\t2019-01-03\n\
L\tSpeaker of the House\thouse\t2019-01-03\t2021-01-03\n\
M\tR000570\t\tPaul\tD.\tRyan\t\t\t1970-01-29\tPaul Ryan\n\
T\trep\tWI\t1\tR\t\t\n";

#[test]
fn a_fixture_parses_and_answers_as_of_a_date() {
    let r = Roster::parse(FIXTURE).unwrap();
    assert_eq!(r.members().len(), 2);
    let p = r.get("P000197").unwrap();
    assert_eq!(
        p.role_at(d(2020, 3, 1)).as_deref(),
        Some("Speaker of the House")
    );
    assert_eq!(
        p.role_at(d(2018, 3, 1)).as_deref(),
        Some("House Minority Leader")
    );
    assert_eq!(p.role_at(d(2015, 3, 1)), None);
    assert_eq!(p.party_at(d(2020, 3, 1)), Some("D"));
    assert_eq!(p.state_at(d(2020, 3, 1)), Some("California"));
    assert_eq!(p.chamber_at(d(2020, 3, 1)), Some("House"));
    assert_eq!(p.in_office(d(2015, 1, 1)), Some(false));
    assert_eq!(p.service().len(), 1);
    assert_eq!((p.service()[0].from, p.service()[0].to), (2017, 2021));
    let ryan = r.get("R000570").unwrap();
    assert_eq!(
        ryan.in_office(d(2016, 1, 1)),
        None,
        "a past member's dates are unknown"
    );
    assert_eq!(ryan.last_congress_term().unwrap().office, Office::House);
    assert!(ryan.service().is_empty());
    assert_eq!(r.by_surname("pelosi").count(), 1);
}

#[test]
fn bad_lines_name_their_line() {
    let e = Roster::parse("T\trep\tCA\t8\tD\t\t\n").unwrap_err();
    assert_eq!(e.line, 1);
    let e = Roster::parse("M\tX\n").unwrap_err();
    assert!(e.reason.contains("fields"), "{e}");
    let e = Roster::parse(&format!("{FIXTURE}T\trep\tCA\t8\tD\t2019-13-01\t\n")).unwrap_err();
    assert_eq!(e.line, 9);
}

#[test]
fn the_embedded_roster_knows_nicknames_and_leaders() {
    let r = Roster::embedded();
    assert!(r.members().len() > 3000);
    let schumer = r.get("S000148").unwrap();
    assert!(schumer.given_names().contains(&"chuck".to_string()));
    let mcconnell = r.get("M000355").unwrap();
    assert!(mcconnell.given_names().contains(&"mitch".to_string()));
    assert_eq!(
        mcconnell.role_at(d(2019, 6, 1)).as_deref(),
        Some("Senate Majority Leader")
    );
    let obama = r.get("O000167").unwrap();
    assert_eq!(obama.role_at(d(2012, 6, 1)).as_deref(), Some("President"));
    assert!(r.by_surname("masto").any(|m| m.bioguide == "C001113"));
    assert!(r.by_surname("Velazquez").count() >= 1);
}
