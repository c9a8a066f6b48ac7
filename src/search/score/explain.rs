//! Why a story scored what it did: each word's fields, frequencies, idf and fuzz, then coordination, aboutness and proximity.

use super::explain_parts::{ClausePart, Explanation, FieldPart, PhrasePart};
use super::{Weights, saturate};
use crate::corpus::Article;
use crate::search::about::About;
use crate::search::engine::{ClausePlan, Ranking, Sort};
use crate::search::index::{Named, SearchIndex};
use crate::search::postings::{LEAD, tf_of};
use crate::search::query::{Scope, Term};
use crate::search::{details, text};

impl Ranking {
    /// The score of hit `i` taken apart (`None` when `i` is out of range).
    pub fn explain_score(
        &self,
        index: &SearchIndex,
        articles: &[Article],
        i: usize,
    ) -> Option<Explanation> {
        if let Some((loose, j)) = self.loose_at(i) {
            return loose.explain_score(index, articles, j);
        }
        let hit = self.hits.get(i)?;
        let a = articles.get(hit.article)?;
        let w = &index.weights;
        let words: Vec<ClausePart> = self
            .plans
            .iter()
            .filter(|p| !p.clause.negated)
            .map(|p| clause_part(index, p, hit.article, a))
            .collect();
        let sum: f32 = words.iter().map(|c| c.score).sum();
        let parts: Vec<(f32, f32)> = (self.plans.iter().filter(|p| !p.clause.negated))
            .zip(&words)
            .map(|(p, c)| (c.score, p.marks.best))
            .collect();
        let balance = w.balance_of(&parts);
        let coordination = if words.len() > 1 {
            w.coordinate(balance)
        } else {
            1.0
        };
        let sets = index.word_sets(&self.plans);
        let applied = self.sort == Sort::Relevance && sets.words > 1 && i < w.proximity_depth;
        let scan = if applied {
            sets.scan(&a.title, &a.body)
        } else {
            super::Scan::default()
        };
        let inv = w.inverse_norms(&index.lengths(hit.article));
        let phrases: Vec<PhrasePart> = sets
            .pairs
            .iter()
            .zip(&scan.pairs)
            .filter(|(_, c)| c.0 + c.1 > 0 && w.phrase > 0.0)
            .map(|(p, &(title, body))| {
                let (tf, score) = w.phrase_part(p.idf, title, body, inv);
                PhrasePart {
                    words: p.label.clone(),
                    score,
                    idf: p.idf,
                    title,
                    body,
                    tf,
                }
            })
            .collect();
        let phrase: f32 = phrases.iter().map(|p| p.score).sum();
        let proximity = w.proximity_factor(scan.span, sets.words);
        let missing: Vec<usize> = (words.iter().enumerate())
            .filter(|(_, c)| c.score <= 0.0)
            .map(|(i, _)| i)
            .collect();
        let share = (index.droppable(&self.plans))
            .map_or(0.0, |d| d.share_lacking(&missing, w.partial_some_act));
        let competes = !missing.is_empty() && self.sort == Sort::Relevance && share > 0.0;
        let partial = if competes { share } else { 1.0 };
        let about = if self.sort == Sort::Relevance {
            About::of(index, &self.plans).map_or(1.0, |a| a.factor(hit.article))
        } else {
            1.0
        };
        Some(Explanation {
            score: (sum * coordination * partial * about + phrase) * proximity,
            partial,
            competes,
            sum,
            balance,
            coordination,
            about,
            span: scan.span,
            proximity,
            words,
            phrases,
            unphrased: Vec::new(),
        })
    }
}

