//! The candidate index and the scorer.
//!
//! Every listed name (primary and alternate) is normalised once. The index keeps a vocabulary of tokens with
//! posting lists (token → names), a character-trigram index over the vocabulary (to find misspelt tokens), an
//! acronym table (initials → names) and a compact-form table (the name without spaces → names). A query is
//! normalised, its tokens are looked up (exactly, by translation or pinyin, or fuzzily through the trigrams),
//! the posting lists of the matched tokens give the candidate names, and only the best candidates are scored.
//!
//! **Score.** Query and candidate tokens are aligned greedily, best pair first: exact or translated (1.0),
//! misspelt (1 − 0.8·edits/length), joined or split words (`aero caribbean` = `aerocaribbean`, 1.0), acronym
//! (`bnc` = `banco nacional de cuba`, 0.9). Each token weighs its inverse document frequency in the list (stop
//! words 0.15 of that; legal forms nothing). Query coverage `q` and name coverage `n` are the weighted shares of
//! matched tokens, and the score is `0.7·q + 0.3·n`, then +0.03 when `--country` matches an address country of
//! the entry or −0.10 when the entry has addresses in other countries only. When one listed name matches the
//! query word for word, the other hits that have words of their own are capped below the default threshold
//! (named in their explanations).
//!
//! **Name structure.** The words of a person written `FAMILY, Given Middle ...` weigh by their part: a middle
//! name 0.4, a patronymic 0.25, the second word of a two-word family name 0.4 when one side leaves it out or
//! writes another (Spanish usage), the family name 0.4 when the query names the person by the given name and a
//! later, distinctive name of the listing (the father's name); the second syllable of a Korean given name is
//! part of the given name. Each rule that raised a score is named in the explanation.

use crate::arabic_script;
use crate::limits::{self, ScreenError, MAX_FUZZY_TOKEN_BYTES, MAX_TOKENS};
use crate::model::Entry;
use crate::normalize::{self, Normalized, Origin};
use crate::translit;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::cell::RefCell;

/// The default threshold: hits score at least this (see BENCHMARKS.md for the precision and recall it gives).
pub const DEFAULT_THRESHOLD: f32 = 0.85;

/// How a query token matched a listed token.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MatchKind {
    /// The same word.
    Exact,
    /// A Chinese word translated into the listing's word.
    Translated {
        /// The Hanzi.
        hanzi: String,
    },
    /// Chinese characters whose pinyin is the listing's word.
    Pinyin {
        /// The Hanzi.
        hanzi: String,
    },
    /// A misspelling within a few edits.
    Fuzzy {
        /// The edit distance (insertions, deletions, substitutions, transpositions).
        edits: usize,
    },
    /// Words written together on one side and apart on the other.
    Joined,
    /// An acronym of the other side's words.
    Acronym,
    /// Another spelling of the same word under a named rule (a transliteration system, a name-variant table,
    /// a Roman numeral, the pinyin-English lexicon).
    Equivalent {
        /// The rule, for example `translit: Cyrillic German sch = sh` or `roman numeral III = 3`.
        rule: String,
    },
}

/// One aligned pair in an explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchPart {
    /// The query token(s).
    pub query: String,
    /// The listed token(s).
    pub listed: String,
    /// How they matched.
    #[serde(flatten)]
    pub how: MatchKind,
    /// The pair's similarity (0–1).
    pub similarity: f32,
}

/// Why a hit scored what it did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The aligned token pairs.
    pub matched: Vec<MatchPart>,
    /// Query tokens that matched nothing.
    pub unmatched_query: Vec<String>,
    /// Listed tokens that matched nothing.
    pub unmatched_listed: Vec<String>,
    /// Legal forms set aside on either side (ltd, gmbh, 有限公司 ...).
    pub ignored: Vec<String>,
    /// The weighted share of the query matched.
    pub query_coverage: f32,
    /// The weighted share of the listed name matched.
    pub name_coverage: f32,
    /// The country adjustment, if `--country` was given and the entry has countries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Name-structure rules that changed the score, each named (`patronymic omitted: feliksovich`, `vessel
    /// prefix set aside: mv` ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The words of its own a query may have and still be raised as the closest listed name (see
    /// [`dominate`]), if any.
    #[serde(skip)]
    pub(crate) own_words: Option<OwnWords>,
}

/// The words of its own a query may have and still be raised as the closest listed name, with a wider lead
/// ([`LEAD_MARGIN_OWN_WORDS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OwnWords {
    /// A person named `FAMILY, Given ...` whose every identifying word matched but one given or middle name (or
    /// several after the listed first given name: the father's and grandfather's names), the family name
    /// matched.
    GivenNames,
    /// A company whose every identifying word matched but one generic, organisation or place word
    /// (`FEODOSIA STATE OPTICAL PLANT` for SUE RC 'FEODOSIA OPTICAL PLANT'), two distinctive listed words
    /// matched.
    GenericWord,
}

impl Explanation {
    /// A one-paragraph description of the score.
    pub fn describe(&self, score: f32) -> String {
        let mut parts: Vec<String> = self
            .matched
            .iter()
            .map(|m| {
                let how = match &m.how {
                    MatchKind::Exact => "exact".to_string(),
                    MatchKind::Translated { hanzi } => format!("translated from {hanzi}"),
                    MatchKind::Pinyin { hanzi } => format!("pinyin of {hanzi}"),
                    MatchKind::Fuzzy { edits } => format!("{edits} edit(s)"),
                    MatchKind::Joined => "joined/split words".to_string(),
                    MatchKind::Acronym => "acronym".to_string(),
                    MatchKind::Equivalent { rule } => rule.clone(),
                };
                format!("{} = {} ({how}, {:.2})", m.query, m.listed, m.similarity)
            })
            .collect();
        if !self.unmatched_query.is_empty() {
            parts.push(format!("query only: {}", self.unmatched_query.join(" ")));
        }
        if !self.unmatched_listed.is_empty() {
            parts.push(format!("listing only: {}", self.unmatched_listed.join(" ")));
        }
        if !self.ignored.is_empty() {
            parts.push(format!("legal forms ignored: {}", self.ignored.join(" ")));
        }
        parts.extend(self.notes.iter().cloned());
        let mut s = format!(
            "{}; score {score:.2} = 0.7 x query coverage {:.2} + 0.3 x name coverage {:.2}",
            parts.join("; "),
            self.query_coverage,
            self.name_coverage
        );
        if let Some(c) = &self.country {
            s.push_str(&format!(" {c}"));
        }
        s
    }
}

/// One screening hit: an entry, the name that matched, the score and its explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The entry's position in [`Index::entries`].
    pub entry: usize,
    /// The listed name that matched (primary or alias).
    pub matched_name: String,
    /// Whether that name is an alias.
    pub alias: bool,
    /// The score (0–1).
    pub score: f32,
    /// Why.
    pub explanation: Explanation,
}

/// Search options.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    /// Report hits scoring at least this.
    pub threshold: f32,
    /// The party's country (ISO 3166-1 alpha-2), to favour entries there.
    pub country: Option<String>,
    /// At most this many hits.
    pub limit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            threshold: DEFAULT_THRESHOLD,
            country: None,
            limit: 10,
        }
    }
}

type TokId = u32;
/// A vocabulary token a query token matches: (token, similarity, edits, the equivalence rule if any).
type TokMatch = (TokId, f32, usize, Option<Box<str>>);
type NameId = u32;

/// [`NameRec::whole_name`] of a record made from part of a name (or from a name past the 65,535th of its entry).
const NOT_A_WHOLE_NAME: u16 = u16::MAX;

#[derive(Debug, Clone)]
struct NameRec {
    entry: u32,
    /// Which of the entry's names ([`Entry::names`]) this was made from, when it is that whole name (not a part
    /// of it, such as one side of `A / B`), else [`NOT_A_WHOLE_NAME`]: the hit then shows it without normalising
    /// the entry's names again. Two bytes rather than an `Option`, which would make every record 8 bytes longer.
    whole_name: u16,
    /// Whether a rule of the normaliser made one of its words (a compound, a country's formal name ...): only
    /// then is the name normalised again to name the rule in a hit's explanation.
    has_rules: bool,
    alias: bool,
    /// Identifying tokens (stop words included), in order.
    tokens: Box<[TokId]>,
    /// Legal forms set aside.
    legal: Box<[Box<str>]>,
    /// The role of each token in a person's name (see [`Role`]), parallel to `tokens`.
    roles: Box<[Role]>,
    /// Bit `i`: token `i` is written with a final s the plural stemmer took away (`HAMAS` is indexed as
    /// `hama`), so that a query written without it (`HAMA`) is not called the same word ([`plural_differs`]).
    plural: u64,
}

/// The part a token plays in a listed person's name, which sets how much leaving it out of a query costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A family name, or any word of a name that is not a person's.
    Core,
    /// A person's first given name (the first word after the comma of `FAMILY, Given ...`).
    Given,
    /// A second or later given name (OFAC writes people as `FAMILY, Given Middle ...`).
    Middle,
    /// A patronymic (Feliksovich, Ivanovna, ...), which a query often leaves out.
    Patronymic,
    /// The second word of a two-word family name (`DOMINGUEZ RAMIREZ, Jose Miguel`): in Spanish and
    /// Portuguese usage a person carries two family names, the father's and the mother's, and is often named
    /// by the first alone (`DOMINGUEZ, Miguel`).
    SecondFamily,
}

impl Role {
    /// The share of its weight a listed token keeps in name coverage.
    fn factor(self) -> f32 {
        match self {
            Role::Core | Role::Given => 1.0,
            Role::Middle => 0.4,
            Role::Patronymic => 0.25,
            // Only when it is left out: see [`SECOND_FAMILY_OMITTED`].
            Role::SecondFamily => 1.0,
        }
    }
}

/// Whether a listed entry's names are read as a person's, keeping the words a company's sets aside as legal forms
/// (see [`normalize::normalize_person_with`]): individuals, and aircraft, named by their registration marks.
fn read_as_person(entry: &Entry) -> bool {
    entry
        .kind
        .as_deref()
        .is_some_and(|k| k.eq_ignore_ascii_case("individual") || k.eq_ignore_ascii_case("aircraft"))
}

/// A listed name normalised as its entry's kind asks (see [`read_as_person`]).
fn normalize_listed(entry: &Entry, name: &str) -> Normalized {
    if read_as_person(entry) {
        normalize::normalize_person(name)
    } else {
        normalize::normalize(name)
    }
}

/// The roles of the tokens of a listed name: for a person written `FAMILY, Given Middle ...`, the words after
/// the first given name are middle names, and words with a patronymic ending are patronymics.
fn roles_of(entry: &Entry, name: &str, n: &Normalized) -> Box<[Role]> {
    let mut roles = vec![Role::Core; n.tokens.len()];
    let person = entry
        .kind
        .as_deref()
        .is_some_and(|k| k.eq_ignore_ascii_case("individual"));
    if !person {
        return roles.into_boxed_slice();
    }
    if let Some((_, given)) = name.split_once(',') {
        let g = normalize_listed(entry, given).tokens.len();
        if g > 0 && g <= n.tokens.len() {
            let start = n.tokens.len() - g;
            roles[start] = Role::Given;
            for r in roles.iter_mut().skip(start + 1) {
                *r = Role::Middle;
            }
            // A Korean given name is one name of two syllables, written apart or hyphenated (`KIM, Chol Nam`,
            // `KIM, Chol-nam`): its second syllable is not a middle name a query may leave out (`KIM, Chol`
            // is another person).
            if start == 1
                && g == 2
                && crate::translit::is_korean_surname(&n.tokens[0].text)
                && n.tokens[1..].iter().all(|t| t.text.len() <= 5)
            {
                roles[2] = Role::Given;
            }
            // A family part of exactly two words, neither a particle (`AL`, `DE`, `BIN`): the second is a
            // second family name.
            if start == 2
                && n.tokens[..2]
                    .iter()
                    .all(|t| !t.stop && !normalize::is_stop(&t.text))
            {
                roles[1] = Role::SecondFamily;
            }
        }
    }
    for (r, t) in roles.iter_mut().zip(&n.tokens) {
        if normalize::is_patronymic(&t.text) {
            *r = Role::Patronymic;
        }
    }
    roles.into_boxed_slice()
}

/// The share of its weight a second family name keeps when one side leaves it out or writes another
/// (`DOMINGUEZ, Miguel` for DOMINGUEZ RAMIREZ, Jose Miguel; `VANOY RAMIREZ, Ramiro` for VANOY MURILLO, Ramiro):
/// what a middle name keeps. Matched, it weighs in full. A married name keeps less ([`MARRIED_NAME_WEIGHT`]).
const SECOND_FAMILY_OMITTED: f32 = 0.4;

/// The share of its weight each of the two family names keeps when a query writes a woman's married name in
/// Spanish usage (`NASSER DE HASBUN` for NASSER ARANA): the husband's name in the query, the mother's name left
/// out of it (see `married` in [`Index::score`]).
const MARRIED_NAME_WEIGHT: f32 = 0.2;

/// The share of its weight a listed person's family name keeps when the query names the person by the given
/// name and a later name of the listing instead (see `family_omitted` in [`Index::score`]).
const FAMILY_OMITTED: f32 = 0.4;

/// The share of its weight a person's family name keeps, on either side, when the query writes another family
/// name before the listed person's own given, father's and grandfather's names (see `chain` in
/// [`Index::score`]) ...
const CHAIN_FAMILY: f32 = 0.2;
/// ... and the fewest names that chain must have.
const CHAIN_MIN_NAMES: usize = 3;

/// The query's first given name at or after `qg` (where its given part begins): the first word that is not a
/// particle or a title (`Al-`, `Dr.`, `Haji`: [`normalize::is_stop`] holds both), or `qg` when every word is
/// one.
fn first_given(qtoks: &[QTok], qg: usize) -> usize {
    (qg..qtoks.len())
        .find(|&i| !normalize::is_stop(&qtoks[i].text))
        .unwrap_or(qg)
}

/// Where a query written `FAMILY, Given ...` has a second family name: the second word of a two-word family
/// part (neither a particle), or the word after `de` in `FAMILY DE MARRIED-NAME` (Spanish usage for a married
/// woman).
///
/// A family part of three words or more has every word after the first as a second family name, when its
/// first word is matched (see [`Index::score`]): the Congolese post-surname (`postnom`; "the first name
/// (prénom), surname (nom), and post-surname (postnom) constitute the elements of the name", Family Code of
/// the Democratic Republic of the Congo, Art. 56: `BOSHAB MABUDJ MA BILENGE, Evariste` for BOSHAB, Evariste)
/// and the father's and grandfather's names that many African naming customs write after the family name
/// (`KUAJIEN DUER MAYOK, Michael` for KUAJIEN, Michael), left out of the listed name.
fn query_second_family(q_given: Option<usize>, qtoks: &[QTok]) -> Vec<usize> {
    let stop = |i: usize| qtoks.get(i).is_none_or(|t| normalize::is_stop(&t.text));
    match q_given {
        Some(2) if !stop(0) && !stop(1) => vec![1],
        Some(3) if qtoks.get(1).is_some_and(|t| t.text == "de") && !stop(0) && !stop(2) => vec![2],
        Some(n) if n >= 3 && !stop(0) => (1..n).filter(|&i| !stop(i)).collect(),
        _ => Vec::new(),
    }
}

/// A listed name found whole within a longer query (extra given names, a trading style) counts as much as a
/// query found whole within a longer listed name, but only when the listed name has at least this many
/// identifying words matched ...
const WHOLE_NAME_MIN_TOKENS: usize = 2;
/// ... and at least the weight of one word found in a single name (an inverse document frequency sum: two
/// common given names are not enough, a family name and a given name are) ...
///
/// ... and, for a company, at least two distinctive words: words that are not generic
/// ([`normalize::is_generic`]) and whose weight is at least this share of the weight of a word found in a
/// single name (with the SDN list, words in fewer than about 40 names).
const DISTINCTIVE_SHARE: f32 = 0.6;
/// For a person, the matched weight needed is this share of a single-name word's (a family name and a given
/// name of middling frequency, such as `HASSAN, Khaled`, are enough).
const PERSON_WHOLE_NAME_WEIGHT: f32 = 0.75;

/// A query as read for scoring (see [`Index::read_query`]).
struct QueryReading {
    q: Normalized,
    qtoks: Vec<QTok>,
    /// Where a query written `FAMILY, Given ...` has its given names.
    given: Option<usize>,
    /// Where its first given name is (not a title or particle).
    first: Option<usize>,
    /// The words as prepared before their roles weighed them, kept when the query is to be read as a person's
    /// too (see [`Index::try_search`]).
    prepared: Vec<QTok>,
}

/// A query token prepared for scoring: the vocabulary tokens it matches and how.
#[derive(Debug, Clone)]
struct QTok {
    text: String,
    /// The romanisation fold of `text` ([`crate::translit::fold`]), for [`residual_sim`].
    folded: String,
    weight: f32,
    origin: Origin,
    /// The normaliser rule that made the token, if any.
    rule: Option<String>,
    /// (vocabulary token, similarity, edits)
    matches: Vec<TokMatch>,
    /// Whether the word marks or belongs to Arabic naming usage (see [`Index::arabic_usage`]).
    arabic: bool,
    /// Whether the word is one Mandarin syllable ([`translit::is_mandarin_syllable`]) ...
    syllable: bool,
    /// ... or a Mandarin word of several, with keys ([`translit::mandarin_keys`]).
    mandarin: bool,
    /// Whether the word is written with a final s the plural stemmer took away ([`written_plural`]).
    plural: bool,
    /// For a place word, the countries it may name ([`crate::countries::countries_named`]), read once a query.
    countries: Vec<&'static str>,
    /// For a word in the Arabic script, how it met each vocabulary word by its keys.
    script: ScriptRoutes,
    /// For a word in the Arabic script, its spellings ([`arabic_script::keys`]), read once a query: for listed
    /// names that write it as two words (`محمدرضا` = Mohammad Reza).
    spellings: Vec<arabic_script::Spelling>,
}

/// How a word in the Arabic script met vocabulary words by its keys ([`Index::script_matches`]): as they are, or
/// with an s put back that the plural stemmer took away. The script writes that s, so `حماس` is HAMAS (indexed as
/// `hama`) and `حما` is not; each listed word is met only the way it is written ([`NameRec::plural`]).
#[derive(Debug, Clone, Default)]
struct ScriptRoutes {
    /// Met as they are.
    plain: Vec<TokId>,
    /// Met with an s put back.
    with_s: Vec<TokId>,
}

