//! OPML 2.0, the format readers trade subscriptions in: import (nested outlines flattened) and export.

use super::http::check_scheme;
use crate::corpus::sanitize;

/// One subscription as OPML carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// The feed's address (`xmlUrl`).
    pub url: String,
    /// Its title (`title`, else `text`), cleaned; `None` when it has neither.
    pub title: Option<String>,
    /// The web page (`htmlUrl`), when given.
    pub site: Option<String>,
    /// The folder it was in (the parent outline's text), when nested.
    pub folder: Option<String>,
}

/// What an import found: the subscriptions, and the outlines it refused with why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// Feeds to subscribe to, in document order, each URL once.
    pub feeds: Vec<Subscription>,
    /// Outlines left out: `(what, why)`.
    pub refused: Vec<(String, String)>,
}

/// Reads an OPML document (1.0, 1.1 or 2.0): every outline with an `xmlUrl`, at any depth.
///
/// # Errors
/// The OPML parser's message when the document is not OPML.
pub fn import(xml: &str) -> Result<Imported, String> {
    let doc = opml::OPML::from_str(xml).map_err(|e| format!("not an OPML document: {e}"))?;
    let mut out = Imported::default();
    walk(&doc.body.outlines, None, &mut out);
    Ok(out)
}

/// Collects the feeds of `outlines` and their children.
fn walk(outlines: &[opml::Outline], folder: Option<&str>, out: &mut Imported) {
    for outline in outlines {
        let name = sanitize::clean_line(outline.title.as_deref().unwrap_or(&outline.text));
        if let Some(url) = outline.xml_url.as_deref().map(str::trim) {
            match check_scheme(url) {
                Ok(()) if out.feeds.iter().any(|f| f.url == url) => {
                    out.refused
                        .push((sanitize::clean_line(url), "listed twice".to_owned()));
                }
                Ok(()) => out.feeds.push(Subscription {
                    url: url.to_owned(),
                    title: Some(name.clone()).filter(|n| !n.is_empty()),
                    site: outline.html_url.clone(),
                    folder: folder.map(str::to_owned),
                }),
                Err(why) => out
                    .refused
                    .push((sanitize::clean_line(url), why.to_string())),
            }
        }
        let inner = if name.is_empty() {
            folder
        } else {
            Some(name.as_str())
        };
        walk(&outline.outlines, inner, out);
    }
}

/// Writes an OPML 2.0 document listing `feeds` (grouped by folder, in the order given).
///
/// # Errors
/// The OPML writer's message (it fails only on text it cannot escape).
pub fn export(feeds: &[Subscription], title: &str) -> Result<String, String> {
    let mut doc = opml::OPML {
        version: "2.0".to_owned(),
        head: Some(opml::Head {
            title: Some(title.to_owned()),
            ..opml::Head::default()
        }),
        ..opml::OPML::default()
    };
    for feed in feeds {
        let text = feed.title.clone().unwrap_or_else(|| feed.url.clone());
        let outline = opml::Outline {
            text: text.clone(),
            title: Some(text),
            r#type: Some("rss".to_owned()),
            xml_url: Some(feed.url.clone()),
            html_url: feed.site.clone(),
            ..opml::Outline::default()
        };
        match &feed.folder {
            None => doc.body.outlines.push(outline),
            Some(folder) => {
                let at = doc
                    .body
                    .outlines
                    .iter()
                    .position(|o| o.xml_url.is_none() && &o.text == folder);
                let i = at.unwrap_or_else(|| {
                    doc.body.outlines.push(opml::Outline {
                        text: folder.clone(),
                        ..opml::Outline::default()
                    });
                    doc.body.outlines.len() - 1
                });
                doc.body.outlines[i].outlines.push(outline);
            }
        }
    }
    let body = doc
        .to_string()
        .map_err(|e| format!("could not write OPML: {e}"))?;
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{body}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_outlines_are_flattened_with_their_folder_and_bad_schemes_refused() {
        let xml = r#"<opml version="2.0"><head><title>x</title></head><body>
            <outline text="US"><outline text="House" xmlUrl="https://example.org/house.xml"/></outline>
            <outline text="Local" xmlUrl="file:///etc/passwd"/>
            <outline text="Top" title="Top feed" xmlUrl="http://example.org/top"/>
            <outline text="Again" xmlUrl="http://example.org/top"/>
        </body></opml>"#;
        let got = import(xml).unwrap();
        let urls: Vec<_> = got
            .feeds
            .iter()
            .map(|f| (f.url.as_str(), f.folder.as_deref()))
            .collect();
        assert_eq!(
            urls,
            [
                ("https://example.org/house.xml", Some("US")),
                ("http://example.org/top", None)
            ]
        );
        assert_eq!(got.feeds[1].title.as_deref(), Some("Top feed"));
        assert_eq!(got.refused.len(), 2);
        assert!(
            got.refused[0].1.contains("only http and https"),
            "{:?}",
            got.refused
        );
    }

    #[test]
    fn export_then_import_gives_the_same_subscriptions() {
        let feeds = vec![
            Subscription {
                url: "https://a.example/feed".into(),
                title: Some("A & B".into()),
                site: None,
                folder: Some("News".into()),
            },
            Subscription {
                url: "https://c.example/rss".into(),
                title: None,
                site: Some("https://c.example/".into()),
                folder: None,
            },
        ];
        let xml = export(&feeds, "Cloakroom feeds").unwrap();
        assert!(xml.contains(r#"version="2.0""#), "{xml}");
        let back = import(&xml).unwrap().feeds;
        assert_eq!(back[0].url, feeds[0].url);
        assert_eq!(back[0].title.as_deref(), Some("A & B"));
        assert_eq!(back[0].folder.as_deref(), Some("News"));
        assert_eq!(back[1].title.as_deref(), Some("https://c.example/rss"));
    }
}
