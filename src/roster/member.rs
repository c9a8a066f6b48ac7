//! What a roster member was on a date: office, role, party, state, chamber; and the years served.

use chrono::{Datelike, NaiveDate};

use super::{Member, Office, Term, fold};

/// A stretch of service in one office, from consecutive terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Service {
    /// Senate, House, President or Vice President.
    pub office: Office,
    /// First year.
    pub from: i32,
    /// Last year (the year the last term ends, which may be in the future for a sitting member).
    pub to: i32,
}

impl Member {
    /// The name to show: the official full name, else the first other form, else given and surname.
    pub fn name(&self) -> String {
        self.official
            .clone()
            .or_else(|| self.also.first().cloned())
            .unwrap_or_else(|| format!("{} {}", self.first, self.last))
    }

    /// The keys this member is found under by surname (see [`super::Roster::by_surname`]).
    pub(super) fn surname_keys(&self) -> Vec<String> {
        let whole = fold(&self.last);
        let mut keys = vec![whole.clone()];
        if let Some((_, tail)) = whole.rsplit_once(' ') {
            keys.push(tail.to_string());
        }
        // Other full forms may carry another surname ("Chuy García" for Jesús G. García).
        for a in &self.also {
            if let Some((_, tail)) = a.rsplit_once(' ') {
                let k = fold(tail.trim_end_matches(','));
                if !keys.contains(&k) && !matches!(k.as_str(), "jr." | "sr." | "ii" | "iii" | "iv")
                {
                    keys.push(k);
                }
            }
        }
        keys
    }

    /// Given names this member goes by, folded: first, nickname, middle, and the first word of each full form
    /// ("mitch" for Addison Mitchell "Mitch" the Kentucky senator; "chuck" for Charles Schumer).
    pub fn given_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |s: &str| {
            let k = fold(s.trim());
            if !k.is_empty() && !out.contains(&k) {
                out.push(k);
            }
        };
        add(&self.first);
        for w in self.first.split(' ') {
            add(w);
        }
        if let Some(n) = &self.nickname {
            add(n);
        }
        if let Some(m) = &self.middle
            && !m.ends_with('.')
        {
            add(m);
        }
        for full in self.official.iter().chain(&self.also) {
            if let Some(w) = full.split(' ').next()
                && !(w.ends_with('.') && w.len() <= 2)
            {
                add(w);
            }
        }
        out
    }

    /// Initials of the middle name ("E" for "E."), folded.
    pub fn middle_initial(&self) -> Option<char> {
        self.middle.as_deref().and_then(|m| fold(m).chars().next())
    }

    /// Whether any term's dates are known.
    pub fn has_dated_terms(&self) -> bool {
        self.terms.iter().any(|t| t.start.is_some())
    }

    /// The term in force on `date`: an executive office first, then Congress.
    pub fn term_at(&self, date: NaiveDate) -> Option<&Term> {
        let covering = |t: &&Term| t.covers(date) == Some(true);
        self.terms
            .iter()
            .filter(covering)
            .find(|t| matches!(t.office, Office::President | Office::VicePresident))
            .or_else(|| self.terms.iter().rev().find(covering))
    }

    /// Whether the member held an office on `date`: `Some(true)` or `Some(false)` when the roster knows,
    /// `None` when it cannot tell (a past member's last term comes without dates).
    pub fn in_office(&self, date: NaiveDate) -> Option<bool> {
        if self.term_at(date).is_some() {
            return Some(true);
        }
        if self.terms.iter().any(|t| t.start.is_none()) {
            None
        } else {
            Some(false)
        }
    }

    /// The leadership role held on `date` ("Speaker of the House").
    pub fn leadership_at(&self, date: NaiveDate) -> Option<&str> {
        self.leadership
            .iter()
            .rev()
            .find(|l| l.start.is_some_and(|s| s <= date) && l.end.is_none_or(|e| date <= e))
            .map(|l| l.title.as_str())
    }

    /// The role on `date`: a leadership role, else "President", "Vice President", "Senator" or "Representative"
    /// ("Delegate" for a non-voting member); `None` when not in office or the roster cannot tell.
    pub fn role_at(&self, date: NaiveDate) -> Option<String> {
        let term = self.term_at(date)?;
        if matches!(term.office, Office::Senate | Office::House)
            && let Some(l) = self.leadership_at(date)
        {
            return Some(l.to_string());
        }
        Some(
            match term.office {
                Office::President => "President",
                Office::VicePresident => "Vice President",
                Office::Senate => "Senator",
                Office::House if term.state.as_deref().is_some_and(non_voting) => "Delegate",
                Office::House => "Representative",
            }
            .to_string(),
        )
    }

    /// Party on `date` ("R", "D", "I").
    pub fn party_at(&self, date: NaiveDate) -> Option<&str> {
        self.term_at(date)?.party.as_deref()
    }

    /// State, spelled out, on `date` (none for the executive).
    pub fn state_at(&self, date: NaiveDate) -> Option<&'static str> {
        self.term_at(date)?.state_name()
    }

    /// "Senate" or "House" on `date`.
    pub fn chamber_at(&self, date: NaiveDate) -> Option<&'static str> {
        self.term_at(date)?.office.chamber()
    }

    /// The last term in Congress (dated or not).
    pub fn last_congress_term(&self) -> Option<&Term> {
        self.terms
            .iter()
            .rev()
            .find(|t| t.office.chamber().is_some())
    }

    /// Years served, one entry per stretch of consecutive terms in one office (only dated terms count:
    /// a past member's service is unknown and the list is then empty for Congress).
    pub fn service(&self) -> Vec<Service> {
        let mut out: Vec<Service> = Vec::new();
        for t in &self.terms {
            let (Some(start), end) = (t.start, t.end) else {
                continue;
            };
            let to = end.map_or(start.year(), |e| e.year());
            match out.last_mut() {
                Some(s) if s.office == t.office && s.to >= start.year() => s.to = s.to.max(to),
                _ => out.push(Service {
                    office: t.office,
                    from: start.year(),
                    to,
                }),
            }
        }
        out
    }
}

fn non_voting(postal: &str) -> bool {
    matches!(postal, "DC" | "PR" | "GU" | "AS" | "VI" | "MP")
}
