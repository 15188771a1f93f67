//! The chip catalog (`catalog/chips.yaml`, embedded) and the export-control commands built on it:
//! `aigov chips` lists the catalog, `aigov export classify CHIP|FILE` classifies a chip (or an item manifest)
//! under the US export control rules of the corpus as of a date, with the TPP/PD arithmetic and a timeline of
//! how the classification changed since the first advanced computing rule (7 Oct 2022).

use crate::i18n::{Arg, Lang};
use crate::AppError;
use crate::OutputFormat;
use aigov_core::assess::{Assessment, Engine, Options};
use aigov_core::condition::TraceNode;
use aigov_core::manifest::Facts;
use aigov_core::model::Effect;
use aigov_core::Truth;
use aigov_core::{Date, Status};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// The catalog as shipped in the repository, embedded at build time.
static CATALOG: &str = include_str!("../../../catalog/chips.yaml");

/// The classification regimes of the export-control corpus (other regimes' findings about items are left out).
const EXPORT_REGIMES: [&str; 2] = ["us_ear", "us_sec232"];

/// The first date of the timeline: the October 2022 advanced computing rule.
const TIMELINE_START: &str = "2022-10-07";

/// Errors of the chip catalog and the classify command.
#[derive(Debug, thiserror::Error)]
pub enum ChipError {
    /// The embedded catalog does not parse (a bug caught by the tests).
    #[error("the chip catalog is invalid: {0}")]
    Catalog(String),
    /// No chip of that name.
    #[error("no chip named `{query}` in the catalog")]
    NotFound {
        /// What was asked for.
        query: String,
        /// The closest name, if any.
        suggestion: Option<String>,
    },
    /// A manifest describes no item facts that the classification could use.
    #[error(
        "{0}: the manifest is about `{1}`; `export classify` needs an `item` or `export` manifest"
    )]
    WrongSubject(String, String),
}

impl From<ChipError> for AppError {
    fn from(e: ChipError) -> AppError {
        let help = match &e {
            ChipError::Catalog(_) => {
                "report this as a bug: catalog/chips.yaml must parse".to_string()
            }
            ChipError::NotFound {
                suggestion: Some(s),
                ..
            } => format!("did you mean `{s}`? (`aigov chips` lists the catalog)"),
            ChipError::NotFound { .. } => {
                "`aigov chips` lists the catalog; or pass an item manifest (FILE.yaml)".to_string()
            }
            ChipError::WrongSubject(..) => {
                "write `subject: item` and describe the chip in an `item:` section".to_string()
            }
        };
        match e {
            ChipError::Catalog(_) => AppError::internal(e.to_string()),
            ChipError::NotFound { .. } => AppError::not_found(e.to_string(), help),
            ChipError::WrongSubject(..) => AppError::invalid(e.to_string(), help),
        }
    }
}

/// The chip catalog.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The chips, in the catalog's order.
    pub chips: Vec<Chip>,
}

/// One number format of a chip with its dense throughput.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChipFormat {
    /// The format's name (FP8, INT8, FP16, BF16, FP4, ...).
    pub format: String,
    /// Its bit length.
    pub bits: f64,
    /// Peak dense (non-sparse) TOPS/TFLOPS at this format.
    pub dense_tops: f64,
}

impl ChipFormat {
    /// TPP at this format: dense TOPS × bit length.
    pub fn tpp(&self) -> f64 {
        self.dense_tops * self.bits
    }
}

/// A chip of the catalog with its published specifications.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Chip {
    /// The name, as the vendor markets it.
    pub name: String,
    /// Other names that find it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The vendor.
    pub vendor: String,
    /// The item kind (`integrated_circuit`, ...), as in the corpus vocabulary.
    pub kind: String,
    /// Designed or marketed for data centres.
    pub datacenter: Option<bool>,
    /// Dense throughput per format.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formats: Vec<ChipFormat>,
    /// TPP as published, where the per-format figures are not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tpp: Option<f64>,
    /// Applicable die area in mm².
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub die_area_mm2: Option<f64>,
    /// Aggregate bidirectional chip-to-chip I/O in GB/s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_bandwidth_gbps: Option<f64>,
    /// Total memory bandwidth in GB/s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_bandwidth_gbps: Option<f64>,
    /// The is-informed letters that name the chip.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub is_informed_scope: Vec<String>,
    /// Some figure is estimated, inferred or missing.
    #[serde(default)]
    pub estimated: bool,
    /// What is estimated or missing, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the figures come from.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Chip {
    /// The format giving the highest TPP, if any format is known.
    pub fn best_format(&self) -> Option<&ChipFormat> {
        self.formats
            .iter()
            .max_by(|a, b| a.tpp().total_cmp(&b.tpp()))
    }

    /// TPP: as published, else the maximum over formats of dense TOPS × bit length.
    pub fn tpp(&self) -> Option<f64> {
        self.tpp.or_else(|| self.best_format().map(ChipFormat::tpp))
    }

    /// Performance density: TPP ÷ applicable die area.
    pub fn performance_density(&self) -> Option<f64> {
        match (self.tpp(), self.die_area_mm2) {
            (Some(t), Some(a)) if a > 0.0 => Some(t / a),
            _ => None,
        }
    }

    /// The chip as an `item` manifest tree: the best format's dense TOPS and bit length (so that the engine
    /// derives TPP and shows the arithmetic), or the published TPP, and the other specifications.
    pub fn manifest(&self) -> serde_json::Value {
        let mut item = serde_json::Map::new();
        item.insert("kind".into(), self.kind.clone().into());
        item.insert("vendor".into(), self.vendor.clone().into());
        if let Some(f) = self.best_format().filter(|_| self.tpp.is_none()) {
            item.insert("dense_tops".into(), f.dense_tops.into());
            item.insert("bit_length".into(), f.bits.into());
        } else if let Some(t) = self.tpp {
            item.insert("tpp".into(), t.into());
        }
        let numbers = [
            ("die_area_mm2", self.die_area_mm2),
            ("io_bandwidth_gbps", self.io_bandwidth_gbps),
            ("memory_bandwidth_gbps", self.memory_bandwidth_gbps),
        ];
        for (k, v) in numbers {
            if let Some(v) = v {
                item.insert(k.into(), v.into());
            }
        }
        // Accelerators are classified under 3A090 itself, not under another CCL entry's .z paragraph.
        item.insert("also_described_elsewhere_on_ccl".into(), false.into());
        if let Some(d) = self.datacenter {
            item.insert("datacenter".into(), d.into());
        }
        item.insert(
            "is_informed_scope".into(),
            self.is_informed_scope.clone().into(),
        );
        serde_json::json!({ "subject": "item", "name": format!("{} {}", self.vendor, self.name), "item": item })
    }
}