/// The screening index over a set of entries.
#[derive(Debug, Clone, Default)]
pub struct Index {
    entries: Vec<Entry>,
    names: Vec<NameRec>,
    vocab: FxHashMap<Box<str>, TokId>,
    strs: Vec<Box<str>>,
    stop: Vec<bool>,
    idf: Vec<f32>,
    postings: Vec<Vec<NameId>>,
    trigrams: FxHashMap<u32, Vec<TokId>>,
    deletions: FxHashMap<Box<str>, Vec<TokId>>,
    /// Equivalence keys (see [`crate::translit::keys`]) → vocabulary tokens.
    keymap: FxHashMap<Box<str>, Vec<TokId>>,
    acronyms: FxHashMap<Box<str>, Vec<NameId>>,
    compact: FxHashMap<Box<str>, Vec<NameId>>,
    max_idf: f32,
    /// The vocabulary words that mark or belong to Arabic naming usage ([`arabic_marker`], and the given names
    /// the list uses so: see [`arabic_naming_words`]), by token.
    arabic_usage: Vec<bool>,
    /// The vocabulary words that are one Mandarin syllable (see [`translit::is_mandarin_syllable`]) ...
    mandarin_syllable: Vec<bool>,
    /// ... and those that are a Mandarin word of several, with keys (see [`translit::mandarin_keys`]).
    mandarin_word: Vec<bool>,
    /// Listed names left out because they are outside the bounds of [`crate::limits`].
    rejected: Vec<(usize, ScreenError)>,
}

/// Tokens whose posting lists are longer than this share of all names are not used to find candidates when
/// rarer tokens are present (they still count in scores).
const COMMON_SHARE: f32 = 0.02;
/// At most this many candidates are scored per query.
const MAX_CANDIDATES: usize = 48;
/// The similarity of two words in one variant group (a name table, a Roman numeral, the lexicon).
const EQUIV_GROUP_SIM: f32 = 0.97;
/// The similarity of two words with the same romanisation fold.
const EQUIV_FOLD_SIM: f32 = 0.96;
/// The similarity of two words with the same vowel skeleton.
const EQUIV_SKELETON_SIM: f32 = 0.9;
/// The similarity of two Korean words that differ in the voicing of their initials only (the `k:` key of
/// [`translit::keys`]): below a skeleton, and below one edit between words of seven letters, since the two
/// systems write two different syllables alike (대 Dae / Tae, 태 T'ae / Tae: KOREA DAESONG and KOREA TAESONG are
/// two listed parties).
const EQUIV_KOREAN_INITIALS_SIM: f32 = 0.88;
/// A name matched through one word only, and that word not exactly (a misspelling, a vowel skeleton), is a
/// possible match, never a strong hit: its score is capped here, below the default threshold.
const SINGLE_INEXACT_CAP: f32 = 0.84;
/// The similarity of an acronym and the words it abbreviates: an acronym alone is a possible match to look
/// at, never a strong hit (it stays below the default threshold).
const ACRONYM_SIM: f32 = 0.75;
/// The weight factor of a query's words that say what kind of organisation it is ([`normalize::is_org_word`]).
const ORG_WORD_WEIGHT: f32 = 0.3;
/// The weight factor of a place word a query adds to a listed company's name ([`normalize::is_place_word`];
/// tuned on the tuning half of the alias set).
const PLACE_WORD_WEIGHT: f32 = 0.2;
/// The weight factor of a generic word ([`normalize::is_generic`]: what a company does or is) a query adds to a
/// listed company's name (`MARO SANAT DEVELOPMENT AND DESIGN ENGINEERING COMPANY` for MARO SANAT COMPANY; tuned
/// on the tuning half of the alias set). A one-word listed name still gets no whole-name credit, so `OSLEG
/// FOODS` stays below the threshold.
const GENERIC_ADDED_WEIGHT: f32 = 0.5;
/// The weight factor of stop words.
const STOP_WEIGHT: f32 = 0.15;

/// The lead over every other candidate that makes the query's best hit its closest listed name (see
/// [`dominate`]) ...
const LEAD_MARGIN: f32 = 0.05;
/// The lead over every other candidate that doubles the raise of the closest listed name (see [`dominate`]).
const CLEAR_LEAD: f32 = 0.20;

/// The lead that makes the closest listed name of a query with words of its own of the kinds [`OwnWords`]
/// names (see [`dominate`]) ...
const LEAD_MARGIN_OWN_WORDS: f32 = 0.12;
/// ... and what the lead adds to its score (tuned on the tuning half of the alias set; without the condition that
/// every query word be matched it found 5 points more tuning aliases, but hit 3 of the generated set's 300
/// unrelated company names and broke the unlisted-bank precision test).
const LEAD_BONUS: f32 = 0.05;
/// The highest score the lead raises a hit to.
const LEAD_MAX: f32 = 0.99;

/// How far below the query's best hit another party's hit may score and still be a hit (see [`dominate`];
/// tuned on the tuning half of the alias set: 0.03 lost twice the right hits for 7 fewer wrong-party hits,
/// 0.08 kept 12 more wrong-party hits for one more alias).
const WEAKER_GAP: f32 = 0.05;

/// The similarity of a name and its initial ([`Index::initial_pairs`]).
const INITIAL_SIM: f32 = 0.8;

/// The rule named for a pair of leftover words credited by their written similarity ([`residual_sim`]).
/// The length from which a word matched by a romanisation rule alone is not capped as one inexact word (7, 8
/// and 9 tried on the tuning half: 8 and 9 alike, 7 let `SURATEL` hit SYRIATEL, the issue's own example).
const ROMANISED_WORD_MIN_LEN: usize = 9;
/// The length from which one word misspelt by one letter is not capped as one inexact word.
const LONG_TYPO_MIN_LEN: usize = 10;
const RESIDUAL_RULE: &str = "similar spelling";
/// The Jaro-Winkler similarity (of the words or of their transliteration folds) from which two leftover words
/// count as one written differently.
/// (tuned on the tuning half of the alias set: 0.75, 0.80, 0.85 and 0.88 tried; plain Jaro and a length-ratio
/// condition gave no better trade-off).
const RESIDUAL_FLOOR: f32 = 0.85;
/// The credit of such a pair: its similarity less this (a pair at the floor counts 0.75, less than a
/// two-edit misspelling of an eight-letter word; 0.05, 0.15 and 0.20 tried).
const RESIDUAL_DISCOUNT: f32 = 0.10;

/// The most listed words a key of words joined may stand for to find candidates: a key many words share finds
/// names no better than the words themselves do.
const JOINED_KEY_MAX_WORDS: usize = 4;

/// How many letters longer than the word on the other side a run of joined words may grow while it is compared
/// with it: a romanisation may write a vowel or a doubled letter more (`ABOUSOFIAN` = Abu Sufian).
const JOINED_SLACK: usize = 3;
/// The length from which words joined on one side may differ from the word on the other by one letter (a
/// misspelling of a word written whole is allowed two edits from six letters; joined words are a guess already).
const JOINED_FUZZY_MIN_LEN: usize = 8;

/// Whether words joined (`joined`) are the word on the other side: written alike (`KHAIR ULLAH` = KHAIRULLAH),
/// or as a romanisation table writes them (`DAH DASHT` = DEHDASHT, `ABU SUFIAN` = ABOUSOFIAN: a shared variant
/// group, fold or vowel-skeleton key of [`translit::keys`], named; not the looser consonant classes). The keys are computed only for runs of a like length that
/// start with the same letter, which keeps the cost low.
fn joined_alike(joined: &str, word: &str) -> Option<(f32, MatchKind)> {
    if joined == word {
        return Some((1.0, MatchKind::Joined));
    }
    joined_romanised(joined, word).or_else(|| {
        // One letter off in a long joined word (`ABDLU RAHMAN` for ABD-AL-RAHMAN, which the normaliser joins
        // only when its first part is written right): a misspelling, as in a word written whole.
        // The first letter written right, as in every joined word compared (and a cheap test first: this runs
        // for every run of words of every candidate).
        (joined.len().min(word.len()) >= JOINED_FUZZY_MIN_LEN
            && joined.bytes().next() == word.bytes().next()
            && normalize::osa_within(joined, word, 1) == Some(1))
        .then(|| {
            (
                fuzzy_sim(1, joined.len().max(word.len())),
                MatchKind::Fuzzy { edits: 1 },
            )
        })
    })
}

/// Whether Mandarin syllables written apart on one side are the word on the other in the other romanisation
/// (`TAN-TUNG` = DANDONG, `HUNG-HSIANG` = HONGXIANG: Wade-Giles hyphenates a name's syllables where pinyin joins
/// them), by the shared keys of [`translit::mandarin_keys`]. Only for runs of a like length, of single syllables
/// (the callers check), against a word that has such a key.
fn joined_mandarin(joined: &str, word: &str) -> Option<(f32, MatchKind)> {
    if joined.len().abs_diff(word.len()) > JOINED_SLACK {
        return None;
    }
    let theirs = translit::mandarin_keys(word);
    if theirs.is_empty() {
        return None;
    }
    translit::mandarin_keys(joined)
        .into_iter()
        .find(|k| theirs.iter().any(|o| o.key == k.key))
        .map(|k| {
            (
                EQUIV_SKELETON_SIM,
                MatchKind::Equivalent {
                    rule: format!("joined/split words, {}", k.rule),
                },
            )
        })
}

/// Whether words joined are the word on the other side as a romanisation table writes them (see
/// [`joined_alike`]).
fn joined_romanised(joined: &str, word: &str) -> Option<(f32, MatchKind)> {
    if joined.len().abs_diff(word.len()) > JOINED_SLACK
        || joined.bytes().next() != word.bytes().next()
        || !rough_consonants(joined).eq(rough_consonants(word))
    {
        return None;
    }
    let theirs = translit::keys(word);
    translit::keys(joined).into_iter().find_map(|k| {
        let sim = match k.key.as_bytes()[0] {
            b'g' => EQUIV_GROUP_SIM,
            b'f' => EQUIV_FOLD_SIM,
            b's' => EQUIV_SKELETON_SIM,
            _ => return None,
        };
        theirs.iter().find(|o| o.key == k.key).map(|o| {
            let rule = [k.rule.as_str(), o.rule.as_str()]
                .into_iter()
                .find(|r| !r.is_empty())
                .unwrap_or("translit");
            (
                sim,
                MatchKind::Equivalent {
                    rule: format!("joined/split words, {rule}"),
                },
            )
        })
    })
}

/// A word's consonants, roughly as the romanisation folds see them, to rule out cheaply the words no fold key can
/// equate: vowels, `y` and `h` left out (`kh`, `sh`, `dh` are one sound), `c`, `g` and `q` read `k`, `w` read
/// `v`, a letter repeated once. Words that a key equates have the same rough consonants, or nearly always do.
fn rough_consonants(word: &str) -> impl Iterator<Item = u8> + '_ {
    let mut prev = 0u8;
    word.bytes().filter_map(move |b| {
        let c = match b {
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'h' => return None,
            b'c' | b'g' | b'q' => b'k',
            b'w' => b'v',
            other => other,
        };
        if c == prev {
            return None;
        }
        prev = c;
        Some(c)
    })
}

/// Why two leftover words were paired (see [`Index::residual_pairs`]).
enum LeftoverPair {
    /// By their written similarity, this Jaro-Winkler.
    Similar(f32),
    /// One is the other's compound in abd- written without it, under this rule ([`abd_left_out`]).
    AbdLeftOut(String),
    /// The same consonants, short vowels written or left out ([`same_consonants`]).
    SameConsonants,
}

/// The rule of two words with the same consonants (see [`same_consonants`]).
const SAME_CONSONANTS_RULE: &str = "short vowels written or left out (the same consonants)";
/// The credit of two leftover words with the same consonants: what a similar spelling of Jaro-Winkler 0.90 gets.
const SAME_CONSONANTS_SIM: f32 = 0.80;

/// Whether a query word (`folded`, its fold) and a listed word have the same consonants in the same order (not
/// counting h, w and y, which romanisations also write for vowels), once folded ([`crate::translit::fold`]), four
/// or more, starting alike: romanisations of Arabic and Persian write a short vowel the script leaves out,
/// or leave out one it implies (`DURIKDAL` / DROUKDEL, `MISHKHIS` / MUSHAKHAS, `SANBAL` / SANABIL). Only for
/// words left over on both sides, so a word matched otherwise (`Mahmud` / `Muhammad`) is never paired so.
fn same_consonants(folded: &str, listed: &str) -> bool {
    let consonants = |w: &str| {
        w.bytes()
            .filter(|c| !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' | b'h'))
            .collect::<Vec<u8>>()
    };
    // Cheap tests first (it runs for many leftover pairs): the first letters as written, and the counts.
    if folded.as_bytes().first() != listed.as_bytes().first() {
        return false;
    }
    let ours = consonants(folded);
    if ours.len() < 4 || consonants(listed).len().abs_diff(ours.len()) > 2 {
        return false;
    }
    let theirs = crate::translit::fold(listed).0;
    folded.as_bytes().first() == theirs.as_bytes().first() && ours == consonants(&theirs)
}

/// The rule of a compound in abd- written without it (see [`abd_left_out`]).
const ABD_LEFT_OUT_RULE: &str = "compound in abd- written without it";
/// The credit of such a pair: a word of the name is left out, as with a middle name (0.75 and 0.85 tried).
const ABD_LEFT_OUT_SIM: f32 = 0.8;

/// Whether one leftover word is the other's compound in abd- written without `abd-` (`Rosyid` for `Abdul
/// Rosyid`, which the normaliser writes `abdulrosyid`; `Kader` for `Abdelkader`): names outside Arabic use, in
/// Indonesia or South Asia, and aliases that shorten a name, leave the `Abdul` out. Not `abdullah` (abd +
/// allah), and a rest of three letters or more. The rest may be written as a romanisation writes it (`Rasyid`
/// for `Abdul Rosyid`), found as [`joined_romanised`] finds a joined word and named with its rule. The credit and
/// the rule, if so.
fn abd_left_out(a: &str, b: &str) -> Option<(f32, String)> {
    let rest_of = |long: &str, short: &str| {
        let rest = long
            .strip_prefix("abdul")
            .filter(|rest| rest.len() >= 3 && !rest.starts_with("lah"))?;
        if rest == short {
            return Some((ABD_LEFT_OUT_SIM, ABD_LEFT_OUT_RULE.to_string()));
        }
        match joined_romanised(rest, short) {
            Some((sim, MatchKind::Equivalent { rule })) if rest.len() >= 5 => Some((
                ABD_LEFT_OUT_SIM * sim,
                format!(
                    "{ABD_LEFT_OUT_RULE}, {}",
                    rule.trim_start_matches("joined/split words, ")
                ),
            )),
            _ => None,
        }
    };
    rest_of(a, b).or_else(|| rest_of(b, a))
}

/// Whether a leftover word may be paired by its written similarity: an ASCII word of four letters up to
/// [`MAX_FUZZY_TOKEN_BYTES`] (longer words are matched exactly only) that is not a stop word or a particle
/// (`al`, `abu`, `bin`).
fn residual_word(w: &str) -> bool {
    (4..=MAX_FUZZY_TOKEN_BYTES).contains(&w.len())
        && w.is_ascii()
        && !normalize::is_stop(w)
        && !normalize::is_name_prefix(w)
}

/// The written similarity of a query word and a listed word and the credit it gives: the better Jaro-Winkler
/// of the words and of their transliteration folds ([`crate::translit::fold`]), when at least
/// [`RESIDUAL_FLOOR`]. The folds are compared only when the words themselves are within 0.1 of the floor (a
/// fold changes a few letters: it does not turn unlike words into like ones), which keeps the cost low.
///
/// Two compounds in abd- (`abdulsalim`, `abdulaziz`: servant of the Peaceful, of the Mighty) are compared by what
/// follows it, which names them: the shared prefix would make any two alike. So are two in -uddin or -ullah
/// ([`THEOPHORIC_ENDINGS`]) by what comes before it.
fn residual_sim<'a>(q: &'a QTok, listed: &'a str) -> Option<(f32, f32)> {
    // A place is that place, written another way (`RUSSIA` / ROSSIYA, `TUNIS` / TUNISIA), or no word of the
    // other name at all (`SHANGHAI ELECTRONICS` is not HANA ELECTRONICS JVC), and not another place.
    let (ours, theirs) = (
        normalize::is_place_word(&q.text),
        normalize::is_place_word(listed),
    );
    // Two places that are not one are two (`IRAQ` is not IRAN).
    if (ours && theirs)
        || (ours != theirs && q.text.as_bytes().first() != listed.as_bytes().first())
        || first_consonant_differs(&q.text, listed)
    {
        return None;
    }
    let compound = |w: &'a str| w.strip_prefix("abdul").filter(|rest| rest.len() >= 3);
    // And two compounds in -uddin or -ullah (Siraj ad-Din, Nasir ad-Din: lamp, helper of the faith) by what comes
    // before it (`SIRAJUDDIN` is not NASIRUDDIN).
    let theophoric = |w: &'a str| {
        THEOPHORIC_ENDINGS.iter().find_map(|&(ending, family)| {
            w.strip_suffix(ending)
                .filter(|stem| stem.len() >= 3)
                .map(|stem| (stem, family))
        })
    };
    // The better Jaro-Winkler of two names' distinguishing parts and of their folds, when at the floor.
    let parts_sim = |ours: &str, theirs: &str| {
        let jw = jaro_winkler(ours, theirs).max(jaro_winkler(
            &crate::translit::fold(ours).0,
            &crate::translit::fold(theirs).0,
        ));
        (jw >= RESIDUAL_FLOOR).then_some((jw, jw - RESIDUAL_DISCOUNT))
    };
    if let (Some((ours, a)), Some((theirs, b))) = (theophoric(&q.text), theophoric(listed)) {
        if a == b {
            return parts_sim(ours, theirs);
        }
    }
    if let (Some(ours), Some(theirs)) = (compound(&q.text), compound(listed)) {
        return parts_sim(ours, theirs);
    }
    let plain = jaro_winkler(&q.text, listed);
    if plain < RESIDUAL_FLOOR - 0.1 {
        return None;
    }
    let folded = jaro_winkler(&q.folded, &crate::translit::fold(listed).0);
    let jw = plain.max(folded);
    (jw >= RESIDUAL_FLOOR).then_some((jw, jw - RESIDUAL_DISCOUNT))
}

/// The endings of Arabic compound names in ad-Din (of the faith) and Allah (of God) as romanisations join them,
/// each with its family: two compounds with endings of one family are compared by what comes before.
const THEOPHORIC_ENDINGS: &[(&str, u8)] = &[
    ("uddin", 0),
    ("eddin", 0),
    ("addin", 0),
    ("iddin", 0),
    ("uddeen", 0),
    ("ullah", 1),
    ("ollah", 1),
    ("allah", 1),
    ("ulla", 1),
];

