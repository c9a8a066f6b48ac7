//! One clause's score in every story (BM25F over title, lead, body and named people and bills), in bulk.

use super::engine::{BODY, ENTITY, Resolved, TITLE};
use super::index::{Named, SearchIndex};
use super::postings::{LEAD, tf_of};
use super::query::Scope;
use super::score::{self, Weights};

/// Vocabulary terms with their fuzz.
type Terms = Vec<(u32, f32)>;

/// A clause's score in each story (0: no match) and the field it matched best in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Marks {
    /// Score per article.
    pub score: Vec<f32>,
    /// `ENTITY`, `TITLE`, `BODY` or 0, per article: what the match details show.
    pub class: Vec<u8>,
    /// The highest score of any article (for the balance of a query's words).
    pub best: f32,
}

impl Marks {
    pub fn new(n: usize) -> Marks {
        Marks {
            score: vec![0.0; n],
            class: vec![0; n],
            best: 0.0,
        }
    }

    /// Keeps the better of two partial results per article.
    fn merge(mut self, other: Marks) -> Marks {
        for (d, (s, c)) in other.score.into_iter().zip(other.class).enumerate() {
            self.score[d] = self.score[d].max(s);
            self.class[d] = self.class[d].max(c);
        }
        self
    }

    fn finish(mut self) -> Marks {
        self.best = self.score.iter().copied().fold(0.0, f32::max);
        self
    }
}

/// Per article, the best weighted frequency of the people, bills or sources a clause names (fuzz
/// included, added to the words' frequencies), and the best score of one of them alone (with its
/// own idf, for a story that names it without the word).
pub(crate) struct EntityTf {
    pub tf: Vec<f32>,
    pub alone: Vec<f32>,
}

impl SearchIndex {
    /// Articles that contain term `t` in the title or body (an upper bound of the union).
    pub(crate) fn df(&self, t: u32) -> u32 {
        self.title.count(t).max(self.body.count(t))
    }