/// Parses the embedded catalog.
pub fn catalog() -> Result<Catalog, ChipError> {
    serde_yaml_ng::from_str(CATALOG).map_err(|e| ChipError::Catalog(e.to_string()))
}

fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Catalog {
    /// Finds a chip by name or alias, ignoring case, spaces and punctuation ("h100 sxm", "RTX-4090D").
    pub fn find(&self, query: &str) -> Result<&Chip, ChipError> {
        let q = normalize(query);
        let names = |c: &'_ Chip| {
            let mut v = vec![c.name.clone()];
            v.extend(c.aliases.iter().cloned());
            v
        };
        if let Some(c) = self
            .chips
            .iter()
            .find(|c| names(c).iter().any(|n| normalize(n) == q))
        {
            return Ok(c);
        }
        let all: Vec<String> = self.chips.iter().flat_map(names).collect();
        let suggestion =
            aigov_core::vocabulary::did_you_mean(query, all.iter().map(String::as_str)).or_else(
                || {
                    // A prefix or substring match on the normalized names ("mi300" -> "MI300X").
                    self.chips
                        .iter()
                        .find(|c| !q.is_empty() && normalize(&c.name).contains(&q))
                        .map(|c| c.name.clone())
                },
            );
        Err(ChipError::NotFound {
            query: query.to_string(),
            suggestion,
        })
    }
}

/// A number for people: thousands separated, at most two decimals (`5286.4` -> `5,286.4`).
pub fn num(v: f64) -> String {
    let text = format!("{:.2}", v.abs());
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    {
        let s = int;
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
        if v < 0.0 {
            format!("-{out}")
        } else {
            out
        }
    }
}

/// `aigov chips`: the catalog as a table (or JSON).
pub fn list(format: OutputFormat) -> Result<String, AppError> {
    let cat = catalog()?;
    if format == OutputFormat::Json {
        let rows: Vec<serde_json::Value> = cat
            .chips
            .iter()
            .map(|c| {
                serde_json::json!({
                    "name": c.name,
                    "vendor": c.vendor,
                    "tpp": c.tpp(),
                    "performance_density": c.performance_density(),
                    "datacenter": c.datacenter,
                    "estimated": c.estimated,
                    "chip": c,
                })
            })
            .collect();
        return Ok(crate::report::json(
            "chips",
            &serde_json::json!({ "chips": rows }),
        ));
    }
    let md = format == OutputFormat::Markdown;
    let mut out = String::new();
    let header = ["Chip", "Vendor", "TPP", "PD", "Datacenter", "Estimated"];
    let rows: Vec<[String; 6]> = cat
        .chips
        .iter()
        .map(|c| {
            [
                c.name.clone(),
                c.vendor.clone(),
                c.tpp().map(num).unwrap_or_else(|| "—".into()),
                c.performance_density()
                    .map(|p| format!("{p:.2}"))
                    .unwrap_or_else(|| "—".into()),
                match c.datacenter {
                    Some(true) => "yes".into(),
                    Some(false) => "no".into(),
                    None => "?".into(),
                },
                if c.estimated { "yes".into() } else { "".into() },
            ]
        })
        .collect();
    if md {
        let _ = writeln!(out, "| {} |", header.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
        for r in &rows {
            let _ = writeln!(out, "| {} |", r.join(" | "));
        }
    } else {
        let mut widths = header.map(|h| h.chars().count());
        for r in &rows {
            for (w, cell) in widths.iter_mut().zip(r.iter()) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let mut s = String::new();
            for (i, (cell, w)) in cells.iter().zip(widths.iter()).enumerate() {
                let pad = w.saturating_sub(cell.chars().count());
                // Numbers right-aligned, text left-aligned.
                if i == 2 || i == 3 {
                    s.push_str(&" ".repeat(pad));
                    s.push_str(cell);
                } else {
                    s.push_str(cell);
                    s.push_str(&" ".repeat(pad));
                }
                s.push_str("  ");
            }
            s.trim_end().to_string()
        };
        let _ = writeln!(out, "{}", line(&header.map(String::from)));
        let _ = writeln!(out, "{}", line(&widths.map(|w| "-".repeat(w))));
        for r in &rows {
            let _ = writeln!(out, "{}", line(r));
        }
        let _ = writeln!(
            out,
            "\nTPP = max over formats of dense TOPS × bit length; PD = TPP / applicable die area (mm²).\n\
             `aigov export classify CHIP` classifies a chip on a date; `--format json` gives every figure and source."
        );
    }
    Ok(out)
}

/// One classification of the item on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassLine {
    /// The tier (e.g. `eccn_3a090_a`).
    pub tier: String,
    /// A short label (e.g. `3A090.a`).
    pub label: String,
    /// The axis (`eccn`, `eccn_z`, `sec232_tariff`).
    pub axis: String,
    /// The rule that classifies.
    pub rule: String,
    /// Its citation.
    pub citation: String,
    /// Its status on the date (in_effect, suspended, undetermined, upcoming).
    pub status: String,
    /// Since when it applies.
    pub applies_from: String,
    /// The precise paragraph, where the corpus names sub-paragraphs: `3A090.a.1`, `3A090.b.2`; for a 4A090
    /// item, the ECCN paragraph itself (`4A090.a`), the IC's sub-paragraph being in `meets`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    /// Every 3A090 sub-paragraph whose parameters the item (or the IC it contains) meets, e.g. `3A090.a.1` and
    /// `3A090.a.2` for an H100.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub meets: Vec<String>,
    /// The tests that place it there, with the item's values: one line per sub-paragraph met
    /// (`3A090.a.1: TPP 15,832 ≥ 4800`), or one line of the class's own conditions where it has none (a 3A090.a
    /// under the October 2022 text, a Section 232 band).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tests: Vec<String>,
    /// The same tests, structured (rendered in a language by [`test_lines`]): one group per sub-paragraph met,
    /// or one group without a paragraph for the class's own conditions.
    #[serde(skip)]
    pub checks: Vec<Checks>,
}