/// Jaro-Winkler similarity (prefix scale 0.1 over at most four letters, applied above 0.7), as `strsim` computes
/// it, without allocating for the short ASCII words of names (it runs for many word pairs per query); other
/// words go to `strsim`.
fn jaro_winkler(a: &str, b: &str) -> f32 {
    const MAX: usize = 64;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > MAX || b.len() > MAX || !a.is_ascii() || !b.is_ascii() {
        return strsim::jaro_winkler(
            std::str::from_utf8(a).unwrap_or_default(),
            std::str::from_utf8(b).unwrap_or_default(),
        ) as f32;
    }
    if a.is_empty() || b.is_empty() {
        return if a.is_empty() && b.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let range = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_flags = [false; MAX];
    let mut b_flags = [false; MAX];
    let mut matches = 0usize;
    for (i, &x) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = b.len().min(i + range + 1);
        for j in lo..hi {
            if !b_flags[j] && b[j] == x {
                a_flags[i] = true;
                b_flags[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0usize;
    for (i, &x) in a.iter().enumerate() {
        if !a_flags[i] {
            continue;
        }
        while !b_flags[j] {
            j += 1;
        }
        if b[j] != x {
            transpositions += 1;
        }
        j += 1;
    }
    let m = matches as f64;
    let jaro =
        (m / a.len() as f64 + m / b.len() as f64 + (m - (transpositions / 2) as f64) / m) / 3.0;
    let sim = if jaro > 0.7 {
        let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
        jaro + 0.1 * prefix as f64 * (1.0 - jaro)
    } else {
        jaro
    };
    sim as f32
}

fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=9 => 2,
        _ => 3,
    }
}

/// The index keys a query word's key is looked up as: a marked Korean word's `k:` key meets the `k:` and the
/// `n:` keys of listed words (`GEUK` = KUK), an unmarked one's `n:` key only the `k:` keys (`KUK` = GEUK, not
/// `DANA` = TANA); every other key meets itself.
fn lookups(key: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    let (first, second) = match (key.get(..2), key.get(2..)) {
        (Some("k:"), Some(rest)) => (Cow::Borrowed(key), Some(Cow::Owned(format!("n:{rest}")))),
        (Some("n:"), Some(rest)) => (Cow::Owned(format!("k:{rest}")), None),
        _ => (Cow::Borrowed(key), None),
    };
    std::iter::once(first).chain(second)
}

/// The longest word in which another first consonant, the rest alike, is taken for another name, not a slip.
const FIRST_CONSONANT_MAX_LEN: usize = 6;

/// Whether two words of the same length, at most [`FIRST_CONSONANT_MAX_LEN`] letters, differ only in their
/// first letter, two consonants of different sounds. Sounds are the Soundex code's classes (b f p v; c g j k q s
/// x z; d t; l; m n; r: the U.S. National Archives' Soundex indexing system), which group the letters that
/// romanisations and ears exchange (`GANAN` / KAN'AN, Arabic ق written g); h and w have no class.
fn first_consonant_differs(a: &str, b: &str) -> bool {
    let sound = |c: u8| match c {
        b'b' | b'f' | b'p' | b'v' => Some(1),
        b'c' | b'g' | b'j' | b'k' | b'q' | b's' | b'x' | b'z' => Some(2),
        b'd' | b't' => Some(3),
        b'l' => Some(4),
        b'm' | b'n' => Some(5),
        b'r' => Some(6),
        _ => None,
    };
    // y is a glide that romanisations write for j and i (Spanish and German j: `YAMIL` / JAMIL).
    let consonant = |c: u8| c.is_ascii_lowercase() && !b"aeiouy".contains(&c);
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len()
        && a.len() <= FIRST_CONSONANT_MAX_LEN
        && a[0] != b[0]
        && consonant(a[0])
        && consonant(b[0])
        && (sound(a[0]).is_none() || sound(a[0]) != sound(b[0]))
        && a[1..] == b[1..]
}

/// What one edit costs in similarity, per letter of the longer word (tuned on the tuning half of the alias
/// set: 0.65 gave no better precision-recall trade-off than 0.8, which is kept).
const FUZZY_EDIT_COST: f32 = 0.8;

/// The similarity of two tokens `edits` apart, the longer of length `len`.
fn fuzzy_sim(edits: usize, len: usize) -> f32 {
    1.0 - FUZZY_EDIT_COST * edits as f32 / len.max(1) as f32
}

/// The two vowels when two words of the same length differ in one place only, a vowel (`y` included) on each
/// side.
fn vowel_swap(a: &str, b: &str) -> Option<(char, char)> {
    if a.len() != b.len() {
        return None;
    }
    let mut diff = a.bytes().zip(b.bytes()).filter(|(x, y)| x != y);
    let (x, y) = diff.next()?;
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    (diff.next().is_none() && vowel(x) && vowel(y)).then_some((x as char, y as char))
}

/// The 1-deletion variants of a word (and the word itself): two words within one edit (OSA) share one.
fn deletions(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let mut out = vec![s.to_string()];
    for i in 0..b.len() {
        let mut v = Vec::with_capacity(b.len() - 1);
        v.extend_from_slice(&b[..i]);
        v.extend_from_slice(&b[i + 1..]);
        if let Ok(v) = String::from_utf8(v) {
            out.push(v);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// How many times each letter a-z occurs in a word, when it is lowercase ASCII letters only (for a cheap lower
/// bound of the edit distance in [`Index::fuzzy`]).
fn letter_counts(w: &str) -> Option<[u8; 26]> {
    let mut counts = [0u8; 26];
    for b in w.bytes() {
        let c = counts.get_mut(b.wrapping_sub(b'a') as usize)?;
        *c = c.saturating_add(1);
    }
    Some(counts)
}

/// A lower bound of the edit distance of two words by their [`letter_counts`]: the letters one has more of than
/// the other, on the side with more (an insertion or deletion changes one side by one, a substitution each side
/// by one at most, a transposition neither).
fn letters_apart(a: &[u8; 26], b: &[u8; 26]) -> usize {
    let (more, fewer) = a.iter().zip(b).fold((0, 0), |(m, f), (&x, &y)| {
        (
            m + x.saturating_sub(y) as usize,
            f + y.saturating_sub(x) as usize,
        )
    });
    more.max(fewer)
}

fn trigram_keys(s: &str) -> Vec<u32> {
    let padded: Vec<u8> = std::iter::once(b'$')
        .chain(s.bytes())
        .chain(std::iter::once(b'$'))
        .collect();
    let mut keys: Vec<u32> = padded
        .windows(3)
        .map(|w| (w[0] as u32) << 16 | (w[1] as u32) << 8 | w[2] as u32)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Reusable per-thread buffers: candidate scores, touched names, trigram counts, touched tokens.
type Scratch = (Vec<f32>, Vec<u32>, Vec<u16>, Vec<u32>);

/// A candidate alignment: similarity, query token range, listed token range, how.
type Pair = (f32, (usize, usize), (usize, usize), MatchKind);

thread_local! {
    static SCRATCH: RefCell<Scratch> = const { RefCell::new((Vec::new(), Vec::new(), Vec::new(), Vec::new())) };
}

impl Index {
    /// Builds the index over entries (primary names and aliases), refusing the first listed name that is
    /// outside the bounds of [`crate::limits`] (the list files' parsers already refuse such rows).
    pub fn try_build(entries: Vec<Entry>) -> Result<Index, ScreenError> {
        let ix = Index::build(entries);
        match ix.rejected.first() {
            Some((e, err)) => {
                let entry = &ix.entries[*e];
                Err(ScreenError::Listed {
                    id: entry.id.clone(),
                    list: entry.list.clone(),
                    source: Box::new(err.clone()),
                })
            }
            None => Ok(ix),
        }
    }

    /// Listed names that [`Index::build`] left out because they are outside the bounds of [`crate::limits`]:
    /// (entry position, why). Empty for any list read by [`crate::parse()`].
    pub fn rejected(&self) -> &[(usize, ScreenError)] {
        &self.rejected
    }

    /// Builds the index over entries (primary names and aliases). A listed name outside the bounds of
    /// [`crate::limits`] is left out and recorded in [`Index::rejected`] (use [`Index::try_build`] to refuse
    /// it instead); the cost of building is linear in the total length of the names.
    pub fn build(entries: Vec<Entry>) -> Index {
        let mut ix = Index {
            entries,
            ..Index::default()
        };
        let mut df: Vec<u32> = Vec::new();
        let entries = std::mem::take(&mut ix.entries);
        for (ei, e) in entries.iter().enumerate() {
            let mut seen_keys: Vec<String> = Vec::new();
            let forms: Vec<(usize, bool, std::borrow::Cow<str>)> = e
                .names()
                .enumerate()
                .flat_map(|(ni, name)| {
                    name_forms(name)
                        .into_iter()
                        .enumerate()
                        .map(move |(fi, f)| (ni, fi == 0, f))
                })
                .collect();
            for (ni, whole, name) in forms.iter().map(|(ni, w, f)| (*ni, *w, f.as_ref())) {
                if let Err(err) = limits::check_length(name) {
                    ix.rejected.push((ei, err));
                    continue;
                }
                let n = normalize_listed(e, name);
                if n.tokens.is_empty() {
                    continue;
                }
                if n.tokens.len() > MAX_TOKENS {
                    ix.rejected.push((
                        ei,
                        ScreenError::TooManyTokens {
                            preview: limits::preview(name),
                            tokens: n.tokens.len(),
                            max: MAX_TOKENS,
                        },
                    ));
                    continue;
                }
                let key = n.key();
                if seen_keys.contains(&key) {
                    continue;
                }
                seen_keys.push(key);
                let id = ix.names.len() as NameId;
                let mut toks = Vec::with_capacity(n.tokens.len());
                let mut plural = 0u64;
                for (i, t) in n.tokens.iter().enumerate() {
                    let tid = ix.intern(&t.text, t.stop, &mut df);
                    if written_plural(t) {
                        plural |= 1 << i;
                    }
                    toks.push(tid);
                }
                let mut uniq = toks.clone();
                uniq.sort_unstable();
                uniq.dedup();
                for &t in &uniq {
                    df[t as usize] += 1;
                    ix.postings[t as usize].push(id);
                }
                for acr in acronyms(&n) {
                    ix.acronyms.entry(acr.into()).or_default().push(id);
                }
                ix.compact
                    .entry(n.compact().into_boxed_str())
                    .or_default()
                    .push(id);
                let roles = roles_of(e, name, &n);
                let has_rules = n.tokens.iter().any(|t| t.rule.is_some());
                ix.names.push(NameRec {
                    entry: ei as u32,
                    whole_name: u16::try_from(ni)
                        .ok()
                        .filter(|&i| whole && i != NOT_A_WHOLE_NAME)
                        .unwrap_or(NOT_A_WHOLE_NAME),
                    has_rules,
                    alias: ni > 0,
                    roles,
                    plural,
                    tokens: toks.into_boxed_slice(),
                    legal: n.legal.into_iter().map(String::into_boxed_str).collect(),
                });
            }
        }
        ix.entries = entries;
        let total = ix.names.len().max(1) as f32;
        ix.idf = df
            .iter()
            .zip(&ix.stop)
            .map(|(&d, &stop)| {
                let w = (1.0 + total / d.max(1) as f32).ln();
                if stop {
                    w * STOP_WEIGHT
                } else {
                    w
                }
            })
            .collect();
        ix.max_idf = (1.0 + total).ln();
        ix.arabic_usage = arabic_naming_words(&ix.names, &ix.strs)
            .into_iter()
            .zip(&ix.strs)
            .map(|(learnt, w)| learnt || arabic_marker(w))
            .collect();
        for (tid, s) in ix.strs.iter().enumerate() {
            // Very long words are matched exactly only: their 1-deletion variants would cost the square of
            // their length.
            let mandarin = translit::mandarin_keys(s);
            ix.mandarin_word.push(!mandarin.is_empty());
            ix.mandarin_syllable.push(translit::is_mandarin_syllable(s));
            if s.len() > MAX_FUZZY_TOKEN_BYTES {
                continue;
            }
            let script = arabic_script::latin_keys(s)
                .into_iter()
                .map(|k| format!("a:{}", k.key));
            for k in translit::keys(s)
                .into_iter()
                .map(|k| k.key)
                .chain(mandarin.into_iter().map(|k| k.key))
                .chain(script)
            {
                let list = ix.keymap.entry(k.into()).or_default();
                if list.last() != Some(&(tid as TokId)) {
                    list.push(tid as TokId);
                }
            }
            if s.len() >= 6 {
                for k in trigram_keys(s) {
                    ix.trigrams.entry(k).or_default().push(tid as TokId);
                }
            }
            if s.len() >= 3 {
                for d in deletions(s) {
                    ix.deletions.entry(d.into()).or_default().push(tid as TokId);
                }
            }
        }
        for v in ix.acronyms.values_mut().chain(ix.compact.values_mut()) {
            v.dedup();
        }
        ix
    }

    fn intern(&mut self, s: &str, stop: bool, df: &mut Vec<u32>) -> TokId {
        if let Some(&t) = self.vocab.get(s) {
            return t;
        }
        let t = self.strs.len() as TokId;
        self.vocab.insert(s.into(), t);
        self.strs.push(s.into());
        self.stop.push(stop);
        self.postings.push(Vec::new());
        df.push(0);
        t
    }

    /// The indexed entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of indexed names (primary names and distinct aliases).
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// Every indexed name as (entry position, normalised key), for baselines and evaluation.
    pub fn name_keys(&self) -> impl Iterator<Item = (usize, String)> + '_ {
        self.names.iter().map(|n| {
            let key = n
                .tokens
                .iter()
                .map(|&t| &*self.strs[t as usize])
                .collect::<Vec<_>>()
                .join(" ");
            (n.entry as usize, key)
        })
    }

    /// Whether a romanised word is in the vocabulary (the lexicon for splitting pinyin).
    pub fn knows(&self, word: &str) -> bool {
        self.vocab.contains_key(word)
    }

    /// Normalises a query, splitting pinyin by the vocabulary.
    pub fn normalize_query(&self, query: &str) -> Normalized {
        normalize::normalize_with(query, &|w| self.knows(w))
    }

    /// An estimate of the index's heap memory in bytes (capacities of its tables; entries included).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let s = |x: &str| x.len();
        let entries: usize = self
            .entries
            .iter()
            .map(|e| {
                size_of::<Entry>()
                    + e.names().map(s).sum::<usize>()
                    + e.alt_names.len() * size_of::<String>()
                    + e.addresses
                        .iter()
                        .map(|a| a.len() + size_of::<String>())
                        .sum::<usize>()
                    + e.programs
                        .iter()
                        .map(|a| a.len() + size_of::<String>())
                        .sum::<usize>()
                    + e.remarks.as_ref().map_or(0, |r| r.len())
                    + e.source.len()
                    + e.id.len()
            })
            .sum();
        let names: usize = self
            .names
            .iter()
            .map(|n| {
                size_of::<NameRec>()
                    + n.tokens.len() * 4
                    + n.legal.iter().map(|l| l.len() + 16).sum::<usize>()
            })
            .sum();
        let map_entry = 8 + 16 + 4;
        let vocab = self
            .strs
            .iter()
            .map(|x| x.len() * 2 + 16 + map_entry)
            .sum::<usize>()
            + self.stop.len()
            + self.idf.len() * 4
            + self.arabic_usage.len()
            + self.mandarin_syllable.len()
            + self.mandarin_word.len();
        let postings: usize = self.postings.iter().map(|p| p.capacity() * 4 + 24).sum();
        let deletions: usize = self
            .deletions
            .iter()
            .map(|(k, v)| k.len() + 16 + v.capacity() * 4 + 24 + 8)
            .sum();
        let trigrams: usize = deletions
            + self
                .trigrams
                .values()
                .map(|v| v.capacity() * 4 + 24 + 4 + 8)
                .sum::<usize>();
        let side = |m: &FxHashMap<Box<str>, Vec<NameId>>| -> usize {
            m.iter()
                .map(|(k, v)| k.len() + 16 + v.capacity() * 4 + 24 + 8)
                .sum()
        };
        let keymap: usize = self
            .keymap
            .iter()
            .map(|(k, v)| k.len() + 16 + v.capacity() * 4 + 24 + 8)
            .sum();
        entries
            + names
            + vocab
            + postings
            + trigrams
            + keymap
            + side(&self.acronyms)
            + side(&self.compact)
    }

    /// Screens one name: the hits at or above the threshold, best first (one per entry).
    ///
    /// A name outside the bounds of [`crate::limits`] gives no hits here; use [`Index::try_search`] to be told
    /// why (callers that screen untrusted input should).
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Vec<Hit> {
        self.try_search(query, opts).unwrap_or_default()
    }

    /// Screens one name: the hits at or above the threshold, best first (one per entry), or an error when the
    /// name is longer than [`limits::MAX_NAME_CHARS`] or has more than [`MAX_TOKENS`] words. The cost is linear
    /// in the name's length.
    pub fn try_search(&self, query: &str, opts: &SearchOptions) -> Result<Vec<Hit>, ScreenError> {
        limits::check_length(query)?;
        let Some(read) = self.read_query(query, false, &[])? else {
            return Ok(Vec::new());
        };
        // A query that had words set aside as legal forms is read a second time as a person's name, with them
        // kept, for the listed persons (and aircraft) whose names keep them (see [`read_as_person`]): `PAO, Yu
        // Liang` is a person's whole name, and `Yu Liang` leaves his family name out. Not when every word set
        // aside is a company's alone (`LTD`, `GMBH`): no person's name keeps those.
        let as_person = if read.prepared.is_empty() {
            None
        } else {
            self.read_query(query, true, &read.prepared)?
        };
        let mut candidates = self.candidates(&read.q, &read.qtoks);
        if let Some(p) = &as_person {
            candidates.extend(self.candidates(&p.q, &p.qtoks));
            candidates.sort_unstable();
            candidates.dedup();
        }
        // Each entry's best hit and the listed name (index) it matched; the name is written out only for the
        // hits reported.
        let mut best: FxHashMap<u32, (Hit, NameId)> = FxHashMap::default();
        for nid in candidates {
            let rec = &self.names[nid as usize];
            let entry = &self.entries[rec.entry as usize];
            // A listed person is compared with both readings of such a query, and the one that explains it better
            // counts (`EP-IBC S.A.` is the aircraft EP-IBC with a company's suffix; `PAO Yu Liang` the person).
            let score_with = |r: &QueryReading| self.score(&r.q, &r.qtoks, r.given, r.first, rec);
            let (mut score, mut expl) = score_with(&read);
            if let Some(p) = as_person.as_ref().filter(|_| read_as_person(entry)) {
                let (s, e) = score_with(p);
                if s > score {
                    (score, expl) = (s, e);
                }
            }
            if let Some(cc) = &opts.country {
                if !entry.countries.is_empty() {
                    if entry.countries.iter().any(|c| c.eq_ignore_ascii_case(cc)) {
                        score = (score + 0.03).min(1.0);
                        expl.country = Some(format!("+0.03: listed address in {cc}"));
                    } else {
                        score = (score - 0.10).max(0.0);
                        expl.country = Some(format!(
                            "-0.10: listed addresses in {} only, not {cc}",
                            entry.countries.join(", ")
                        ));
                    }
                }
            }
            // Hits up to [`LEAD_BONUS`] below the threshold are kept until [`dominate`] has seen them (the
            // closest listed name may be raised above it), and those up to [`LEAD_MARGIN`] below these, which
            // it must lead.
            // Lower ones, down to [`CLEAR_LEAD`] below these, are kept to measure the clear lead. The floor is
            // set by the default threshold (or the threshold asked, when lower) so that a hit's score does not
            // depend on the threshold asked (see [`dominate`]).
            if score + 2.0 * LEAD_BONUS + CLEAR_LEAD + 1e-6 < opts.threshold.min(DEFAULT_THRESHOLD)
            {
                continue;
            }
            let hit = Hit {
                entry: rec.entry as usize,
                matched_name: String::new(),
                alias: rec.alias,
                score,
                explanation: expl,
            };
            match best.get(&rec.entry) {
                Some((h, _)) if h.score >= hit.score => {}
                _ => {
                    best.insert(rec.entry, (hit, nid));
                }
            }
        }
        let names: FxHashMap<usize, NameId> =
            best.values().map(|(h, nid)| (h.entry, *nid)).collect();
        let mut hits: Vec<Hit> = best.into_values().map(|(h, _)| h).collect();
        dominate(&mut hits, &self.entries, opts.threshold);
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.entry.cmp(&b.entry))
        });
        hits.truncate(opts.limit.max(1));
        for h in &mut hits {
            if let Some(&nid) = names.get(&h.entry) {
                h.matched_name = self.matched_name(nid);
                if self.names[nid as usize].has_rules {
                    let listed = normalize_listed(&self.entries[h.entry], &h.matched_name);
                    name_listed_rules(listed, &mut h.explanation);
                }
            }
        }
        Ok(hits)
    }

    /// A query read for scoring: normalised (as a person's name when `as_person`, see
    /// [`normalize::normalize_person_with`]), its words prepared with their matches in the vocabulary and weighed
    /// by their roles; `None` when no word identifies anyone.
    /// `known` are words already prepared for another reading, reused rather than looked up again.
    fn read_query(
        &self,
        query: &str,
        as_person: bool,
        known: &[QTok],
    ) -> Result<Option<QueryReading>, ScreenError> {
        let normalize = |text: &str| {
            if as_person {
                normalize::normalize_person_with(text, &|w| self.knows(w))
            } else {
                self.normalize_query(text)
            }
        };
        let mut q = normalize(query);
        // The family part of a query written `FAMILY, Given ...`, normalised once.
        // The Arabic comma too (`الظواهري، أيمن`).
        let family = query
            .split_once([',', '،'])
            .map(|(family, _)| normalize(family).tokens);
        // A family part that is one word which is also a title (`MOULAVI, Ali Shams` for MULAVI, Ali Shams;
        // Mulavi is a family name as well as the title Maulvi): there it is the family name, not a title set
        // aside.
        if let Some([only]) = family.as_deref() {
            if normalize::is_title(&only.text) && !normalize::is_name_prefix(&only.text) {
                if let Some(t) = q.tokens.first_mut().filter(|t| t.text == only.text) {
                    t.stop = false;
                }
            }
        }
        if q.tokens.len() > MAX_TOKENS {
            return Err(ScreenError::TooManyTokens {
                preview: limits::preview(query),
                tokens: q.tokens.len(),
                max: MAX_TOKENS,
            });
        }
        if q.tokens.is_empty() {
            return Ok(None);
        }
        let mut qtoks = self.prepare(&q, known);
        // The words as prepared, before their roles weigh them, for the reading as a person's to reuse.
        let prepared = if as_person || q.legal.iter().all(|l| normalize::is_company_marker(l)) {
            Vec::new()
        } else {
            qtoks.clone()
        };
        // Where a query written `FAMILY, Given ...` has its first given name.
        // At most the query's own word count: a family part made of legal forms alone keeps them when
        // normalised by itself, but the whole query sets them aside (`LTD LLC GMBH, Mohammed`).
        // None when nothing but legal forms follows the comma (`CEC CHEMICAL CO., LTD.`, `NOCTURNUM INC, S. DE
        // R.L. DE C.V.`): a company's name, not `FAMILY, Given`.
        let q_given = family
            .map(|f| f.len().min(q.tokens.len()))
            .filter(|&g| g < q.tokens.len());
        // Where its first given name is: the first word after the comma that is not a title or a particle
        // (`AL-ALI, Dr. Hamed Abdullah`: Dr. is nobody's name).
        let q_first = q_given.map(|qg| first_given(&qtoks, qg));
        // The query's own middle names and patronymics weigh what the listed ones do; the second syllable of
        // a Korean given name is not a middle name (see [`roles_of`]).
        let korean = q_given == Some(1)
            && qtoks.len() == 3
            && crate::translit::is_korean_surname(&qtoks[0].text)
            && qtoks[1..].iter().all(|t| t.text.len() <= 5);
        for (i, t) in qtoks.iter_mut().enumerate() {
            if normalize::is_patronymic(&t.text) {
                t.weight *= Role::Patronymic.factor();
            } else if q_first.is_some_and(|g| i > g) && !korean {
                t.weight *= Role::Middle.factor();
            }
            if q_given.is_none() && normalize::is_org_word(&t.text) {
                t.weight *= ORG_WORD_WEIGHT;
            }
        }
        Ok(Some(QueryReading {
            q,
            qtoks,
            prepared,
            given: q_given,
            first: q_first,
        }))
    }

    /// Pairs the identifying words left unmatched on both sides by their written similarity (see
    /// [`residual_sim`]), best pair first, each word at most once.
    fn residual_pairs(&self, qtoks: &[QTok], ntoks: &[TokId], al: &mut Alignment) {
        let mut cands: Vec<(f32, LeftoverPair, usize, usize)> = Vec::new();
        for (qi, qt) in qtoks.iter().enumerate() {
            if al.qused[qi] || !residual_word(&qt.text) {
                continue;
            }
            for (ni, &nt) in ntoks.iter().enumerate() {
                if al.nused[ni] || self.stop[nt as usize] {
                    continue;
                }
                let listed = &*self.strs[nt as usize];
                if !residual_word(listed) {
                    continue;
                }
                if let Some((credit, rule)) = abd_left_out(&qt.text, listed) {
                    cands.push((credit, LeftoverPair::AbdLeftOut(rule), qi, ni));
                } else {
                    // The better of the written similarity and the same consonants.
                    match residual_sim(qt, listed) {
                        Some((jw, credit)) if credit >= SAME_CONSONANTS_SIM => {
                            cands.push((credit, LeftoverPair::Similar(jw), qi, ni));
                        }
                        _ if same_consonants(&qt.folded, listed) => {
                            cands.push((SAME_CONSONANTS_SIM, LeftoverPair::SameConsonants, qi, ni));
                        }
                        Some((jw, credit)) => {
                            cands.push((credit, LeftoverPair::Similar(jw), qi, ni));
                        }
                        None => {}
                    }
                }
            }
        }
        cands.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (credit, why, qi, ni) in cands {
            if !al.free(qi..qi + 1, ni..ni + 1) {
                continue;
            }
            let rule = match why {
                LeftoverPair::Similar(jw) => format!("{RESIDUAL_RULE} (Jaro-Winkler {jw:.2})"),
                LeftoverPair::AbdLeftOut(rule) => rule,
                LeftoverPair::SameConsonants => SAME_CONSONANTS_RULE.to_string(),
            };
            al.pair(
                qi..qi + 1,
                ni..ni + 1,
                MatchPart {
                    query: qtoks[qi].text.clone(),
                    listed: self.strs[ntoks[ni] as usize].to_string(),
                    how: MatchKind::Equivalent { rule },
                    similarity: credit,
                },
            );
        }
    }

    /// A person's given or middle name written as its initial on one side (`AL FAWAZ, Khalid Abdulrahman H.` for
    /// AL-FAWAZ, Khalid Abd al-Rahman Hamd; `ALARIFI, Naif Hassan S.` listed for `AL-ARIFI, Nayif Hasan Saad`):
    /// a leftover one-letter word after the family name and a leftover word of three letters or more that
    /// starts with it are paired, with [`INITIAL_SIM`] as credit, named in the explanation. Only a listed
    /// given or middle name, not the family name.
    fn initial_pairs(&self, qtoks: &[QTok], ntoks: &[TokId], roles: &[Role], al: &mut Alignment) {
        let given = |ni: usize| matches!(roles[ni], Role::Given | Role::Middle);
        for (qi, qt) in qtoks.iter().enumerate().skip(1) {
            if al.qused[qi] {
                continue;
            }
            let q = qt.text.as_bytes();
            let Some(ni) = (0..ntoks.len()).find(|&ni| {
                if al.nused[ni] || !given(ni) || self.stop[ntoks[ni] as usize] {
                    return false;
                }
                let l = self.strs[ntoks[ni] as usize].as_bytes();
                (q.len() == 1 && l.len() >= 3 && l[0] == q[0])
                    || (l.len() == 1 && q.len() >= 3 && q[0] == l[0])
            }) else {
                continue;
            };
            let listed = self.strs[ntoks[ni] as usize].to_string();
            al.pair(
                qi..qi + 1,
                ni..ni + 1,
                MatchPart {
                    query: qt.text.clone(),
                    how: MatchKind::Equivalent {
                        rule: format!("initial: {} = {listed}", qt.text),
                    },
                    listed,
                    similarity: INITIAL_SIM,
                },
            );
        }
    }

    /// The listed name (as the list writes it) that the indexed name `nid` was made from.
    fn matched_name(&self, nid: NameId) -> String {
        let rec = &self.names[nid as usize];
        let entry = &self.entries[rec.entry as usize];
        if let Some(name) = Some(rec.whole_name)
            .filter(|&i| i != NOT_A_WHOLE_NAME)
            .and_then(|i| entry.names().nth(usize::from(i)))
        {
            return name.to_string();
        }
        entry
            .names()
            .find(|n| {
                let k = normalize_listed(entry, n);
                k.tokens.len() == rec.tokens.len()
                    && k.tokens
                        .iter()
                        .zip(rec.tokens.iter())
                        .all(|(a, &b)| a.text == *self.strs[b as usize])
            })
            .unwrap_or(&entry.name)
            .to_string()
    }

    fn weight_of(&self, t: TokId) -> f32 {
        self.idf[t as usize]
    }

    /// Looks up each query token: exact and alternative forms, then misspellings through the trigram index.
    fn prepare(&self, q: &Normalized, known: &[QTok]) -> Vec<QTok> {
        q.tokens
            .iter()
            .map(|t| {
                // A word already prepared for another reading of the query (see [`Index::read_query`]).
                if let Some(k) = known.iter().find(|k| k.text == t.text && k.rule == t.rule) {
                    return k.clone();
                }
                let mut matches: Vec<TokMatch> = Vec::new();
                for f in t.forms() {
                    if let Some(&id) = self.vocab.get(f) {
                        if !matches.iter().any(|m| m.0 == id) {
                            matches.push((id, 1.0, 0, None));
                        }
                    }
                }
                for (form, rule) in &t.equivalents {
                    if let Some(&id) = self.vocab.get(form.as_str()) {
                        if !matches.iter().any(|m| m.0 == id) {
                            matches.push((id, EQUIV_GROUP_SIM, 0, Some(rule.as_str().into())));
                        }
                    }
                }
                // The written form of a word the plural stemmer shortened (`younes` for `youne`) finds its
                // romanisation variants too.
                let written = match t.origin {
                    Origin::Latin => t.alts.first().filter(|a| a.ends_with('s')),
                    _ => None,
                };
                // A Mandarin word's keys, read once (see [`translit::mandarin_keys`]), or a word in the Arabic
                // script's (see [`arabic_script::keys`]).
                let script = match &t.origin {
                    Origin::Arabic { written, particle } => {
                        Some((written.as_str(), particle.as_deref()))
                    }
                    _ => None,
                };
                let extra: Vec<translit::Key> = match script {
                    Some(_) => Vec::new(),
                    None if t.stop => Vec::new(),
                    None => translit::mandarin_keys(&t.text),
                };
                let mut routes = ScriptRoutes::default();
                if let (Some((written, particle)), false) = (script, t.stop) {
                    self.script_equivalents(written, particle, &mut matches, &mut routes);
                }
                if !t.stop {
                    self.equivalents(&t.text, &extra, None, &mut matches);
                    if let Some(w) = written {
                        self.equivalents(w, &translit::mandarin_keys(w), None, &mut matches);
                    }
                }
                // The word as its marked letters read (`sečin` = sechin): the same word when the listing
                // writes the reading, and its romanisation variants (`achmatovič` = akhmatovich).
                for (reading, rule) in &t.readings {
                    if let Some(&id) = self.vocab.get(reading.as_str()) {
                        let named = || Some(format!("{rule}: {} = {reading}", t.text).into());
                        match matches.iter_mut().find(|m| m.0 == id) {
                            Some(m) if m.1 >= EQUIV_GROUP_SIM => {}
                            Some(m) => *m = (id, EQUIV_GROUP_SIM, 0, named()),
                            None => matches.push((id, EQUIV_GROUP_SIM, 0, named())),
                        }
                    }
                    if !t.stop {
                        self.equivalents(reading, &[], Some(rule), &mut matches);
                    }
                }
                // A word in the Arabic script is found by its keys only: its text is a reading no one writes.
                if t.text.len() >= 4 && !t.stop && script.is_none() {
                    self.fuzzy(&t.text, &mut matches);
                    if let Some(w) = written {
                        self.fuzzy(w, &mut matches);
                    }
                    if !matches.iter().any(|m| m.1 >= 1.0) {
                        if let Some((canon, d)) = normalize::fuzzy_synonym(&t.text) {
                            if let Some(&id) = self.vocab.get(canon) {
                                if !matches.iter().any(|m| m.0 == id) {
                                    matches.push((id, fuzzy_sim(d, t.text.len()), d, None));
                                }
                            }
                        }
                    }
                }
                let weight = if t.stop {
                    self.max_idf * STOP_WEIGHT * 0.5
                } else {
                    matches
                        .iter()
                        .filter(|m| m.1 >= 0.9)
                        .map(|m| self.weight_of(m.0))
                        .fold(None, |a: Option<f32>, w| Some(a.map_or(w, |a| a.min(w))))
                        .unwrap_or(self.max_idf)
                };
                QTok {
                    // Words matched exactly only are never paired by similarity.
                    folded: if t.text.len() <= MAX_FUZZY_TOKEN_BYTES {
                        crate::translit::fold(&t.text).0
                    } else {
                        String::new()
                    },
                    arabic: script.is_some()
                        || arabic_marker(&t.text)
                        || self
                            .vocab
                            .get(t.text.as_str())
                            .is_some_and(|&id| self.arabic_usage[id as usize]),
                    syllable: translit::is_mandarin_syllable(&t.text),
                    mandarin: !extra.is_empty(),
                    plural: written_plural(t),
                    countries: if normalize::is_place_word(&t.text) {
                        crate::countries::countries_named(&t.text)
                    } else {
                        Vec::new()
                    },
                    script: routes,
                    spellings: match script {
                        Some((written, _)) if !t.stop => arabic_script::keys(written),
                        _ => Vec::new(),
                    },
                    text: t.text.clone(),
                    weight,
                    rule: t.rule.clone(),
                    origin: t.origin.clone(),
                    matches,
                }
            })
            .collect()
    }

    /// Vocabulary tokens that are the same word as `text` under a named rule: a variant group, the
    /// romanisation fold or the vowel skeleton (see [`crate::translit`]); also with an Arabic article written
    /// joined (`alharamein` = `al haramain`).
    /// `read`: the rule that read `text` from the word as written (see [`Token::readings`]), named first in
    /// every rule found.
    fn equivalents(
        &self,
        text: &str,
        extra: &[translit::Key],
        read: Option<&str>,
        matches: &mut Vec<TokMatch>,
    ) {
        let read = read.map(|r| format!("{r}, then ")).unwrap_or_default();
        let mut forms: Vec<(&str, String, bool)> = vec![(text, read.clone(), false)];
        for art in ["al", "el", "ul"] {
            if let Some(rest) = text.strip_prefix(art) {
                if rest.len() >= 4 {
                    forms.push((rest, format!("{read}Arabic article joined: "), true));
                }
            }
        }
        for (form, how, article) in forms {
            // A Mandarin word's keys too, as the word is written (`tantung` = `dandong`), or a word in the
            // Arabic script's.
            let extra = if article { &[] } else { extra };
            let keys: Vec<translit::Key> = translit::keys(form)
                .into_iter()
                .chain(extra.iter().cloned())
                .collect();
            for (lookup, k) in keys
                .iter()
                .flat_map(|k| lookups(&k.key).map(move |l| (l, k)))
            {
                let Some(list) = self.keymap.get(lookup.as_ref()) else {
                    continue;
                };
                let sim = match k.key.as_bytes()[0] {
                    b'g' => EQUIV_GROUP_SIM,
                    b'f' => EQUIV_FOLD_SIM,
                    b'k' | b'n' => EQUIV_KOREAN_INITIALS_SIM,
                    _ => EQUIV_SKELETON_SIM,
                };
                for &tid in list {
                    if let Some(m) = matches.iter_mut().find(|m| m.0 == tid) {
                        if m.1 >= sim {
                            continue;
                        }
                        m.1 = sim;
                        m.2 = 0;
                        m.3 = None;
                    }
                    let listed = &*self.strs[tid as usize];
                    if listed == text {
                        continue;
                    }
                    // The rule on the listed side, for the same key.
                    let theirs = if k.key.starts_with("w:") {
                        translit::mandarin_keys(listed)
                    } else {
                        translit::keys(listed)
                    };
                    let other = theirs
                        .into_iter()
                        .find(|o| o.key == lookup)
                        .map(|o| o.rule)
                        .unwrap_or_default();
                    let rule = match k.key.as_bytes()[0] {
                        b'g' => {
                            let what = k.rule.split(':').next().unwrap_or("variant");
                            // A word in the group by its fold names the fold too.
                            let via = k.rule.find(" (translit: ").map_or("", |i| &k.rule[i..]);
                            format!("{how}{what}: {text} = {listed}{via}")
                        }
                        _ => {
                            let mut r: Vec<&str> = Vec::new();
                            for x in [k.rule.as_str(), other.as_str()] {
                                for part in x.trim_start_matches("translit: ").split(", ") {
                                    if !part.is_empty() && !r.contains(&part) {
                                        r.push(part);
                                    }
                                }
                            }
                            format!("{how}translit: {text} = {listed} ({})", r.join(", "))
                        }
                    };
                    match matches.iter_mut().find(|m| m.0 == tid) {
                        Some(m) => m.3 = Some(rule.into()),
                        None => matches.push((tid, sim, 0, Some(rule.into()))),
                    }
                }
            }
        }
    }

    /// Vocabulary tokens that a word written in the Arabic script reads as: a shared key of
    /// [`arabic_script::keys`] whose long vowels the listed word writes ([`arabic_script::Spelling::agrees`]).
    fn script_equivalents(
        &self,
        written: &str,
        particle: Option<&str>,
        matches: &mut Vec<TokMatch>,
        routes: &mut ScriptRoutes,
    ) {
        // The word without its article (a token of its own), and with it, for listings that write the two
        // joined, and with the particle before it (`ABUBAKAR`); the explanation names the form that was read.
        let body = arabic_script::split_article(written).unwrap_or(written);
        let with_particle = particle.map(|p| format!("{p} {written}"));
        let spellings = arabic_script::keys(body)
            .into_iter()
            .map(|s| (s, body))
            .chain(
                arabic_script::keys_with_article(written)
                    .into_iter()
                    .map(|s| (s, written)),
            )
            .chain(
                particle
                    .zip(with_particle.as_deref())
                    .into_iter()
                    .flat_map(|(p, both)| {
                        arabic_script::keys_after_particle(p, written)
                            .into_iter()
                            .map(move |s| (s, both))
                    }),
            );
        for (spelling, written) in spellings {
            // A listed word in -s is indexed as the plural stemmer shortened it (`ABBAS` as `abba`): the key
            // without its s finds it, checked with the s put back.
            let stemmed = spelling
                .key
                .strip_suffix("as")
                .filter(|k| k.len() >= 2)
                .map(|k| format!("{k}a"));
            let lookups =
                std::iter::once((spelling.key.clone(), false)).chain(stemmed.map(|k| (k, true)));
            for (key, stemmed) in lookups {
                let Some(list) = self.keymap.get(format!("a:{key}").as_str()) else {
                    continue;
                };
                self.script_matches(written, &spelling, list, stemmed, matches, routes);
            }
        }
    }

    /// The vocabulary tokens of `list` (sharing a key with `spelling`) whose long vowels agree with it, added to
    /// `matches` and to the route of `routes` they were met by; `stemmed`: each is compared with an s put back,
    /// when the plural stemmer took it away.
    fn script_matches(
        &self,
        written: &str,
        spelling: &arabic_script::Spelling,
        list: &[TokId],
        stemmed: bool,
        matches: &mut Vec<TokMatch>,
        routes: &mut ScriptRoutes,
    ) {
        for &tid in list {
            let listed = &*self.strs[tid as usize];
            let as_written = if stemmed {
                let plural = format!("{listed}s");
                if normalize::canonical(&plural) != [listed] {
                    continue;
                }
                plural
            } else {
                listed.to_string()
            };
            if !arabic_script::latin_keys(&as_written)
                .iter()
                .any(|l| spelling.agrees(l))
            {
                continue;
            }
            let route = if stemmed {
                &mut routes.with_s
            } else {
                &mut routes.plain
            };
            if !route.contains(&tid) {
                route.push(tid);
            }
            if matches
                .iter()
                .any(|m| m.0 == tid && m.1 >= EQUIV_SKELETON_SIM)
            {
                continue;
            }
            let rule = format!("{}: {written} = {as_written}", arabic_script::RULE);
            match matches.iter_mut().find(|m| m.0 == tid) {
                Some(m) => *m = (tid, EQUIV_SKELETON_SIM, 0, Some(rule.into())),
                None => matches.push((tid, EQUIV_SKELETON_SIM, 0, Some(rule.into()))),
            }
        }
    }

    fn fuzzy(&self, text: &str, matches: &mut Vec<TokMatch>) {
        if text.len() > MAX_FUZZY_TOKEN_BYTES {
            return;
        }
        let maxd = max_edits(text.len());
        // One edit: the deletion index finds every candidate.
        for d in deletions(text) {
            if let Some(list) = self.deletions.get(d.as_str()) {
                for &t in list {
                    if matches.iter().any(|m| m.0 == t) {
                        continue;
                    }
                    let cand = &*self.strs[t as usize];
                    if normalize::osa_within(text, cand, 1) == Some(1) && max_edits(cand.len()) >= 1
                    {
                        // One vowel written as another (Jaber / Jabir, Laden / Ladin, Uday / Udai): a
                        // transliteration difference more than a misspelling.
                        match vowel_swap(text, cand) {
                            Some((a, b)) => matches.push((
                                t,
                                EQUIV_SKELETON_SIM,
                                0,
                                Some(format!("translit: {text} = {cand} (vowel {a} = {b})").into()),
                            )),
                            // Another first consonant in a short word is another name more often than a
                            // slip (`NAZIR` / WAZIR, `KAING` / NAING, `JHAN` / KHAN): the ways romanisations
                            // write a first consonant differently are the folds' and the tables' to say.
                            None if first_consonant_differs(text, cand) => {}
                            None => {
                                matches.push((t, fuzzy_sim(1, text.len().max(cand.len())), 1, None))
                            }
                        }
                    }
                }
            }
        }
        if maxd < 2 {
            return;
        }
        // Two or more edits (long words): shared character trigrams, then the letters each word has more of
        // than the other (an edit changes that count by one at most, on each side: a cheap bound that rules out
        // most of the words the trigram filter lets through before their edit distance is computed).
        let letters = letter_counts(text);
        let keys = trigram_keys(text);
        let need = keys.len().saturating_sub(3 * maxd).max(2);
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let (_, _, counts, touched) = &mut *s;
            if counts.len() < self.strs.len() {
                counts.resize(self.strs.len(), 0);
            }
            touched.clear();
            for k in &keys {
                if let Some(list) = self.trigrams.get(k) {
                    for &t in list {
                        let c = &mut counts[t as usize];
                        if *c == 0 {
                            touched.push(t);
                        }
                        *c = c.saturating_add(1);
                    }
                }
            }
            for &t in touched.iter() {
                let c = counts[t as usize] as usize;
                counts[t as usize] = 0;
                if c < need {
                    continue;
                }
                let cand = &*self.strs[t as usize];
                if cand.len().abs_diff(text.len()) > maxd || matches.iter().any(|m| m.0 == t) {
                    continue;
                }
                if let (Some(a), Some(b)) = (&letters, letter_counts(cand)) {
                    if letters_apart(a, &b) > maxd {
                        continue;
                    }
                }
                let Some(d) =
                    normalize::osa_within(text, cand, maxd.min(max_edits(cand.len()).max(1)))
                else {
                    continue;
                };
                if d == 0 {
                    continue;
                }
                let sim = fuzzy_sim(d, text.len().max(cand.len()));
                matches.push((t, sim, d, None));
            }
        });
    }

    /// The candidate names: posting lists of the matched tokens (common tokens only when nothing rarer matched),
    /// acronyms and compact forms; the best by summed token weight.
    fn candidates(&self, q: &Normalized, qtoks: &[QTok]) -> Vec<NameId> {
        let total = self.names.len() as f32;
        let common = (total * COMMON_SHARE).max(50.0) as usize;
        let has_rare = qtoks.iter().any(|t| {
            t.matches
                .iter()
                .any(|m| self.postings[m.0 as usize].len() <= common)
        });
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let (acc, touched, _, _) = &mut *s;
            if acc.len() < self.names.len() {
                acc.resize(self.names.len(), 0.0);
            }
            touched.clear();
            let add = |nid: NameId, w: f32, acc: &mut Vec<f32>, touched: &mut Vec<u32>| {
                let a = &mut acc[nid as usize];
                if *a == 0.0 {
                    touched.push(nid);
                }
                *a += w;
            };
            for t in qtoks {
                for &(tid, sim, _, _) in &t.matches {
                    let list = &self.postings[tid as usize];
                    if has_rare && list.len() > common {
                        continue;
                    }
                    let w = t.weight.max(0.01) * sim;
                    for &nid in list {
                        add(nid, w, acc, touched);
                    }
                }
                if (2..=8).contains(&t.text.len())
                    && t.text.bytes().all(|b| b.is_ascii_alphabetic())
                {
                    if let Some(list) = self.acronyms.get(t.text.as_str()) {
                        for &nid in list {
                            add(nid, t.weight * 0.9, acc, touched);
                        }
                    }
                }
            }
            // Words written joined on one side and apart on the other (`TIDE WATER` for TIDEWATER, `GREENWAVE` for
            // GREEN WAVE): [`Self::score`] pairs them, but neither form finds the other's names by itself.
            let mut joined_ids: Vec<(TokId, f32)> = Vec::new();
            // A word no listed word is written as: a typo may be in it.
            let unknown = |t: &QTok| !t.matches.iter().any(|m| m.1 >= 1.0);
            for (i, t) in qtoks.iter().enumerate() {
                let mut joined = t.text.clone();
                let mut weight = t.weight;
                let mut typo = unknown(t);
                let mut syllables = t.syllable;
                for next in qtoks.iter().skip(i + 1).take(2) {
                    joined.push_str(&next.text);
                    weight += next.weight;
                    typo |= unknown(next);
                    syllables &= next.syllable;
                    if let Some(&tid) = self.vocab.get(joined.as_str()) {
                        joined_ids.push((tid, weight));
                    } else if joined.len() >= 6 {
                        // Joined and written as a romanisation writes them (`MEEN PHARMA` for MAINPHARMA):
                        // the listed words that share a fold or vowel-skeleton key with the joined form.
                        // Only the two keys wanted, not all of [`translit::keys`] (this runs for every
                        // pair of words of every query).
                        let (fold, _) = translit::fold(&joined);
                        let skeleton = translit::skeleton(&fold).map(|s| format!("s:{s}"));
                        // And Mandarin syllables written apart in Wade-Giles, joined in pinyin (`TAN-TUNG`
                        // for DANDONG).
                        let mandarin = if syllables {
                            translit::mandarin_keys(&joined)
                        } else {
                            Vec::new()
                        }
                        .into_iter()
                        .map(|k| k.key);
                        for key in std::iter::once(format!("f:{fold}"))
                            .chain(skeleton)
                            .chain(mandarin)
                        {
                            if let Some(list) = self.keymap.get(key.as_str()) {
                                if list.len() <= JOINED_KEY_MAX_WORDS {
                                    joined_ids.extend(list.iter().map(|&tid| (tid, weight)));
                                }
                            }
                        }
                        // ... or one letter off, as [`joined_alike`] pairs them (`ABDLU RAHMAN`), when a word
                        // of the run is written as no listed word is.
                        if typo
                            && (JOINED_FUZZY_MIN_LEN..=MAX_FUZZY_TOKEN_BYTES)
                                .contains(&joined.len())
                        {
                            for d in deletions(&joined) {
                                for &tid in self.deletions.get(d.as_str()).into_iter().flatten() {
                                    let word = &*self.strs[tid as usize];
                                    if word.len() >= JOINED_FUZZY_MIN_LEN
                                        && normalize::osa_within(&joined, word, 1).is_some()
                                    {
                                        joined_ids.push((tid, weight));
                                    }
                                }
                            }
                        }
                    }
                }
                if t.text.len() >= 6 && !t.matches.iter().any(|m| m.1 >= 1.0) {
                    for cut in 2..t.text.len() - 1 {
                        let (a, b) = t.text.split_at(cut);
                        if let (Some(&ta), Some(&tb)) = (self.vocab.get(a), self.vocab.get(b)) {
                            joined_ids.push((ta, t.weight * 0.5));
                            joined_ids.push((tb, t.weight * 0.5));
                        }
                    }
                }
            }
            for (tid, w) in joined_ids {
                let list = &self.postings[tid as usize];
                if has_rare && list.len() > common {
                    continue;
                }
                for &nid in list {
                    add(nid, w, acc, touched);
                }
            }
            if let Some(list) = self.compact.get(q.compact().as_str()) {
                for &nid in list {
                    add(nid, 1000.0, acc, touched);
                }
            }
            // A listed name that is the query's initials (`CRYMSA` for a company whose words start so): only a
            // one-word name can be an acronym ([`Self::score`] pairs no other), and the initials of two words
            // are often a word of many names (`sa`, `de`, `al`), whose names would crowd the query's own
            // candidates out of the [`MAX_CANDIDATES`] kept.
            for acr in acronyms(q) {
                if let Some(&tid) = self.vocab.get(acr.as_str()) {
                    for &nid in &self.postings[tid as usize] {
                        if self.names[nid as usize].tokens.len() == 1 {
                            add(nid, self.max_idf, acc, touched);
                        }
                    }
                }
            }
            let mut cands: Vec<(f32, NameId)> =
                touched.iter().map(|&n| (acc[n as usize], n)).collect();
            for &n in touched.iter() {
                acc[n as usize] = 0.0;
            }
            let qweight: f32 = qtoks.iter().map(|t| t.weight).sum();
            let floor = qweight * 0.3;
            cands.retain(|c| c.0 >= floor);
            if cands.len() > MAX_CANDIDATES {
                cands.select_nth_unstable_by(MAX_CANDIDATES, |a, b| b.0.total_cmp(&a.0));
                cands.truncate(MAX_CANDIDATES);
            }
            cands.into_iter().map(|c| c.1).collect()
        })
    }

    /// Aligns query and listed tokens and computes the score with its explanation.
    fn score(
        &self,
        q: &Normalized,
        qtoks: &[QTok],
        q_given: Option<usize>,
        q_first: Option<usize>,
        rec: &NameRec,
    ) -> (f32, Explanation) {
        let ntoks: &[TokId] = &rec.tokens;
        let nstr = |i: usize| &*self.strs[ntoks[i] as usize];
        // Candidate pairs: (similarity, query range, name range, kind)
        let mut pairs: Vec<Pair> = Vec::new();
        for (qi, qt) in qtoks.iter().enumerate() {
            for (ni, &nt) in ntoks.iter().enumerate() {
                if let Some((_, sim, edits, rule)) = qt.matches.iter().find(|m| m.0 == nt) {
                    // Two Mandarin syllables one letter apart are two names, not a misspelling (`WANG` is not
                    // KANG, `ZHANG` not ZHANG's neighbour CHANG unless a romanisation table says so).
                    if *edits > 0
                        && rule.is_none()
                        && qt.syllable
                        && self.mandarin_syllable[nt as usize]
                    {
                        continue;
                    }
                    // ... and two places one letter apart two places (`IRAQ` is not IRAN, `OMAN` not AMAN).
                    if *edits > 0
                        && rule.is_none()
                        && normalize::is_place_word(&qt.text)
                        && normalize::is_place_word(nstr(ni))
                    {
                        continue;
                    }
                    // A word in the script meets a listed word only as the listing writes it, with or without
                    // the s the stemmer took away.
                    if rule
                        .as_deref()
                        .is_some_and(|r| r.starts_with(arabic_script::RULE))
                    {
                        let routes = if rec.plural & (1 << ni) != 0 {
                            &qt.script.with_s
                        } else {
                            &qt.script.plain
                        };
                        if !routes.contains(&nt) {
                            continue;
                        }
                    }
                    let (mut sim, edits) = (*sim, *edits);
                    // A misspelling scores at least what its written similarity gives a leftover pair
                    // ([`residual_sim`]): edits in a long word of similar letters (`HAMEIAH` / HAMIEH, `TIURINE`
                    // / TYURIN) cost less than the edit count says.
                    let similar = if rule.is_none() && edits > 0 {
                        residual_sim(qt, nstr(ni)).filter(|&(_, credit)| credit > sim)
                    } else {
                        None
                    };
                    // The same stem, a final s written on one side only: the same word when it is a common
                    // word of a company's name (`FOODS` / FOOD), else worth a one-letter misspelling, as it
                    // may be another name (`HAMA` is not HAMAS; measured at 0.94 too, which let `KINGS ROMAN`
                    // hit KING ROMANS, another listed company).
                    let plural = edits == 0
                        && rule.is_none()
                        && nstr(ni) == qt.text
                        && plural_differs(qt.plural, rec.plural & (1 << ni) != 0, nstr(ni));
                    if plural {
                        sim = fuzzy_sim(1, qt.text.len() + 1);
                    }
                    let how = if plural {
                        MatchKind::Equivalent {
                            rule: format!("{PLURAL_RULE}: {}", nstr(ni)),
                        }
                    } else if let Some((jw, credit)) = similar {
                        sim = credit;
                        MatchKind::Equivalent {
                            rule: format!("{RESIDUAL_RULE} (Jaro-Winkler {jw:.2})"),
                        }
                    } else if let Some(rule) = rule {
                        MatchKind::Equivalent {
                            rule: rule.to_string(),
                        }
                    } else if edits > 0 {
                        MatchKind::Fuzzy { edits }
                    } else {
                        match &qt.origin {
                            Origin::Latin | Origin::Arabic { .. } => MatchKind::Exact,
                            Origin::Translated(h) => MatchKind::Translated { hanzi: h.clone() },
                            Origin::Pinyin(h) => MatchKind::Pinyin { hanzi: h.clone() },
                        }
                    };
                    pairs.push((sim, (qi, qi + 1), (ni, ni + 1), how));
                }
            }
            // A query word = several listed words joined, as written or as a romanisation writes them; from
            // four letters, for the Persian ezafe written apart or joined (`ASR-E SANAT` = ASRE SANAT).
            if qt.text.len() >= 4 {
                for start in 0..ntoks.len() {
                    let mut joined = String::new();
                    for end in start..ntoks.len().min(start + 3) {
                        joined.push_str(nstr(end));
                        if end > start {
                            // Mandarin syllables written apart in the listing (Wade-Giles) and joined in the
                            // query (pinyin), when each listed part is one syllable.
                            let mandarin = || {
                                (qt.mandarin
                                    && (start..=end)
                                        .all(|i| self.mandarin_syllable[ntoks[i] as usize]))
                                .then(|| joined_mandarin(&joined, &qt.text))
                                .flatten()
                            };
                            // A word in the script that a listing writes as two (Persian writes
                            // محمدرضا, Mohammadreza, joined; lists write MOHAMMAD REZA), met by its keys.
                            let script = || {
                                (!qt.spellings.is_empty()
                                    && arabic_script::latin_keys_joined(
                                        &(start..=end).map(nstr).collect::<Vec<_>>(),
                                    )
                                    .iter()
                                    .any(|l| qt.spellings.iter().any(|s| s.agrees(l))))
                                .then(|| {
                                    let Origin::Arabic { written, .. } = &qt.origin else {
                                        return (EQUIV_SKELETON_SIM, MatchKind::Joined);
                                    };
                                    let words: Vec<&str> = (start..=end).map(nstr).collect();
                                    (
                                        EQUIV_SKELETON_SIM,
                                        MatchKind::Equivalent {
                                            rule: format!(
                                                "joined/split words, {}: {written} = {}",
                                                arabic_script::RULE,
                                                words.join(" ")
                                            ),
                                        },
                                    )
                                })
                            };
                            if let Some((sim, how)) = joined_alike(&joined, &qt.text)
                                .or_else(mandarin)
                                .or_else(script)
                            {
                                pairs.push((sim, (qi, qi + 1), (start, end + 1), how));
                            }
                        }
                        if joined.len() >= qt.text.len() + JOINED_SLACK {
                            break;
                        }
                    }
                }
            }
        }
        // A listed word = several query words joined.
        for (ni, _) in ntoks.iter().enumerate() {
            let target = nstr(ni);
            if target.len() < 4 {
                continue;
            }
            for start in 0..qtoks.len() {
                let mut joined = String::new();
                for (end, qt) in qtoks.iter().enumerate().skip(start).take(3) {
                    joined.push_str(&qt.text);
                    if end > start {
                        // And the other way round: the query's syllables apart, the listing's joined.
                        let mandarin = || {
                            (self.mandarin_word[ntoks[ni] as usize]
                                && qtoks[start..=end].iter().all(|t| t.syllable))
                            .then(|| joined_mandarin(&joined, target))
                            .flatten()
                        };
                        if let Some((sim, how)) = joined_alike(&joined, target).or_else(mandarin) {
                            pairs.push((sim, (start, end + 1), (ni, ni + 1), how));
                        }
                    }
                    if joined.len() >= target.len() + JOINED_SLACK {
                        break;
                    }
                }
            }
        }
        // Acronyms, whole-name only.
        let name_significant: Vec<usize> = (0..ntoks.len())
            .filter(|&i| !self.stop[ntoks[i] as usize])
            .collect();
        if qtoks.len() == 1 && name_significant.len() >= 2 {
            let t = &qtoks[0].text;
            let initials: String = name_significant
                .iter()
                .filter_map(|&i| nstr(i).chars().next())
                .collect();
            let with_legal: String = initials
                .chars()
                .chain(rec.legal.iter().filter_map(|l| l.chars().next()))
                .collect();
            if *t == initials || *t == with_legal {
                pairs.push((ACRONYM_SIM, (0, 1), (0, ntoks.len()), MatchKind::Acronym));
            }
        }
        if ntoks.len() == 1 && qtoks.len() >= 2 {
            let initials: String = qtoks
                .iter()
                .filter(|t| !normalize::is_stop(&t.text))
                .filter_map(|t| t.text.chars().next())
                .collect();
            let with_legal: String = initials
                .chars()
                .chain(q.legal.iter().filter_map(|l| l.chars().next()))
                .collect();
            let t = nstr(0);
            if initials.len() >= 2 && (t == initials || t == with_legal) {
                pairs.push((ACRONYM_SIM, (0, qtoks.len()), (0, 1), MatchKind::Acronym));
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut al = Alignment::new(qtoks.len(), ntoks.len());
        for (sim, (qa, qb), (na, nb), how) in pairs {
            if !al.free(qa..qb, na..nb) {
                continue;
            }
            al.pair(
                qa..qb,
                na..nb,
                MatchPart {
                    // A word matched exactly in its written form, which the query's reading rewrote (a plural
                    // made singular, an abbreviation expanded: `ABBAS`, `Dev` in a listed person's name), is
                    // shown as written.
                    query: if matches!(how, MatchKind::Exact) && qb - qa == 1 && nb - na == 1 {
                        nstr(na).to_string()
                    } else {
                        qtoks[qa..qb]
                            .iter()
                            .map(|t| t.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    },
                    listed: (na..nb).map(nstr).collect::<Vec<_>>().join(" "),
                    how,
                    similarity: sim,
                },
            );
        }
        // The words left over on both sides after the alignment, paired by how alike they are written as a
        // whole (Jaro-Winkler of their transliteration folds): spellings further apart than the misspelling
        // and fold rules reach (`UKHNALEV` / UKHNALYOVA, `PHITCHAYOT` / PICHAYOS, `PUANGPETCH` / PHUANGPHET) still say
        // more than a word with no counterpart at all. Partial credit, named in the explanation.
        self.residual_pairs(qtoks, ntoks, &mut al);
        if rec.roles.contains(&Role::Given) {
            self.initial_pairs(qtoks, ntoks, &rec.roles, &mut al);
        }
        let Alignment {
            qused,
            nused,
            qsim,
            nsim,
            nq,
            matched,
        } = al;
        // A place word the query adds to a listed company's name (`SHANGHAI`, `LEBANESE`) says where, not who:
        // it weighs little. Not when it stands for a place of the listed name's own (`BANCO NACIONAL DE
        // MEXICO` is not `BANCO NACIONAL DE CUBA`).
        let person = rec.roles.contains(&Role::Given);
        let other_place = (0..ntoks.len()).any(|i| !nused[i] && normalize::is_place_word(nstr(i)));
        // A place word that names a country where the listed party has no address names another party of that
        // name (`INDUSTRIAL BANK OF KOREA` is not the Syrian INDUSTRIAL BANK): it counts in full.
        let listed_countries = &self.entries[rec.entry as usize].countries;
        let place_elsewhere = |i: usize| {
            let named = &qtoks[i].countries;
            !person
                && !qused[i]
                && !named.is_empty()
                && !listed_countries.is_empty()
                && !named
                    .iter()
                    .any(|c| listed_countries.iter().any(|l| l == c))
        };
        let place_added = |i: usize| {
            !person
                && !other_place
                && !qused[i]
                && normalize::is_place_word(&qtoks[i].text)
                && !place_elsewhere(i)
        };
        // A word that says what kind of bank it is names another bank (`TOURISM DEVELOPMENT BANK`, a bank of
        // Nepal, is not the listed TOURISM BANK): not a generic word added.
        let kind_of_bank = |i: usize| {
            qtoks
                .get(i + 1)
                .is_some_and(|t| matches!(t.text.as_str(), "bank" | "banking"))
        };
        // A vessel is named by its name alone: a word of what a company does added to it names a company
        // (`VICTORY TRADING` is not the vessel once named VICTORY).
        let vessel = self.entries[rec.entry as usize]
            .kind
            .as_deref()
            .is_some_and(|k| k.eq_ignore_ascii_case("vessel"));
        // Sayyid, which the listed person's name does not write, is the honorific before it (`Seyyed Ali
        // Khamenei` for KHAMENEI, Ali Husseini): set aside as a title is.
        let sayyid_added = |i: usize| person && !qused[i] && normalize::is_sayyid(&qtoks[i].text);
        let generic_added = |i: usize| {
            !person
                && !vessel
                && !qused[i]
                && !place_added(i)
                && !kind_of_bank(i)
                && normalize::is_generic(&qtoks[i].text)
        };
        // The listed family name written last among the query's given names, the query's own one-word
        // family part another family name of the person's (`ARDAKANI, Mehdi Hosein Ebrahimzadeh` for
        // EBRAHIMZADEH, Mahdi; `CHENARI, Hamed Ahmad Ali Dehghan` for DEHGHAN, Hamed): the query's family word
        // then weighs as a second family name. Only when the listed first given name is the query's first
        // given name, the listed family name is one word, distinctive (a father's name as common as Ibrahim
        // names too many people) and not Muhammad, and it is the query's last word.
        let listed_given_at = rec.roles.iter().position(|r| *r == Role::Given);
        let family_moved = person
            && q_given == Some(1)
            && !qused[0]
            && qtoks.len() >= 3
            && listed_given_at.is_some_and(|g| {
                nused[g] && Some(nq[g]) == q_first && !normalize::is_name_prefix(nstr(g))
            })
            && {
                let mut core = (0..ntoks.len())
                    .filter(|&i| rec.roles[i] == Role::Core && !self.stop[ntoks[i] as usize]);
                match (core.next(), core.next()) {
                    (Some(c), None) => {
                        nused[c]
                            && nq[c] == qtoks.len() - 1
                            && self.weight_of(ntoks[c]) >= DISTINCTIVE_SHARE * self.max_idf
                            && !normalize::is_name_prefix(nstr(c))
                    }
                    _ => false,
                }
            };
        // A person named by the chain of given, father's and grandfather's names (the nasab of Arabic usage)
        // with another family name before it: a tribal, place or clan name (the nisba) that one record writes
        // and another replaces (`AL-BAYJAT, Bashar Sabawi Ibrahim Hasan` for AL-TIKRITI, Bashar Sabawi Ibrahim
        // Hasan; `AL-ISSAWI, Ahmad Khalaf Shabib` for AL-DULAYMI, Ahmad Khalaf Shabib). Every identifying word
        // after the query's comma matched, three or more, in the listed order and starting with the listed first
        // given name (a brother has the same father's and grandfather's names but another name of his own), one
        // of them distinctive (a chain of names as common as Muhammad Ahmad Ali names many people), no family
        // word matched on either side, and the Arabic article in one of the family names: the family names then
        // weigh [`CHAIN_FAMILY`], and the father's and grandfather's names as much as the given name.
        let chain = person
            && q_given.is_some_and(|qg| {
                let given: Vec<usize> = (qg..qtoks.len())
                    .filter(|&i| !normalize::is_stop(&qtoks[i].text))
                    .collect();
                // The query words the listed given and middle names matched, in the listed order.
                let order: Vec<usize> = (0..ntoks.len())
                    .filter(|&ni| nused[ni] && matches!(rec.roles[ni], Role::Given | Role::Middle))
                    .map(|ni| nq[ni])
                    .collect();
                qg >= 1
                    && given.len() >= CHAIN_MIN_NAMES
                    && order == given
                    && listed_given_at.is_some_and(|g| nused[g] && nq[g] == given[0])
                    && (0..ntoks.len()).any(|ni| {
                        nused[ni]
                            && matches!(rec.roles[ni], Role::Given | Role::Middle)
                            && self.weight_of(ntoks[ni]) >= DISTINCTIVE_SHARE * self.max_idf
                            && !normalize::is_name_prefix(nstr(ni))
                    })
                    && (0..qg).all(|i| !qused[i] || normalize::is_stop(&qtoks[i].text))
                    // The nisba is written with the Arabic article on one side at least (AL-TIKRITI,
                    // AL-ISSAWI): a chain of Western or Burmese given names (`Fritz Martin Abdullah`, `Khin
                    // Thiri Thet`) under another family name is not this naming usage.
                    && ((0..qg).any(|i| qtoks[i].text == "al")
                        || (0..ntoks.len())
                            .any(|i| rec.roles[i] == Role::Core && nstr(i) == "al"))
            })
            && (0..ntoks.len())
                .all(|i| rec.roles[i] != Role::Core || !nused[i] || self.stop[ntoks[i] as usize]);
        let q_second = query_second_family(q_given, qtoks);
        // A married woman's name in Spanish usage, `PATERNAL DE HUSBAND'S` (`NASSER DE HASBUN` for NASSER ARANA):
        // the husband's family name replaces the mother's, and neither says who she is as the paternal one does.
        let married = q_given == Some(3) && qtoks.get(1).is_some_and(|t| t.text == "de") && person;
        let q_second = |i: usize| {
            (q_second.contains(&i) && !qused[i] && (q_second.len() == 1 || qused[0]))
                || (family_moved && i == 0)
        };
        let qweight = |i: usize| {
            if chain {
                return match q_given {
                    Some(qg) if i < qg => qtoks[i].weight * CHAIN_FAMILY,
                    Some(qg) if i > qg && !normalize::is_patronymic(&qtoks[i].text) => {
                        qtoks[i].weight / Role::Middle.factor()
                    }
                    _ => qtoks[i].weight,
                };
            }
            if q_second(i) {
                qtoks[i].weight
                    * if married {
                        MARRIED_NAME_WEIGHT
                    } else {
                        SECOND_FAMILY_OMITTED
                    }
            } else if place_added(i) {
                qtoks[i].weight * PLACE_WORD_WEIGHT
            } else if generic_added(i) {
                qtoks[i].weight * GENERIC_ADDED_WEIGHT
            } else if sayyid_added(i) {
                qtoks[i].weight * STOP_WEIGHT
            } else {
                qtoks[i].weight
            }
        };
        let qw: f32 = (0..qtoks.len()).map(qweight).sum();
        let qcov = if qw > 0.0 {
            (0..qtoks.len()).map(|i| qweight(i) * qsim[i]).sum::<f32>() / qw
        } else {
            0.0
        };
        // A person named by the given name and a later name of the listing (the father's or grandfather's
        // name, the nasab of Arabic usage), written as the family name, with the listed family name (a
        // tribal or place name, the nisba) left out: `KHALFAN, Ahmed` for GHAILANI, Ahmed Khalfan;
        // `AZIZULLAH, Haji` for ALIZAI, Haji Azizullah. Every query word matched, the listed first given name
        // too, by the query's first given name, each word of the query's family part matched to a listed
        // middle name and distinctive (a father's name as common as Muhammad or Ahmad names too many
        // people: measured on the tuning half) and not Muhammad or Sayyid in any spelling, no listed
        // family word.
        let listed_given = rec.roles.iter().position(|r| *r == Role::Given);
        let family_omitted = person
            && qused.iter().all(|&u| u)
            && q_given.is_some_and(|qg| {
                qg >= 1
                    && listed_given.is_some_and(|g| nused[g] && Some(nq[g]) == q_first)
                    && (0..qg).all(|qi| {
                        qtoks[qi].weight >= DISTINCTIVE_SHARE * self.max_idf
                            && !normalize::is_name_prefix(&qtoks[qi].text)
                            && (0..ntoks.len())
                                .any(|ni| nq[ni] == qi && rec.roles[ni] == Role::Middle)
                    })
            })
            && (0..ntoks.len()).all(|i| rec.roles[i] != Role::Core || !nused[i]);
        let nweight = |i: usize| {
            if chain {
                return match rec.roles[i] {
                    Role::Core | Role::SecondFamily => self.weight_of(ntoks[i]) * CHAIN_FAMILY,
                    Role::Middle if nused[i] => self.weight_of(ntoks[i]),
                    role => self.weight_of(ntoks[i]) * role.factor(),
                };
            }
            let w = self.weight_of(ntoks[i]) * rec.roles[i].factor();
            if rec.roles[i] == Role::SecondFamily && !nused[i] {
                w * if married {
                    MARRIED_NAME_WEIGHT
                } else {
                    SECOND_FAMILY_OMITTED
                }
            } else if family_omitted && rec.roles[i] == Role::Core && !self.stop[ntoks[i] as usize]
            {
                w * FAMILY_OMITTED
            } else {
                w
            }
        };
        let nw: f32 = (0..ntoks.len()).map(nweight).sum();
        let ncov = if nw > 0.0 {
            (0..ntoks.len()).map(|i| nweight(i) * nsim[i]).sum::<f32>() / nw
        } else {
            0.0
        };
        let mut notes = Vec::new();
        if chain {
            let family = |words: Vec<&str>| words.join(" ");
            notes.push(format!(
                "family name written differently, the given, father's and grandfather's names matched in order: \
                 {} / {}",
                family(
                    (0..q_given.unwrap_or(0))
                        .map(|i| qtoks[i].text.as_str())
                        .filter(|w| !normalize::is_stop(w))
                        .collect()
                ),
                family(
                    (0..ntoks.len())
                        .filter(|&i| rec.roles[i] == Role::Core && !self.stop[ntoks[i] as usize])
                        .map(nstr)
                        .collect()
                ),
            ));
        }
        for (i, role) in rec.roles.iter().enumerate() {
            if nused[i] {
                continue;
            }
            match role {
                Role::Patronymic => notes.push(format!("patronymic omitted: {}", nstr(i))),
                Role::Middle => notes.push(format!("middle name omitted: {}", nstr(i))),
                Role::SecondFamily => {
                    notes.push(format!("second family name omitted: {}", nstr(i)))
                }
                Role::Core if family_omitted && !self.stop[ntoks[i] as usize] => {
                    notes.push(format!(
                        "family name omitted (named by given and father's names): {}",
                        nstr(i)
                    ))
                }
                Role::Core | Role::Given => {}
            }
        }
        let mut score = 0.7 * qcov + 0.3 * ncov;
        // The listed name found whole within a longer query.
        let matched_listed: Vec<usize> = (0..ntoks.len())
            .filter(|&i| nused[i] && !self.stop[ntoks[i] as usize])
            .collect();
        let matched_weight: f32 = matched_listed
            .iter()
            .map(|&i| self.weight_of(ntoks[i]))
            .sum();
        // A query `FAMILY, Other Given ...` whose first given name is unmatched while the listed first given
        // name matches a later query word names someone else of the family (Arabic names carry the father's
        // name after the person's own): no whole-name credit. Not when the family part has two words or more
        // (Spanish usage, `TREVINO MORALES, Oscar Omar`): there a word before the listed given name is a
        // second given name, when the listed given name is among the query's given names (measured on the
        // tuning half: 12 more aliases found for one more wrong-party hit).
        // ... only in Arabic naming usage, where a name before the person's own is a son's: a Western, African
        // or Burmese given name or title before the listed ones is the person's own (`NTAGANDA, Jean Bosco` for
        // NTAGANDA, Bosco; `MYINT, Saw Tun Aung` for MYINT, Tun Aung; measured on the tuning half).
        let arabic = || {
            qtoks.iter().any(|t| t.arabic) || ntoks.iter().any(|&t| self.arabic_usage[t as usize])
        };
        // The query's first given name is past titles and particles (`AL-ALI, Dr. Hamed Abdullah`: Dr. is
        // nobody's name, see [`first_given`]).
        let relative = match (q_given, q_first, listed_given) {
            (Some(qg), Some(first), Some(g)) => {
                first < qtoks.len()
                    && !qused[first]
                    && !normalize::is_name_prefix(&qtoks[first].text)
                    && nused[g]
                    && (nq[g] < qg
                        || qtoks[..qg]
                            .iter()
                            .filter(|t| !normalize::is_stop(&t.text))
                            .count()
                            < 2)
                    && arabic()
            }
            // A query without a comma: its first word is the person's own given name when it is not matched
            // and the listed given name comes later in it. The Arabic script writes names so, the person's
            // given name first and no family part before it (`علي برزان إبراهيم حسن التكريتي`, Ali son of
            // Barzan, against AL-TIKRITI, Barzan Ibrahim Hassan, his father), and so does the UN list in its
            // romanised names. Written family name first without a comma, the first word is the family name,
            // matched, and the rule does not apply. (Measured: romanised given-name-swapped UN names hit the
            // SDN list 50 times in 275 without it, 29 with it; no alias of OFAC's or the UN's lost.)
            (None, _, Some(g)) => {
                let first = first_given(qtoks, 0);
                first < qtoks.len()
                    && !qused[first]
                    && !normalize::is_name_prefix(&qtoks[first].text)
                    && nused[g]
                    && nq[g] > first
                    && arabic()
            }
            _ => false,
        };
        // For a company, extra words often name another company ("Tourism Development Bank" is not
        // "Tourism Bank"): it needs two distinctive words (rare in the list) of its own matched.
        let is_distinctive = |i: usize| {
            !self.stop[ntoks[i] as usize]
                && !normalize::is_generic(nstr(i))
                && self.weight_of(ntoks[i]) >= DISTINCTIVE_SHARE * self.max_idf
        };
        let distinctive = matched_listed
            .iter()
            .filter(|&&i| is_distinctive(i))
            .count();
        // A one-word listed name within a longer query gets no whole-name credit, however rare its word in the
        // list: "Pioneer Foods Company" is not the listed PIONEER (measured on the generated negatives: a rule
        // that allowed it when the other words were generic found 15 more aliases and made 6 false hits in 300
        // unrelated company names).
        // ... and only when the query is longer: a word of its own left over (`HARDAN, As'ad` against HASAN,
        // As'ad pairs every word, one only by its written similarity; nothing is found whole).
        let longer = (0..qtoks.len()).any(|i| !qused[i] && !normalize::is_stop(&qtoks[i].text));
        if !relative
            && longer
            && matched_listed.len() >= WHOLE_NAME_MIN_TOKENS
            && matched_weight
                >= if person {
                    PERSON_WHOLE_NAME_WEIGHT
                } else {
                    1.0
                } * self.max_idf
            && (person || distinctive >= 2)
        {
            let whole = 0.3 * qcov + 0.7 * ncov;
            if whole > score {
                score = whole;
                notes.push(format!(
                    "listed name found whole in a longer query: score 0.3 x query coverage + 0.7 x name \
                     coverage = {whole:.2}"
                ));
            }
        }
        if relative && score > SINGLE_INEXACT_CAP {
            score = SINGLE_INEXACT_CAP;
            notes.push(format!(
                "another given name before the listed one names a relative: score capped at {SINGLE_INEXACT_CAP:.2}"
            ));
        }
        for (t, &used) in qtoks.iter().zip(&qused) {
            // One rule may have made several words (a web address's), named once.
            if let (Some(rule), true) = (&t.rule, used) {
                if !notes.contains(rule) {
                    notes.push(rule.clone());
                }
            }
            if !used && normalize::is_title(&t.text) {
                notes.push(format!("title or honorific set aside: {}", t.text));
            }
            if !used && q_given.is_none() && normalize::is_org_word(&t.text) {
                notes.push(format!("organisation word added counts little: {}", t.text));
            }
        }
        for (i, t) in qtoks.iter().enumerate() {
            if q_second(i) && married {
                notes.push(format!(
                    "married name in Spanish usage (paternal family name, de, the husband's family name): {}",
                    t.text
                ));
            } else if q_second(i) {
                notes.push(format!(
                    "second family name written differently: {}",
                    t.text
                ));
            }
            if sayyid_added(i) {
                notes.push(format!("the honorific Sayyid set aside: {}", t.text));
            }
            if place_added(i) {
                notes.push(format!("place word added counts little: {}", t.text));
            } else if place_elsewhere(i) {
                notes.push(format!(
                    "place word added names a country where the listing has no address, counted in full: {}",
                    t.text
                ));
            } else if generic_added(i) {
                notes.push(format!("generic word added counts half: {}", t.text));
            }
        }
        for m in &matched {
            if let MatchKind::Equivalent { rule } = &m.how {
                if !notes.contains(rule) {
                    notes.push(rule.clone());
                }
            }
        }
        // One identifying word matched, and not exactly: capped below the default threshold.
        let identifying: Vec<&MatchPart> = matched
            .iter()
            .filter(|m| {
                m.query
                    .split(' ')
                    .any(|w| !normalize::is_stop(w) && !w.is_empty())
            })
            .collect();
        // A long word whose spellings differ only as a romanisation table says they may (`ENAYATULLAH` /
        // INAYATULLAH, vowels written differently) is the same word written another way, not a misspelling
        // that might be another name.
        // A word in the Arabic script is measured by the listed word it reads as (its own text is a reading).
        let romanised = |m: &MatchPart| {
            matches!(&m.how, MatchKind::Equivalent { rule }
                if (rule.starts_with("translit") || rule.starts_with("joined/split words, translit"))
                    && m.query.len() >= ROMANISED_WORD_MIN_LEN
                || rule.starts_with(arabic_script::RULE) && m.listed.len() >= ROMANISED_WORD_MIN_LEN)
        };
        // ... nor one long word misspelt by one letter (`GAKPROMBANK` for GAZPROMBANK): in ten letters or more,
        // another real name one letter away is rare, a typo is not.
        let long_typo = |m: &MatchPart| {
            matches!(m.how, MatchKind::Fuzzy { edits: 1 })
                && m.query.len().min(m.listed.len()) >= LONG_TYPO_MIN_LEN
                && !m.query.contains(' ')
        };
        // ... nor a listed name written whole in the Arabic script (`القاعدة` for AL QA'IDA, `حماس` for HAMAS):
        // the script leaves the short vowels out, so its reading is as close as it can come, when every word of
        // both sides, the article too, is matched, and the listed word writes at least the letters the reading
        // has (a romanisation adds the short vowels; `قاعدة` is not GAD).
        let whole_in_script = |m: &MatchPart| {
            matches!(&m.how, MatchKind::Equivalent { rule } if rule.starts_with(arabic_script::RULE))
                && m.listed.len() >= m.query.len()
                && qused.iter().all(|&u| u)
                && nused.iter().all(|&u| u)
        };
        if identifying.len() == 1
            && identifying[0].similarity < 0.95
            && !romanised(identifying[0])
            && !long_typo(identifying[0])
            && !whole_in_script(identifying[0])
            && score > SINGLE_INEXACT_CAP
        {
            score = SINGLE_INEXACT_CAP;
            notes.push(format!(
                "one inexact word only: score capped at {SINGLE_INEXACT_CAP:.2}"
            ));
        }
        // Two persons of one family whose given names differ but for Muhammad or the honorific Sayyid
        // (`MUSAVI, Sayyed Sa'id` is not MUSAVI, Sayyed Javad): each has a given name the other lacks, and the
        // only given names matched are those that precede many names.
        if person {
            if let (Some(qg), Some(g)) = (q_given, listed_given) {
                let q_own = (qg..qtoks.len()).any(|i| {
                    !qused[i]
                        && !normalize::is_stop(&qtoks[i].text)
                        && !normalize::is_name_prefix(&qtoks[i].text)
                });
                let listed_own = (g..ntoks.len()).any(|i| {
                    !nused[i]
                        && matches!(rec.roles[i], Role::Given | Role::Middle)
                        && !self.stop[ntoks[i] as usize]
                        && !normalize::is_name_prefix(nstr(i))
                });
                let given_matched: Vec<usize> = (g..ntoks.len())
                    .filter(|&i| nused[i] && matches!(rec.roles[i], Role::Given | Role::Middle))
                    .collect();
                if q_own
                    && listed_own
                    && !given_matched.is_empty()
                    && given_matched
                        .iter()
                        .all(|&i| normalize::is_name_prefix(nstr(i)))
                    && score > SINGLE_INEXACT_CAP
                {
                    score = SINGLE_INEXACT_CAP;
                    notes.push(format!(
                        "given names differ but for {}: score capped at {SINGLE_INEXACT_CAP:.2}",
                        given_matched
                            .iter()
                            .map(|&i| nstr(i))
                            .collect::<Vec<_>>()
                            .join(" ")
                    ));
                }
            }
        }
        // A query of one word, Muhammad or Sayyid, names no one in particular: these precede many names
        // (`Mohammed` hit a listed person whose alias begins with it at 0.86). Two such words may be a name
        // (`SAYED, Mohammad`: Sayed is a family name too).
        // A title counts here: in `Hafiz SAYID` or `Mohammad SHEIKH` it may be the listed person's name.
        let mut identifying = qtoks
            .iter()
            .filter(|t| !normalize::is_stop(&t.text) || normalize::is_title(&t.text));
        let prefix_only = match (identifying.next(), identifying.next()) {
            (Some(t), None) => normalize::is_name_prefix(&t.text),
            _ => false,
        };
        if prefix_only && score > SINGLE_INEXACT_CAP {
            score = SINGLE_INEXACT_CAP;
            notes.push(format!(
                "only a name that precedes many (Muhammad, Sayyid) in the query: score capped at \
                 {SINGLE_INEXACT_CAP:.2}"
            ));
        }
        // Only generic words matched (what a company does, not who it is), and less than most of the listed
        // name: "Semiconductor Research Corporation" is not "Hebei Semiconductor Research Institute".
        let only_generic = matched_listed
            .iter()
            .all(|&i| normalize::is_generic(nstr(i)));
        // ... or only the place it is in (`Hong Kong` is not HONG KONG ELECTRONICS).
        let only_place = matched_listed
            .iter()
            .all(|&i| normalize::is_place_word(nstr(i)));
        if !matched_listed.is_empty()
            && (only_generic || only_place)
            && ncov < 0.75
            && score > SINGLE_INEXACT_CAP
        {
            score = SINGLE_INEXACT_CAP;
            notes.push(format!(
                "only {} words matched: score capped at {SINGLE_INEXACT_CAP:.2}",
                if only_generic { "generic" } else { "place" }
            ));
        }
        let score = score.clamp(0.0, 1.0);
        for l in &q.legal {
            if normalize::is_vessel_prefix(l) {
                notes.push(format!("vessel prefix set aside: {l}"));
            }
        }
        // The words of its own a closest-name raise may allow (see [`OwnWords`]): the query's identifying words
        // left unmatched ...
        let own: Vec<usize> = (0..qtoks.len())
            .filter(|&i| !qused[i] && !normalize::is_stop(&qtoks[i].text))
            .collect();
        let own_words = if person {
            // ... for a person, one given or middle name (`GHAILANI, Abubakary Khalfan Ahmed` for GHAILANI,
            // Ahmed Khalfan), or several after the query's first given name when that is the listed first
            // given name (the father's and grandfather's names written after a listed `FAMILY, Given`:
            // `AL-JALAHMAH, Jabir Abdallah Jabir Ahmad` for AL-JALAMAH, Jaber), the family name matched ...
            q_given
                .filter(|&qg| {
                    let family = (0..qg).any(|i| qused[i] && !normalize::is_stop(&qtoks[i].text));
                    let first = q_first.unwrap_or(qg);
                    let chain_after = own.len() >= 2
                        && own.iter().all(|&i| i > first)
                        && listed_given_at.is_some_and(|g| nused[g] && nq[g] == first);
                    family && ((own.len() == 1 && own[0] >= qg) || chain_after)
                })
                .map(|_| OwnWords::GivenNames)
        } else {
            // ... for a company, one generic, organisation or place word (`YA MAHDI INDUSTRIAL COMPLEX` for YA
            // MAHDI INDUSTRIES GROUP), two distinctive listed words matched.
            let generic = |w: &str| {
                normalize::is_generic(w) || normalize::is_org_word(w) || normalize::is_place_word(w)
            };
            (distinctive >= 2 && own.len() == 1 && generic(&qtoks[own[0]].text))
                .then_some(OwnWords::GenericWord)
        };
        let mut ignored: Vec<String> = q.legal.clone();
        for l in rec.legal.iter() {
            if !ignored.iter().any(|i| i == &**l) {
                ignored.push(l.to_string());
            }
        }
        let expl = Explanation {
            matched,
            unmatched_query: qtoks
                .iter()
                .zip(&qused)
                .filter(|(_, &u)| !u)
                .map(|(t, _)| t.text.clone())
                .collect(),
            unmatched_listed: (0..ntoks.len())
                .filter(|&i| !nused[i])
                .map(|i| nstr(i).to_string())
                .collect(),
            ignored,
            query_coverage: qcov,
            name_coverage: ncov,
            country: None,
            notes,
            own_words,
        };
        (score, expl)
    }
}

/// The rule named for one word written with a final s and one without, on the same stem ([`plural_differs`]).
const PLURAL_RULE: &str = "a final s written on one side only";

/// Whether a token was written with a final s that the plural stemmer took away (its written form kept as its
/// first alternative: `hamas` for `hama`, `industries` for `industry`).
fn written_plural(t: &normalize::Token) -> bool {
    matches!(t.origin, Origin::Latin)
        && t.alts
            .first()
            .is_some_and(|a| a.len() > t.text.len() && a.ends_with('s'))
}

/// Whether a query word and a listed word that share the stem `stem` differ by a plural s that matters: one
/// side wrote it and the other did not, and the stem is not a common word of companies' names (what a company
/// does, is or where it is: `FOODS` and FOOD are one word, `HAMA` and HAMAS two names).
fn plural_differs(query: bool, listed: bool, stem: &str) -> bool {
    query != listed
        && !normalize::is_generic(stem)
        && !normalize::is_org_word(stem)
        && !normalize::is_place_word(stem)
}

/// Whether a hit matches the query word for word: every identifying word of both sides matched, each at
/// least as closely as a name-variant table or a romanisation fold (0.95), and no word of either side left over.
fn complete(e: &Explanation) -> bool {
    let identifying = |w: &String| !normalize::is_stop(w);
    !e.matched.is_empty()
        && e.matched.iter().all(|m| m.similarity >= 0.95)
        && !e.unmatched_query.iter().any(identifying)
        && !e.unmatched_listed.iter().any(identifying)
}

/// Whether a hit differs from the query by more than omitted middle names, patronymics and second family
/// names: a word of the
/// query or a family or first given name of the listing left over, or a word matched only inexactly.
fn own_words(e: &Explanation) -> bool {
    let omitted: Vec<&str> = e
        .notes
        .iter()
        .filter_map(|n| {
            n.strip_prefix("middle name omitted: ")
                .or_else(|| n.strip_prefix("patronymic omitted: "))
                .or_else(|| n.strip_prefix("second family name omitted: "))
        })
        .collect();
    let identifying = |w: &String| !normalize::is_stop(w);
    e.matched.iter().any(|m| m.similarity < 0.95)
        || e.unmatched_query.iter().any(identifying)
        || e.unmatched_listed
            .iter()
            .any(|w| identifying(w) && !omitted.contains(&w.as_str()))
}

/// When one listed name matches the query word for word, the other hits are names that share part of it
/// (`BANDAR IMAM PETROCHEMICAL` is listed; `BANDAR IMAM KIMIYA PETROCHEMICAL COMPANY` is another listed party
/// with a word of its own): they are capped below the default threshold with the reason named, so a query
/// that is a listed name does not also make strong hits on every longer name around it. The query is a hit
/// either way; the capped names are still shown at a lower threshold.
///
/// Then the hits are judged against each other: a hit [`WEAKER_GAP`] or more below the best one is capped the
/// same way, the closer name named; and the best one, [`LEAD_MARGIN`] ahead of every other candidate with two
/// or more words of the query matched and none left over, is raised by [`LEAD_BONUS`] (by twice that, up to the
/// default threshold, when it is [`CLEAR_LEAD`] ahead of every candidate kept; for a query with the words of
/// its own that [`OwnWords`] allows, when it is [`LEAD_MARGIN_OWN_WORDS`] ahead). No raise for an acronym. `hits` holds
/// the candidates down to the threshold less twice [`LEAD_BONUS`] and [`CLEAR_LEAD`] (see
/// [`Index::try_search`]); those still below the threshold are dropped at the end.
fn dominate(hits: &mut Vec<Hit>, entries: &[Entry], threshold: f32) {
    let name_of = |entry: usize| {
        entries
            .get(entry)
            .map_or_else(String::new, |e| e.name.clone())
    };
    if let Some(whole) = hits
        .iter()
        .filter(|h| complete(&h.explanation))
        .max_by(|a, b| a.score.total_cmp(&b.score))
    {
        let (whole_entry, whole_score) = (whole.entry, whole.score);
        let whole_name = name_of(whole_entry);
        for h in hits.iter_mut() {
            if h.entry == whole_entry
                || complete(&h.explanation)
                || !own_words(&h.explanation)
                || h.score > whole_score
                || h.score <= SINGLE_INEXACT_CAP
            {
                continue;
            }
            h.score = SINGLE_INEXACT_CAP;
            h.explanation.notes.push(format!(
                "another listed name matches the query word for word ({whole_name}): score capped at \
                 {SINGLE_INEXACT_CAP:.2}"
            ));
        }
    }
    // A hit far below the query's best hit on another listed party (at least [`WEAKER_GAP`] lower) is a name
    // that shares part of the query with it, not one the name alone cannot tell apart from it: `AL-'ALI, Hamid
    // Hamad Hamid` for `AL-'ALI, Hamed`, which AL-ALI, Hamid matches closer. Capped below the default
    // threshold with the closer name named; hits within the gap of the best stay hits.
    let gap = WEAKER_GAP;
    if let Some(best) = hits.iter().max_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then_with(|| b.entry.cmp(&a.entry))
    }) {
        let (best_entry, best_score) = (best.entry, best.score);
        let best_name = name_of(best_entry);
        for h in hits.iter_mut() {
            if h.entry == best_entry
                || h.score + gap > best_score + 1e-6
                || h.score <= SINGLE_INEXACT_CAP
            {
                continue;
            }
            h.score = SINGLE_INEXACT_CAP;
            h.explanation.notes.push(format!(
                "weaker than a closer listed name ({best_name}, {best_score:.2}): score capped at \
                 {SINGLE_INEXACT_CAP:.2}"
            ));
        }
    }
    // The query's closest listed name, ahead of every other candidate by at least [`LEAD_MARGIN`], with every
    // identifying word of the query matched: the one listed party the name resembles, more likely that party
    // than a hit among several alike names is. Raised by [`LEAD_BONUS`], named. Not when the query has a word
    // of its own (`Tourism Development Bank` is not the listed TOURISM BANK, however distinct), nor for a
    // score a named rule capped.
    if let Some(bi) = (0..hits.len()).max_by(|&a, &b| {
        hits[a]
            .score
            .total_cmp(&hits[b].score)
            .then_with(|| hits[b].entry.cmp(&hits[a].entry))
    }) {
        let best = hits[bi].score;
        // The lead is measured against the candidates down to [`LEAD_BONUS`] + [`LEAD_MARGIN`] below the
        // default threshold, the clear lead against those down to twice [`LEAD_BONUS`] and [`CLEAR_LEAD`]
        // below it: fixed floors, not the threshold asked, so that a hit scores the same whatever threshold
        // the search is made at (`--threshold 0.7` shows the hits of 0.85 with their scores, and more).
        let others = || {
            hits.iter()
                .enumerate()
                .filter(move |&(i, _)| i != bi)
                .map(|(_, h)| h.score)
        };
        let next = others()
            .filter(|s| s + LEAD_BONUS + LEAD_MARGIN + 1e-6 >= DEFAULT_THRESHOLD)
            .fold(0.0f32, f32::max);
        let next_any = others()
            .filter(|s| s + 2.0 * LEAD_BONUS + CLEAR_LEAD + 1e-6 >= DEFAULT_THRESHOLD)
            .fold(0.0f32, f32::max);
        let e = &hits[bi].explanation;
        let capped = e.notes.iter().any(|n| n.contains("capped at"));
        let added = e.unmatched_query.iter().any(|w| !normalize::is_stop(w));
        // One word alone does not make a hit by the lead (`CRYSTAL` is not MENA CRYSTAL SUGAR COMPANY however
        // distinct the word): two identifying words of the query matched.
        // An initial matched is a letter, not a name the query shares (`Vladimir Putin` is not KONONOV, Vladimir
        // P.): it does not count.
        let words = e
            .matched
            .iter()
            .filter(|m| !matches!(&m.how, MatchKind::Equivalent { rule } if rule.starts_with("initial:")))
            .map(|m| {
                m.query
                    .split(' ')
                    .filter(|w| !w.is_empty() && !normalize::is_stop(w))
                    .count()
            })
            .sum::<usize>();
        // Never to 1.00, which stays the score of a name matched word for word (`Banco Nacionl de Cuba` is not
        // BANCO NACIONAL DE CUBA written out).
        let lead = best - next + 1e-6;
        // An acronym is not a name the query resembles: it makes no hit by the lead (the issue's rule that an
        // acronym alone must not make a strong hit; `Summit Optics Limited` is not the listed SOL).
        let acronym = e
            .matched
            .iter()
            .any(|m| matches!(m.how, MatchKind::Acronym));
        // Nor a name made of words that say what, what kind or where a body is, with words of the listing left
        // out: it resembles every body of that kind (`Islamic Development Bank`, the multilateral bank, is not
        // ISLAMIC REGIONAL COOPERATION BANK FOR DEVELOPMENT AND INVESTMENT).
        let descriptive = |w: &str| {
            normalize::is_stop(w)
                || normalize::is_generic(w)
                || normalize::is_place_word(w)
                || normalize::is_org_word(w)
        };
        let kind_only = e
            .matched
            .iter()
            .all(|m| m.listed.split(' ').all(descriptive))
            && e.unmatched_listed.iter().any(|w| !normalize::is_stop(w));
        if !added
            && !acronym
            && !kind_only
            && words >= 2
            && !capped
            && lead >= LEAD_MARGIN
            && best < LEAD_MAX
        {
            // Clear of every other candidate by [`CLEAR_LEAD`], the one listed name the query resembles at all:
            // raised by twice as much, but by the second half only up to the default threshold (a clear lead
            // makes a hit of a near one; it does not make a near match look exact).
            // ... and only with a word of the query found as it is written (or nearly): a name made of
            // misspellings alone (`Northwind Foods` for NORTH WOOD INDUSTRY COMPANY) resembles no one clearly.
            let written = e
                .matched
                .iter()
                .any(|m| m.similarity >= 0.9 && m.query.split(' ').any(|w| !normalize::is_stop(w)));
            let clear = written && best - next_any + 1e-6 >= CLEAR_LEAD;
            let margin = if clear { CLEAR_LEAD } else { LEAD_MARGIN };
            let mut raised = best + LEAD_BONUS;
            if clear {
                raised = raised.max((best + 2.0 * LEAD_BONUS).min(DEFAULT_THRESHOLD));
            }
            let raised = raised.min(LEAD_MAX);
            hits[bi].score = raised;
            hits[bi].explanation.notes.push(format!(
                "closest listed name, {margin:.2} or more ahead of any other, every word of the query matched, \
                 two or more: +{:.2}",
                raised - best
            ));
        } else if let Some(own) = e.own_words.filter(|_| {
            !acronym && words >= 2 && !capped && lead >= LEAD_MARGIN_OWN_WORDS && best < LEAD_MAX
        }) {
            let raised = (best + LEAD_BONUS).min(LEAD_MAX);
            let but = match own {
                OwnWords::GivenNames => "given names of its own",
                OwnWords::GenericWord => "one generic, organisation or place word",
            };
            hits[bi].score = raised;
            hits[bi].explanation.notes.push(format!(
                "closest listed name, {LEAD_MARGIN_OWN_WORDS:.2} or more ahead of any other, every word of \
                 the query matched but {but}: +{:.2}",
                raised - best
            ));
        }
    }
    hits.retain(|h| h.score + 1e-6 >= threshold);
}

