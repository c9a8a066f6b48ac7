//! The alias table: common nicknames and long forms of well-known acts, mapped to one key and title.

/// (key of a form as found, canonical key, canonical title).
const FORMS: &[(&str, &str, &str)] = &[
    (
        "act:affordable care",
        "act:affordable care",
        "Affordable Care Act",
    ),
    (
        "act:patient protection and affordable care",
        "act:affordable care",
        "Affordable Care Act",
    ),
    (
        "act:obamacare",
        "act:affordable care",
        "Affordable Care Act",
    ),
    ("act:patriot", "act:patriot", "USA PATRIOT Act"),
    ("act:usa patriot", "act:patriot", "USA PATRIOT Act"),
    ("act:dodd-frank", "act:dodd-frank", "Dodd-Frank Act"),
    (
        "act:dodd-frank wall street reform and consumer protection",
        "act:dodd-frank",
        "Dodd-Frank Act",
    ),
    (
        "act:american health care",
        "act:american health care",
        "American Health Care Act",
    ),
    (
        "act:tax cuts and jobs",
        "act:tax cuts and jobs",
        "Tax Cuts and Jobs Act",
    ),
    (
        "act:national defense authorization",
        "act:national defense authorization",
        "National Defense Authorization Act",
    ),
    (
        "act:violence against women",
        "act:violence against women",
        "Violence Against Women Act",
    ),
    ("act:dream", "act:dream", "DREAM Act"),
    ("act:cares", "act:cares", "CARES Act"),
    (
        "act:no child left behind",
        "act:no child left behind",
        "No Child Left Behind Act",
    ),
    (
        "act:every student succeeds",
        "act:every student succeeds",
        "Every Student Succeeds Act",
    ),
    (
        "act:glass-steagall",
        "act:glass-steagall",
        "Glass-Steagall Act",
    ),
    (
        "act:sarbanes-oxley",
        "act:sarbanes-oxley",
        "Sarbanes-Oxley Act",
    ),
    (
        "act:voting rights",
        "act:voting rights",
        "Voting Rights Act",
    ),
    ("act:civil rights", "act:civil rights", "Civil Rights Act"),
    ("act:first step", "act:first step", "First Step Act"),
    (
        "act:foreign intelligence surveillance",
        "act:foreign intelligence surveillance",
        "Foreign Intelligence Surveillance Act",
    ),
    (
        "act:health insurance portability and accountability",
        "act:health insurance portability and accountability",
        "Health Insurance Portability and Accountability Act",
    ),
    (
        "act:freedom of information",
        "act:freedom of information",
        "Freedom of Information Act",
    ),
    (
        "act:employee retirement income security",
        "act:employee retirement income security",
        "Employee Retirement Income Security Act",
    ),
];

/// Single words that name an act on their own.
const NICKNAMES: &[(&str, &str, &str)] = &[
    ("Obamacare", "act:affordable care", "Affordable Care Act"),
    ("ObamaCare", "act:affordable care", "Affordable Care Act"),
    ("ACA", "act:affordable care", "Affordable Care Act"),
    (
        "Trumpcare",
        "act:american health care",
        "American Health Care Act",
    ),
    (
        "TrumpCare",
        "act:american health care",
        "American Health Care Act",
    ),
    (
        "AHCA",
        "act:american health care",
        "American Health Care Act",
    ),
    ("TCJA", "act:tax cuts and jobs", "Tax Cuts and Jobs Act"),
    (
        "NDAA",
        "act:national defense authorization",
        "National Defense Authorization Act",
    ),
    (
        "VAWA",
        "act:violence against women",
        "Violence Against Women Act",
    ),
    ("Dodd-Frank", "act:dodd-frank", "Dodd-Frank Act"),
    ("Glass-Steagall", "act:glass-steagall", "Glass-Steagall Act"),
    ("Sarbanes-Oxley", "act:sarbanes-oxley", "Sarbanes-Oxley Act"),
    // Acronyms that only ever name the act.
    (
        "FISA",
        "act:foreign intelligence surveillance",
        "Foreign Intelligence Surveillance Act",
    ),
    (
        "HIPAA",
        "act:health insurance portability and accountability",
        "Health Insurance Portability and Accountability Act",
    ),
    (
        "FOIA",
        "act:freedom of information",
        "Freedom of Information Act",
    ),
    (
        "ERISA",
        "act:employee retirement income security",
        "Employee Retirement Income Security Act",
    ),
];

/// The canonical key and title of a found form, if the table knows it.
pub fn canonical(key: &str) -> Option<(&'static str, &'static str)> {
    FORMS.iter().find(|f| f.0 == key).map(|f| (f.1, f.2))
}

/// The key and title a one-word nickname stands for.
pub fn nickname(word: &str) -> Option<(&'static str, &'static str)> {
    static FILTER: std::sync::OnceLock<super::sets::Prefilter> = std::sync::OnceLock::new();
    let filter = FILTER.get_or_init(|| super::sets::Prefilter::new(NICKNAMES.iter().map(|n| n.0)));
    if !filter.may_contain(word) {
        return None;
    }
    NICKNAMES.iter().find(|n| n.0 == word).map(|n| (n.1, n.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_canonical_key_maps_to_itself() {
        for (_, key, title) in FORMS.iter().chain(NICKNAMES) {
            assert_eq!(canonical(key), Some((*key, *title)), "{key}");
        }
    }
}