/// The tests of one paragraph (or of a class without sub-paragraphs), structured.
#[derive(Debug, Clone, PartialEq)]
pub struct Checks {
    /// The sub-paragraph (`3A090.a.2`), if the tests are a sub-paragraph's.
    pub paragraph: Option<String>,
    /// The conditions met.
    pub tests: Vec<ItemTest>,
}

/// A condition the item meets, with its value.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemTest {
    /// A yes/no fact that holds: `designed or marketed for data centres`.
    Holds {
        /// The qualified fact (`item.datacenter`).
        fact: String,
    },
    /// A comparison of the item's value with a threshold: `TPP 4,992 ≥ 4800`.
    Compare {
        /// The qualified fact (`item.tpp`).
        fact: String,
        /// The item's value, as shown (`4,992`).
        value: String,
        /// The operator (`≥`, `≤`, `>`, `<`, `=`, `≠`).
        op: String,
        /// The threshold as the corpus writes it (`4800`).
        threshold: String,
    },
    /// Any other condition: its expression and the facts' values, as the engine traced them.
    Other {
        /// The expression.
        expr: String,
        /// `fact = value` pairs.
        values: Vec<String>,
    },
}

/// One line of the TPP / performance-density arithmetic, structured (rendered by [`arithmetic_line`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Arith {
    /// A catalog chip's TPP, the highest over its formats.
    Formats(Vec<FormatTpp>),
    /// A catalog chip's TPP as published.
    Published,
    /// A catalog chip without a TPP.
    Unknown,
    /// A manifest's TPP as given.
    FromManifest,
    /// A value the engine derived: `PD = TPP / applicable die area = 4,992 / 826 = 6.04`.
    Derived {
        /// The qualified fact (`item.performance_density`).
        fact: String,
        /// The corpus's label of the method (`TPP / applicable die area`).
        method: String,
        /// The arithmetic with the numbers, as shown (`4,992 / 826 = 6.04`).
        figures: String,
    },
}

/// One format's TPP in a chip's arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub struct FormatTpp {
    /// The format (`FP16`).
    pub format: String,
    /// Dense TOPS at the format.
    pub dense_tops: f64,
    /// Bit length.
    pub bits: f64,
    /// TPP at the format.
    pub tpp: f64,
    /// The highest of the chip.
    pub max: bool,
}

/// One change of classification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// The date of the change.
    pub date: String,
    /// The classifications from that date (empty: not controlled by these rules).
    pub classes: Vec<String>,
    /// The same classifications, structured (rendered in a language by [`timeline_classes`]).
    #[serde(skip)]
    pub lines: Vec<ClassLine>,
}

