//! A numbered bill's page on congress.gov, from its key ("hr6172-116").

/// The congress.gov page of a bill key such as "hr6172-116" (a number with its Congress):
/// `https://www.congress.gov/bill/116th-congress/house-bill/6172`. `None` for a number without a Congress,
/// a public law or a named act.
pub fn congress_gov_url(key: &str) -> Option<String> {
    let (number, congress) = key.split_once('-')?;
    let congress: u32 = congress.parse().ok()?;
    let digits = number.find(|c: char| c.is_ascii_digit())?;
    let (kind, n) = number.split_at(digits);
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || congress == 0 {
        return None;
    }
    let kind = match kind {
        "hr" => "house-bill",
        "s" => "senate-bill",
        "hres" => "house-resolution",
        "sres" => "senate-resolution",
        "hjres" => "house-joint-resolution",
        "sjres" => "senate-joint-resolution",
        "hconres" => "house-concurrent-resolution",
        "sconres" => "senate-concurrent-resolution",
        _ => return None,
    };
    let n: u32 = n.parse().ok()?;
    Some(format!(
        "https://www.congress.gov/bill/{congress}{}-congress/{kind}/{n}",
        ordinal_suffix(congress)
    ))
}

/// The ending of `n` as an ordinal in figures: "st" (1st, 21st), "nd", "rd", "th" (4th, 11th to 13th).
pub(crate) fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::congress_gov_url;

    #[test]
    fn numbered_bills_with_a_congress_get_their_page() {
        assert_eq!(
            congress_gov_url("hr6172-116").as_deref(),
            Some("https://www.congress.gov/bill/116th-congress/house-bill/6172")
        );
        assert_eq!(
            congress_gov_url("s5-119").as_deref(),
            Some("https://www.congress.gov/bill/119th-congress/senate-bill/5")
        );
        assert_eq!(
            congress_gov_url("hres660-116").as_deref(),
            Some("https://www.congress.gov/bill/116th-congress/house-resolution/660")
        );
        assert_eq!(
            congress_gov_url("sjres1-101").as_deref(),
            Some("https://www.congress.gov/bill/101st-congress/senate-joint-resolution/1")
        );
        assert!(congress_gov_url("hr6172").is_none(), "no Congress");
        assert!(congress_gov_url("pl117-58").is_none(), "a public law");
        assert!(congress_gov_url("act:affordable care").is_none());
        assert!(congress_gov_url("hb1557-116").is_none(), "a state bill");
        assert!(congress_gov_url("hr12a-116").is_none());
    }
}
