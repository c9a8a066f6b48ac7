//! A deterministic synthetic corpus for the search benchmark: Zipf-like words, people, bill numbers.

use chrono::NaiveDate;
use cloakroom::Article;
use cloakroom::extract::{Bill, EntityIndex, Person};

/// A small xorshift generator, so runs are repeatable without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn step(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.step() % n.max(1) as u64) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.step() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const COMMON: &str = "the of and to a in that is for on was with said it as he by at from his \
    be have has but not are an they this who which would will their been had were more its one \
    about also after all new other over some than when there can into two could last first year \
    years people state states government senate house bill vote votes committee congress law \
    president republican republicans democrat democrats party leader leaders majority minority \
    federal policy plan budget tax spending health care security defense military nato exit \
    trade china russia ukraine election campaign court justice administration white office \
    members member support opposed measure amendment floor debate hearing report public national \
    legislation funding program week month called told statement according official officials";

const FIRST: &[&str] = &[
    "Thomas",
    "Roger",
    "Nancy",
    "Mitch",
    "Chuck",
    "Kevin",
    "Alexandria",
    "Mike",
    "Anna",
    "Joni",
    "Michael",
    "Elizabeth",
    "Bernie",
    "Ted",
    "Lindsey",
    "Adam",
    "Jim",
    "Susan",
    "Lisa",
    "John",
    "Mary",
    "Robert",
    "Patricia",
    "James",
    "Linda",
    "David",
    "Barbara",
    "Richard",
    "Karen",
    "Joseph",
];
const LAST: &[&str] = &[
    "Massie",
    "Wicker",
    "Pelosi",
    "McConnell",
    "Schumer",
    "McCarthy",
    "Ocasio-Cortez",
    "Lee",
    "Luna",
    "Ernst",
    "Bennet",
    "Warren",
    "Sanders",
    "Cruz",
    "Graham",
    "Schiff",
    "Jordan",
    "Collins",
    "Murkowski",
    "Thune",
    "Harris",
    "Baldwin",
    "Cornyn",
    "Durbin",
    "Grassley",
    "Klobuchar",
    "Manchin",
    "Sinema",
    "Romney",
    "Paul",
    "Rubio",
    "Scott",
    "Hawley",
    "Booker",
    "Kaine",
    "Tester",
    "Tillis",
    "Blackburn",
    "Cotton",
    "Hagerty",
    "Marshall",
    "Moran",
    "Risch",
    "Crapo",
    "Daines",
    "Hoeven",
    "Lankford",
    "Lummis",
    "Mullin",
    "Ricketts",
    "Schmitt",
    "Vance",
    "Fetterman",
    "Ossoff",
    "Warnock",
];
const SOURCES: &[&str] = &[
    "Reuters",
    "AP",
    "Politico",
    "The Hill",
    "Fox News",
    "CNN",
    "NPR",
    "BBC",
    "Axios",
    "Washington Post",
    "New York Times",
    "Wall Street Journal",
    "Breitbart",
    "Vox",
    "NBC News",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "son", "ber", "an", "di", "ro", "vel", "quin", "sta", "pra", "nor",
    "gen", "tal", "bri", "cor", "dus", "fen", "hal", "jo", "kre", "lum", "mor", "pel", "rix",
    "sul", "tov", "ung", "vor", "wen", "yal", "zem",
];

