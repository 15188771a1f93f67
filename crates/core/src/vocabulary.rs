//! The typed fact vocabulary: subjects, the facts that describe them, and classification tiers.

use crate::model::FactId;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// A kind of subject a manifest can describe (`organization`, `ai_system`, `model`, later `item`, `export`, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectKind {
    /// Identifier, used as the manifest section name and the root of fact names in conditions.
    pub id: String,
    /// What it is.
    pub description: String,
    /// Whether it can be assessed on its own (an `organization` is context for the others, not assessed).
    pub assessable: bool,
}

/// One allowed value of an enumerated fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumValue {
    /// The value as written in manifests and conditions.
    pub id: String,
    /// What it means (shown in questions and the schema).
    pub description: String,
}

/// The type of a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FactType {
    /// Yes or no.
    Bool,
    /// A number, with its unit.
    Number {
        /// The unit (e.g. `FLOP`, `EUR`, `employees`).
        unit: Option<String>,
    },
    /// A calendar date.
    Date,
    /// One of a closed list of values.
    Enum {
        /// The allowed values.
        values: Vec<EnumValue>,
    },
    /// Any number of a closed list of values.
    Set {
        /// The allowed values.
        values: Vec<EnumValue>,
    },
    /// A set of region codes: ISO 3166-1 alpha-2 countries, optionally with subdivisions (`US-CA`, `US-NY-NYC`).
    Regions,
    /// Free text.
    Text,
}

impl FactType {
    /// A short name for messages and the schema.
    pub fn name(&self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Number { .. } => "number",
            FactType::Date => "date",
            FactType::Enum { .. } => "enum",
            FactType::Set { .. } => "set",
            FactType::Regions => "regions",
            FactType::Text => "text",
        }
    }

    /// The allowed values of an enum or set.
    pub fn allowed_values(&self) -> Option<&[EnumValue]> {
        match self {
            FactType::Enum { values } | FactType::Set { values } => Some(values),
            _ => None,
        }
    }

    /// Whether values of this type are sets (membership, intersection).
    pub fn is_set(&self) -> bool {
        matches!(self, FactType::Set { .. } | FactType::Regions)
    }
}

/// A fact that manifests give and conditions read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactDef {
    /// Its index in the vocabulary.
    pub id: FactId,
    /// The subject kind it describes.
    pub subject: String,
    /// Its name within the subject.
    pub name: String,
    /// The type of its values.
    pub ty: FactType,
    /// What it means.
    pub description: String,
    /// The question that asks a person for it.
    pub question: String,
    /// `subject.name`, as conditions write it (filled in by [`Vocabulary::new`]).
    #[serde(default)]
    pub qualified: String,
    /// How to compute the fact when a manifest does not give it: alternatives, the first whose inputs are all
    /// known wins (number facts only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derive: Vec<Derivation>,
    /// The smallest value a number fact can take (`min: 0` for counts, FLOP, money): a manifest giving less is
    /// an error, not an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// The largest value a number fact can take (`max: 100` for a percentage, `max: 1` for a share).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// A regions fact that says where the organization or the subject is present (established, doing business,
    /// placed on the market, used, its output used, the people it affects): when a manifest says its markets
    /// are complete (`markets_complete: true`), such a fact left out is known to lie within the markets listed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub market: bool,
}

/// One way to compute a derived fact, e.g. training compute from parameters and tokens (6·N·D).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    /// What the method is, in words (e.g. "parameters and tokens (6·N·D)").
    pub label: String,
    /// The numeric formula.
    pub formula: crate::condition::Condition,
    /// Where the method comes from, if a law or standard sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

impl FactDef {
    /// `subject.name`, as conditions write it.
    pub fn qualified(&self) -> String {
        format!("{}.{}", self.subject, self.name)
    }
}

