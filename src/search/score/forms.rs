//! The word lists ranking reads: forms of a word ("taxes" for "tax"), shorter forms, stopwords.

/// Endings that make a longer form of a word ("tax": "taxes"; "reform": "reformers").
pub const FORM_ENDINGS: &[&str] = &[
    "s", "es", "ed", "ing", "er", "ers", "ment", "ments", "al", "ism", "ist", "ists", "ation",
    "ations",
];

/// `term` is `word` with one of [`FORM_ENDINGS`], or with its last letter doubled before "ed",
/// "ing" or "er" ("ban": "banned"), or its plural in "ies" ("assembly": "assemblies").
pub fn is_form(word: &str, term: &str) -> bool {
    if word.ends_with('y') && y_plural(word).is_some_and(|p| p == term) {
        return true;
    }
    let Some(ending) = term.strip_prefix(word) else {
        return false;
    };
    if FORM_ENDINGS.contains(&ending) {
        return true;
    }
    let mut chars = ending.chars();
    word.chars().last().is_some_and(|last| {
        chars.next() == Some(last) && ["ed", "ing", "er"].contains(&chars.as_str())
    })
}

/// The other of a word ending in a consonant and "y" and its plural in "ies" ("assembly",
/// "assemblies"; "parties", "party"), keeping at least [`STEM_LETTERS`] letters before the ending.
pub fn y_plural(word: &str) -> Option<String> {
    let stem_ok = |stem: &str| {
        stem.chars().count() >= STEM_LETTERS
            && stem
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c))
    };
    if let Some(stem) = word.strip_suffix("ies") {
        return stem_ok(stem).then(|| format!("{stem}y"));
    }
    let stem = word.strip_suffix('y')?;
    stem_ok(stem).then(|| format!("{stem}ies"))
}

/// Endings that make another form of a word: a vocabulary term that is the typed word less one
/// of them (and at least [`STEM_LETTERS`] letters long) is a form of it.
pub const SUFFIXES: &[&str] = &[
    "s", "es", "ed", "ing", "ism", "ist", "ists", "ment", "ments", "ation", "ations", "al",
];
/// Letters a shorter form must keep.
pub const STEM_LETTERS: usize = 3;

/// The verb a noun in "-ation" is made from, in both spellings the vocabulary may have
/// ("reauthorization": "reauthorize"; "nomination": "nominate"), keeping [`STEM_LETTERS`].
pub fn derived(word: &str) -> Vec<String> {
    let Some(stem) = (word.strip_suffix("ations"))
        .or_else(|| word.strip_suffix("ation"))
        .filter(|stem| stem.chars().count() >= STEM_LETTERS)
    else {
        return Vec::new();
    };
    vec![format!("{stem}e"), format!("{stem}ate")]
}

/// Short, common words: they match only themselves, never a longer word or a name they begin
/// ("and" is not Andrew).
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// Sorted.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from",
    "has", "have", "he", "her", "his", "in", "is", "it", "its", "new", "not", "of", "on", "or",
    "our", "out", "over", "she", "so", "than", "that", "the", "their", "them", "they", "this",
    "to", "up", "was", "we", "were", "what", "when", "who", "will", "with",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::score::Weights;

    #[test]
    fn forms_of_a_word() {
        assert!(is_form("tax", "taxes") && is_form("ban", "banned") && is_form("act", "acts"));
        assert!(
            !is_form("act", "actor") && !is_form("paul", "paula") && !is_form("wall", "wallace")
        );
        assert!(is_form("assembly", "assemblies") && is_form("party", "parties"));
        assert!(!is_form("assemblies", "assembly") && !is_form("key", "kies"));
        assert_eq!(y_plural("assemblies").as_deref(), Some("assembly"));
        assert_eq!(y_plural("policy").as_deref(), Some("policies"));
        assert_eq!(y_plural("ties"), None);
        assert_eq!(y_plural("day"), None);
        let w = Weights::default();
        assert!(w.prefix_fuzz("act", "acting", true) > 2.0 * w.prefix_fuzz("act", "actor", true));
        assert!(w.prefix_fuzz("mas", "massie", false) > w.long_prefix);
    }

    #[test]
    fn a_noun_in_ation_gives_its_verb() {
        assert_eq!(derived("reauthorization"), ["reauthorize", "reauthorizate"]);
        assert_eq!(derived("nominations"), ["nomine", "nominate"]);
        assert!(derived("nation").is_empty() && derived("tax").is_empty());
    }

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("and") && !is_stopword("andrew"));
    }
}
