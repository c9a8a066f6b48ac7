//! Person keys: the given name and surname that merge one person's mentions across stories.

/// Given name (if any) and surname of a display name ("Robert P. Casey Jr." -> Robert, Casey).
pub fn split_name(name: &str) -> (Option<&str>, String) {
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| !w.is_empty())
        .filter(|w| !matches!(*w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"))
        .filter(|w| !(w.ends_with('.') && w.len() <= 2))
        .collect();
    match words.as_slice() {
        [] => (None, String::new()),
        [one] => (None, (*one).to_string()),
        [given, rest @ ..] => {
            let mut first = rest.len() - 1;
            while first > 0 {
                let w = rest[first - 1];
                let particle = w.chars().next().is_some_and(char::is_lowercase)
                    || matches!(
                        w,
                        "Van" | "Von" | "De" | "Del" | "Di" | "Da" | "Du" | "La" | "Le"
                    );
                if !particle {
                    break;
                }
                first -= 1;
            }
            (Some(given), rest[first..].join(" "))
        }
    }
}

fn norm(s: &str) -> String {
    s.to_lowercase().replace('\u{2019}', "'")
}

/// The key that merges a person across stories: given name and surname, lower case.
pub fn person_key(name: &str) -> String {
    match split_name(name) {
        (Some(g), s) => format!("{} {}", canonical_given(&norm(g)), norm(&s)),
        (None, s) => norm(&s),
    }
}

/// Common short forms of given names (lower case), so "Chuck Schumer" and "Charles Schumer" are
/// one person, in one story and across stories.
const GIVEN_FORMS: &[(&str, &str)] = &[
    ("chuck", "charles"),
    ("charlie", "charles"),
    ("mike", "michael"),
    ("bob", "robert"),
    ("rob", "robert"),
    ("bill", "william"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("tom", "thomas"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("dan", "daniel"),
    ("dave", "david"),
    ("steve", "steven"),
    ("chris", "christopher"),
    ("pat", "patrick"),
    ("tony", "anthony"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("kate", "katherine"),
    ("ben", "benjamin"),
    ("sam", "samuel"),
    ("matt", "matthew"),
    ("nick", "nicholas"),
    ("andy", "andrew"),
    ("jerry", "gerald"),
    ("don", "donald"),
    ("ed", "edward"),
    ("al", "albert"),
    ("ted", "edward"),
    ("tim", "timothy"),
    ("jeff", "jeffrey"),
    ("ron", "ronald"),
    ("ken", "kenneth"),
    ("greg", "gregory"),
];

/// The long form of a short given name, in any case ("Chuck" -> "charles").
fn long_form(given: &str) -> Option<&'static str> {
    GIVEN_FORMS
        .iter()
        .find(|(short, _)| short.eq_ignore_ascii_case(given))
        .map(|&(_, long)| long)
}

fn canonical_given(given: &str) -> &str {
    long_form(given).unwrap_or(given)
}

/// Whether one given name is a short form of the other ("Mike" and "Michael"), in any case.
pub fn is_short_form(a: &str, b: &str) -> bool {
    long_form(a).is_some_and(|l| l.eq_ignore_ascii_case(b))
        || long_form(b).is_some_and(|l| l.eq_ignore_ascii_case(a))
}

#[cfg(test)]
mod tests {
    use super::{is_short_form, person_key};

    #[test]
    fn short_given_names_share_a_key() {
        assert_eq!(person_key("Chuck Schumer"), person_key("Charles Schumer"));
        assert_ne!(person_key("Bill Clinton"), person_key("Hillary Clinton"));
        assert_eq!(person_key("Ted Kennedy"), person_key("Edward Kennedy"));
    }

    #[test]
    fn a_short_form_matches_its_long_form_only() {
        assert!(is_short_form("Mike", "Michael"));
        assert!(is_short_form("Michael", "Mike"));
        assert!(is_short_form("ken", "Kenneth"));
        assert!(!is_short_form("Bob", "Rob"));
        assert!(!is_short_form("Michael", "Michael"));
    }
}
