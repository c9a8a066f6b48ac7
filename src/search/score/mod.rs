//! Every ranking weight and formula: BM25F over fields, idf, the fuzzy factor, coordination and proximity.
//!
//! A story's score for a query is the sum over the query's words (clauses) of
//! `fuzz × idf × t / (k1 + t)`, where `t` is the word's weighted, length-normalised frequency
//! summed over the story's fields (title, lead, body) plus the mentions of a person or bill the word
//! names (BM25F), `idf` the word's inverse document frequency, and `fuzz` how surely the matched
//! term is the word typed (1 for the word itself, less for a prefix, a typo or a fuzzy match, far
//! less when the word itself exists). The sum is scaled by how evenly the words are matched (a
//! query's parts must all be central), then by how much the story is about the people and bills the
//! query names (`search::about`), and the best stories get a bonus when the words occur near each
//! other. Date only breaks exact ties. [`explain`] prints the parts.

pub mod explain;
mod explain_parts;
mod explain_text;
mod forms;
mod proximity;
mod weights;

pub use explain_parts::{ClausePart, Explanation, FieldPart, PhrasePart};
pub use forms::{FORM_ENDINGS, STEM_LETTERS, SUFFIXES, derived, is_form, is_stopword, y_plural};
pub(crate) use proximity::{Pair, Scan, WordSets, closeness};
pub use weights::{PARTIAL_WORDS, Weights};

/// Words of a body that count as its lead (about the first paragraph of a news story).
pub const LEAD_WORDS: u32 = 60;
/// Bytes of a body within which an entity's first mention counts as being in the lead.
pub const LEAD_BYTES: usize = 400;

/// A word alone that names more than this share of the people (or of the bills) names none of
/// them: it is a word many names share ("act", "john").
pub const GENERIC_NAMES: f32 = 0.05;

/// A word found in the corpus is taken as typed unless a typo or fuzzy match of it is in this
/// many times more stories (then the word is a rare misspelling: "masie" for Massie) ...
pub const RARE_RATIO: u32 = 20;
/// ... but a word in this many fields of stories (title and body counted apart) is no
/// misspelling however common its neighbour: "flight" is not "fight".
pub const COMMON_ENOUGH: u32 = 10;

/// A word in `df` story fields is the word typed, not a rare misspelling of a neighbour one typo
/// away that is in `close_df` ([`RARE_RATIO`], [`COMMON_ENOUGH`]).
pub fn taken_as_typed(df: u32, close_df: u32) -> bool {
    df >= COMMON_ENOUGH || df.saturating_mul(RARE_RATIO) >= close_df
}

