//! The roster of Congress, presidents and vice presidents (from congress-legislators, CC0), embedded in the binary.
//!
//! `assets/roster.tsv` is made by `scripts/build_roster.py`: one `M` line per person (bioguide id and names),
//! followed by its `T` lines (terms: office, state, district, party, dates) and `L` lines (leadership roles).
//! Current members carry every term with dates; members who left carry their last term without dates.

mod member;
mod parse;

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;

pub use member::Service;
pub use parse::ParseError;

/// The office a term is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Office {
    /// United States Senate.
    Senate,
    /// House of Representatives (including delegates and resident commissioners).
    House,
    /// President of the United States.
    President,
    /// Vice President of the United States.
    VicePresident,
}

impl Office {
    /// "Senate", "House", "President", "Vice President".
    pub fn label(self) -> &'static str {
        match self {
            Office::Senate => "Senate",
            Office::House => "House",
            Office::President => "President",
            Office::VicePresident => "Vice President",
        }
    }

    /// The chamber of Congress, for Senate and House terms.
    pub fn chamber(self) -> Option<&'static str> {
        match self {
            Office::Senate => Some("Senate"),
            Office::House => Some("House"),
            _ => None,
        }
    }
}

/// One term of office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Senate, House, President or Vice President.
    pub office: Office,
    /// Two-letter postal code of the state (none for the executive).
    pub state: Option<String>,
    /// House district (0 for at-large).
    pub district: Option<u16>,
    /// "R", "D", "I", or the party's name for others ("Whig").
    pub party: Option<String>,
    /// First day; `None` for a past member's last term (the source gives no dates).
    pub start: Option<NaiveDate>,
    /// Last day (the day the next term starts); `None` when not given.
    pub end: Option<NaiveDate>,
}

impl Term {
    /// Whether `date` falls inside the term; `None` when the term's dates are unknown.
    pub fn covers(&self, date: NaiveDate) -> Option<bool> {
        let start = self.start?;
        Some(start <= date && self.end.is_none_or(|e| date <= e))
    }

    /// The state spelled out ("Kentucky").
    pub fn state_name(&self) -> Option<&'static str> {
        self.state
            .as_deref()
            .and_then(crate::extract::state_by_abbrev)
    }
}

/// A leadership role in Congress ("Speaker of the House", "Senate Majority Leader").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leadership {
    /// The title as the source gives it.
    pub title: String,
    /// Senate or House.
    pub chamber: Option<Office>,
    /// First day.
    pub start: Option<NaiveDate>,
    /// Last day; `None` while it lasts.
    pub end: Option<NaiveDate>,
}

/// One person of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Bioguide id ("M001184").
    pub bioguide: String,
    /// The official full name ("Charles E. Schumer"), when the source gives one.
    pub official: Option<String>,
    /// Given name ("Charles").
    pub first: String,
    /// Middle name or initial ("E.").
    pub middle: Option<String>,
    /// Surname ("Schumer", "Van Hollen", "Ocasio-Cortez").
    pub last: String,
    /// "Jr.", "III".
    pub suffix: Option<String>,
    /// The name they go by, if not the first ("Chuck").
    pub nickname: Option<String>,
    /// Date of birth.
    pub birthday: Option<NaiveDate>,
    /// Other full forms of the name (official, Wikipedia, Ballotpedia titles): "Chuck Schumer".
    pub also: Vec<String>,
    /// Terms, oldest first (Congress, then the executive).
    pub terms: Vec<Term>,
    /// Leadership roles, oldest first (current members only).
    pub leadership: Vec<Leadership>,
}

/// The whole roster, with lookups by bioguide id and by surname.
#[derive(Debug, Default)]
pub struct Roster {
    members: Vec<Member>,
    by_bioguide: HashMap<String, u32>,
    by_surname: HashMap<String, Vec<u32>>,
}

static EMBEDDED: &str = include_str!("../../assets/roster.tsv");

impl Roster {
    /// The roster built into the binary (parsed once, on first use).
    pub fn embedded() -> &'static Roster {
        static ROSTER: OnceLock<Roster> = OnceLock::new();
        ROSTER.get_or_init(|| Roster::parse(EMBEDDED).expect("the embedded roster parses"))
    }

    /// Parses roster text (the `assets/roster.tsv` format).
    ///
    /// # Errors
    /// A line that is not a comment, `M`, `T` or `L` line with its fields, or a `T`/`L` line before any `M` line.
    pub fn parse(text: &str) -> Result<Roster, ParseError> {
        let members = parse::parse(text)?;
        let mut by_bioguide = HashMap::default();
        let mut by_surname: HashMap<String, Vec<u32>> = HashMap::default();
        for (i, m) in members.iter().enumerate() {
            by_bioguide.insert(m.bioguide.clone(), i as u32);
            for key in m.surname_keys() {
                let list = by_surname.entry(key).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        Ok(Roster {
            members,
            by_bioguide,
            by_surname,
        })
    }

    /// Every member, in the file's order.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// The member with this bioguide id.
    pub fn get(&self, bioguide: &str) -> Option<&Member> {
        self.by_bioguide
            .get(bioguide)
            .map(|&i| &self.members[i as usize])
    }

    /// Members whose surname is `surname`, compared by [`fold`]; a surname of several words is also found
    /// by its last word ("Cortez Masto" by "Masto").
    pub fn by_surname(&self, surname: &str) -> impl Iterator<Item = &Member> {
        self.by_surname
            .get(&fold(surname))
            .into_iter()
            .flatten()
            .map(|&i| &self.members[i as usize])
    }
}

impl Roster {
    /// Whether `surname` is the surname of a member of Congress (or a president or vice president) in office
    /// within `years` years before `date` (or on it) by the roster's dated terms; for an undated story, of any
    /// member with dated terms (a sitting member).
    pub fn is_recent_surname(&self, surname: &str, date: Option<NaiveDate>, years: i32) -> bool {
        let Some(list) = self.by_surname.get(&fold(surname)) else {
            return false;
        };
        let key = fold(surname);
        list.iter().any(|&i| {
            let m = &self.members[i as usize];
            fold(&m.last) == key
                && match date {
                    Some(d) => {
                        let from = d.with_year(d.year() - years).unwrap_or(d);
                        m.terms.iter().any(|t| {
                            t.start.is_some_and(|s| s <= d) && t.end.is_none_or(|e| e >= from)
                        })
                    }
                    None => m.has_dated_terms(),
                }
        })
    }
}

/// Lower case, accents removed, curly apostrophes straightened: how roster names are compared.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' => 'u',
            'ñ' | 'Ñ' => 'n',
            'ç' => 'c',
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests;
