//! `cloakroom entities`: print the people and bills found in a corpus, as a table or JSON.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde_json::{Value, json};

use super::LoadArgs;
use crate::corpus::{Article, LoadOptions};
use crate::extract::EntityIndex;

/// Arguments of `entities`.
#[derive(Debug, Clone, Args)]
pub struct EntitiesArgs {
    /// Files or folders; none uses the library (the bundled corpus when it is empty).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Field mapping.
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Runs `entities`.
pub fn run(args: &EntitiesArgs, library: &super::LibraryArgs) -> anyhow::Result<ExitCode> {
    let options = LoadOptions::from_field_args(&args.load.fields)?;
    let corpus = super::source::corpus(&args.paths, &options, library)?;
    let status = super::report_load(&corpus);
    if status == 2 {
        return Ok(ExitCode::from(2));
    }
    let index = EntityIndex::build(&corpus.articles);
    let out = if args.json {
        let mut s = serde_json::to_string_pretty(&to_json(&corpus.articles, &index))?;
        s.push('\n');
        s
    } else {
        table(&index)
    };
    let mut stdout = io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::from(status))
}

/// The `--json` document: articles with the names of their people and labels of their bills, then the
/// people and bills with the ids of the articles that mention them.
pub fn to_json(articles: &[Article], index: &EntityIndex) -> Value {
    let id_of = |i: &u32| articles.get(*i as usize).map_or("", |a| a.id.as_str());
    let arts: Vec<Value> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let people: Vec<&str> = index
                .people_of(i)
                .map(|(_, p, _)| p.name.as_str())
                .collect();
            let bills: Vec<&str> = index
                .bills_of(i)
                .map(|(_, b, _)| b.label.as_str())
                .collect();
            json!({"id": a.id, "title": a.title, "people": people, "bills": bills})
        })
        .collect();
    let people: Vec<Value> = index
        .people
        .iter()
        .map(|p| {
            json!({
                "name": p.name, "aliases": p.aliases, "role": p.role, "party": p.party, "state": p.state,
                "articles": p.articles.iter().map(id_of).collect::<Vec<_>>(), "mentions": p.mentions,
            })
        })
        .collect();
    let bills: Vec<Value> = index
        .bills
        .iter()
        .map(|b| {
            json!({
                "label": b.label, "number": b.number, "title": b.title, "aliases": b.aliases,
                "chamber": b.chamber, "sponsors": b.sponsors,
                "articles": b.articles.iter().map(id_of).collect::<Vec<_>>(), "mentions": b.mentions,
                "key": b.key,
            })
        })
        .collect();
    json!({"articles": arts, "people": people, "bills": bills})
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        format!("{s:<width$}")
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('\u{2026}');
        t
    }
}

/// The readable table: people, then bills, most widely mentioned first.
pub fn table(index: &EntityIndex) -> String {
    let mut out = String::new();
    let mut people: Vec<_> = index.people.iter().collect();
    people.sort_by(|a, b| {
        (b.articles.len(), b.mentions)
            .cmp(&(a.articles.len(), a.mentions))
            .then_with(|| a.name.cmp(&b.name))
    });
    let _ = writeln!(out, "PEOPLE ({})", people.len());
    let _ = writeln!(
        out,
        "{} {} {} {} {:>8} {:>8}",
        cut("NAME", 28),
        cut("ROLE", 28),
        cut("PARTY", 8),
        cut("STATE", 16),
        "ARTICLES",
        "MENTIONS"
    );
    for p in people {
        let _ = writeln!(
            out,
            "{} {} {} {} {:>8} {:>8}",
            cut(&p.name, 28),
            cut(p.role.as_deref().unwrap_or("-"), 28),
            cut(p.party.as_deref().unwrap_or("-"), 8),
            cut(p.state.as_deref().unwrap_or("-"), 16),
            p.articles.len(),
            p.mentions
        );
    }
    let mut bills: Vec<_> = index.bills.iter().collect();
    bills.sort_by(|a, b| {
        (b.articles.len(), b.mentions)
            .cmp(&(a.articles.len(), a.mentions))
            .then_with(|| a.label.cmp(&b.label))
    });
    let _ = writeln!(out, "\nBILLS ({})", bills.len());
    let _ = writeln!(
        out,
        "{} {} {} {:>8} {:>8}",
        cut("BILL", 44),
        cut("CHAMBER", 8),
        cut("SPONSORS", 30),
        "ARTICLES",
        "MENTIONS"
    );
    for b in bills {
        let label = match (&b.title, &b.number) {
            (Some(t), Some(_)) if *t != b.label => format!("{} ({t})", b.label),
            _ => b.label.clone(),
        };
        let _ = writeln!(
            out,
            "{} {} {} {:>8} {:>8}",
            cut(&label, 44),
            cut(b.chamber.as_deref().unwrap_or("-"), 8),
            cut(
                &if b.sponsors.is_empty() {
                    "-".to_string()
                } else {
                    b.sponsors.join(", ")
                },
                30
            ),
            b.articles.len(),
            b.mentions
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    fn corpus() -> Vec<Article> {
        vec![
            article(
                "a1",
                "Massie files NATO exit",
                "Rep. Thomas Massie (R-Ky.) introduced H.R. 3684 on Monday. Massie said it was time.",
            ),
            article(
                "a2",
                "Reaction",
                "Rep. Massie defended H.R.3684 again. Sen. Mike Lee of Utah agreed.",
            ),
        ]
    }

    #[test]
    fn json_has_the_contract_shape() {
        let arts = corpus();
        let index = EntityIndex::build(&arts);
        let v = to_json(&arts, &index);
        assert_eq!(v["articles"][0]["id"], "a1");
        assert_eq!(v["articles"][0]["people"][0], "Thomas Massie");
        assert_eq!(v["articles"][0]["bills"][0], "H.R. 3684");
        let massie = &v["people"][0];
        assert_eq!(massie["name"], "Thomas Massie");
        assert_eq!(massie["role"], "Representative");
        assert_eq!(massie["party"], "R");
        assert_eq!(massie["state"], "Kentucky");
        assert_eq!(massie["articles"], json!(["a1", "a2"]));
        assert_eq!(
            massie["mentions"], 4,
            "two in a1's body, one in its title, one in a2"
        );
        assert_eq!(massie["aliases"], json!(["Massie"]));
        let bill = &v["bills"][0];
        assert_eq!(bill["label"], "H.R. 3684");
        assert_eq!(bill["number"], "H.R. 3684");
        assert_eq!(bill["title"], Value::Null);
        assert_eq!(bill["chamber"], "House");
        assert_eq!(bill["sponsors"], json!(["Thomas Massie"]));
        assert_eq!(bill["articles"], json!(["a1", "a2"]));
        assert_eq!(bill["mentions"], 2);
        for key in ["aliases", "sponsors"] {
            assert!(bill[key].is_array());
        }
    }

    #[test]
    fn table_lists_people_and_bills_with_counts() {
        let arts = corpus();
        let t = table(&EntityIndex::build(&arts));
        assert!(t.starts_with("PEOPLE (2)\n"), "{t}");
        let massie = t.lines().find(|l| l.starts_with("Thomas Massie")).unwrap();
        assert!(
            massie.contains("Representative") && massie.ends_with("       2        4"),
            "{massie}"
        );
        assert!(t.contains("\nBILLS (1)\n"));
        assert!(
            t.lines()
                .any(|l| l.starts_with("H.R. 3684") && l.contains("Thomas Massie"))
        );
    }
}
