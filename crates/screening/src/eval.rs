//! A labelled evaluation set built from real listed names, and its precision and recall.
//!
//! Positive queries are variants of listed names (typos, reordering, suffix changes, abbreviations, dropped
//! middle names, and Chinese names in Hanzi, Korean names in Hangul and Arabic and Persian names in the Arabic
//! script from small curated tables); negative
//! queries are near names that name a different party (one distinctive word replaced, a person's given name
//! swapped) and unrelated company names. Generation is deterministic for a seed.

use crate::index::{Index, SearchOptions};
use crate::normalize::normalize;
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;

/// A small deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// Chinese names of listed parties, in simplified and in traditional characters, with the romanised name as
/// listed. Only names whose Chinese form is widely reported are included; `aigov-screening`'s tests check that each one's pinyin and translated words
/// give the listed romanisation.
pub const HANZI_NAMES: &[(&str, &str)] = &[
    ("华为技术有限公司", "Huawei Technologies Co., Ltd."),
    (
        "中国精密机械进出口总公司",
        "China National Precision Machinery Import/Export Corporation",
    ),
    (
        "丹东鸿祥实业发展有限公司",
        "Dandong Hongxiang Industrial Development Co Ltd",
    ),
    ("马晓红", "MA, Xiaohong"),
    ("周建书", "ZHOU, Jianshu"),
    ("李方伟", "LI, Fangwei"),
    (
        "丹东至诚金属材料有限公司",
        "Dandong Zhicheng Metallic Material Co., Ltd.",
    ),
    (
        "武汉三江进出口有限公司",
        "Wuhan Sanjiang Import and Export Co. Ltd",
    ),
    (
        "丹东东源实业有限公司",
        "Dandong Dongyuan Industrial Co., Ltd.",
    ),
    // The same names in traditional characters, as Taiwan, Hong Kong and Macao write them.
    ("華為技術有限公司", "Huawei Technologies Co., Ltd."),
    (
        "丹東鴻祥實業發展有限公司",
        "Dandong Hongxiang Industrial Development Co Ltd",
    ),
    ("周建書", "ZHOU, Jianshu"),
];

/// Korean names of listed DPRK officials in Hangul, with the name as OFAC lists it (names widely reported in
/// Hangul; the tests check that each reads as the listed romanisation).
pub const HANGUL_NAMES: &[(&str, &str)] = &[
    ("김정은", "KIM, Jong Un"),
    ("김여정", "KIM, Yo Jong"),
    ("최룡해", "CHOE, Ryong Hae"),
    ("리병철", "RI, Pyong Chol"),
    ("리만건", "RI, Man Gon"),
];

/// Names of listed parties in the Arabic script (Arabic and Persian), with the name as OFAC lists it: widely
/// reported names, the same words as the listing (the tests check that each reads as the listed romanisation).
pub const ARABIC_SCRIPT_NAMES: &[(&str, &str)] = &[
    ("أيمن الظواهري", "AL ZAWAHIRI, Dr. Ayman"),
    ("حسن نصرالله", "NASRALLAH, Hasan"),
    ("قاسم سليماني", "SOLEIMANI, Qasem"),
    ("محمد جواد ظريف", "ZARIF, Mohammad Javad"),
    ("عبد الخالق الحوثي", "AL-HUTHI, Abd al-Khaliq"),
    ("بانک ملی ایران", "BANK MELLI IRAN"),
    ("بانک سپه", "BANK SEPAH"),
    ("بانک تجارت", "BANK TEJARAT"),
    ("حركة النجباء", "HARAKAT AL-NUJABA"),
];

/// The kind of an evaluation query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Variant {
    /// The listed name as written.
    Exact,
    /// Case and punctuation changed.
    CasePunctuation,
    /// One typing error in one word.
    Typo,
    /// Typing errors in two words.
    TwoTypos,
    /// Words in another order (given name first for people).
    Reorder,
    /// The corporate suffix replaced, added or removed.
    Suffix,
    /// Words abbreviated (International → Intl., Company → Co.).
    Abbreviation,
    /// A middle name left out.
    DropMiddleName,
    /// The name in its own script: a Chinese name in Hanzi ([`HANZI_NAMES`]), a Korean one in Hangul
    /// ([`HANGUL_NAMES`]), an Arabic or Persian one in the Arabic script ([`ARABIC_SCRIPT_NAMES`]).
    OwnScript,
    /// Negative: one distinctive word replaced by another word.
    NearMiss,
    /// Negative: a person's given name swapped for another person's.
    OtherPerson,
    /// Negative: an unrelated company name.
    Unrelated,
}

