//! Resolving one clause of a query: the terms, people, bills and sources it can match, with their fuzz.

use super::engine::Resolved;
use super::index::SearchIndex;
use super::names::{bill_entities, entity_matches};
use super::query::{Clause, Scope, Term};
use super::{score, text};

impl SearchIndex {
    /// Finds the terms, people, bills and sources a clause can match, with their fuzz.
    pub(crate) fn resolve(
        &self,
        clause: &Clause,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Resolved> {
        let mut r = Resolved::default();
        let exact = clause.negated;
        let w = &self.weights;
        match (&clause.term, clause.scope) {
            (Term::Word(word), Scope::Any | Scope::Title) => {
                r.terms = if exact {
                    self.vocab
                        .find(word)
                        .map(|t| vec![(t, 1.0)])
                        .unwrap_or_default()
                } else {
                    self.word_terms(word, stale)?
                };
                r.forms = self.forms_of(word, &r.terms);
                if clause.scope == Scope::Any && exact {
                    r.people = entity_matches(&self.people, word, exact, w);
                    r.bills = entity_matches(&self.bills, word, exact, w);
                } else if clause.scope == Scope::Any {
                    (r.people, r.bills) = self.distinctive(word, &self.word_names(word));
                    self.as_typed(word, &mut r.people);
                }
            }
            (Term::Phrase(p), Scope::Any | Scope::Title) => {
                if clause.scope == Scope::Any {
                    r.people = entity_matches(&self.people, p, true, w);
                    r.bills = entity_matches(&self.bills, p, true, w);
                }
            }
            (Term::Word(x) | Term::Phrase(x), Scope::Person) => {
                r.people = entity_matches(&self.people, x, false, w);
            }
            (Term::Word(x) | Term::Phrase(x), Scope::Bill) => {
                r.bills = entity_matches(&self.bills, x, false, w);
            }
            (Term::Word(x) | Term::Phrase(x), Scope::Source) => {
                r.sources = entity_matches(&self.sources, x, false, w);
            }
            (Term::Bill(k), scope) => {
                // A number's written-out twin ("Senate Bill 1016" for S. 1016) at a typo's fuzz.
                let twin = super::text::written_out_twin(k).filter(|_| !exact);
                // (Exact lookups: every match has fuzz 1, lowered to a typo's.)
                let near = |v: Vec<(u32, f32)>| v.into_iter().map(|(t, _)| (t, w.typo));
                if scope != Scope::Person && scope != Scope::Source {
                    r.terms = self.bill_terms(k, exact);
                    if let Some(t) = &twin {
                        r.terms.extend(near(self.bill_terms(t, true)));
                    }
                }
                if matches!(scope, Scope::Any | Scope::Bill) {
                    r.bills = bill_entities(&self.bills, k, exact, w);
                    if let Some(t) = &twin {
                        r.bills.extend(near(bill_entities(&self.bills, t, true, w)));
                    }
                }
            }
        }
        Some(r)
    }

    /// A word of the corpus in its own right ("iran") is taken as typed: a person only a typo or
    /// a fuzzy match away ("Imran Awan") counts at the dominated fuzz, unless the word is a rare
    /// misspelling of that name ([`score::taken_as_typed`]: "masie" for Massie).
    fn as_typed(&self, word: &str, people: &mut [(u32, f32)]) {
        let Some(df) = self.vocab.find(word).map(|t| self.df(t)) else {
            return;
        };
        let w = &self.weights;
        for (id, fuzz) in people.iter_mut() {
            if *fuzz >= 1.0 || *fuzz <= w.dominated {
                continue;
            }
            let Some(p) = self.people.get(*id as usize) else {
                continue;
            };
            if !score::taken_as_typed(df, p.articles.len() as u32) {
                continue;
            }
            let mut begins = false;
            for n in &p.names {
                text::for_each_word(n, |x| begins |= x.starts_with(word));
            }
            if !begins {
                *fuzz = w.dominated;
            }
        }
    }
}
