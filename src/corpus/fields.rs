//! Field mapping: which record keys fill which article field, in which order, and `--field FIELD=KEY` overrides.

use anyhow::{Context, bail};

/// An article field that a record key can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `Article::id`.
    Id,
    /// `Article::title`.
    Title,
    /// `Article::body`.
    Body,
    /// `Article::source`.
    Source,
    /// `Article::authors`.
    Authors,
    /// `Article::date`.
    Date,
    /// `Article::url`.
    Url,
    /// `Article::tags`.
    Tags,
}

impl Field {
    /// Every field, in the order the README documents them.
    pub const ALL: [Field; 8] = [
        Field::Id,
        Field::Title,
        Field::Body,
        Field::Source,
        Field::Authors,
        Field::Date,
        Field::Url,
        Field::Tags,
    ];

    /// The name used in `--field NAME=KEY`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Body => "body",
            Field::Source => "source",
            Field::Authors => "authors",
            Field::Date => "date",
            Field::Url => "url",
            Field::Tags => "tags",
        }
    }

    /// Parses a field name; `author` and `tag` are accepted as aliases.
    pub fn from_name(name: &str) -> Option<Field> {
        let name = name.trim().to_ascii_lowercase();
        let field = match name.as_str() {
            "author" => Field::Authors,
            "tag" => Field::Tags,
            other => *Field::ALL.iter().find(|f| f.name() == other)?,
        };
        Some(field)
    }

    /// The record keys tried, in order; the first one present with a non-empty value wins (for `tags`, every one
    /// present contributes). Keys are matched exactly first, then ignoring ASCII case. A dotted key (`source.name`)
    /// looks inside a nested object; an object value is also read through its `name` key.
    pub fn candidates(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "ID", "_id", "guid", "uuid"],
            Field::Title => &["title", "headline"],
            // content_original before content: in the AllSides dumps `content` is a tokenized copy.
            Field::Body => &[
                "body",
                "content_original",
                "content",
                "text",
                "article",
                "full_text",
                "description",
                "summary",
            ],
            Field::Source => &[
                "source",
                "publication",
                "outlet",
                "source.name",
                "publisher",
            ],
            Field::Authors => &["authors", "author", "byline"],
            Field::Date => &[
                "date",
                "published",
                "publishedAt",
                "published_at",
                "pubDate",
                "date_published",
                "datePublished",
            ],
            Field::Url => &["url", "link", "href"],
            Field::Tags => &[
                "tags",
                "tag",
                "section",
                "category",
                "categories",
                "topic",
                "keywords",
            ],
        }
    }
}

/// The keys to try for each field, after overrides.
#[derive(Debug, Clone)]
pub struct FieldMap {
    keys: [Vec<String>; 8],
    /// Whether each field was overridden (then only that key is tried, and its case must match).
    exact: [bool; 8],
}

impl FieldMap {
    /// The default candidates with `overrides` (`(field, key)`) applied.
    ///
    /// # Errors
    /// Fails on an unknown field name or an empty key.
    pub fn new(overrides: &[(String, String)]) -> anyhow::Result<FieldMap> {
        let mut map = FieldMap {
            keys: Field::ALL.map(|f| f.candidates().iter().map(|k| (*k).to_owned()).collect()),
            exact: [false; 8],
        };
        for (name, key) in overrides {
            let field = Field::from_name(name).with_context(|| unknown_field(name))?;
            if key.trim().is_empty() {
                bail!("--field {name}=: the key is empty");
            }
            let slot = field as usize;
            if !map.exact[slot] {
                map.keys[slot].clear();
                map.exact[slot] = true;
            }
            map.keys[slot].push(key.trim().to_owned());
        }
        Ok(map)
    }

    /// The keys to try for `field`, in order.
    pub fn keys(&self, field: Field) -> &[String] {
        &self.keys[field as usize]
    }

    /// Whether `field` was overridden by `--field`.
    pub fn is_overridden(&self, field: Field) -> bool {
        self.exact[field as usize]
    }
}

/// The message for an unknown field name.
fn unknown_field(name: &str) -> String {
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    format!(
        "--field: unknown field {name:?} (expected one of: {})",
        names.join(", ")
    )
}

/// Parses one `FIELD=KEY` argument into `(field, key)`, the field in its canonical name.
///
/// # Errors
/// Fails when there is no `=`, the field is unknown or the key is empty.
pub fn parse_field_arg(arg: &str) -> anyhow::Result<(String, String)> {
    let Some((name, key)) = arg.split_once('=') else {
        bail!("--field {arg:?}: expected FIELD=KEY, e.g. --field body=content_original");
    };
    let field = Field::from_name(name).with_context(|| unknown_field(name))?;
    let key = key.trim();
    if key.is_empty() {
        bail!("--field {arg:?}: the key after '=' is empty");
    }
    Ok((field.name().to_owned(), key.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_good_field_args() {
        assert_eq!(
            parse_field_arg("body=content_original").ok(),
            Some(("body".to_owned(), "content_original".to_owned()))
        );
        assert_eq!(
            parse_field_arg("Author=byline").ok(),
            Some(("authors".to_owned(), "byline".to_owned()))
        );
    }

    #[test]
    fn rejects_bad_field_args() {
        let err = |a: &str| {
            parse_field_arg(a)
                .map_err(|e| e.to_string())
                .err()
                .unwrap_or_default()
        };
        assert!(err("body").contains("expected FIELD=KEY"));
        assert!(err("colour=red").contains("unknown field \"colour\""));
        assert!(err("body=").contains("empty"));
    }

    #[test]
    fn overrides_replace_candidates() -> anyhow::Result<()> {
        let map = FieldMap::new(&[
            ("body".into(), "content".into()),
            ("body".into(), "text".into()),
        ])?;
        assert_eq!(map.keys(Field::Body), ["content", "text"]);
        assert!(map.is_overridden(Field::Body));
        assert_eq!(map.keys(Field::Title), ["title", "headline"]);
        Ok(())
    }

    #[test]
    fn body_prefers_content_original_over_content() {
        let keys = Field::Body.candidates();
        let pos = |k: &str| keys.iter().position(|c| *c == k);
        assert!(pos("content_original") < pos("content"));
        assert_eq!(keys.last(), Some(&"summary"));
    }
}
