//! The label file's shape and reading a labelled article straight from the corpora or the bundled sample.

use std::path::Path;

use cloakroom::Article;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Labels {
    pub articles: Vec<Labelled>,
}

#[derive(Deserialize)]
pub struct Labelled {
    pub source: String,
    pub id: String,
    #[serde(default)]
    pub people: Vec<GoldPerson>,
    #[serde(default)]
    pub bills: Vec<GoldBill>,
    /// People named only in page furniture (captions, related headlines): neither a miss nor a false positive.
    #[serde(default)]
    pub optional_people: Vec<GoldPerson>,
    /// Bills named only in page furniture (a caption, a related headline): neither a miss nor a false positive.
    #[serde(default)]
    pub optional_bills: Vec<GoldBill>,
    /// "bills" for the bill stratum of the held-out set; absent for the uniform sample.
    #[serde(default)]
    pub stratum: Option<String>,
    /// The article's date inferred by the labeller when the record has none (YYYY-MM-DD).
    #[serde(default)]
    pub date: Option<String>,
}

/// A person is either a bare name or a name with accepted alternatives.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum GoldPerson {
    Name(String),
    Full {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
        /// Absent: not scored for linking; `null`: in office but no roster id is right; else the id.
        #[serde(default, deserialize_with = "present")]
        bioguide: Option<Option<String>>,
    },
}

/// A key that is present (even as `null`) becomes `Some`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

impl GoldPerson {
    /// The gold link: `None` when the person is not scored for linking.
    pub fn bioguide(&self) -> Option<Option<&str>> {
        match self {
            Self::Name(_) => None,
            Self::Full { bioguide, .. } => bioguide.as_ref().map(Option::as_deref),
        }
    }
    pub fn name(&self) -> &str {
        match self {
            Self::Name(n) | Self::Full { name: n, .. } => n,
        }
    }
    pub fn forms(&self) -> Vec<&str> {
        match self {
            Self::Name(n) => vec![n.as_str()],
            Self::Full { name, aliases, .. } => std::iter::once(name.as_str())
                .chain(aliases.iter().map(String::as_str))
                .collect(),
        }
    }
}

#[derive(Deserialize)]
pub struct GoldBill {
    pub label: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// "named", "numbered" or "described".
    pub kind: String,
    /// For described bills: full names of sponsors; a predicted bill sharing one matches.
    #[serde(default)]
    pub sponsors: Vec<String>,
    /// For described bills: words that all appear in a matching predicted label.
    #[serde(default)]
    pub keywords: Vec<String>,
}

impl GoldBill {
    pub fn described(&self) -> bool {
        self.kind == "described"
    }
}

/// Reads one labelled article through Cloakroom's own loader (the text the reader and `entities` extract from:
/// sanitized, with page furniture removed), from the corpora or the bundled sample.
pub fn load_article(corpora: &Path, l: &Labelled) -> Result<Article, String> {
    let corpus = if l.source.starts_with("bundled:") {
        cloakroom::corpus::bundled()
    } else {
        let path = corpora.join(&l.source);
        cloakroom::corpus::load(&[path], &cloakroom::corpus::LoadOptions::default())
            .map_err(|e| format!("{}: {e}", l.source))?
    };
    let only = corpus.articles.len() == 1;
    let mut a = corpus
        .articles
        .into_iter()
        .find(|a| only || a.id == l.id)
        .ok_or_else(|| format!("{}: no record with id {:?}", l.source, l.id))?;
    a.id.clone_from(&l.id);
    if a.date.is_none() {
        a.date = l
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    }
    Ok(a)
}
