//! The label file's shape and reading a labelled article straight from the corpora or the bundled sample.

use std::path::Path;

use cloakroom::Article;
use serde::Deserialize;
use serde_json::Value;

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

fn text_field(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .replace("\r\n", "\n")
}

fn date_field(v: &Value, key: &str) -> Option<chrono::NaiveDate> {
    let s = v.get(key)?.as_str()?;
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Reads one labelled article from the corpora or the bundled sample.
pub fn load_article(corpora: &Path, l: &Labelled) -> Result<Article, String> {
    let mut a = load_record(corpora, l)?;
    if a.date.is_none() {
        a.date = l
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    }
    Ok(a)
}

fn load_record(corpora: &Path, l: &Labelled) -> Result<Article, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let json = |s: &str, p: &Path| -> Result<Value, String> {
        serde_json::from_str(s).map_err(|e| format!("{}: {e}", p.display()))
    };
    if let Some(file) = l.source.strip_prefix("bundled:") {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/sample")
            .join(file);
        let text = read(&path)?;
        for line in text.lines().filter(|s| !s.trim().is_empty()) {
            let v = json(line, &path)?;
            if v.get("id").and_then(Value::as_str) == Some(l.id.as_str()) {
                let body = ["body", "text", "content"]
                    .iter()
                    .map(|k| text_field(&v, k))
                    .find(|b| !b.is_empty())
                    .unwrap_or_default();
                return Ok(Article {
                    id: l.id.clone(),
                    title: text_field(&v, "title"),
                    body,
                    date: date_field(&v, "date"),
                    ..Article::default()
                });
            }
        }
        return Err(format!("{}: no record with id {:?}", path.display(), l.id));
    }
    let path = corpora.join(&l.source);
    let text = read(&path)?;
    if l.source.starts_with("allsides-congress/") {
        let v = json(&text, &path)?;
        Ok(Article {
            id: l.id.clone(),
            title: text_field(&v, "title"),
            body: text_field(&v, "content_original"),
            date: date_field(&v, "date"),
            ..Article::default()
        })
    } else if l.source.starts_with("bbc-politics/") {
        let mut lines = text.lines().skip_while(|s| s.trim().is_empty());
        let title = lines.next().unwrap_or_default().trim().to_string();
        let body = lines.collect::<Vec<_>>().join("\n").trim().to_string();
        Ok(Article {
            id: l.id.clone(),
            title,
            body,
            ..Article::default()
        })
    } else {
        let v = json(&text, &path)?;
        let records = v.as_array().cloned().unwrap_or_else(|| vec![v]);
        let v = records
            .iter()
            .find(|r| r.get("id").and_then(Value::as_str) == Some(l.id.as_str()))
            .ok_or_else(|| format!("{}: no record with id {:?}", path.display(), l.id))?;
        Ok(Article {
            id: l.id.clone(),
            title: text_field(v, "title"),
            body: text_field(v, "body"),
            date: date_field(v, "date"),
            ..Article::default()
        })
    }
}