/// A timeline entry's classifications in `lang`: `3A090.a.1 (also meets .a.2)`, `.z paragraph (undetermined)`.
pub fn timeline_classes(lang: Lang, t: &TimelineEntry) -> Vec<String> {
    let mut v: Vec<String> = t
        .lines
        .iter()
        .map(|c| {
            let label = class_label(lang, c);
            match (c.status.as_str(), Status::parse(&c.status)) {
                ("in_effect", _) => label,
                (_, Some(st)) if lang != Lang::En => lang.ta(
                    "item-class-status",
                    &[
                        ("label", Arg::Str(&label)),
                        ("status", Arg::Str(&lang.status(st))),
                    ],
                ),
                (s, _) => format!("{label} ({})", s.replace('_', " ")),
            }
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The result of `aigov export classify`.
#[derive(Debug, Clone, Serialize)]
pub struct Classified {
    /// The chip or item's name.
    pub name: String,
    /// The date of the answer.
    pub as_of: String,
    /// TPP, if known.
    pub tpp: Option<f64>,
    /// Performance density, if known.
    pub performance_density: Option<f64>,
    /// How TPP and PD were obtained, one line each.
    pub arithmetic: Vec<String>,
    /// The same, structured (rendered in a language by [`arithmetic_line`]).
    #[serde(skip)]
    pub arithmetic_parts: Vec<Arith>,
    /// The classifications on the date.
    pub classifications: Vec<ClassLine>,
    /// Questions whose answers would settle undetermined classifications.
    pub questions: Vec<String>,
    /// The facts the questions ask for, in the same order (for translated questions).
    #[serde(skip)]
    pub question_facts: Vec<String>,
    /// How the classification changed from 2022-10-07 to the date.
    pub timeline: Vec<TimelineEntry>,
    /// The April 2025 is-informed letters that name the item (they bind only their addressees).
    pub is_informed_letters: Vec<String>,
    /// Catalog caveats (estimated figures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A short label for a tier: `eccn_3a090_a` -> `3A090.a`, `eccn_z` -> `.z paragraph`.
pub fn tier_label(tier: &str) -> String {
    match tier {
        "eccn_z" => ".z paragraph".into(),
        "sec232_band_1" => "Sec 232 tariff band 1".into(),
        "sec232_band_2" => "Sec 232 tariff band 2".into(),
        t => match t.strip_prefix("eccn_") {
            Some(rest) => {
                let (code, para) = rest.split_once('_').unwrap_or((rest, ""));
                if para.is_empty() {
                    code.to_uppercase()
                } else {
                    // Sub-paragraphs: `eccn_3a090_a_1` -> `3A090.a.1`.
                    format!("{}.{}", code.to_uppercase(), para.replace('_', "."))
                }
            }
            None => t.to_string(),
        },
    }
}

/// The axis of the corpus's sub-paragraph classifications (3A090.a.1, .a.2, .b.1, .b.2).
const PARAGRAPH_AXIS: &str = "eccn_paragraph";

/// A fact's name for people in a test line, in `lang`: `item.tpp` reads `TPP`, `item.datacenter` reads
/// `designed or marketed for data centres`; a fact without a name reads as its id.
fn fact_label(lang: Lang, fact: &str) -> String {
    let key = match fact {
        "item.tpp" => "item-fact-tpp",
        "item.performance_density" => "item-fact-pd",
        "item.datacenter" => "item-fact-datacenter",
        "item.die_area_mm2" => "item-fact-die-area",
        "item.dense_tops" => "item-fact-dense-tops",
        "item.mac_tops" => "item-fact-mac-tops",
        "item.bit_length" => "item-fact-bit-length",
        "item.io_bandwidth_gbps" => "item-fact-io-bandwidth",
        "item.memory_bandwidth_gbps" => "item-fact-memory-bandwidth",
        "item.memory_bandwidth_density" => "item-fact-memory-bandwidth-density",
        f => return f.to_string(),
    };
    lang.t(key)
}

/// An operator for people: `>=` reads `≥`.
fn op_sign(op: &str) -> Option<&'static str> {
    Some(match op {
        ">=" => "≥",
        "<=" => "≤",
        ">" => ">",
        "<" => "<",
        "==" => "=",
        "!=" => "≠",
        _ => return None,
    })
}

/// A condition of the derivation that holds, structured: `item.tpp >= 4800` with `item.tpp = 15832` is a
/// comparison of `15,832` with `4800`; a yes/no fact that holds is just the fact.
fn leaf_test(node: &TraceNode) -> ItemTest {
    let value_of = |fact: &str| {
        node.values.iter().find_map(|v| {
            v.split_once(" = ")
                .filter(|(f, _)| *f == fact)
                .map(|(_, value)| value)
        })
    };
    let tokens: Vec<&str> = node.expr.split_whitespace().collect();
    let other = || ItemTest::Other {
        expr: node.expr.clone(),
        values: node.values.clone(),
    };
    match tokens.as_slice() {
        [fact] if value_of(fact) == Some("true") => ItemTest::Holds {
            fact: fact.to_string(),
        },
        [fact, "==", "true"] if value_of(fact) == Some("true") => ItemTest::Holds {
            fact: fact.to_string(),
        },
        [fact, op, threshold] => match (value_of(fact), op_sign(op)) {
            (Some(v), Some(sign)) if threshold.parse::<f64>().is_ok() => match v.parse::<f64>() {
                Ok(n) => ItemTest::Compare {
                    fact: fact.to_string(),
                    value: num(n),
                    op: sign.to_string(),
                    threshold: threshold.to_string(),
                },
                Err(_) => other(),
            },
            _ => other(),
        },
        _ => other(),
    }
}

/// A test in `lang`: `TPP 4,992 ≥ 4800`, `designed or marketed for data centres`.
pub fn test_text(lang: Lang, t: &ItemTest) -> String {
    match t {
        ItemTest::Holds { fact } => fact_label(lang, fact),
        ItemTest::Compare {
            fact,
            value,
            op,
            threshold,
        } => format!("{} {value} {op} {threshold}", fact_label(lang, fact)),
        ItemTest::Other { expr, values } => {
            let mut text = expr
                .replace(">=", "≥")
                .replace("<=", "≤")
                .replace("==", "=")
                .replace("!=", "≠");
            for v in values {
                if let Some((fact, value)) = v.split_once(" = ") {
                    let shown = value
                        .parse::<f64>()
                        .map(num)
                        .unwrap_or_else(|_| value.to_string());
                    let with_value = if value == "true" {
                        fact_label(lang, fact)
                    } else {
                        format!("{} {shown}", fact_label(lang, fact))
                    };
                    text = text.replacen(fact, &with_value, 1);
                }
            }
            // A bare boolean fact that holds reads as its label alone.
            text.trim_end_matches(" = true").to_string()
        }
    }
}

/// A classification's test lines in `lang`: one per sub-paragraph met (`3A090.a.1: TPP 15,832 ≥ 4800`), or one
/// line of the class's own conditions.
pub fn test_lines(lang: Lang, l: &ClassLine) -> Vec<String> {
    let sep = lang.t("item-list-separator");
    l.checks
        .iter()
        .filter(|c| c.paragraph.is_some() || !c.tests.is_empty())
        .map(|c| {
            let tests = c
                .tests
                .iter()
                .map(|t| test_text(lang, t))
                .collect::<Vec<_>>()
                .join(&sep);
            match &c.paragraph {
                Some(p) => lang.ta(
                    "item-paragraph-tests",
                    &[("paragraph", Arg::Str(p)), ("tests", Arg::Str(&tests))],
                ),
                None => tests,
            }
        })
        .collect()
}

/// A classification's label in `lang`: `3A090.a.1 (also meets .a.2)`, `4A090.a (its integrated circuit meets
/// 3A090.a.1)`, `.z paragraph`.
pub fn class_label(lang: Lang, l: &ClassLine) -> String {
    let base = match l.tier.as_str() {
        "eccn_z" => lang.t("item-tier-z"),
        "sec232_band_1" => lang.t("item-tier-sec232-band-1"),
        "sec232_band_2" => lang.t("item-tier-sec232-band-2"),
        t => tier_label(t),
    };
    let Some((first, rest)) = l.meets.split_first() else {
        return base;
    };
    let others: Vec<&str> = rest.iter().map(|p| p.trim_start_matches("3A090")).collect();
    if l.tier.starts_with("eccn_3a090") {
        if others.is_empty() {
            first.clone()
        } else {
            lang.ta(
                "item-also-meets",
                &[
                    ("label", Arg::Str(first)),
                    ("others", Arg::Str(&others.join(", "))),
                ],
            )
        }
    } else {
        let and = lang.t("item-and");
        let mut met = first.clone();
        for o in &others {
            met.push_str(&and);
            met.push_str(o);
        }
        lang.ta(
            "item-ic-meets",
            &[("label", Arg::Str(&base)), ("met", Arg::Str(&met))],
        )
    }
}

/// The conditions met in a finding's derivation, structured. The item's kind, which only selects the entry, is
/// left out.
fn tests_of(node: &TraceNode, out: &mut Vec<ItemTest>) {
    if node.result != Truth::True {
        return;
    }
    if node.children.is_empty() {
        if node.expr.starts_with("item.kind") {
            return;
        }
        let t = leaf_test(node);
        if !out.contains(&t) {
            out.push(t);
        }
        return;
    }
    match node.op.as_deref() {
        // An `or` that holds is decided by its true branches; show the first.
        Some("or") => {
            if let Some(c) = node.children.iter().find(|c| c.result == Truth::True) {
                tests_of(c, out);
            }
        }
        _ => node.children.iter().for_each(|c| tests_of(c, out)),
    }
}

fn classes_of(a: &Assessment<'_>) -> Vec<ClassLine> {
    let line = |f: &aigov_core::assess::Finding<'_>, axis: &str, tier: &str| {
        let mut tests = Vec::new();
        if f.status == Status::InEffect {
            if let Some(d) = &f.derivation {
                tests_of(&d.condition, &mut tests);
            }
        }
        ClassLine {
            tier: tier.to_string(),
            label: tier_label(tier),
            axis: axis.to_string(),
            rule: f.rule.to_string(),
            citation: f.citation.to_string(),
            status: f.status.as_str().to_string(),
            applies_from: f.applies_from.to_string(),
            paragraph: None,
            meets: Vec::new(),
            tests: Vec::new(),
            checks: if tests.is_empty() {
                Vec::new()
            } else {
                vec![Checks {
                    paragraph: None,
                    tests,
                }]
            },
        }
    };
    let mut all: Vec<ClassLine> = a
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.status,
                Status::InEffect | Status::Suspended | Status::Undetermined
            )
        })
        .filter_map(|f| match f.effect {
            Effect::Classification { regime, axis, tier }
                if EXPORT_REGIMES.contains(&regime.as_str()) =>
            {
                Some(line(f, axis, tier))
            }
            _ => None,
        })
        .collect();
    // The sub-paragraphs in effect are folded into the paragraph they refine: 3A090.a reads 3A090.a.1.
    let paragraphs: Vec<ClassLine> = all
        .iter()
        .filter(|l| l.axis == PARAGRAPH_AXIS && l.status == "in_effect")
        .cloned()
        .collect();
    all.retain(|l| l.axis != PARAGRAPH_AXIS);
    for l in all.iter_mut().filter(|l| l.status == "in_effect") {
        let letter = match l.tier.as_str() {
            "eccn_3a090_a" | "eccn_4a090_a" => "a",
            "eccn_3a090_b" | "eccn_4a090_b" => "b",
            _ => continue,
        };
        let prefix = format!("eccn_3a090_{letter}_");
        let met: Vec<&ClassLine> = paragraphs
            .iter()
            .filter(|p| p.tier.starts_with(&prefix))
            .collect();
        let Some(first) = met.first() else {
            continue;
        };
        l.meets = met.iter().map(|p| p.label.clone()).collect();
        l.checks = met
            .iter()
            .map(|p| Checks {
                paragraph: Some(p.label.clone()),
                tests: p.checks.iter().flat_map(|c| c.tests.clone()).collect(),
            })
            .collect();
        if l.tier.starts_with("eccn_3a090") {
            l.paragraph = Some(first.label.clone());
            l.citation = first.citation.clone();
        } else {
            l.paragraph = Some(l.label.clone());
        }
    }
    // The English words of the JSON answer; other languages render the structured parts.
    for l in all.iter_mut() {
        l.label = class_label(Lang::En, l);
        l.tests = test_lines(Lang::En, l);
    }
    all.sort_by(|a, b| a.status.cmp(&b.status).then(a.tier.cmp(&b.tier)));
    all
}