/// A classification tier, with its rank for `--fail-on`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierDef {
    /// Identifier (e.g. `high`).
    pub id: String,
    /// Higher is more severe.
    pub rank: u32,
    /// What it means.
    pub description: String,
}

/// The vocabulary: every subject kind, fact and tier the corpus may use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Vocabulary {
    /// Subject kinds.
    pub subjects: Vec<SubjectKind>,
    /// Facts, indexed by [`FactId`].
    pub facts: Vec<FactDef>,
    /// Tiers.
    pub tiers: Vec<TierDef>,
    /// For each assessable subject kind, the other sections a manifest of that kind may carry besides its own
    /// and the context kinds (those not assessable, such as `organization`): the kinds whose facts its rules
    /// read (an `export` reads its `item`). Filled in by the corpus loader ([`Vocabulary::set_contexts`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub contexts: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(skip)]
    by_name: HashMap<String, HashMap<String, FactId>>,
}

impl Vocabulary {
    /// Builds a vocabulary; fact ids are assigned in order.
    pub fn new(subjects: Vec<SubjectKind>, mut facts: Vec<FactDef>, tiers: Vec<TierDef>) -> Self {
        for (i, f) in facts.iter_mut().enumerate() {
            f.id = i as FactId;
            f.qualified = format!("{}.{}", f.subject, f.name);
        }
        let mut v = Vocabulary {
            subjects,
            facts,
            tiers,
            contexts: Default::default(),
            by_name: HashMap::default(),
        };
        v.reindex();
        v
    }

    /// Rebuilds the name index.
    pub fn reindex(&mut self) {
        // Nested maps so that look-ups by `&str` allocate nothing (the batch path does millions of them).
        let mut by_name: HashMap<String, HashMap<String, FactId>> = HashMap::default();
        for f in &self.facts {
            by_name
                .entry(f.subject.clone())
                .or_default()
                .insert(f.name.clone(), f.id);
        }
        self.by_name = by_name;
    }

    /// Looks a fact up by subject and name.
    pub fn fact(&self, subject: &str, name: &str) -> Option<&FactDef> {
        self.by_name
            .get(subject)
            .and_then(|m| m.get(name))
            .map(|&i| &self.facts[i as usize])
    }

    /// The facts of one subject kind by name, for many look-ups in one section (the batch parser).
    pub fn section(&self, subject: &str) -> Option<&HashMap<String, FactId>> {
        self.by_name.get(subject)
    }

    /// Looks a fact up by its qualified name `subject.name`.
    pub fn fact_qualified(&self, qualified: &str) -> Option<&FactDef> {
        let (s, n) = qualified.split_once('.')?;
        self.fact(s, n)
    }

    /// A subject kind by id.
    pub fn subject(&self, id: &str) -> Option<&SubjectKind> {
        self.subjects.iter().find(|s| s.id == id)
    }

    /// The facts of one subject kind.
    pub fn facts_of<'a>(&'a self, subject: &'a str) -> impl Iterator<Item = &'a FactDef> + 'a {
        self.facts.iter().filter(move |f| f.subject == subject)
    }

    /// Records, for each subject kind, the facts its rules read (as `(subject, fact)` pairs), keeping the other
    /// sections among them as the sections a manifest of that kind may carry.
    pub fn set_contexts<'a, I: IntoIterator<Item = (&'a str, FactId)>>(&mut self, reads: I) {
        let mut contexts: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for (subject, fact) in reads {
            let Some(f) = self.facts.get(fact as usize) else {
                continue;
            };
            if f.subject != subject && self.subject(&f.subject).is_some_and(|k| k.assessable) {
                let list = contexts.entry(subject.to_string()).or_default();
                if !list.contains(&f.subject) {
                    list.push(f.subject.clone());
                }
            }
        }
        for list in contexts.values_mut() {
            list.sort();
        }
        self.contexts = contexts;
    }

    /// Whether a manifest of subject kind `subject` may carry the section `section`: its own, a context kind (not
    /// assessable, such as `organization`), or one its rules read ([`Vocabulary::contexts`]).
    pub fn section_allowed(&self, subject: &str, section: &str) -> bool {
        subject == section
            || self.subject(section).is_some_and(|k| !k.assessable)
            || self
                .contexts
                .get(subject)
                .is_some_and(|l| l.iter().any(|s| s == section))
    }

    /// A tier by id.
    pub fn tier(&self, id: &str) -> Option<&TierDef> {
        self.tiers.iter().find(|t| t.id == id)
    }
}

