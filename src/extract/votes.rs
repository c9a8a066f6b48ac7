//! Votes across stories: the role, party or state most stories give a person wins over one story's misreading.

use rustc_hash::FxHashMap as HashMap;

use super::title::rank_of_role;

pub fn vote(map: &mut HashMap<String, u32>, value: Option<&String>) {
    if let Some(v) = value {
        match map.get_mut(v) {
            Some(c) => *c += 1,
            None => {
                map.insert(v.clone(), 1);
            }
        }
    }
}

pub fn add_votes(into: &mut HashMap<String, u32>, from: HashMap<String, u32>) {
    for (k, c) in from {
        *into.entry(k).or_default() += c;
    }
}

/// The value most stories gave (ties go to the alphabetically first, for stable output).
pub fn winner(map: &HashMap<String, u32>) -> Option<String> {
    map.iter()
        .max_by_key(|(v, c)| (**c, std::cmp::Reverse((*v).clone())))
        .map(|(v, _)| v.clone())
}

/// The most specific role among those given by at least a quarter as many stories as the most common one;
/// an office ("Prime Minister") always beats a knighthood or peerage ("Sir").
pub fn best_role(map: &HashMap<String, u32>) -> Option<String> {
    let office = map.keys().any(|r| rank_of_role(r) >= 2);
    let eligible = |r: &String| !office || rank_of_role(r) >= 2;
    let top = map
        .iter()
        .filter(|(r, _)| eligible(r))
        .map(|(_, c)| *c)
        .max()?;
    map.iter()
        .filter(|(r, c)| eligible(r) && **c * 4 >= top)
        .max_by_key(|(r, c)| (rank_of_role(r), **c, std::cmp::Reverse((*r).clone())))
        .map(|(r, _)| r.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(pairs: &[(&str, u32)]) -> HashMap<String, u32> {
        pairs.iter().map(|(k, c)| ((*k).to_string(), *c)).collect()
    }

    #[test]
    fn an_office_beats_a_knighthood_and_a_stray_role_loses() {
        assert_eq!(
            best_role(&votes(&[("Sir", 9), ("Prime Minister", 1)])).as_deref(),
            Some("Prime Minister")
        );
        assert_eq!(
            best_role(&votes(&[("Senator", 40), ("President", 2)])).as_deref(),
            Some("Senator")
        );
        assert_eq!(best_role(&votes(&[("Lord", 2)])).as_deref(), Some("Lord"));
    }
}