/// Whether a word marks a person's name as written in Arabic naming usage: the article, ibn / bin, abu, a
/// compound in abd-, or a given name of the tables of [`translit`] (Muhammad, Husayn, Yusuf ...).
fn arabic_marker(w: &str) -> bool {
    matches!(w, "al" | "bin" | "ibn" | "bint" | "abu")
        || (w.starts_with("abdul") && w.len() > 5)
        || (w.starts_with("abul") && w.len() > 4)
        || normalize::is_name_prefix(w)
        || translit::is_arabic_given_name(w)
}

/// The listed persons' given and middle names that the list uses in Arabic naming, learnt from the list
/// itself: a word is one when most of the listed persons who bear it as a given or middle name have a marker
/// of that usage in their names ([`arabic_marker`]: `AL-RAWI, Talib`, `ABU ..., Tariq`). The tables name a few
/// dozen given names; the list knows hundreds more (Tariq, Azam).
fn arabic_naming_words(names: &[NameRec], strs: &[Box<str>]) -> Vec<bool> {
    let mut bearers = vec![0u32; strs.len()];
    let mut marked = vec![0u32; strs.len()];
    for rec in names.iter().filter(|r| r.roles.contains(&Role::Given)) {
        let arabic = rec.tokens.iter().any(|&t| arabic_marker(&strs[t as usize]));
        for (i, &t) in rec.tokens.iter().enumerate() {
            if matches!(rec.roles[i], Role::Given | Role::Middle) {
                bearers[t as usize] += 1;
                marked[t as usize] += u32::from(arabic);
            }
        }
    }
    bearers
        .iter()
        .zip(&marked)
        .map(|(&b, &m)| m >= 1 && 2 * m > b)
        .collect()
}

