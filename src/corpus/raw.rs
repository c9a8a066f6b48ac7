//! Borrowed views of JSON records: an object as a list of keys and raw values, and a value read on demand.
//!
//! A record is never turned into a `serde_json::Value` tree: only the keys are read, and only the values of the
//! fields we map are deserialized, borrowing from the input when they hold no escapes.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// A string that borrows from the input when it can.
#[derive(Debug)]
pub struct Str<'a>(pub Cow<'a, str>);

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(V)
    }
}

/// A JSON object: its keys in order, each with its raw, unparsed value.
#[derive(Debug, Default)]
pub struct RawObject<'a>(pub Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for RawObject<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawObject<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(12));
                while let Some((key, value)) = map.next_entry::<Str<'de>, &'de RawValue>()? {
                    entries.push((key.0, value));
                }
                Ok(RawObject(entries))
            }
        }
        deserializer.deserialize_map(V)
    }
}

impl<'a> RawObject<'a> {
    /// Parses an object from JSON text.
    ///
    /// # Errors
    /// Fails when the text is not a JSON object.
    pub fn parse(json: &'a str) -> serde_json::Result<RawObject<'a>> {
        serde_json::from_str(json)
    }

    /// The value of `key`, matched exactly, else ignoring ASCII case (unless `exact`). A dotted key that is not
    /// itself present (`source.name`) looks inside nested objects.
    pub fn get(&self, key: &str, exact: bool) -> Option<&'a RawValue> {
        if let Some(value) = self.lookup(key, exact) {
            return Some(value);
        }
        let (head, rest) = key.split_once('.')?;
        let inner = RawObject::parse(self.lookup(head, exact)?.get()).ok()?;
        inner.get(rest, exact)
    }

    /// One level of lookup.
    fn lookup(&self, key: &str, exact: bool) -> Option<&'a RawValue> {
        let found = self.0.iter().find(|(k, _)| k == key);
        let found = match found {
            None if !exact => self.0.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)),
            other => other,
        };
        found.map(|(_, v)| *v)
    }

    /// The keys, for messages.
    pub fn keys(&self) -> Vec<&str> {
        self.0.iter().map(|(k, _)| k.as_ref()).collect()
    }
}

/// How many objects down [`Val::text`] looks for a name (`{"author": {"name": {"#text": "..."}}}` is two).
pub const TEXT_DEPTH: usize = 3;

/// A JSON value read one level deep.
#[derive(Debug)]
pub enum Val<'a> {
    /// `null`.
    Null,
    /// A string.
    Str(Cow<'a, str>),
    /// A number or boolean, as written.
    Scalar(String),
    /// An array of raw values.
    List(Vec<&'a RawValue>),
    /// An object.
    Object(RawObject<'a>),
}

impl<'de> Deserialize<'de> for Val<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Val<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Val::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Val::Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Val::Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Val::Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Val::Scalar(v.to_string()))
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Val::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Val::Str(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Val::Str(Cow::Owned(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<&'de RawValue>()? {
                    items.push(item);
                }
                Ok(Val::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<Str<'de>, &'de RawValue>()? {
                    entries.push((key.0, value));
                }
                Ok(Val::Object(RawObject(entries)))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'a> Val<'a> {
    /// Reads a raw value one level deep (`Null` if it cannot be read).
    pub fn of(raw: &'a RawValue) -> Val<'a> {
        serde_json::from_str(raw.get()).unwrap_or(Val::Null)
    }

    /// The value as one piece of text: a string, a number, or an object's `name` (or `title`, `value`, `text`),
    /// looked for at most [`TEXT_DEPTH`] objects down.
    pub fn text(self) -> Option<Cow<'a, str>> {
        self.text_within(TEXT_DEPTH)
    }

    /// [`Val::text`] going at most `depth` objects down.
    fn text_within(self, depth: usize) -> Option<Cow<'a, str>> {
        match self {
            Val::Str(s) => Some(s),
            Val::Scalar(s) => Some(Cow::Owned(s)),
            Val::Object(obj) if depth > 0 => ["name", "title", "value", "text", "#text"]
                .iter()
                .find_map(|k| {
                    obj.get(k, false)
                        .and_then(|v| Val::of(v).text_within(depth - 1))
                }),
            Val::Object(_) | Val::Null | Val::List(_) => None,
        }
    }

    /// The value as a list of texts: each element of an array, or the single text.
    pub fn texts(self) -> Vec<Cow<'a, str>> {
        match self {
            Val::List(items) => items
                .into_iter()
                .filter_map(|v| Val::of(v).text())
                .collect(),
            other => other.text().into_iter().collect(),
        }
    }
}