fn timeline_key(a: &Assessment<'_>) -> (Vec<String>, Vec<ClassLine>) {
    let entry = TimelineEntry {
        date: String::new(),
        classes: Vec::new(),
        lines: classes_of(a),
    };
    (timeline_classes(Lang::En, &entry), entry.lines)
}

/// The dates on which some rule about items may change its answer: version starts, application dates,
/// ends, and the lifecycle events of the instruments with item rules, between `start` and `end`.
fn change_dates(engine: &Engine, start: Date, end: Date) -> Vec<Date> {
    let corpus = &engine.corpus;
    let mut dates = vec![start];
    let mut instruments = Vec::new();
    for r in corpus.rules.iter().filter(|r| r.subject == "item") {
        for v in &r.versions {
            dates.push(v.from.date);
            dates.push(v.applies_from.date);
        }
        if let Some(u) = &r.until {
            dates.push(u.date);
        }
        if !instruments.contains(&r.instrument) {
            instruments.push(r.instrument);
        }
    }
    for i in instruments {
        if let Some(inst) = corpus.instruments.get(i) {
            dates.extend(inst.events.iter().map(|e| e.date));
        }
    }
    dates.push(end);
    dates.retain(|d| *d >= start && *d <= end);
    dates.sort();
    dates.dedup();
    dates
}

/// What `export classify` classifies: a chip of the catalog, by name, or the item described by a manifest.
#[derive(Debug)]
pub enum ClassifyTarget {
    /// A catalog chip's name (case-insensitive).
    Chip(String),
    /// An `item` or `export` manifest, with the name it was read from (for messages).
    Manifest {
        /// Where the manifest came from.
        name: String,
        /// Its facts.
        facts: Facts,
    },
}

/// `aigov export classify`: classifies a catalog chip or an item manifest.
pub fn classify(
    engine: &Engine,
    target: ClassifyTarget,
    as_of: Date,
    format: OutputFormat,
) -> Result<String, AppError> {
    let result = classified(engine, target, as_of)?;
    Ok(render(&result, format))
}