impl Variant {
    /// Whether queries of this kind should hit.
    pub fn positive(self) -> bool {
        !matches!(
            self,
            Variant::NearMiss | Variant::OtherPerson | Variant::Unrelated
        )
    }

    /// A short name.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Exact => "exact",
            Variant::CasePunctuation => "case/punctuation",
            Variant::Typo => "one typo",
            Variant::TwoTypos => "two typos",
            Variant::Reorder => "word order",
            Variant::Suffix => "suffix change",
            Variant::Abbreviation => "abbreviation",
            Variant::DropMiddleName => "middle name dropped",
            Variant::OwnScript => "own script (Hanzi, Hangul, Arabic)",
            Variant::NearMiss => "near miss (negative)",
            Variant::OtherPerson => "other person (negative)",
            Variant::Unrelated => "unrelated (negative)",
        }
    }
}

/// One labelled query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The query.
    pub query: String,
    /// Its kind.
    pub variant: Variant,
    /// For positives: the normalised key of the listed name it was made from.
    pub expected: Option<String>,
}

const SUFFIXES: &[&str] = &[
    "Ltd.",
    "Limited",
    "LLC",
    "Inc.",
    "GmbH",
    "S.A.",
    "Co., Ltd.",
    "Corporation",
    "PJSC",
    "Company",
];
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("INTERNATIONAL", "Intl."),
    ("COMPANY", "Co."),
    ("CORPORATION", "Corp."),
    ("TECHNOLOGY", "Tech."),
    ("TECHNOLOGIES", "Tech."),
    ("INDUSTRIAL", "Ind."),
    ("INDUSTRIES", "Inds."),
    ("LIMITED", "Ltd."),
    ("NATIONAL", "Natl."),
    ("MANUFACTURING", "Mfg."),
    ("ENGINEERING", "Eng."),
    ("TRADING", "Trad."),
    ("HOLDINGS", "Hldgs."),
    ("ASSOCIATION", "Assn."),
    ("SERVICES", "Svcs."),
];
const UNRELATED_WORDS: &[&str] = &[
    "Northwind",
    "Bluefield",
    "Harbor",
    "Summit",
    "Maple",
    "Granite",
    "Silverline",
    "Cedar",
    "Lakeside",
    "Pioneer",
    "Orchard",
    "Beacon",
    "Riverbend",
    "Meadow",
    "Crescent",
    "Falcon",
    "Juniper",
    "Keystone",
    "Redwood",
    "Willow",
    "Aurora",
    "Brightwater",
    "Copperfield",
    "Evergreen",
    "Foxglove",
    "Highland",
    "Ironbridge",
    "Larkspur",
    "Moonstone",
    "Oakridge",
];
const UNRELATED_KINDS: &[&str] = &[
    "Logistics",
    "Software",
    "Dental Clinic",
    "Bakery",
    "Consulting",
    "Analytics",
    "Robotics",
    "Textiles",
    "Furniture",
    "Optics",
    "Pharmacy",
    "Insurance",
    "Design Studio",
    "Foods",
];

fn typo(word: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return word.to_string();
    }
    let pos = 1 + rng.below(chars.len() - 1);
    let letter = (b'a' + rng.below(26) as u8) as char;
    let letter = if chars[0].is_uppercase() {
        letter.to_ascii_uppercase()
    } else {
        letter
    };
    let mut out = chars.clone();
    match rng.below(4) {
        0 => {
            if out[pos].eq_ignore_ascii_case(&letter) {
                out[pos] = if letter == 'a' || letter == 'A' {
                    'e'
                } else {
                    'a'
                };
            } else {
                out[pos] = letter;
            }
        }
        1 => {
            out.remove(pos);
        }
        2 => out.insert(pos, letter),
        _ => {
            let p = pos.min(out.len() - 2).max(1);
            if out[p] == out[p + 1] {
                out[p] = letter;
            } else {
                out.swap(p, p + 1);
            }
        }
    }
    out.into_iter().collect()
}

fn is_person(entry_kind: Option<&str>, name: &str) -> bool {
    entry_kind.is_some_and(|k| k.eq_ignore_ascii_case("individual")) && name.contains(',')
}