/// The alignment of a query's words with a listed name's, built pair by pair: which words are paired, with
/// what similarity, and the pairs as the explanation shows them.
struct Alignment {
    /// Whether each query word is paired.
    qused: Vec<bool>,
    /// Whether each listed word is paired.
    nused: Vec<bool>,
    /// Each query word's similarity to its pair (0 when unpaired).
    qsim: Vec<f32>,
    /// Each listed word's similarity to its pair (0 when unpaired).
    nsim: Vec<f32>,
    /// The first query word each listed word was paired with (`usize::MAX` when unpaired).
    nq: Vec<usize>,
    /// The pairs, in the order they were made.
    matched: Vec<MatchPart>,
}

impl Alignment {
    /// No word paired yet.
    fn new(query_words: usize, listed_words: usize) -> Self {
        Alignment {
            qused: vec![false; query_words],
            nused: vec![false; listed_words],
            qsim: vec![0.0; query_words],
            nsim: vec![0.0; listed_words],
            nq: vec![usize::MAX; listed_words],
            matched: Vec::new(),
        }
    }

    /// Whether none of the query words `q` and listed words `n` is paired yet.
    fn free(&self, q: std::ops::Range<usize>, n: std::ops::Range<usize>) -> bool {
        !self.qused[q].iter().any(|&u| u) && !self.nused[n].iter().any(|&u| u)
    }