/// Classifies a catalog chip or an item manifest on `as_of`, with the TPP / performance-density arithmetic and
/// the classification at every date it changed since 2022-10-07: the typed answer behind `aigov export
/// classify` and the web app's export page.
pub fn classified(
    engine: &Engine,
    target: ClassifyTarget,
    as_of: Date,
) -> Result<Classified, AppError> {
    let vocabulary = &engine.corpus.vocabulary;
    let (mut facts, chip) = match target {
        ClassifyTarget::Manifest { name, facts } => {
            if facts.subject != "item" && facts.subject != "export" {
                return Err(ChipError::WrongSubject(name, facts.subject.clone()).into());
            }
            (facts, None)
        }
        ClassifyTarget::Chip(name) => {
            let cat = catalog()?;
            let chip = cat.find(&name)?.clone();
            let facts = aigov_core::manifest::bind(&chip.manifest(), vocabulary).map_err(|e| {
                AppError::Invalid {
                    message: format!("catalog chip `{}` does not fit the corpus vocabulary: {e}", chip.name),
                    help: "the corpus given with --corpus must declare the `item` facts of corpus/vocabulary/item.yaml".into(),
                }
            })?;
            (facts, Some(chip))
        }
    };
    // An export manifest's item section is classified as the item.
    facts.subject = "item".to_string();
    Ok(evaluate(engine, &facts, chip.as_ref(), as_of))
}

fn fact_number(engine: &Engine, facts: &Facts, a: &Assessment<'_>, name: &str) -> Option<f64> {
    let def = engine.corpus.vocabulary.fact("item", name)?;
    match facts.get(def.id) {
        Some(aigov_core::Value::Number(n)) => Some(*n),
        _ => {
            let q = format!("item.{name}");
            a.derived.iter().find(|d| d.fact == q).map(|d| d.value)
        }
    }
}

/// A derivation method's label in `lang`: the corpus's `dense TOPS x bit length` reads `dense TOPS × bit length`.
fn method_label(lang: Lang, method: &str) -> String {
    let key = match method {
        "dense TOPS x bit length" => "item-method-dense-tops",
        "2 x MacTOPS x bit length" => "item-method-mac-tops",
        "TPP / applicable die area" => "item-method-pd",
        "memory bandwidth / package area" => "item-method-hbm-density",
        m => return m.replace(" x ", " × "),
    };
    lang.t(key)
}

/// A line of the arithmetic in `lang`. A derived value: `item.tpp = 1979 * 8 = 15832 (dense TOPS x bit length)`
/// reads `TPP = dense TOPS × bit length = 1,979 × 8 = 15,832` (TPP also written as 2 × MacTOPS × bit length).
pub fn arithmetic_line(lang: Lang, a: &Arith) -> String {
    match a {
        Arith::Formats(formats) => {
            let parts: Vec<String> = formats
                .iter()
                .map(|f| {
                    let line = format!(
                        "{}: {} × {} = {}",
                        f.format,
                        num(f.dense_tops),
                        num(f.bits),
                        num(f.tpp)
                    );
                    if f.max {
                        lang.ta("item-format-max", &[("line", Arg::Str(&line))])
                    } else {
                        line
                    }
                })
                .collect();
            lang.ta(
                "item-tpp-formats",
                &[("formats", Arg::Str(&parts.join("; ")))],
            )
        }
        Arith::Published => lang.t("item-tpp-published"),
        Arith::Unknown => lang.t("item-tpp-unknown"),
        Arith::FromManifest => lang.t("item-tpp-manifest"),
        Arith::Derived {
            fact,
            method,
            figures,
        } => {
            let pretty = figures
                .split(' ')
                .map(|w| match w {
                    "*" | "x" => "×".to_string(),
                    w => w
                        .parse::<f64>()
                        .map(num)
                        .unwrap_or_else(|_| fact_label(lang, w)),
                })
                .collect::<Vec<_>>()
                .join(" ");
            let key = if fact == "item.tpp" && !method.contains("MacTOPS") {
                "item-derived-dense-tpp"
            } else {
                "item-derived"
            };
            lang.ta(
                key,
                &[
                    ("name", Arg::Str(&fact_label(lang, fact))),
                    ("method", Arg::Str(&method_label(lang, method))),
                    ("figures", Arg::Str(&pretty)),
                ],
            )
        }
    }
}

/// Assesses the item on `as_of` and on every date its classification could change.
pub fn evaluate(engine: &Engine, facts: &Facts, chip: Option<&Chip>, as_of: Date) -> Classified {
    let a = engine.assess(facts, &Options::as_of(as_of));
    let tpp = fact_number(engine, facts, &a, "tpp");
    let pd = fact_number(engine, facts, &a, "performance_density");
    let mut parts = Vec::new();
    match chip {
        Some(c) if c.tpp.is_none() && !c.formats.is_empty() => {
            let best = c.best_format().map(ChipFormat::tpp).unwrap_or_default();
            parts.push(Arith::Formats(
                c.formats
                    .iter()
                    .map(|f| FormatTpp {
                        format: f.format.clone(),
                        dense_tops: f.dense_tops,
                        bits: f.bits,
                        tpp: f.tpp(),
                        max: (f.tpp() - best).abs() < 1e-9,
                    })
                    .collect(),
            ));
        }
        Some(c) if c.tpp.is_some() => parts.push(Arith::Published),
        Some(_) => parts.push(Arith::Unknown),
        None => {}
    }
    for d in &a.derived {
        if chip.is_some() && d.fact == "item.tpp" {
            continue;
        }
        parts.push(Arith::Derived {
            fact: d.fact.to_string(),
            method: d.method.to_string(),
            figures: d.arithmetic.to_string(),
        });
    }
    if chip.is_none() && tpp.is_some() && !a.derived.iter().any(|d| d.fact == "item.tpp") {
        parts.push(Arith::FromManifest);
    }
    let arithmetic = parts.iter().map(|p| arithmetic_line(Lang::En, p)).collect();
    let start = TIMELINE_START.parse::<Date>().unwrap_or(as_of);
    let mut timeline: Vec<TimelineEntry> = Vec::new();
    for d in change_dates(engine, start.min(as_of), as_of) {
        let at = engine.assess(facts, &Options::as_of(d));
        let (key, lines) = timeline_key(&at);
        if timeline.last().map(|t| &t.classes) != Some(&key) {
            timeline.push(TimelineEntry {
                date: d.to_string(),
                classes: key,
                lines,
            });
        }
    }
    Classified {
        name: facts
            .name
            .clone()
            .or_else(|| chip.map(|c| format!("{} {}", c.vendor, c.name)))
            .unwrap_or_else(|| "item".into()),
        as_of: as_of.to_string(),
        tpp,
        performance_density: pd,
        arithmetic,
        arithmetic_parts: parts,
        classifications: classes_of(&a),
        questions: a.questions.iter().map(|q| q.question.to_string()).collect(),
        question_facts: a.questions.iter().map(|q| q.fact.to_string()).collect(),
        timeline,
        is_informed_letters: engine
            .corpus
            .vocabulary
            .fact("item", "is_informed_scope")
            .and_then(|d| match facts.get(d.id) {
                Some(aigov_core::Value::Set(v)) => Some(v.to_vec()),
                _ => None,
            })
            .unwrap_or_default(),
        note: chip.and_then(|c| {
            c.note.clone().map(|n| {
                if c.estimated {
                    format!("estimated: {n}")
                } else {
                    n
                }
            })
        }),
    }
}