/// The best reading of one clause in article `doc`, as [`SearchIndex::word_marks`] scored it.
fn clause_part(index: &SearchIndex, p: &ClausePlan, doc: usize, a: &Article) -> ClausePart {
    let wt = &index.weights;
    let lens = index.lengths(doc);
    let res = &p.resolved;
    let query = p.clause.to_string();
    // The clause's people, bills and sources in this story: the best one (its weighted
    // frequency joins the words'), and the best one scored alone.
    let ent = best_entity(index, wt, res, doc);
    let (e_tf, e_part, alone) = ent.map_or((0.0, None, None), |(t, part, alone)| {
        (t, Some(part), Some(alone))
    });
    let mut best = ClausePart {
        query,
        ..ClausePart::default()
    };
    let mut consider = |matched: String, fuzz: f32, idf: f32, mut fields: Vec<FieldPart>| {
        let tf: f32 = fields.iter().map(|f| f.weight).sum::<f32>() + e_tf;
        let score = wt.clause(fuzz, idf, tf);
        if score > best.score {
            fields.extend(e_part.clone());
            best = ClausePart {
                score,
                matched,
                fuzz,
                idf,
                tf,
                saturation: saturate(tf, wt.k1),
                fields,
                ..best.clone()
            };
        }
    };
    match &p.clause.term {
        Term::Phrase(ph) if matches!(p.clause.scope, Scope::Any | Scope::Title) => {
            let needle = details::fold(ph);
            let in_title = details::count_folded(&a.title, &needle) > 0;
            let count = if p.clause.scope == Scope::Any {
                details::count_folded(&a.body, &needle) as u32
            } else {
                0
            };
            if in_title || count > 0 {
                let mut fields = Vec::new();
                if in_title {
                    fields.push(field("title", 1, false, wt.title_tf(1, &lens)));
                }
                if count > 0 {
                    fields.push(field("body", count, false, wt.body_tf(count, false, &lens)));
                }
                consider(format!("\"{ph}\""), 1.0, res.phrase_idf, fields);
            }
        }
        _ => {
            let body = p.clause.scope != Scope::Title;
            let cap = index.word_idf(res);
            // The forms of the word together, as `form_marks` adds them up.
            let mut fields = Vec::new();
            let mut lead = 0.0f32;
            let mut shown = Vec::new();
            let grouped = |t: u32| res.forms.len() >= 2 && res.forms.contains(&t);
            // A term's title count and body posting (with its lead flag) in this story, if any.
            let occurs = |t: u32| {
                let tt = tf_of(index.title.tf(t, doc as u32));
                let bb = if body {
                    index.body.tf(t, doc as u32)
                } else {
                    0
                };
                (tt > 0 || bb > 0).then_some((tt, bb))
            };
            for &(t, fuzz) in res.terms.iter().filter(|(t, _)| grouped(*t)) {
                let Some((tt, bb)) = occurs(t) else {
                    continue;
                };
                let term = index.vocab.term(t);
                shown.push(term.to_string());
                // Named by the form, and its fuzz unless it is the word itself.
                let named = |mut f: FieldPart| {
                    f.name = Some(if (fuzz - 1.0).abs() < f32::EPSILON {
                        term.to_string()
                    } else {
                        format!("{term} × fuzz {fuzz:.2}")
                    });
                    f
                };
                if tt > 0 {
                    fields.push(named(field(
                        "title",
                        tt,
                        false,
                        fuzz * wt.title_tf(tt, &lens),
                    )));
                }
                if bb > 0 {
                    let (n, in_lead) = (tf_of(bb), bb & LEAD != 0);
                    if in_lead {
                        lead = lead.max(fuzz * wt.lead);
                    }
                    let f = field("body", n, in_lead, fuzz * wt.body_tf(n, false, &lens));
                    fields.push(named(f));
                }
            }
            if shown.len() == 1 && fields.iter().all(|f| f.name.as_deref() == Some(&*shown[0])) {
                // The word alone: its fields as they read without forms, the lead in the body's.
                for f in &mut fields {
                    f.name = None;
                    if f.field == "body" && f.flag {
                        f.weight += lead;
                    }
                }
            } else if lead > 0.0 {
                fields.push(field("lead", 1, true, lead));
            }
            if !fields.is_empty() {
                consider(shown.join(" + "), 1.0, cap, fields);
            }
            for &(t, fuzz) in res.terms.iter().filter(|(t, _)| !grouped(*t)) {
                let Some((tt, bb)) = occurs(t) else {
                    continue;
                };
                let mut fields = Vec::new();
                if tt > 0 {
                    fields.push(field("title", tt, false, wt.title_tf(tt, &lens)));
                }
                if bb > 0 {
                    let (n, lead) = (tf_of(bb), bb & LEAD != 0);
                    fields.push(field("body", n, lead, wt.body_tf(n, lead, &lens)));
                }
                let idf = super::idf(index.df(t), index.n).min(cap);
                let term = index.vocab.term(t);
                let shown = term
                    .strip_prefix('#')
                    .map_or(term.to_string(), text::bill_display);
                consider(shown, fuzz, idf, fields);
            }
            if let Some(alone) = alone
                && alone.score > best.score
            {
                best = ClausePart {
                    query: best.query.clone(),
                    ..alone
                };
            }
        }
    }
    best
}

fn field(field: &'static str, count: u32, flag: bool, weight: f32) -> FieldPart {
    FieldPart {
        field,
        name: None,
        count,
        flag,
        weight,
    }
}

/// The clause's people, bills and sources in the story: the best weighted frequency (fuzz
/// included) with its part, and the best score of one alone.
fn best_entity(
    index: &SearchIndex,
    wt: &Weights,
    res: &crate::search::engine::Resolved,
    doc: usize,
) -> Option<(f32, FieldPart, ClausePart)> {
    let lens = index.lengths(doc);
    let mut best: Option<(f32, FieldPart, ClausePart)> = None;
    let mut alone: Option<ClausePart> = None;
    let entity_idf = index.entity_idf(res);
    for (list, named, kind) in [
        (&res.people, &index.people, "person"),
        (&res.bills, &index.bills, "bill"),
        (&res.sources, &index.sources, "source"),
    ] {
        for &(e, fuzz) in list {
            let Some(n): Option<&Named> = named.get(e as usize) else {
                continue;
            };
            let Ok(i) = n.articles.binary_search(&(doc as u32)) else {
                continue;
            };
            let (t, count, flag) = match n.mentions.get(i) {
                Some(&m) => (wt.entity_tf(m, &lens), u32::from(m.count), m.title),
                None => (wt.title, 1, false),
            };
            let part = FieldPart {
                field: kind,
                name: n.names.first().cloned(),
                count,
                flag,
                weight: fuzz * t,
            };
            let idf = entity_idf(n, kind == "source");
            let score = wt.clause(fuzz, idf, t);
            if alone.as_ref().is_none_or(|a| score > a.score) {
                alone = Some(ClausePart {
                    query: String::new(),
                    score,
                    matched: n.names.first().cloned().unwrap_or_default(),
                    fuzz,
                    idf,
                    tf: t,
                    saturation: saturate(t, wt.k1),
                    fields: vec![FieldPart {
                        weight: t,
                        ..part.clone()
                    }],
                });
            }
            if best.as_ref().is_none_or(|(b, ..)| fuzz * t > *b) {
                best = Some((fuzz * t, part, ClausePart::default()));
            }
        }
    }
    best.zip(alone)
        .map(|((t, part, _), alone)| (t, part, alone))
}
