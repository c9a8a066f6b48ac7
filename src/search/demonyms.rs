//! Places and the words for their people ("wales" and "welsh", "china" and "chinese"): forms of one another in a query.

/// Sorted by place. Left out: places whose word is also a common name or word ("jordan",
/// "turkey", "georgia", "chad", "guinea") and demonyms that are common words ("polish").
const PAIRS: &[(&str, &[&str])] = &[
    ("afghanistan", &["afghan", "afghans"]),
    ("africa", &["african", "africans"]),
    ("america", &["american", "americans"]),
    ("australia", &["australian", "australians"]),
    ("britain", &["british", "briton", "britons"]),
    ("canada", &["canadian", "canadians"]),
    ("china", &["chinese"]),
    ("cuba", &["cuban", "cubans"]),
    ("egypt", &["egyptian", "egyptians"]),
    ("england", &["english"]),
    ("europe", &["european", "europeans"]),
    ("france", &["french"]),
    ("germany", &["german", "germans"]),
    ("greece", &["greek", "greeks"]),
    ("india", &["indian", "indians"]),
    ("iran", &["iranian", "iranians"]),
    ("iraq", &["iraqi", "iraqis"]),
    ("ireland", &["irish"]),
    ("israel", &["israeli", "israelis"]),
    ("italy", &["italian", "italians"]),
    ("japan", &["japanese"]),
    ("korea", &["korean", "koreans"]),
    ("lebanon", &["lebanese"]),
    ("libya", &["libyan", "libyans"]),
    ("mexico", &["mexican", "mexicans"]),
    ("nigeria", &["nigerian", "nigerians"]),
    ("pakistan", &["pakistani", "pakistanis"]),
    ("palestine", &["palestinian", "palestinians"]),
    ("russia", &["russian", "russians"]),
    ("saudi", &["saudis"]),
    ("scotland", &["scottish", "scots"]),
    ("somalia", &["somali", "somalis"]),
    ("spain", &["spanish"]),
    ("sudan", &["sudanese"]),
    ("syria", &["syrian", "syrians"]),
    ("taiwan", &["taiwanese"]),
    ("ukraine", &["ukrainian", "ukrainians"]),
    ("venezuela", &["venezuelan", "venezuelans"]),
    ("vietnam", &["vietnamese"]),
    ("wales", &["welsh"]),
    ("yemen", &["yemeni", "yemenis"]),
];

/// The other words of `word`'s place: its people's words for a place, the place (and the other
/// words) for one of them.
pub(crate) fn related(word: &str) -> Vec<&'static str> {
    if let Ok(i) = PAIRS.binary_search_by(|(p, _)| p.cmp(&word)) {
        return PAIRS[i].1.to_vec();
    }
    PAIRS
        .iter()
        .find(|(_, people)| people.contains(&word))
        .map(|(place, people)| {
            std::iter::once(*place)
                .chain(people.iter().copied().filter(|p| *p != word))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_both_ways() {
        assert!(PAIRS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(related("wales"), ["welsh"]);
        assert_eq!(related("welsh"), ["wales"]);
        assert_eq!(related("iranians"), ["iran", "iranian"]);
        assert!(related("jordan").is_empty() && related("senate").is_empty());
    }
}