/// The item's classification as a section of another report (an export's assessment): the TPP and performance
/// density with their arithmetic, then each classification with its paragraph's citation, and what would settle
/// an open one. Lines are bullets; the caller writes the heading.
pub fn summary_lines(c: &Classified) -> Vec<String> {
    summary_lines_in(c, Lang::En, None)
}

/// [`summary_lines`] in `lang`: the labels, tests and arithmetic rendered from their structured parts, the
/// questions from `texts` (the corpus's translations) where it has them, the citations as they are written.
pub fn summary_lines_in(
    c: &Classified,
    lang: Lang,
    texts: Option<&aigov_corpus::Texts>,
) -> Vec<String> {
    let unknown = lang.t("item-unknown");
    let mut lines = vec![lang.ta(
        "item-performance",
        &[
            (
                "tpp",
                Arg::Str(&c.tpp.map(num).unwrap_or_else(|| unknown.clone())),
            ),
            (
                "density",
                Arg::Str(
                    &c.performance_density
                        .map(|p| format!("{p:.2}"))
                        .unwrap_or_else(|| unknown.clone()),
                ),
            ),
        ],
    )];
    lines.extend(
        c.arithmetic_parts
            .iter()
            .map(|a| format!("  {}", arithmetic_line(lang, a))),
    );
    if c.classifications.is_empty() {
        lines.push(lang.t("item-not-classified"));
    }
    for l in &c.classifications {
        let status = match aigov_core::assess::Status::parse(&l.status) {
            Some(st) if lang != crate::i18n::Lang::En => lang.status(st),
            _ => l.status.replace('_', " "),
        };
        lines.push(
            lang.ta(
                "item-class",
                &[
                    ("label", Arg::Str(&class_label(lang, l))),
                    ("status", Arg::Str(&status)),
                    (
                        "date",
                        Arg::Str(
                            &l.applies_from
                                .parse::<aigov_core::Date>()
                                .map(|d| lang.date(d))
                                .unwrap_or_else(|_| l.applies_from.clone()),
                        ),
                    ),
                    (
                        "citation",
                        Arg::Str(&crate::localize::citation(lang, &l.citation)),
                    ),
                    ("rule", Arg::Str(&l.rule)),
                ],
            ),
        );
        lines.extend(test_lines(lang, l).iter().map(|t| format!("  {t}")));
    }
    lines.extend(c.questions.iter().enumerate().map(|(i, q)| {
        let question = c
            .question_facts
            .get(i)
            .and_then(|f| texts.and_then(|t| t.question(f)))
            .unwrap_or(q);
        lang.ta("item-to-settle", &[("question", Arg::Str(question))])
    }));
    lines
}

fn render(c: &Classified, format: OutputFormat) -> String {
    render_in(c, format, Lang::En, None)
}