/// Whether a word opens a given name of two words rather than being one: the kunya's `Abu` (`Abu Ubaydah`),
/// `Umm`, `Ibn` and `Bin`, and the first word of an abd- compound written apart (`'Abdul Amir`).
fn opens_a_given_name(word: &str) -> bool {
    let bare: String = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        bare.as_str(),
        "abu"
            | "abou"
            | "abo"
            | "umm"
            | "um"
            | "ibn"
            | "bin"
            | "abd"
            | "abdul"
            | "abdel"
            | "abdoul"
            | "abdal"
    )
}

/// Builds `per_variant` queries of each kind from the index's names (fewer where a kind does not apply).
pub fn generate(index: &Index, seed: u64, per_variant: usize) -> Vec<Case> {
    // Each kind of query draws from its own stream of the seed, so that a change to how one kind is made
    // (more attempts skipped, say) does not redraw the others.
    let stream = |kind: u64| Rng::new(seed ^ (kind + 1).wrapping_mul(0xA076_1D64_78BD_642F));
    let entries = index.entries();
    let listed: FxHashSet<String> = index.name_keys().map(|(_, k)| k).collect();
    let mut out = Vec::new();
    if entries.is_empty() {
        return out;
    }
    // All (entry, name) pairs, primary names and aliases.
    let names: Vec<(usize, &str)> = entries
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.names().map(move |n| (i, n)))
        .filter(|(_, n)| !normalize(n).tokens.is_empty())
        .collect();
    // The words near misses draw from: the listed names' words as written, not as the normaliser writes them,
    // so that a change to the normaliser does not redraw the whole set (a round's figures are then compared on
    // the same queries).
    let vocab: Vec<String> = {
        let mut v: Vec<String> = names
            .iter()
            .flat_map(|(_, n)| n.split_whitespace().filter_map(plain_word))
            .filter(|w| w.len() >= 4)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let key = |s: &str| normalize(s).key();
    let push = |out: &mut Vec<Case>, query: String, variant: Variant, source: &str| {
        let expected = variant.positive().then(|| key(source));
        out.push(Case {
            query,
            variant,
            expected,
        });
    };
    let attempts = per_variant * 40 + 100;
    let positives = [
        Variant::Exact,
        Variant::CasePunctuation,
        Variant::Typo,
        Variant::TwoTypos,
        Variant::Reorder,
        Variant::Suffix,
        Variant::Abbreviation,
        Variant::DropMiddleName,
    ];
    for variant in positives {
        let mut rng = stream(variant as u64);
        let mut made = 0;
        for _ in 0..attempts {
            if made >= per_variant {
                break;
            }
            let (ei, name) = names[rng.below(names.len())];
            let kind = entries[ei].kind.as_deref();
            let words: Vec<&str> = name.split_whitespace().collect();
            let query = match variant {
                Variant::Exact => Some(name.to_string()),
                Variant::CasePunctuation => Some(if rng.below(2) == 0 {
                    name.to_lowercase()
                        .chars()
                        .filter(|c| !matches!(c, '.' | ',' | '\'' | '"'))
                        .collect()
                } else {
                    name.to_uppercase().replace(['-', '/'], " ")
                }),
                Variant::Typo | Variant::TwoTypos => {
                    let long: Vec<usize> = (0..words.len())
                        .filter(|&i| {
                            let w = words[i].trim_matches(|c: char| !c.is_alphanumeric());
                            w.chars().count() >= 5 && w.chars().all(char::is_alphabetic)
                        })
                        .collect();
                    let need = if variant == Variant::Typo { 1 } else { 2 };
                    if long.len() < need {
                        None
                    } else {
                        let mut ws: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                        let first = long[rng.below(long.len())];
                        ws[first] = typo(&ws[first], &mut rng);
                        if need == 2 {
                            let others: Vec<usize> =
                                long.iter().copied().filter(|&i| i != first).collect();
                            let second = others[rng.below(others.len())];
                            ws[second] = typo(&ws[second], &mut rng);
                        }
                        Some(ws.join(" "))
                    }
                }
                Variant::Reorder => {
                    if is_person(kind, name) {
                        name.split_once(',')
                            .map(|(last, first)| format!("{} {}", first.trim(), last.trim()))
                    } else if words.len() >= 2 {
                        let mut ws = words.clone();
                        let n = ws.len();
                        ws.swap(0, n - 1);
                        Some(ws.join(" "))
                    } else {
                        None
                    }
                }
                Variant::Suffix => {
                    if is_person(kind, name) {
                        None
                    } else {
                        let n = normalize(name);
                        let suffix = SUFFIXES[rng.below(SUFFIXES.len())];
                        if n.legal.is_empty() {
                            Some(format!("{name} {suffix}"))
                        } else {
                            // Replace the legal forms with another one, or drop them.
                            let base: Vec<&str> = words
                                .iter()
                                .copied()
                                .filter(|w| {
                                    let k = normalize(w);
                                    k.tokens.len() > 1 || k.legal.is_empty()
                                })
                                .collect();
                            if base.is_empty() {
                                None
                            } else if rng.below(3) == 0 {
                                Some(base.join(" "))
                            } else {
                                Some(format!("{} {suffix}", base.join(" ")))
                            }
                        }
                    }
                }
                Variant::Abbreviation => {
                    let mut changed = false;
                    let ws: Vec<String> = words
                        .iter()
                        .map(|w| {
                            let bare = w
                                .trim_matches(|c: char| !c.is_alphanumeric())
                                .to_uppercase();
                            match ABBREVIATIONS.iter().find(|(full, _)| *full == bare) {
                                Some((_, abbr)) => {
                                    changed = true;
                                    abbr.to_string()
                                }
                                None => w.to_string(),
                            }
                        })
                        .collect();
                    changed.then(|| ws.join(" "))
                }
                Variant::DropMiddleName => {
                    if is_person(kind, name) {
                        name.split_once(',').and_then(|(last, first)| {
                            let given: Vec<&str> = first.split_whitespace().collect();
                            // A kunya or an abd- compound written apart is one given name (`Abu Ubaydah`,
                            // `'Abdul Amir`, with the article written apart too: `Abu al Banat`): `Abu
                            // AL-AGHA`, `'Abdul SALBI` or `Abu Al AL-NAJI` is nobody's name.
                            let article = |w: &&str| {
                                matches!(
                                    w.to_ascii_lowercase().as_str(),
                                    "al" | "el" | "ul" | "ar" | "as"
                                )
                            };
                            let head = match given.first() {
                                Some(w) if opens_a_given_name(w) => {
                                    if given.get(1).is_some_and(article) {
                                        3
                                    } else {
                                        2
                                    }
                                }
                                _ => 1,
                            };
                            (given.len() > head)
                                .then(|| format!("{} {}", given[..head].join(" "), last.trim()))
                        })
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some(q) = query {
                if !normalize(&q).tokens.is_empty() {
                    push(&mut out, q, variant, name);
                    made += 1;
                }
            }
        }
    }
    // Names in their own script: the curated tables, for names present in the index.
    for (written, listed_name) in HANZI_NAMES
        .iter()
        .chain(HANGUL_NAMES)
        .chain(ARABIC_SCRIPT_NAMES)
    {
        if listed.contains(&key(listed_name)) {
            push(
                &mut out,
                written.to_string(),
                Variant::OwnScript,
                listed_name,
            );
        }
    }
    // Negatives.
    let mut rng = stream(Variant::NearMiss as u64);
    let mut made = 0;
    for _ in 0..attempts {
        if made >= per_variant || vocab.is_empty() {
            break;
        }
        let (_, name) = names[rng.below(names.len())];
        // One identifying word of the name replaced (not a legal form, which would make the query longer
        // rather than another name), among its words as written (lowercase, without punctuation: a person's
        // comma goes too, as in a list of names without structure).
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let significant: Vec<usize> = (0..words.len())
            .filter(|&i| {
                plain_word(&words[i]).is_some_and(|p| {
                    p.len() >= 4
                        && !crate::normalize::is_stop(&p)
                        && !crate::normalize::legal_anywhere(&p)
                })
            })
            .collect();
        if significant.len() < 2 {
            continue;
        }
        let at = significant[rng.below(significant.len())];
        let replacement = &vocab[rng.below(vocab.len())];
        if strsim::osa_distance(replacement, &words[at]) <= 3 {
            continue;
        }
        let mut new = words.clone();
        new[at] = replacement.clone();
        let q = new.join(" ");
        if listed.contains(&key(&q)) {
            continue;
        }
        push(&mut out, q.to_uppercase(), Variant::NearMiss, name);
        made += 1;
    }
    let people: Vec<(&str, &str)> = names
        .iter()
        .filter(|(ei, n)| is_person(entries[*ei].kind.as_deref(), n))
        .filter_map(|(_, n)| n.split_once(','))
        .map(|(l, f)| (l.trim(), f.trim()))
        .filter(|(l, f)| !l.is_empty() && !f.is_empty())
        .collect();
    let mut rng = stream(Variant::OtherPerson as u64);
    let mut made = 0;
    for _ in 0..attempts {
        if made >= per_variant || people.len() < 2 {
            break;
        }
        let (last, first) = people[rng.below(people.len())];
        let (_, other_first) = people[rng.below(people.len())];
        let a = normalize(first).key();
        let b = normalize(other_first).key();
        if a == b || strsim::osa_distance(&a, &b) <= 3 || a.contains(&b) || b.contains(&a) {
            continue;
        }
        let q = format!("{last}, {other_first}");
        if listed.contains(&key(&q)) {
            continue;
        }
        push(&mut out, q, Variant::OtherPerson, "");
        made += 1;
    }
    let mut rng = stream(Variant::Unrelated as u64);
    let mut made = 0;
    for _ in 0..attempts {
        if made >= per_variant {
            break;
        }
        let q = format!(
            "{} {} {}",
            UNRELATED_WORDS[rng.below(UNRELATED_WORDS.len())],
            UNRELATED_KINDS[rng.below(UNRELATED_KINDS.len())],
            SUFFIXES[rng.below(SUFFIXES.len())]
        );
        if listed.contains(&key(&q)) {
            continue;
        }
        push(&mut out, q, Variant::Unrelated, "");
        made += 1;
    }
    out
}

/// A word as written, lowercase and without the punctuation around it, when it is plain ASCII letters
/// (`HAMID,` → `hamid`; `S.A.` and `AL-ALI` are not plain words).
fn plain_word(w: &str) -> Option<String> {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    (!w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic())).then(|| w.to_ascii_lowercase())
}

/// Counts for one kind of query.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Queries.
    pub total: usize,
    /// Positives whose listed party was hit / negatives with no hit.
    pub correct: usize,
    /// Queries that hit a party they should not have.
    pub wrong_hits: usize,
}

/// Precision and recall of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metrics {
    /// Positives whose listed party was hit.
    pub true_positives: usize,
    /// Positives whose listed party was not hit.
    pub false_negatives: usize,
    /// Queries that hit a party they were not made from (negatives with a hit, positives hitting another party
    /// only).
    pub false_positives: usize,
    /// Negatives without a hit.
    pub true_negatives: usize,
    /// By kind of query.
    pub by_variant: BTreeMap<Variant, Counts>,
}