/// The synthetic corpus and the entities an extractor would find in it.
pub fn corpus(n: usize, body_bytes: usize) -> (Vec<Article>, EntityIndex) {
    let mut rng = Rng::new(0x5eed_cafe);
    let common: Vec<&str> = COMMON.split_whitespace().collect();
    let rare: Vec<String> = (0..40_000)
        .map(|_| {
            let k = 2 + rng.below(3);
            (0..k)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect();
    let people: Vec<(String, String)> = (0..400)
        .map(|i| {
            let first = FIRST[(i * 7 + i / 30) % FIRST.len()];
            let last = LAST[i % LAST.len()];
            let last = if i < LAST.len() {
                last.to_string()
            } else {
                format!("{last}{}", rare[i].as_str())
            };
            (format!("{first} {last}"), last)
        })
        .collect();
    let mut person_articles: Vec<Vec<u32>> = vec![Vec::new(); people.len()];
    let mut bills: Vec<(String, Vec<u32>)> = Vec::new();
    let mut bill_ids: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let word = |rng: &mut Rng| -> String {
        if rng.unit() < 0.6 {
            common[rng.below(common.len())].to_string()
        } else {
            let u = rng.unit();
            rare[((u * u * u) * rare.len() as f64) as usize].clone()
        }
    };
    let base = NaiveDate::from_ymd_opt(2010, 1, 1).expect("date");
    let articles = (0..n)
        .map(|i| {
            let doc = i as u32;
            let who: Vec<usize> = (0..=rng.below(3))
                .map(|_| {
                    let u = rng.unit();
                    ((u * u) * people.len() as f64) as usize
                })
                .collect();
            for &p in &who {
                if person_articles[p].last() != Some(&doc) {
                    person_articles[p].push(doc);
                }
            }
            let mut title: Vec<String> = (0..6 + rng.below(5)).map(|_| word(&mut rng)).collect();
            title.insert(rng.below(title.len()), people[who[0]].1.clone());
            let mut title = title.join(" ");
            if let Some(c) = title.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            let mut body = String::with_capacity(body_bytes + 200);
            let mut sentence = 0;
            while body.len() < body_bytes {
                let mut s: Vec<String> = (0..8 + rng.below(14)).map(|_| word(&mut rng)).collect();
                if sentence == 0 {
                    s.insert(0, format!("Rep. {}", people[who[0]].0));
                } else if rng.unit() < 0.25 {
                    let p = &people[who[rng.below(who.len())]];
                    s.insert(rng.below(s.len()), p.1.clone());
                }
                if rng.unit() < 0.05 {
                    let num = 1 + rng.below(9999);
                    let (text, key) = match rng.below(4) {
                        0 => (format!("H.R. {num}"), format!("hr{num}")),
                        1 => (format!("HR {num}"), format!("hr{num}")),
                        2 => (format!("S. {num}"), format!("s{num}")),
                        _ => (format!("H.R.{num}"), format!("hr{num}")),
                    };
                    let id = *bill_ids.entry(key).or_insert_with(|| {
                        bills.push((text.clone(), Vec::new()));
                        bills.len() - 1
                    });
                    if bills[id].1.last() != Some(&doc) {
                        bills[id].1.push(doc);
                    }
                    s.insert(rng.below(s.len()), text);
                }
                body.push_str(&s.join(" "));
                body.push_str(". ");
                sentence += 1;
                if sentence % 6 == 0 {
                    body.push_str("\n\n");
                }
            }
            Article {
                id: format!("syn-{i}"),
                title,
                body,
                source: Some(SOURCES[rng.below(SOURCES.len())].to_string()),
                date: base.checked_add_days(chrono::Days::new(rng.below(5800) as u64)),
                ..Article::default()
            }
        })
        .collect();
    let entities = EntityIndex {
        people: people
            .iter()
            .zip(person_articles)
            .map(|((name, last), articles)| Person {
                name: name.clone(),
                aliases: vec![last.clone()],
                mentions: articles.len() as u32,
                articles,
                ..Person::default()
            })
            .collect(),
        bills: bills
            .into_iter()
            .map(|(text, articles)| {
                let label = cloakroom::search::text::bill_number_key(&text)
                    .map_or(text, |k| cloakroom::search::text::bill_display(&k));
                Bill {
                    key: label.to_lowercase(),
                    label: label.clone(),
                    number: Some(label),
                    mentions: articles.len() as u32,
                    articles,
                    ..Bill::default()
                }
            })
            .collect(),
        stories: Vec::new(),
    };
    (articles, entities)
}
