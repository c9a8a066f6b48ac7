//! The roster's names as evidence that an untitled pair is a person.

use crate::extract::name::NameParse;

/// "Carter Smithers" when the roster has a member of that given name and surname: the roster's names are evidence
/// as good as the gazetteer's, also for given names the gazetteer leaves out as ambiguous ("Carter", "Spencer").
pub(super) fn on_roster(name: &NameParse) -> bool {
    let Some(given) = name.given else {
        return false;
    };
    // Most pairs that get here are organizations: a look-up of the given name alone, without folding an ASCII word
    // into a new string, rules them out.
    if given.is_ascii() && given.len() <= 24 {
        let mut buf = [0u8; 24];
        buf[..given.len()].copy_from_slice(given.as_bytes());
        buf[..given.len()].make_ascii_lowercase();
        let key = std::str::from_utf8(&buf[..given.len()]).unwrap_or("");
        if !roster_given(key) {
            return false;
        }
    }
    let given = crate::roster::fold(given);
    crate::roster::Roster::embedded()
        .by_surname(&name.surname)
        .any(|m| m.given_names().contains(&given))
}

/// Whether any roster member goes by this (folded) given name.
fn roster_given(key: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        crate::roster::Roster::embedded()
            .members()
            .iter()
            .flat_map(|m| m.given_names().iter().map(String::as_str))
            .collect()
    })
    .contains(key)
}
