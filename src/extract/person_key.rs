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

/// Common short forms of given names, so "Chuck Schumer" and "Charles Schumer" are one person.
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
];

fn canonical_given(given: &str) -> &str {
    GIVEN_FORMS
        .iter()
        .find(|(short, _)| *short == given)
        .map_or(given, |(_, long)| long)
}

#[cfg(test)]
mod tests {
    use super::person_key;

    #[test]
    fn short_given_names_share_a_key() {
        assert_eq!(person_key("Chuck Schumer"), person_key("Charles Schumer"));
        assert_ne!(person_key("Bill Clinton"), person_key("Hillary Clinton"));
    }
}