    /// Pairs the query words `q` with the listed words `n` at the similarity of `part`, which records the pair.
    fn pair(&mut self, q: std::ops::Range<usize>, n: std::ops::Range<usize>, part: MatchPart) {
        let first = q.start;
        for i in q {
            self.qused[i] = true;
            self.qsim[i] = part.similarity;
        }
        for i in n {
            self.nused[i] = true;
            self.nsim[i] = part.similarity;
            self.nq[i] = first;
        }
        self.matched.push(part);
    }
}

/// The forms a listed name is indexed under: the name itself, and the names it writes inside itself — each side
/// of `A / B` (`NEW PEOPLE'S ARMY / COMMUNIST PARTY OF THE PHILIPPINES`), the name without a parenthesis and the
/// parenthesis alone (`KONSTRUKTORSKOE BYURO ... (KBP)` is left whole: one word); parts of fewer than two words
/// of two letters or more are not names.
fn name_forms(name: &str) -> Vec<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    let mut out: Vec<Cow<str>> = vec![Cow::Borrowed(name)];
    // Words of two letters or more: `CETC 13` is one word and a number, not a name of its own.
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count()
    };
    let push = |s: String, out: &mut Vec<Cow<str>>| {
        let t = s.trim().trim_matches(|c: char| c == '-' || c == ',').trim();
        if words(t) >= 2 && !out.iter().any(|o| o.as_ref() == t) {
            out.push(Cow::Owned(t.to_string()));
        }
    };
    if name.contains(" / ") {
        for part in name.split(" / ") {
            push(part.to_string(), &mut out);
        }
    }
    if let (Some(open), Some(close)) = (name.find('('), name.rfind(')')) {
        if open < close {
            push(format!("{}{}", &name[..open], &name[close + 1..]), &mut out);
            // A place in parentheses says where the party is (`SINO ENERGY SHIPPING (HONG KONG) LTD`, `LEADER (HONG
            // KONG) INTERNATIONAL TRADING LIMITED`): not a name of its own, or `Hong Kong` would hit them.
            let inner = &name[open + 1..close];
            let place = crate::countries::iso2(inner).is_some()
                || inner
                    .split_whitespace()
                    .all(|w| normalize::is_place_word(&w.to_ascii_lowercase()));
            if !place {
                push(inner.to_string(), &mut out);
            }
        }
    }
    if let Some((a, b)) = name.split_once(" - ") {
        push(a.to_string(), &mut out);
        push(b.to_string(), &mut out);
    }
    out
}