    /// The idf of the word itself (its best-matching term), which caps the idf of the longer or
    /// fuzzy terms and names it matches: "randpaul" or the rare "Paul Ends" are not more specific
    /// than "rand" or "paul".
    pub(crate) fn word_idf(&self, r: &Resolved) -> f32 {
        // The best fuzz, and of those the commonest term ("blair" rather than "blairs" for
        // "blaire").
        r.terms
            .iter()
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then_with(|| self.df(a.0).cmp(&self.df(b.0)))
            })
            .map_or(f32::INFINITY, |&(t, _)| score::idf(self.df(t), self.n))
    }

    /// The idf of each person, bill or source (`true`) the clause `res` names, at most the word's.
    /// The sources a clause names are one filter ("new york times": its news and its opinion
    /// pages), so a source's idf is that of all their stories: the rarer does not outrank.
    pub(crate) fn entity_idf(&self, res: &Resolved) -> impl Fn(&Named, bool) -> f32 + '_ {
        let cap = self.word_idf(res);
        let sources: usize = (res.sources.iter())
            .filter_map(|&(e, _)| self.sources.get(e as usize))
            .map(|n| n.articles.len())
            .sum();
        move |named: &Named, source: bool| {
            let df = if source {
                sources
            } else {
                named.articles.len()
            };
            score::idf(df.min(self.n) as u32, self.n).min(cap)
        }
    }

    /// The weighted frequencies of the clause's people, bills and sources, or `None` when it names
    /// none.
    pub(crate) fn entity_tf(&self, res: &Resolved) -> Option<EntityTf> {
        if res.people.is_empty() && res.bills.is_empty() && res.sources.is_empty() {
            return None;
        }
        let wt = &self.weights;
        let mut tf = vec![0f32; self.n];
        let mut alone = vec![0f32; self.n];
        let entity_idf = self.entity_idf(res);
        for (list, named, source) in [
            (&res.people, &self.people, false),
            (&res.bills, &self.bills, false),
            (&res.sources, &self.sources, true),
        ] {
            for &(e, fuzz) in list {
                let Some(n) = named.get(e as usize) else {
                    continue;
                };
                let idf = entity_idf(n, source);
                for (i, &doc) in n.articles.iter().enumerate() {
                    let inv = self.inv_norms.get(doc as usize).map_or(1.0, |x| x.1);
                    let t = match n.mentions.get(i) {
                        Some(&m) => wt.entity_tf_by(m, inv),
                        // A source: as strong as a title match.
                        None => wt.title,
                    };
                    if let (Some(x), Some(y)) =
                        (tf.get_mut(doc as usize), alone.get_mut(doc as usize))
                    {
                        *x = x.max(fuzz * t);
                        *y = y.max(wt.clause(fuzz, idf, t));
                    }
                }
            }
        }
        Some(EntityTf { tf, alone })
    }

    /// Scores a word (or bill-number) clause in every article: for each matched term, BM25F over
    /// title and body plus the clause's entities, times the term's fuzz; the best term counts.
    pub(crate) fn word_marks(&self, r: &Resolved, scope: Scope) -> Marks {
        let ent = self.entity_tf(r);
        let cap = self.word_idf(r);
        let body = scope != Scope::Title;
        // The forms of the word (two or more) add up into one frequency; every other term (a
        // longer word, a typo, a fuzzy match, a form alone) counts alone, the best per article.
        let (forms, rest): (Terms, Terms) = if r.forms.len() < 2 {
            (Vec::new(), r.terms.clone())
        } else {
            r.terms.iter().partition(|(t, _)| r.forms.contains(t))
        };
        // Long postings (short prefixes such as "h", common words) are scored on both cores, each
        // half of the terms into its own marks, merged by maximum.
        let postings: usize = rest
            .iter()
            .map(|&(t, _)| (self.title.count(t) + self.body.count(t)) as usize)
            .sum();
        let others = |terms: &[(u32, f32)]| {
            if postings > self.n / 2 && terms.len() > 1 {
                let (first, second) = terms.split_at(terms.len() / 2);
                let (a, b) = rayon::join(
                    || self.term_marks(first, cap, body, ent.as_ref()),
                    || self.term_marks(second, cap, body, ent.as_ref()),
                );
                a.merge(b)
            } else {
                self.term_marks(terms, cap, body, ent.as_ref())
            }
        };
        let mut marks = match (forms.is_empty(), rest.is_empty()) {
            (true, _) => others(&rest),
            (false, true) => self.form_marks(&forms, cap, body, ent.as_ref()),
            (false, false) => {
                let (a, b) = rayon::join(
                    || self.form_marks(&forms, cap, body, ent.as_ref()),
                    || others(&rest),
                );
                a.merge(b)
            }
        };
        if let Some(e) = &ent {
            self.entity_only(r, e, &mut marks);
        }
        marks.finish()
    }

    /// Articles matched through a person, bill or source alone score as that entity.
    fn entity_only(&self, r: &Resolved, e: &EntityTf, marks: &mut Marks) {
        let classes = [
            (&r.people, &self.people, ENTITY),
            (&r.bills, &self.bills, ENTITY),
            (&r.sources, &self.sources, TITLE),
        ];
        for (list, named, class) in classes {
            for &(id, _) in list {
                for &doc in named
                    .get(id as usize)
                    .map_or(&[][..], |n: &Named| &n.articles)
                {
                    let d = doc as usize;
                    if let (Some(s), Some(c), Some(&alone)) = (
                        marks.score.get_mut(d),
                        marks.class.get_mut(d),
                        e.alone.get(d),
                    ) {
                        *s = s.max(alone);
                        *c = (*c).max(class as u8);
                    }
                }
            }
        }
    }

    /// BM25F of the forms of a word together: each form's occurrences in the title and body
    /// weighted by its fuzz and summed (the lead counted once, at the best form's fuzz), with the
    /// word's idf (`cap`), saturated once.
    fn form_marks(
        &self,
        forms: &[(u32, f32)],
        cap: f32,
        body: bool,
        ent: Option<&EntityTf>,
    ) -> Marks {
        let w: &Weights = &self.weights;
        let mut marks = Marks::new(self.n);
        let mut acc = vec![0f32; self.n];
        let mut lead = vec![0f32; self.n];
        for &(t, fuzz) in forms {
            for (doc, tf) in self.title.iter_tf(t) {
                let d = doc as usize;
                acc[d] += fuzz * w.title_tf_by(tf_of(tf), self.inv_norms[d].0);
                marks.class[d] = marks.class[d].max(TITLE as u8);
            }
            if body {
                for (doc, tf) in self.body.iter_tf(t) {
                    let d = doc as usize;
                    acc[d] += fuzz * w.body_tf_by(tf_of(tf), false, self.inv_norms[d].1);
                    if tf & LEAD != 0 {
                        lead[d] = lead[d].max(fuzz * w.lead);
                    }
                    marks.class[d] = marks.class[d].max(BODY as u8);
                }
            }
        }
        for (d, (&a, &l)) in acc.iter().zip(&lead).enumerate() {
            if a > 0.0 {
                let e = ent.map_or(0.0, |e| e.tf[d]);
                marks.score[d] = w.clause(1.0, cap, a + l + e);
                if e > 0.0 {
                    marks.class[d] = ENTITY as u8;
                }
            }
        }
        marks
    }

    /// BM25F of each term in each article (idf capped at `cap`), the best per article.
    fn term_marks(
        &self,
        terms: &[(u32, f32)],
        cap: f32,
        body: bool,
        ent: Option<&EntityTf>,
    ) -> Marks {
        let w: &Weights = &self.weights;
        let mut marks = Marks::new(self.n);
        // A title's weighted frequency waits here until the body's joins it.
        let mut acc = vec![0f32; self.n];
        let e_tf = |d: usize| ent.map_or(0.0, |e| e.tf[d]);
        for &(t, fuzz) in terms {
            let idf = score::idf(self.df(t), self.n).min(cap);
            for (doc, tf) in self.title.iter_tf(t) {
                let d = doc as usize;
                acc[d] += w.title_tf_by(tf_of(tf), self.inv_norms[d].0);
                marks.class[d] = marks.class[d].max(TITLE as u8);
            }
            if body {
                for (doc, tf) in self.body.iter_tf(t) {
                    let d = doc as usize;
                    let e = e_tf(d);
                    let all =
                        acc[d] + w.body_tf_by(tf_of(tf), tf & LEAD != 0, self.inv_norms[d].1) + e;
                    acc[d] = 0.0;
                    marks.score[d] = marks.score[d].max(w.clause(fuzz, idf, all));
                    let class = if e > 0.0 { ENTITY } else { BODY } as u8;
                    marks.class[d] = marks.class[d].max(class);
                }
            }
            // Stories with the word in the title only.
            for doc in self.title.iter(t) {
                let d = doc as usize;
                if acc[d] > 0.0 {
                    let e = e_tf(d);
                    marks.score[d] = marks.score[d].max(w.clause(fuzz, idf, acc[d] + e));
                    if e > 0.0 {
                        marks.class[d] = ENTITY as u8;
                    }
                    acc[d] = 0.0;
                }
            }
        }
        marks
    }

    /// Scores a phrase found in the titles (and bodies) of `hits`: (article, in title, occurrences
    /// in the body), plus the clause's people and bills.
    pub(crate) fn phrase_marks(
        &self,
        res: &Resolved,
        idf: f32,
        hits: &[(u32, bool, u32)],
    ) -> Marks {
        let wt = &self.weights;
        let ent = self.entity_tf(res);
        let mut marks = Marks::new(self.n);
        for &(doc, title, count) in hits {
            let d = doc as usize;
            let lens = self.lengths(d);
            let mut t = wt.body_tf(count, false, &lens);
            if title {
                t += wt.title_tf(1, &lens);
            }
            let e = ent.as_ref().map_or(0.0, |e| e.tf[d]);
            marks.score[d] = wt.clause(1.0, idf, t + e);
            marks.class[d] = if e > 0.0 {
                ENTITY
            } else if title {
                TITLE
            } else {
                BODY
            } as u8;
        }
        marks.finish()
    }
}