/// Suggests the closest candidate to `word` ("did you mean"), if one is close enough.
pub fn did_you_mean<'a, I: IntoIterator<Item = &'a str>>(
    word: &str,
    candidates: I,
) -> Option<String> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let mut best: Option<(f64, &str)> = None;
    for &c in &candidates {
        let score = strsim::jaro_winkler(word, c);
        if score > 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c.to_string())
        .or_else(|| shared_word(word, &candidates))
}

/// The one candidate that shares the most words (`_`-separated, four letters or more) with `word`, when no other
/// shares as many: `recruitment_selection` meets `employment_recruitment`, which spelling alone does not reach.
fn shared_word(word: &str, candidates: &[&str]) -> Option<String> {
    let words = |s: &str| -> Vec<String> {
        s.split(['_', '-', ' '])
            .filter(|w| w.len() >= 4)
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let mine = words(word);
    let mut ranked: Vec<(usize, &str)> = candidates
        .iter()
        .map(|c| (words(c).iter().filter(|w| mine.contains(w)).count(), *c))
        .filter(|(n, _)| *n > 0)
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    match ranked.as_slice() {
        [(n, c), rest @ ..] if rest.first().is_none_or(|(m, _)| m < n) => Some(c.to_string()),
        _ => None,
    }
}

/// The Member States of the European Union (Art 52 TEU), as ISO 3166 codes (Greece is GR): the places the union
/// code `EU` covers when a manifest lists its markets.
pub const EU_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// The complete list of places where an organization and its subject are present, as a manifest gives it with
/// `markets_complete: true`. A market fact the manifest leaves out is then known to lie within these places: a
/// test of a place outside them is false, a test of a place within them stays unknown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Markets {
    /// The codes as the manifest wrote them (no ancestors added), sorted and deduplicated.
    codes: Vec<String>,
}

impl Markets {
    /// The markets from the codes a manifest lists.
    pub fn new<I: IntoIterator<Item = String>>(codes: I) -> Markets {
        let mut codes: Vec<String> = codes.into_iter().collect();
        codes.sort();
        codes.dedup();
        Markets { codes }
    }

    /// The codes as written.
    pub fn codes(&self) -> &[String] {
        &self.codes
    }

    /// Whether a market fact could contain `code`: the code is a market, lies within one (`US-NY` within `US`,
    /// `DE` within `EU`), or contains one (`US` contains `US-CA`, whose facts also list `US`; `EU` contains `DE`).
    pub fn possible(&self, code: &str) -> bool {
        let within = |inner: &str, outer: &str| {
            inner.len() > outer.len()
                && inner.starts_with(outer)
                && inner.as_bytes()[outer.len()] == b'-'
        };
        let eu_member = |c: &str| EU_MEMBER_STATES.contains(&c);
        self.codes.iter().any(|m| {
            m == code
                || within(code, m)
                || within(m, code)
                || (m == "EU" && eu_member(code))
                || (code == "EU" && eu_member(m))
        })
    }
}