/// Inverse document frequency (BM25's, never negative) of a word in `df` of `n` stories.
pub fn idf(df: u32, n: usize) -> f32 {
    let (df, n) = (df as f32, n as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Length normalisation of a field of `len` words where the average is `avg`.
pub fn norm(len: u32, avg: f32, b: f32) -> f32 {
    if avg <= 0.0 {
        1.0
    } else {
        1.0 - b + b * len as f32 / avg
    }
}

/// BM25 saturation of a weighted frequency: from 0 towards 1.
pub fn saturate(t: f32, k1: f32) -> f32 {
    if t <= 0.0 { 0.0 } else { t / (k1 + t) }
}

/// Lengths of one story and the corpus averages, for normalisation.
#[derive(Debug, Clone, Copy)]
pub struct Lengths {
    /// Title words.
    pub title: u32,
    /// Body words.
    pub body: u32,
    /// Average title words.
    pub avg_title: f32,
    /// Average body words.
    pub avg_body: f32,
}

/// How a person or bill is mentioned in one story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mentions {
    /// Mentions (saturating at 255).
    pub count: u8,
    /// Named in the title.
    pub title: bool,
    /// First named in the body's lead.
    pub lead: bool,
}

impl Weights {
    /// The reciprocals of a story's title and body length normalisations (computed once per
    /// story, so that scoring a posting multiplies instead of divides).
    pub fn inverse_norms(&self, l: &Lengths) -> (f32, f32) {
        (
            1.0 / norm(l.title, l.avg_title, self.title_b),
            1.0 / norm(l.body, l.avg_body, self.body_b),
        )
    }

    /// Weighted frequency of a word in the title (`tf` occurrences).
    pub fn title_tf(&self, tf: u32, l: &Lengths) -> f32 {
        self.title_tf_by(tf, self.inverse_norms(l).0)
    }

    /// [`title_tf`](Self::title_tf) with the title's inverse norm.
    pub fn title_tf_by(&self, tf: u32, inv_norm: f32) -> f32 {
        self.title * tf as f32 * inv_norm
    }

    /// Weighted frequency of a word in the body (`tf` occurrences, `lead` when one is in the lead).
    pub fn body_tf(&self, tf: u32, lead: bool, l: &Lengths) -> f32 {
        self.body_tf_by(tf, lead, self.inverse_norms(l).1)
    }

    /// [`body_tf`](Self::body_tf) with the body's inverse norm.
    pub fn body_tf_by(&self, tf: u32, lead: bool, inv_norm: f32) -> f32 {
        let lead = if lead { self.lead } else { 0.0 };
        self.body * tf as f32 * inv_norm + lead
    }

    /// Weighted frequency of a person or bill in a story.
    pub fn entity_tf(&self, m: Mentions, l: &Lengths) -> f32 {
        self.entity_tf_by(m, self.inverse_norms(l).1)
    }

    /// [`entity_tf`](Self::entity_tf) with the body's inverse norm.
    pub fn entity_tf_by(&self, m: Mentions, inv_norm: f32) -> f32 {
        let count = u32::from(m.count).min(self.mention_cap) as f32;
        self.mention * count * inv_norm
            + if m.title { self.entity_title } else { 0.0 }
            + if m.lead { self.entity_lead } else { 0.0 }
    }

    /// One word's score in a story: fuzz × idf × saturated frequency.
    pub fn clause(&self, fuzz: f32, idf: f32, t: f32) -> f32 {
        fuzz * idf * saturate(t, self.k1)
    }

    /// A word's weight in the balance of a query's words: its best score in the corpus over
    /// `top`, the best of the query's words, to the power [`Weights::coordination_idf`].
    pub fn balance_weight(&self, best: f32, top: f32) -> f32 {
        if self.coordination_idf > 0.0 {
            (best / top.max(f32::MIN_POSITIVE))
                .powf(self.coordination_idf)
                .min(1.0)
        } else {
            1.0
        }
    }

    /// One word's part of the balance (the lowest is the balance): 1 less its shortfall (1 less
    /// its share of its `best` score in the corpus) times its [`balance_weight`](Self::balance_weight).
    pub fn share(score: f32, best: f32, weight: f32) -> f32 {
        1.0 - (1.0 - score / best.max(f32::MIN_POSITIVE)) * weight
    }

    /// The balance of a query's words from each word's (score, best score in the corpus): the
    /// lowest [`share`](Self::share) (1 for no word).
    pub fn balance_of(&self, parts: &[(f32, f32)]) -> f32 {
        let top = parts.iter().map(|p| p.1).fold(0.0f32, f32::max);
        parts
            .iter()
            .map(|&(score, best)| Self::share(score, best, self.balance_weight(best, top)))
            .fold(1.0f32, f32::min)
    }

    /// The factor for how evenly a query's words match: `balance` is the weakest word's share of
    /// its best score in the corpus (1 when every word matches as well as anywhere).
    pub fn coordinate(&self, balance: f32) -> f32 {
        1.0 - self.coordination + self.coordination * balance.clamp(0.0, 1.0)
    }

    /// The weighted frequency and score of a phrase found `title` and `body` times in a story
    /// (with the story's inverse length norms).
    pub fn phrase_part(&self, idf: f32, title: u32, body: u32, inv: (f32, f32)) -> (f32, f32) {
        let tf = if title > 0 {
            self.title_tf_by(title, inv.0)
        } else {
            0.0
        } + if body > 0 {
            self.body * body as f32 * inv.1
        } else {
            0.0
        };
        (tf, self.phrase * idf * saturate(tf, self.k1))
    }

    /// The proximity factor for words `span` positions apart in all (`words` of them adjacent: 1).
    pub fn proximity_factor(&self, span: Option<u32>, words: usize) -> f32 {
        span.map_or(1.0, |s| {
            1.0 + self.proximity * closeness(s, words, self.proximity_scale)
        })
    }

    /// Fuzz of a vocabulary term or name matched by a typed word.
    pub fn fuzz(&self, kind: MatchKind, found_exact: bool) -> f32 {
        match kind {
            MatchKind::Exact => 1.0,
            MatchKind::Prefix(extra) => {
                (self.prefix - self.prefix_letter * extra as f32).max(self.prefix / 2.0)
            }
            MatchKind::Typo if !found_exact => self.typo,
            MatchKind::Fuzzy(share) if !found_exact => self.fuzzy * share.clamp(0.0, 1.0),
            MatchKind::Typo | MatchKind::Fuzzy(_) => self.dominated,
        }
    }

    /// Fuzz of a vocabulary word `term` that the typed `word` begins: a form of the word ("taxes",
    /// "voted", "banned"), or (when the word itself exists) far less; while the word is being
    /// typed (not in the corpus yet), any longer word is a prefix match.
    pub fn prefix_fuzz(&self, word: &str, term: &str, word_exists: bool) -> f32 {
        let extra = term.chars().count().saturating_sub(word.chars().count()) as u32;
        if word_exists && !is_form(word, term) {
            self.long_prefix
        } else {
            self.fuzz(MatchKind::Prefix(extra), true)
        }
    }
}

/// How a term (or name) matched a typed word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MatchKind {
    /// The word itself.
    Exact,
    /// A longer word it begins, with this many extra letters.
    Prefix(u32),
    /// One or two letters wrong, missing, extra or swapped.
    Typo,
    /// A fuzzy (subsequence) match, with its matcher score as a share of the best one.
    Fuzzy(f32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_occurrences_add_less_and_less() {
        let w = Weights::default();
        let l = Lengths {
            title: 8,
            body: 500,
            avg_title: 8.0,
            avg_body: 500.0,
        };
        let one = w.clause(1.0, 2.0, w.body_tf(1, false, &l));
        let two = w.clause(1.0, 2.0, w.body_tf(2, false, &l));
        let ten = w.clause(1.0, 2.0, w.body_tf(10, false, &l));
        assert!(one < two && two < ten && ten < 2.0);
        assert!(two - one > ten - w.clause(1.0, 2.0, w.body_tf(9, false, &l)));
        // A title occurrence weighs more than a body one; a longer body dilutes.
        assert!(w.title_tf(1, &l) > w.body_tf(1, false, &l));
        let long = Lengths { body: 2000, ..l };
        assert!(w.body_tf(3, false, &long) < w.body_tf(3, false, &l));
    }

    #[test]
    fn rarer_words_weigh_more_and_exact_beats_fuzzy() {
        assert!(idf(3, 1000) > idf(300, 1000));
        assert!(idf(1000, 1000) >= 0.0);
        let w = Weights::default();
        assert!(w.fuzz(MatchKind::Exact, true) > w.fuzz(MatchKind::Prefix(2), true));
        assert!(w.fuzz(MatchKind::Prefix(2), true) > 5.0 * w.fuzz(MatchKind::Fuzzy(1.0), true));
        assert!(w.fuzz(MatchKind::Typo, false) > 5.0 * w.fuzz(MatchKind::Typo, true));
    }
}