/// The acronyms a name can be written as: initials of its identifying words (stop words skipped), with and
/// without the initials of its legal forms.
fn acronyms(n: &Normalized) -> Vec<String> {
    let initials: String = n
        .tokens
        .iter()
        .filter(|t| !t.stop)
        .filter_map(|t| t.text.chars().next())
        .collect();
    if initials.len() < 2 {
        return Vec::new();
    }
    let mut out = vec![initials.clone()];
    let with_legal: String = initials
        .chars()
        .chain(n.legal.iter().filter_map(|l| l.chars().next()))
        .collect();
    if with_legal != initials {
        out.push(with_legal);
    }
    out
}

/// Names the normaliser's rules that made the matched words of the listed name (`ISLAMIC REPUBLIC OF IRAN` read
/// as `iran`, `ABD AL-RAZZIQ` as one compound): the query's own rules are named as it is scored, and a score
/// raised by an equivalence on the listed side is explained as well.
fn name_listed_rules(listed: Normalized, explanation: &mut Explanation) {
    let matched: Vec<&str> = explanation
        .matched
        .iter()
        .flat_map(|m| m.listed.split(' '))
        .collect();
    for t in listed.tokens {
        if let Some(rule) = t.rule {
            if matched.contains(&t.text.as_str()) && !explanation.notes.contains(&rule) {
                explanation.notes.push(rule);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        abd_left_out, dominate, jaro_winkler, joined_alike, letter_counts, letters_apart,
        Explanation, Hit, MatchKind, MatchPart, OwnWords, ABD_LEFT_OUT_SIM,
    };
    use crate::model::Entry;
    use crate::normalize;

    /// A hit on `entry` at `score` whose query words all matched but one given name of its own, as
    /// `LUKASHENKA, Aliaksandr Grigorievich` scores against LUKASHENKA, Alyaksandr Hryhoryavich.
    fn hit(entry: usize, score: f32) -> Hit {
        let pair = |w: &str| MatchPart {
            query: w.to_string(),
            listed: w.to_string(),
            how: MatchKind::Exact,
            similarity: 1.0,
        };
        Hit {
            entry,
            matched_name: String::new(),
            alias: false,
            score,
            explanation: Explanation {
                matched: vec![pair("lukashenka"), pair("aliaksandr")],
                unmatched_query: vec!["grigorievich".to_string()],
                unmatched_listed: Vec::new(),
                ignored: Vec::new(),
                query_coverage: 0.8,
                name_coverage: 1.0,
                country: None,
                notes: Vec::new(),
                own_words: Some(OwnWords::GivenNames),
            },
        }
    }

    #[test]
    fn the_raise_does_not_depend_on_the_threshold_asked() {
        // The closest name at 0.849 and another at 0.74: 0.109 apart, short of the lead a query with a given
        // name of its own needs, whatever the threshold asked. The lead was once measured against the
        // candidates near the threshold asked, so the other name (below that floor at 0.85, above it at 0.70)
        // raised the first one at 0.85 only.
        let entries = vec![Entry::default(), Entry::default()];
        let scores_at = |threshold: f32| {
            let mut hits = vec![hit(0, 0.849), hit(1, 0.74)];
            dominate(&mut hits, &entries, threshold);
            hits.iter()
                .filter(|h| h.score + 1e-6 >= 0.85)
                .map(|h| (h.entry, h.score))
                .collect::<Vec<_>>()
        };
        assert_eq!(scores_at(0.85), scores_at(0.7));
        assert_eq!(scores_at(0.85), scores_at(0.0));
        // ... and with the other name lower (0.70), clear of the lead needed, it is raised at every threshold.
        let raised_at = |threshold: f32| {
            let mut hits = vec![hit(0, 0.849), hit(1, 0.70)];
            dominate(&mut hits, &entries, threshold);
            hits.iter().find(|h| h.entry == 0).map(|h| h.score)
        };
        for threshold in [0.0, 0.7, 0.85] {
            let score = raised_at(threshold).unwrap_or_default();
            assert!((score - 0.899).abs() < 1e-4, "at {threshold}: {score}");
        }
    }

    proptest::proptest! {
        /// The letter-count bound never exceeds the edit distance, so the filter it makes drops no word within
        /// the edits allowed.
        #[test]
        fn the_letter_bound_is_a_lower_bound_of_the_edit_distance(a in "[a-e]{0,12}", b in "[a-e]{0,12}") {
            let (ca, cb) = (letter_counts(&a).expect("letters"), letter_counts(&b).expect("letters"));
            proptest::prop_assert!(letters_apart(&ca, &cb) <= normalize::osa(&a, &b));
        }
    }

    #[test]
    fn letter_counts_are_for_plain_lowercase_words() {
        assert!(letter_counts("abc1").is_none());
        assert!(letter_counts("Abc").is_none());
        let (a, b) = (
            letter_counts("jaber").expect("ascii"),
            letter_counts("jabir").expect("ascii"),
        );
        assert_eq!(letters_apart(&a, &b), 1);
        let (a, b) = (
            letter_counts("deripaska").expect("ascii"),
            letter_counts("deripsaka").expect("ascii"),
        );
        assert_eq!(letters_apart(&a, &b), 0);
    }

    #[test]
    fn words_joined_are_compared_as_written_and_romanised() {
        assert_eq!(
            joined_alike("khairullah", "khairullah").map(|(s, _)| s),
            Some(1.0)
        );
        let (_, how) = joined_alike("dahdasht", "dehdasht").expect("vowels written otherwise");
        assert!(
            matches!(how, MatchKind::Equivalent { rule } if rule.contains("vowels written differently"))
        );
        assert!(joined_alike("abusufian", "abousofian").is_some());
        // Other consonants, another first letter or a length too far apart: no key is computed.
        assert!(joined_alike("alnoor", "alnasr").is_none());
        assert!(joined_alike("emmatel", "emarel").is_none());
        assert!(joined_alike("dahdasht", "ehdasht").is_none());
        assert!(joined_alike("abusufian", "abusufianaaaa").is_none());
        // One letter off in a long joined word is a misspelling; not in a short one, nor two letters off.
        assert!(matches!(
            joined_alike("abdlurahman", "abdulrahman"),
            Some((_, MatchKind::Fuzzy { edits: 1 }))
        ));
        assert!(joined_alike("alanis", "alanit").is_none());
        assert!(joined_alike("abdlurahmna", "abdulrahman").is_none());
    }

    #[test]
    fn a_compound_in_abd_is_found_without_it() {
        assert!(abd_left_out("abdulkader", "kader").is_some());
        assert!(abd_left_out("rosyid", "abdulrosyid").is_some());
        // The rest written as a romanisation writes it, at a lower credit, named.
        let (credit, rule) =
            abd_left_out("rasyid", "abdulrosyid").expect("vowels written otherwise");
        assert!(credit < ABD_LEFT_OUT_SIM);
        assert!(rule.contains("vowels written differently"), "{rule}");
        // Abdullah is abd + allah; a rest of two letters is no name; other words are not compounds.
        assert!(abd_left_out("abdullah", "lah").is_none());
        assert!(abd_left_out("abdulka", "ka").is_none());
        assert!(abd_left_out("kader", "kader").is_none());
        assert!(abd_left_out("abdulkader", "zader").is_none());
    }

    #[test]
    fn jaro_winkler_is_strsims() {
        let words = [
            "",
            "a",
            "ukhnalev",
            "ukhnalyova",
            "artyom",
            "artem",
            "phitchayot",
            "pichayos",
            "martha",
            "marhta",
            "dixon",
            "dicksonx",
            "jellyfish",
            "smellyfish",
            "aaaa",
            "aaab",
            "abcd",
            "dcba",
            "sajid",
            "sajdeh",
            "muhammad",
            "mohammed",
            "ivanov",
            "иванов",
        ];
        for a in words {
            for b in words {
                let ours = jaro_winkler(a, b);
                let theirs = strsim::jaro_winkler(a, b) as f32;
                assert!(
                    (ours - theirs).abs() < 1e-6,
                    "{a} / {b}: {ours} against {theirs}"
                );
            }
        }
    }
}