/// Whether `code` is a well-formed region code: `DE`, `US-CA`, `US-NY-NYC`, or the union code `EU`.
pub fn is_region_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let Some(country) = parts.next() else {
        return false;
    };
    country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && parts.all(|p| {
            (1..=3).contains(&p.len())
                && p.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

/// ISO 3166-1 alpha-2 codes (officially assigned), plus `EU` (the Union, exceptionally reserved) and `XK` (Kosovo,
/// user-assigned but in common use).
#[rustfmt::skip]
const COUNTRIES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV",
    "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV",
    "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "EU",
    "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP",
    "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN",
    "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW",
    "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF",
    "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ",
    "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH",
    "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC",
    "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ",
    "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG",
    "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM",
    "ZW",
];

/// US subdivisions (ISO 3166-2:US): the 50 states, DC and the outlying areas.
#[rustfmt::skip]
const US_SUBDIVISIONS: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
    "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP",
    "PR", "UM", "VI",
];

/// A set of two-letter codes as a bit table (bit `second` of word `first`), built at compile time, so that a
/// look-up costs two indexings: the batch checks millions of region codes.
const fn letter_table(codes: &[&str]) -> [u32; 26] {
    let mut table = [0u32; 26];
    let mut i = 0;
    while i < codes.len() {
        let b = codes[i].as_bytes();
        table[(b[0] - b'A') as usize] |= 1 << (b[1] - b'A');
        i += 1;
    }
    table
}

const COUNTRY_TABLE: [u32; 26] = letter_table(COUNTRIES);
const US_TABLE: [u32; 26] = letter_table(US_SUBDIVISIONS);

/// Whether a two-letter code is in a [`letter_table`].
fn in_table(table: &[u32; 26], code: &str) -> bool {
    match code.as_bytes() {
        &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
            table[(a - b'A') as usize] & (1 << (b - b'A')) != 0
        }
        _ => false,
    }
}

/// Cities with laws of their own, as `<country>-<state>-<city>`.
const CITIES: &[&str] = &["US-NY-NYC"];

