//! The text form of an explanation (`cloakroom search --explain`): the score, then one part a line.

use std::fmt;

use super::explain_parts::Explanation;

impl fmt::Display for Explanation {
    /// An indented breakdown, one part a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.phrases.is_empty() { "" } else { "(" };
        write!(
            f,
            "{:.3} = {open}{:.3} (sum of words)",
            self.score, self.sum
        )?;
        if self.words.len() > 1 {
            write!(
                f,
                " × {:.3} coordination (weakest word at {:.0}% of its best)",
                self.coordination,
                self.balance * 100.0
            )?;
        }
        if self.about > 1.0 {
            write!(
                f,
                " × {:.3} about (who and what the query names: in the title, share of mentions, mentions)",
                self.about
            )?;
        }
        let phrase: f32 = self.phrases.iter().map(|p| p.score).sum();
        if !self.phrases.is_empty() {
            write!(f, " + {phrase:.3} (phrases))")?;
        }
        if let Some(span) = self.span {
            write!(
                f,
                " × {:.3} proximity (all words within {span})",
                self.proximity
            )?;
        }
        let missing: Vec<&str> = (self.words.iter())
            .filter(|c| c.score <= 0.0)
            .map(|c| c.query.as_str())
            .collect();
        let missing = missing.join(", ");
        if !missing.is_empty() && self.competes {
            write!(
                f,
                " × {:.3} (lacks {missing}: a topic's story, ranked with those that have every word)",
                self.partial
            )?;
        } else if !missing.is_empty() {
            write!(
                f,
                " (lacks {missing}: ranked after every story with all the words)"
            )?;
        }
        for phrase in &self.unphrased {
            write!(
                f,
                " (lacks \"{phrase}\" as a phrase, has its words: ranked after every story with it)"
            )?;
        }
        for c in &self.words {
            write!(
                f,
                "\n  {:.3} = {}: fuzz {:.2} × idf {:.3} × tf {:.3}/(k1 + tf) = {:.3}, as \"{}\"",
                c.score, c.query, c.fuzz, c.idf, c.tf, c.saturation, c.matched
            )?;
            for p in &c.fields {
                let what = match (p.field, &p.name) {
                    (field, Some(name)) => format!("{field} \"{name}\""),
                    (field, None) => field.to_string(),
                };
                let flag = match (p.field, p.flag) {
                    ("body", true) => ", in the lead",
                    ("person" | "bill", true) => ", named in the title",
                    _ => "",
                };
                write!(
                    f,
                    "\n      {:.3} = {what}: {} × {}{flag}",
                    p.weight,
                    p.count,
                    if matches!(p.field, "person" | "bill") {
                        "mentions"
                    } else {
                        "occurrences"
                    }
                )?;
            }
        }
        for p in &self.phrases {
            write!(
                f,
                "\n  {:.3} = phrase \"{}\": weight × idf {:.3} × tf {:.3}/(k1 + tf), {} in the title, {} in the body",
                p.score, p.words, p.idf, p.tf, p.title, p.body
            )?;
        }
        Ok(())
    }
}
