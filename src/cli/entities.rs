//! `cloakroom entities`: print the people and bills found in a corpus, as a table or JSON.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

mod json;

use super::LoadArgs;
use crate::corpus::LoadOptions;
use crate::extract::story_roles::own_words;
use crate::extract::{EntityIndex, StoryEntities, extract};
use rayon::prelude::*;

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
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    if args.json {
        // Of each story's own extraction, the words that give its people their roles in it are kept.
        let (stories, words): (Vec<StoryEntities>, Vec<StoryEntities>) = corpus
            .articles
            .par_iter()
            .map(|a| {
                let found = extract(a);
                let words = own_words(&found, &a.body);
                (found, words)
            })
            .unzip();
        let index = EntityIndex::from_stories(&stories);
        stories.into_par_iter().for_each(drop);
        serde_json::to_writer_pretty(&mut stdout, &json::doc(&corpus.articles, &index, &words))?;
        stdout.write_all(b"\n")?;
    } else {
        stdout.write_all(table(&EntityIndex::build(&corpus.articles)).as_bytes())?;
    }
    stdout.flush()?;
    Ok(ExitCode::from(status))
}

/// The `--json` document as a value: articles with the names of their people and labels of their bills, then
/// the people and bills with the ids of the articles that mention them.
///
/// Each article also has `roles`: its people with who they are in it (`name`, `role`, `party`, `state`,
/// `chamber`, `bioguide`): the roster's facts as of its date for linked people, the story's own words for
/// the others where it gives any (`stories` are the articles' own extractions or their [`own_words`]; empty:
/// the corpus-wide facts).
#[cfg(test)]
fn to_json(
    articles: &[crate::corpus::Article],
    index: &EntityIndex,
    stories: &[StoryEntities],
) -> serde_json::Value {
    serde_json::to_value(json::doc(articles, index, stories)).unwrap_or_default()
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
    use crate::corpus::Article;
    use serde_json::{Value, json};

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
        let v = to_json(&arts, &index, &[]);
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
        assert_eq!(
            massie["bioguide"], "M001184",
            "linked by name, title and R-Ky."
        );
        assert_eq!(massie["chamber"], "House");
        let lee = &v["people"][1];
        assert_eq!(lee["name"], "Mike Lee");
        assert_eq!(lee["bioguide"], "L000577");
        let bill = &v["bills"][0];
        assert_eq!(bill["label"], "H.R. 3684");
        assert_eq!(bill["number"], "H.R. 3684");
        assert_eq!(bill["title"], Value::Null);
        assert_eq!(bill["chamber"], "House");
        assert_eq!(bill["sponsors"], json!(["Thomas Massie"]));
        assert_eq!(bill["articles"], json!(["a1", "a2"]));
        assert_eq!(bill["mentions"], 2);
        for key in ["aliases", "sponsors", "sponsor_ids"] {
            assert!(bill[key].is_array());
        }
        assert_eq!(bill["url"], Value::Null, "undated: no Congress, no page");
        assert_eq!(bill["companion_of"], Value::Null);
        assert_eq!(bill["sponsor_ids"], json!(["M001184"]));
    }

    #[test]
    fn each_articles_roles_are_who_its_people_are_in_it() {
        let mut arts = vec![
            article(
                "u1",
                "ID cards",
                "Home Secretary David Blunkett defended the cards.",
            ),
            article(
                "u2",
                "Cards",
                "Home Secretary David Blunkett said the cards would come.",
            ),
            article(
                "u3",
                "Election",
                "The former Home Secretary David Blunkett hinted at a date.",
            ),
        ];
        arts.extend(corpus());
        let stories: Vec<StoryEntities> = arts.iter().map(extract).collect();
        let index = EntityIndex::from_stories(&stories);
        let v = to_json(&arts, &index, &stories);
        let role = |a: usize| v["articles"][a]["roles"][0]["role"].clone();
        assert_eq!(v["articles"][2]["roles"][0]["name"], "David Blunkett");
        assert_eq!(role(0), "Home Secretary");
        assert_eq!(role(2), "former Home Secretary");
        assert_eq!(v["people"][0]["role"], "Home Secretary", "the corpus vote");
        let massie = &v["articles"][3]["roles"][0];
        assert_eq!(massie["bioguide"], "M001184");
        assert_eq!(massie["party"], "R");
        // Without the stories' own words: the corpus vote.
        let plain = to_json(&arts, &index, &[]);
        assert_eq!(plain["articles"][2]["roles"][0]["role"], "Home Secretary");
    }

    #[test]
    fn the_document_keeps_its_keys_in_alphabetical_order() {
        let arts = corpus();
        let index = EntityIndex::build(&arts);
        let text = serde_json::to_string(&json::doc(&arts, &index, &[])).expect("JSON");
        let value: Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(
            text,
            value.to_string(),
            "the order a serde_json::Value gives"
        );
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