/// Whether `code` names a place aigov knows: an ISO 3166-1 country (or `EU`, or a private-use code), a US state or territory
/// (`US-CA`), a city listed in [`CITIES`] (`US-NY-NYC`), or a well-formed subdivision of another known country
/// (`DE-BY`; only US subdivisions are enumerated). Returns why not, with a suggestion, when it does not.
pub fn check_region_code(code: &str) -> Result<(), String> {
    // The common forms (`DE`, `US-CA`) on bytes first: the batch checks millions of codes.
    let b = code.as_bytes();
    match b.len() {
        2 if in_table(&COUNTRY_TABLE, code) => return Ok(()),
        5 if b[2] == b'-' && b.starts_with(b"US") && in_table(&US_TABLE, &code[3..]) => {
            return Ok(())
        }
        _ => {}
    }
    if !is_region_code(code) {
        let upper = code.trim().to_ascii_uppercase();
        return Err(if upper != code && is_region_code(&upper) {
            format!("write region codes in capitals: \"{upper}\"")
        } else {
            "use ISO 3166 codes in capitals: DE, FR, US, US-CA, US-NY-NYC".into()
        });
    }
    let mut parts = code.split('-');
    let country = parts.next().unwrap_or("");
    let sub = parts.next();
    let unknown = |what: &str, candidates: Vec<&str>| {
        let hint = did_you_mean(code, candidates.iter().copied())
            .map(|s| format!("did you mean \"{s}\"?"))
            .unwrap_or_else(|| "use ISO 3166 codes: DE, FR, US, US-CA, US-NY-NYC".into());
        Err(format!("unknown {what}; {hint}"))
    };
    // ISO 3166 leaves AA, QM-QZ, XA-XZ and ZZ to private use: a corpus may name its own places with them (the
    // test fixtures' jurisdiction `XX`).
    let private = matches!(country.as_bytes(), [b'A', b'A'] | [b'Z', b'Z'] | [b'X', _])
        || (country.as_bytes()[0] == b'Q' && country.as_bytes()[1] >= b'M');
    if !in_table(&COUNTRY_TABLE, country) && !private {
        if country == "UK" {
            return Err("the ISO code of the United Kingdom is \"GB\"".into());
        }
        return unknown("country code", COUNTRIES.to_vec());
    }
    let all_us = || {
        let mut v: Vec<String> = US_SUBDIVISIONS.iter().map(|s| format!("US-{s}")).collect();
        v.extend(CITIES.iter().map(|c| c.to_string()));
        v
    };
    match (country, sub) {
        (_, None) => Ok(()),
        ("US", Some(s)) if !in_table(&US_TABLE, s) => {
            let v = all_us();
            unknown("US state", v.iter().map(String::as_str).collect())
        }
        _ if code.matches('-').count() == 2 && !CITIES.contains(&code) => {
            let v = all_us();
            unknown("city code", v.iter().map(String::as_str).collect())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_a_value_by_a_shared_word_when_spelling_is_too_far() {
        let uses = [
            "education_admission",
            "employment_recruitment",
            "employment_decisions",
        ];
        // One value shares the word: it is suggested.
        assert_eq!(
            did_you_mean("recruitment_selection", uses).as_deref(),
            Some("employment_recruitment")
        );
        // Two values share as many words: no guess.
        assert_eq!(did_you_mean("hiring_employment", uses), None);
        // Words under four letters do not count.
        assert_eq!(did_you_mean("ai_use", ["ai_act", "use_case"]), None);
        // A near spelling still wins first.
        assert_eq!(
            did_you_mean("employment_recruitmnt", uses).as_deref(),
            Some("employment_recruitment")
        );
    }

    #[test]
    fn markets_rule_out_places_outside_them_and_only_those() {
        let m = Markets::new(["US-CA".to_string(), "EU".to_string()]);
        // The markets, the places above them (a fact listing US-CA also lists US) and within them.
        for possible in ["US-CA", "US", "EU", "DE", "FR", "GR"] {
            assert!(m.possible(possible), "{possible}");
        }
        for outside in ["US-NY", "US-TX", "CN", "GB", "CH", "US-NY-NYC"] {
            assert!(!m.possible(outside), "{outside}");
        }
        let m = Markets::new(["US".to_string(), "DE".to_string()]);
        assert!(
            m.possible("US-NY-NYC") && m.possible("US-TX"),
            "US covers every state"
        );
        assert!(m.possible("EU"), "a member state is in the union");
        assert!(!m.possible("FR") && !m.possible("CN"));
        assert_eq!(m.codes(), ["DE", "US"]);
    }

    #[test]
    fn region_codes_are_checked_against_iso_3166() {
        assert_eq!(COUNTRIES.len(), 251); // 249 assigned, EU and XK
                                          // The bit tables hold exactly the lists.
        let count = |t: &[u32; 26]| t.iter().map(|w| w.count_ones()).sum::<u32>();
        assert_eq!(count(&COUNTRY_TABLE), 251);
        assert_eq!(count(&US_TABLE) as usize, US_SUBDIVISIONS.len());
        assert!(COUNTRIES.iter().all(|c| in_table(&COUNTRY_TABLE, c)));
        assert!(!in_table(&COUNTRY_TABLE, "FX") && !in_table(&US_TABLE, "XX"));
        for ok in [
            "DE",
            "FR",
            "US",
            "EU",
            "US-CA",
            "US-NY-NYC",
            "US-DC",
            "DE-BY",
            "CN",
            "XX",
            "QZ",
        ] {
            assert_eq!(check_region_code(ok), Ok(()), "{ok}");
        }
        for bad in [
            "FX", "EN", "UK", "US-CAL", "US-XX", "US-NY-LA", "us", "D", "DEU",
        ] {
            assert!(check_region_code(bad).is_err(), "{bad}");
        }
        assert!(check_region_code("UK").unwrap_err().contains("GB"));
        assert!(check_region_code("us-ca").unwrap_err().contains("US-CA"));
        assert!(check_region_code("US-NY-NY")
            .unwrap_err()
            .contains("US-NY-NYC"));
    }
}