impl Metrics {
    /// TP / (TP + FP).
    pub fn precision(&self) -> f64 {
        let d = self.true_positives + self.false_positives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }

    /// TP / (TP + FN).
    pub fn recall(&self) -> f64 {
        let d = self.true_positives + self.false_negatives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }
}

/// Whether a hit is on the party a positive query was made from (any entry with a name of the same key).
pub fn hit_is_expected(index: &Index, entry: usize, expected: &str) -> bool {
    index
        .entries()
        .get(entry)
        .is_some_and(|e| e.names().any(|n| normalize(n).key() == expected))
}

/// Screens every case at a threshold and counts.
pub fn evaluate(index: &Index, cases: &[Case], threshold: f32) -> Metrics {
    let opts = SearchOptions {
        threshold,
        country: None,
        limit: 20,
    };
    let mut m = Metrics::default();
    for c in cases {
        let hits = index.search(&c.query, &opts);
        let counts = m.by_variant.entry(c.variant).or_default();
        counts.total += 1;
        match &c.expected {
            Some(expected) => {
                if hits
                    .iter()
                    .any(|h| hit_is_expected(index, h.entry, expected))
                {
                    m.true_positives += 1;
                    counts.correct += 1;
                } else {
                    m.false_negatives += 1;
                    if !hits.is_empty() {
                        m.false_positives += 1;
                        counts.wrong_hits += 1;
                    }
                }
            }
            None => {
                if hits.is_empty() {
                    m.true_negatives += 1;
                    counts.correct += 1;
                } else {
                    m.false_positives += 1;
                    counts.wrong_hits += 1;
                }
            }
        }
    }
    m
}
