//! Every ranking weight in one place: the `Weights` struct and its tuned defaults.

/// Every weight of the ranking, in one place. [`Weights::default`] is the tuned set.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Weights {
    /// BM25 saturation: how fast more occurrences stop adding.
    pub k1: f32,
    /// Weight of an occurrence in the title.
    pub title: f32,
    /// Length normalisation of the title (0 none, 1 full).
    pub title_b: f32,

    /// Weight of an occurrence in the body.
    pub body: f32,
    /// Length normalisation of the body.
    pub body_b: f32,
    /// Added when the word occurs in the lead (the first [`LEAD_WORDS`](super::LEAD_WORDS) words).
    pub lead: f32,
    /// Weight of each mention of a person or bill the word names (length-normalised like the body).
    pub mention: f32,
    /// Mentions counted at most.
    pub mention_cap: u32,
    /// Added when the person or bill is named in the title.
    pub entity_title: f32,
    /// Added when the person or bill is first named in the lead.
    pub entity_lead: f32,
    /// Fuzz of a shorter form of the word typed ("terror" for "terrorism", "fee" for "fees"):
    /// the word less one of [`SUFFIXES`](super::SUFFIXES).
    pub stem: f32,
    /// Fuzz of a prefix of a longer word ("tax" in "taxes"), less a little per extra letter.
    pub prefix: f32,
    /// What each extra letter of a prefix match costs.
    pub prefix_letter: f32,
    /// Fuzz of a longer word that is not a form of the word typed (not the word and one of
    /// [`FORM_ENDINGS`](super::FORM_ENDINGS): "actor" or "activity" for "act", "paula" for "paul", "wallace" for
    /// "wall"), when the word itself is in the corpus.
    pub long_prefix: f32,
    /// Fuzz of a one-letter typo or a close fuzzy match when the word itself is not found.
    pub typo: f32,
    /// Fuzz of a fuzzy match when the word itself is not found, scaled by its matcher score.
    pub fuzzy: f32,
    /// Fuzz of a typo or fuzzy match when the word itself (or a prefix of it) is found.
    pub dominated: f32,
    /// How much an uneven match of a query's words costs (0: plain sum; 1: scaled by the balance).
    pub coordination: f32,
    /// How much a word's weight in the query scales its shortfall in the balance: a word's
    /// shortfall (1 less its share of its best) counts at (its best / the query's best word's
    /// best) to this power (0: every word alike; 1: a common word's shortfall counts at its idf's
    /// share).
    pub coordination_idf: f32,
    /// Bonus factor when the query's words occur next to each other (fading with distance).
    pub proximity: f32,
    /// Words of distance at which the proximity bonus halves.
    pub proximity_scale: f32,
    /// Stories re-ranked with the proximity bonus and phrases (the best by the other parts).
    pub proximity_depth: usize,
    /// Weight of two consecutive query words occurring together (a phrase such as "tuition
    /// fees"), scored like a word (BM25F over title and body) and added to the words' sum.
    pub phrase: f32,
    /// Positions within which the second word of a phrase must follow the first ("prevention of
    /// terrorism": 2).
    pub phrase_window: u32,
    /// When fewer stories than this have every word of a query of [`Weights::partial_words`] plain words
    /// or more, the best of those that lack only its commonest word follow them, up to this many
    /// in all.
    pub partial_below: usize,
    /// For a query of plain words naming no person or bill (a topic), a story lacking its
    /// commonest word competes with those that have every word, at this share of its score
    /// (0: it only follows them, as for other queries).
    pub partial: f32,
    /// The same for a query of three words or more that names a person or bill ("schumer iran
    /// deal"; 0: such stories follow those with every word when fewer than
    /// [`Weights::partial_below`] have them all).
    pub partial_named: f32,
    /// Plain words (stopwords aside) a query needs for a story lacking one of them to be ranked
    /// ([`Weights::partial_below`], [`Weights::partial_named`]); a topic needs two.
    pub partial_words: usize,
    /// How many of the query's plain words, the commonest first, a story may lack one of, when it
    /// has three or more (1: only the commonest; a two-word topic's story lacks only the commoner). "steve king white supremacy": the stories of King's "white supremacist"
    /// remarks lack "supremacy", a rarer word than "white", and follow the three that have all.
    pub partial_choices: usize,
    /// The share of its score at which a story lacking one of those words other than the
    /// commonest competes (0: it follows those with every word when fewer than
    /// [`Weights::partial_below`] have them all).
    pub partial_rare: f32,
    /// For a query of a name and one other word ("tlaib israel"), the share of its score at which
    /// a story of the name lacking the other word competes (0: it follows those with both when
    /// fewer than [`Weights::partial_below`] have both; negative: such stories are not ranked).
    pub partial_pair: f32,
    /// Such a story is ranked only when the name scores at least this share of its best in the
    /// corpus (a typo of the name, in the story of another person, does not).
    pub partial_floor: f32,
    /// For a query that ends in "act" or "bill" but names no bill the stories name ("health and
    /// safety at work act"), the share of its score at which a story lacking that last word
    /// competes (the stories discuss an act without naming it; 0: such stories are not ranked).
    pub partial_act: f32,
    /// For such a query, the share of its score at which a story with some of its other words
    /// competes (0: it follows, when few have them all).
    pub partial_some_act: f32,
    /// A word names a person exactly as a name, not as a word, when that person's stories are at
    /// least this share of the word's ("care" is not the one story's misread "Care").
    pub name_share: f32,
    /// How much a story is about a person the query names, as a factor on its score (1 plus
    /// the bonus, at the person's fuzz and at the share of the query's words that name them):
    /// this much when the person is named in the story's title, ...
    pub about_title: f32,
    /// ... plus this times the person's share of the story's mentions of people ...
    pub about_share: f32,
    /// ... plus this times the log of (1 + the person's mentions in the story).
    pub about_count: f32,
    /// A bill the query names counts the same way at this share (its mentions over the story's
    /// mentions of bills).
    pub about_bills: f32,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            k1: 1.2,
            title: 3.0,
            title_b: 0.15,
            body: 1.0,
            body_b: 0.56,
            lead: 1.3,
            mention: 0.4,
            mention_cap: 30,
            entity_title: 3.0,
            entity_lead: 1.0,
            prefix: 0.7,
            stem: 0.6,
            prefix_letter: 0.03,
            long_prefix: 0.2,
            typo: 0.9,
            fuzzy: 0.6,
            dominated: 0.08,
            coordination: 0.3,
            coordination_idf: 1.0,
            proximity: 0.3,
            proximity_scale: 10.0,
            proximity_depth: 100,
            phrase: 0.5,
            phrase_window: 2,
            partial_below: 10,
            partial: 1.0,
            partial_named: 1.0,
            partial_words: PARTIAL_WORDS,
            partial_choices: 8,
            partial_rare: 0.0,
            partial_pair: 0.0,
            partial_floor: 0.25,
            partial_act: 1.0,
            partial_some_act: 1.0,
            name_share: 0.2,
            about_title: 0.4,
            about_share: 0.2,
            about_count: 0.2,
            about_bills: 0.5,
        }
    }
}

/// The default of [`Weights::partial_words`].
pub const PARTIAL_WORDS: usize = 3;
