//! Ranking metrics over graded judgments: nDCG@k (linear gains), precision@k and reciprocal rank.

use std::collections::HashMap;

/// Grades by stable document key; a document not in the map counts as grade 0.
pub type Grades = HashMap<String, u8>;

/// The grade from which a document counts as relevant for P@k and MRR.
pub const RELEVANT: u8 = 1;

/// The grade of `key`, 0 when unjudged.
pub fn grade(grades: &Grades, key: &str) -> u8 {
    grades.get(key).copied().unwrap_or(0)
}

/// Discounted cumulative gain of the first `k` grades: `sum g_i / log2(i + 1)`, ranks from 1.
pub fn dcg(grades: &[u8], k: usize) -> f64 {
    grades
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, &g)| f64::from(g) / ((i + 2) as f64).log2())
        .sum()
}

/// nDCG@k of a ranked list of keys: its DCG over the DCG of the best order of every judged
/// document of the query (so a relevant story neither system found still lowers the score).
/// 0 when the query has no document graded above 0.
pub fn ndcg(ranked: &[&str], grades: &Grades, k: usize) -> f64 {
    let got: Vec<u8> = ranked.iter().map(|key| grade(grades, key)).collect();
    let mut ideal: Vec<u8> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best = dcg(&ideal, k);
    if best == 0.0 {
        0.0
    } else {
        dcg(&got, k) / best
    }
}

/// Precision@k: the share of the first `k` ranks (always out of `k`, also when fewer were returned)
/// holding a document of grade >= [`RELEVANT`].
pub fn precision(ranked: &[&str], grades: &Grades, k: usize) -> f64 {
    let hits = ranked
        .iter()
        .take(k)
        .filter(|key| grade(grades, key) >= RELEVANT)
        .count();
    hits as f64 / k as f64
}

/// Reciprocal rank of the first document of grade >= [`RELEVANT`] within the first `k`, else 0.
pub fn reciprocal_rank(ranked: &[&str], grades: &Grades, k: usize) -> f64 {
    ranked
        .iter()
        .take(k)
        .position(|key| grade(grades, key) >= RELEVANT)
        .map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

/// The three figures of one ranked list.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    /// nDCG@10.
    pub ndcg10: f64,
    /// Precision@5.
    pub p5: f64,
    /// Reciprocal rank within the first 10.
    pub rr: f64,
}

/// nDCG@10, P@5 and RR@10 of `ranked`.
pub fn figures(ranked: &[&str], grades: &Grades) -> Figures {
    Figures {
        ndcg10: ndcg(ranked, grades, 10),
        p5: precision(ranked, grades, 5),
        rr: reciprocal_rank(ranked, grades, 10),
    }
}

/// Sums of figures over queries, for means per category.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Mean {
    /// Queries added.
    pub n: usize,
    sum: Figures,
    /// Unjudged documents among the first 10, summed over the queries.
    pub unjudged: usize,
}

impl Mean {
    /// Adds one query's figures and its count of unjudged documents in the top 10.
    pub fn add(&mut self, f: Figures, unjudged: usize) {
        self.n += 1;
        self.sum.ndcg10 += f.ndcg10;
        self.sum.p5 += f.p5;
        self.sum.rr += f.rr;
        self.unjudged += unjudged;
    }

    /// The mean figures (all 0 when no query was added).
    pub fn mean(&self) -> Figures {
        if self.n == 0 {
            return Figures::default();
        }
        let n = self.n as f64;
        Figures {
            ndcg10: self.sum.ndcg10 / n,
            p5: self.sum.p5 / n,
            rr: self.sum.rr / n,
        }
    }
}