/// `aigov export classify` in `lang`: the words from the message files (`classify-*`, `item-*`), the labels, tests
/// and arithmetic rendered from their parts, the questions from `texts` where it has them, dates and citations as
/// the language writes them. The catalog's note is printed as the catalog writes it. JSON is language-neutral.
pub fn render_in(
    c: &Classified,
    format: OutputFormat,
    lang: Lang,
    texts: Option<&aigov_corpus::Texts>,
) -> String {
    if format == OutputFormat::Json {
        return crate::report::json("classification", c);
    }
    let texts = texts.filter(|_| lang != Lang::En);
    let md = format == OutputFormat::Markdown;
    let width = crate::report::display_width;
    let h = |s: &str| {
        if md {
            format!("## {s}\n")
        } else {
            format!("{s}\n{}\n", "-".repeat(width(s)))
        }
    };
    let date = |d: &str| {
        d.parse::<Date>()
            .map(|d| lang.date(d))
            .unwrap_or_else(|_| d.to_string())
    };
    let as_of = date(&c.as_of);
    let mut out = String::new();
    let title = lang.ta(
        "classify-title",
        &[("name", Arg::Str(&c.name)), ("date", Arg::Str(&as_of))],
    );
    if md {
        let _ = writeln!(out, "# {title}\n");
    } else {
        let _ = writeln!(out, "{title}\n{}\n", "=".repeat(width(&title)));
    }
    out.push_str(&h(&lang.t("classify-performance")));
    let unknown = lang.t("item-unknown");
    let tpp = c.tpp.map(num).unwrap_or_else(|| unknown.clone());
    let pd = c
        .performance_density
        .map(|p| format!("{p:.2}"))
        .unwrap_or_else(|| unknown.clone());
    let _ = writeln!(
        out,
        "- {}",
        lang.ta("classify-tpp", &[("value", Arg::Str(&tpp))])
    );
    let _ = writeln!(
        out,
        "- {}",
        lang.ta("classify-pd", &[("value", Arg::Str(&pd))])
    );
    for a in &c.arithmetic_parts {
        let _ = writeln!(out, "  {}", arithmetic_line(lang, a));
    }
    if let Some(n) = &c.note {
        let _ = writeln!(
            out,
            "- {}",
            lang.ta("classify-note", &[("note", Arg::Str(n))])
        );
    }
    out.push('\n');
    out.push_str(&h(&lang.ta("classify-on", &[("date", Arg::Str(&as_of))])));
    if c.classifications.is_empty() {
        let _ = writeln!(out, "- {}", lang.t("classify-none"));
    }
    for l in &c.classifications {
        let status = match aigov_core::assess::Status::parse(&l.status) {
            Some(st) if lang != Lang::En => lang.status(st),
            _ => l.status.replace('_', " "),
        };
        let _ = writeln!(
            out,
            "- {}",
            lang.ta(
                "classify-class",
                &[
                    ("label", Arg::Str(&class_label(lang, l))),
                    ("axis", Arg::Str(&l.axis)),
                    ("status", Arg::Str(&status)),
                    ("date", Arg::Str(&date(&l.applies_from))),
                    (
                        "citation",
                        Arg::Str(&crate::localize::citation(lang, &l.citation)),
                    ),
                    ("rule", Arg::Str(&l.rule)),
                ],
            )
        );
        for t in test_lines(lang, l) {
            let _ = writeln!(out, "  {t}");
        }
    }
    for l in &c.is_informed_letters {
        let _ = writeln!(
            out,
            "- {}",
            lang.ta("classify-is-informed", &[("letter", Arg::Str(l))])
        );
    }
    for (i, q) in c.questions.iter().enumerate() {
        let question = c
            .question_facts
            .get(i)
            .and_then(|f| texts.and_then(|t| t.question(f)))
            .unwrap_or(q);
        let _ = writeln!(
            out,
            "- {}",
            lang.ta("item-to-settle", &[("question", Arg::Str(question))])
        );
    }
    out.push('\n');
    out.push_str(&h(&lang.ta(
        "classify-timeline",
        &[
            ("from", Arg::Str(&date(TIMELINE_START))),
            ("to", Arg::Str(&as_of)),
        ],
    )));
    for t in &c.timeline {
        let what = if t.classes.is_empty() {
            lang.t("classify-not-controlled")
        } else {
            timeline_classes(lang, t).join(&lang.t("item-list-separator"))
        };
        let _ = writeln!(out, "- {}  {what}", date(&t.date));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_parses_and_computes_tpp() {
        let cat = catalog().expect("the embedded catalog parses");
        let h100 = cat.find("h100 sxm").expect("H100 SXM is in the catalog");
        assert_eq!(h100.tpp(), Some(15832.0));
        let a800 = cat.find("A800").expect("A800");
        assert!((a800.performance_density().unwrap_or(0.0) - 6.04).abs() < 0.01);
        assert!(cat.find("MI308X").expect("MI308X").tpp().is_none());
    }

    #[test]
    fn misses_suggest_a_name() {
        let cat = catalog().expect("catalog");
        match cat.find("H10") {
            Err(ChipError::NotFound { suggestion, .. }) => assert!(suggestion.is_some()),
            other => panic!("expected a miss, got {other:?}"),
        }
    }

    #[test]
    fn labels() {
        assert_eq!(tier_label("eccn_3a090_a"), "3A090.a");
        assert_eq!(tier_label("eccn_3a090_a_1"), "3A090.a.1");
        assert_eq!(tier_label("eccn_3a090_b_2"), "3A090.b.2");
        assert_eq!(tier_label("eccn_4e091"), "4E091");
    }
}

#[cfg(test)]
mod structured {
    use super::*;

    /// The A800's classification carries its tests and arithmetic as parts, which render in either language
    /// (the English words being those of the JSON answer).
    #[test]
    fn an_a800_renders_its_tests_and_arithmetic_in_both_languages() {
        let engine = crate::engine(None).expect("the embedded corpus loads");
        let as_of: Date = "2026-11-28".parse().expect("a date");
        let c = classified(&engine, ClassifyTarget::Chip("A800".into()), as_of).expect("A800");
        let a = c
            .classifications
            .iter()
            .find(|l| l.tier == "eccn_3a090_a")
            .expect("3A090.a");
        assert_eq!(a.meets, ["3A090.a.1", "3A090.a.2"]);
        assert_eq!(a.checks[0].paragraph.as_deref(), Some("3A090.a.1"));
        assert_eq!(
            a.checks[0].tests,
            [ItemTest::Compare {
                fact: "item.tpp".into(),
                value: "4,992".into(),
                op: "≥".into(),
                threshold: "4800".into(),
            }]
        );
        assert!(a.checks[1].tests.contains(&ItemTest::Holds {
            fact: "item.datacenter".into()
        }));
        assert_eq!(a.label, class_label(Lang::En, a));
        assert_eq!(a.label, "3A090.a.1 (also meets .a.2)");
        assert_eq!(class_label(Lang::ZhCn, a), "3A090.a.1（同时符合 .a.2）");
        assert_eq!(a.tests, test_lines(Lang::En, a));
        assert_eq!(
            test_lines(Lang::ZhCn, a)[1],
            "3A090.a.2：为数据中心设计或营销，TPP 4,992 ≥ 1600，性能密度 6.04 ≥ 5.92"
        );
        let english: Vec<String> = c
            .arithmetic_parts
            .iter()
            .map(|p| arithmetic_line(Lang::En, p))
            .collect();
        assert_eq!(english, c.arithmetic);
        let chinese = arithmetic_line(Lang::ZhCn, &c.arithmetic_parts[0]);
        assert!(chinese.contains("取各数据格式中的最高值"), "{chinese}");
        assert!(
            chinese.contains("FP16: 312 × 16 = 4,992 ← 最高"),
            "{chinese}"
        );
    }
}
