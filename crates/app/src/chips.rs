//! The chip catalog (`catalog/chips.yaml`, embedded) and the export-control commands built on it:
//! `aigov chips` lists the catalog, `aigov export classify CHIP|FILE` classifies a chip (or an item manifest)
//! under the US export control rules of the corpus as of a date, with the TPP/PD arithmetic and a timeline of
//! how the classification changed since the first advanced computing rule (7 Oct 2022).

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
}

/// One change of classification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// The date of the change.
    pub date: String,
    /// The classifications from that date (empty: not controlled by these rules).
    pub classes: Vec<String>,
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
    /// The classifications on the date.
    pub classifications: Vec<ClassLine>,
    /// Questions whose answers would settle undetermined classifications.
    pub questions: Vec<String>,
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

/// A fact's name for people in a test line.
fn fact_label(fact: &str) -> &str {
    match fact {
        "item.tpp" => "TPP",
        "item.performance_density" => "PD",
        "item.datacenter" => "designed or marketed for data centres",
        "item.die_area_mm2" => "applicable die area (mm²)",
        "item.dense_tops" => "dense TOPS",
        "item.mac_tops" => "MacTOPS",
        "item.bit_length" => "bit length",
        "item.io_bandwidth_gbps" => "I/O bandwidth (GB/s)",
        "item.memory_bandwidth_gbps" => "memory bandwidth (GB/s)",
        "item.memory_bandwidth_density" => "memory bandwidth density (GB/s/mm²)",
        f => f,
    }
}

/// The conditions met in a finding's derivation, as tests with the item's values: `item.tpp >= 4800` with
/// `item.tpp = 15832` reads `TPP 15,832 ≥ 4800`. The item's kind, which only selects the entry, is left out.
fn tests_of(node: &TraceNode, out: &mut Vec<String>) {
    if node.result != Truth::True {
        return;
    }
    if node.children.is_empty() {
        if node.expr.starts_with("item.kind") {
            return;
        }
        let mut text = node
            .expr
            .replace(">=", "≥")
            .replace("<=", "≤")
            .replace("==", "=")
            .replace("!=", "≠");
        for v in &node.values {
            if let Some((fact, value)) = v.split_once(" = ") {
                let shown = value
                    .parse::<f64>()
                    .map(num)
                    .unwrap_or_else(|_| value.to_string());
                let with_value = if value == "true" {
                    fact_label(fact).to_string()
                } else {
                    format!("{} {shown}", fact_label(fact))
                };
                text = text.replacen(fact, &with_value, 1);
            }
        }
        // A bare boolean fact that holds reads as its label alone.
        let text = text.trim_end_matches(" = true").to_string();
        if !out.contains(&text) {
            out.push(text);
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
            tests,
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
    // A class without sub-paragraphs shows its own test on one line.
    for l in all.iter_mut().filter(|l| l.tests.len() > 1) {
        l.tests = vec![l.tests.join(", ")];
    }
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
        l.tests = met
            .iter()
            .map(|p| format!("{}: {}", p.label, p.tests.join(", ")))
            .collect();
        let others: Vec<String> = met
            .iter()
            .skip(1)
            .map(|p| p.label.trim_start_matches("3A090").to_string())
            .collect();
        if l.tier.starts_with("eccn_3a090") {
            l.paragraph = Some(first.label.clone());
            l.label = if others.is_empty() {
                first.label.clone()
            } else {
                format!("{} (also meets {})", first.label, others.join(", "))
            };
            l.citation = first.citation.clone();
        } else {
            l.paragraph = Some(l.label.clone());
            let mut met_text = first.label.clone();
            for o in &others {
                met_text.push_str(" and ");
                met_text.push_str(o);
            }
            l.label = format!("{} (its integrated circuit meets {met_text})", l.label);
        }
    }
    all.sort_by(|a, b| a.status.cmp(&b.status).then(a.tier.cmp(&b.tier)));
    all
}

fn timeline_key(a: &Assessment<'_>) -> Vec<String> {
    let mut v: Vec<String> = classes_of(a)
        .into_iter()
        .map(|c| match c.status.as_str() {
            "in_effect" => c.label,
            s => format!("{} ({})", c.label, s.replace('_', " ")),
        })
        .collect();
    v.sort();
    v.dedup();
    v
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

/// A derived value for people: `item.tpp = 1979 * 8 = 15832 (dense TOPS x bit length)` reads
/// `TPP = dense TOPS × bit length = 1,979 × 8 = 15,832` (TPP also written as 2 × MacTOPS × bit length).
fn derived_line(d: &aigov_core::assess::DerivedValue<'_>) -> String {
    let pretty = |s: &str| {
        s.split(' ')
            .map(|w| match w {
                "*" | "x" => "×".to_string(),
                w => w
                    .parse::<f64>()
                    .map(num)
                    .unwrap_or_else(|_| fact_label(w).to_string()),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let method = d.method.replace(" x ", " × ");
    let name = fact_label(d.fact);
    let note = if d.fact == "item.tpp" && !method.contains("MacTOPS") {
        " (= 2 × MacTOPS × bit length: dense TOPS count 2 operations per multiply-accumulate)"
    } else {
        ""
    };
    format!("{name} = {method} = {}{note}", pretty(&d.arithmetic))
}

/// Assesses the item on `as_of` and on every date its classification could change.
pub fn evaluate(engine: &Engine, facts: &Facts, chip: Option<&Chip>, as_of: Date) -> Classified {
    let a = engine.assess(facts, &Options::as_of(as_of));
    let tpp = fact_number(engine, facts, &a, "tpp");
    let pd = fact_number(engine, facts, &a, "performance_density");
    let mut arithmetic = Vec::new();
    match chip {
        Some(c) if c.tpp.is_none() && !c.formats.is_empty() => {
            let best = c.best_format().map(ChipFormat::tpp).unwrap_or_default();
            let parts: Vec<String> = c
                .formats
                .iter()
                .map(|f| {
                    let mark = if (f.tpp() - best).abs() < 1e-9 {
                        " ← max"
                    } else {
                        ""
                    };
                    format!(
                        "{}: {} × {} = {}{mark}",
                        f.format,
                        num(f.dense_tops),
                        num(f.bits),
                        num(f.tpp())
                    )
                })
                .collect();
            arithmetic.push(format!(
                "TPP = 2 × MacTOPS × bit length = dense TOPS × bit length (dense TOPS count 2 operations per \
                 multiply-accumulate), the highest over formats: {}",
                parts.join("; ")
            ));
        }
        Some(c) if c.tpp.is_some() => {
            arithmetic.push("TPP as published (per-format figures not in the catalog)".into())
        }
        Some(_) => arithmetic.push("TPP unknown: no published specification in the catalog".into()),
        None => {}
    }
    for d in &a.derived {
        if chip.is_some() && d.fact == "item.tpp" {
            continue;
        }
        arithmetic.push(derived_line(d));
    }
    if chip.is_none() && tpp.is_some() && !a.derived.iter().any(|d| d.fact == "item.tpp") {
        arithmetic.push("TPP as given in the manifest".into());
    }
    let start = TIMELINE_START.parse::<Date>().unwrap_or(as_of);
    let mut timeline: Vec<TimelineEntry> = Vec::new();
    for d in change_dates(engine, start.min(as_of), as_of) {
        let at = engine.assess(facts, &Options::as_of(d));
        let key = timeline_key(&at);
        if timeline.last().map(|t| &t.classes) != Some(&key) {
            timeline.push(TimelineEntry {
                date: d.to_string(),
                classes: key,
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
        classifications: classes_of(&a),
        questions: a.questions.iter().map(|q| q.question.to_string()).collect(),
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
    summary_lines_in(c, crate::i18n::Lang::En)
}

/// [`summary_lines`] in `lang` (the arithmetic and the corpus's labels stay as written).
pub fn summary_lines_in(c: &Classified, lang: crate::i18n::Lang) -> Vec<String> {
    use crate::i18n::Arg;
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
    lines.extend(c.arithmetic.iter().map(|a| format!("  {a}")));
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
                    ("label", Arg::Str(&l.label)),
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
        if !l.tests.is_empty() {
            lines.extend(l.tests.iter().map(|t| format!("  {t}")));
        }
    }
    lines.extend(
        c.questions
            .iter()
            .map(|q| lang.ta("item-to-settle", &[("question", Arg::Str(q))])),
    );
    lines
}

fn render(c: &Classified, format: OutputFormat) -> String {
    if format == OutputFormat::Json {
        return crate::report::json("classification", c);
    }
    let md = format == OutputFormat::Markdown;
    let h = |s: &str| {
        if md {
            format!("## {s}\n")
        } else {
            format!("{s}\n{}\n", "-".repeat(s.chars().count()))
        }
    };
    let mut out = String::new();
    let title = format!("{} — US export classification as of {}", c.name, c.as_of);
    if md {
        let _ = writeln!(out, "# {title}\n");
    } else {
        let _ = writeln!(out, "{title}\n{}\n", "=".repeat(title.chars().count()));
    }
    out.push_str(&h("Performance"));
    let _ = writeln!(
        out,
        "- TPP: {}",
        c.tpp.map(num).unwrap_or_else(|| "unknown".into())
    );
    let _ = writeln!(
        out,
        "- PD: {}",
        c.performance_density
            .map(|p| format!("{p:.2}"))
            .unwrap_or_else(|| "unknown".into())
    );
    for a in &c.arithmetic {
        let _ = writeln!(out, "  {a}");
    }
    if let Some(n) = &c.note {
        let _ = writeln!(out, "- note: {n}");
    }
    out.push('\n');
    out.push_str(&h(&format!("Classification on {}", c.as_of)));
    let controlled: Vec<&ClassLine> = c.classifications.iter().collect();
    if controlled.is_empty() {
        let _ = writeln!(
            out,
            "- not in 3A090/4A090 (or any other classification of the corpus) on this date"
        );
    }
    for l in controlled {
        let _ = writeln!(
            out,
            "- {} ({}) — {} since {} — {} [{}]",
            l.label,
            l.axis,
            l.status.replace('_', " "),
            l.applies_from,
            l.citation,
            l.rule
        );
        if !l.tests.is_empty() {
            for t in &l.tests {
                let _ = writeln!(out, "  {t}");
            }
        }
    }
    for l in &c.is_informed_letters {
        let _ = writeln!(
            out,
            "- named in the is-informed letter `{l}`: its addressee needs a licence to China (incl. Hong Kong and \
             Macau), D:5 or D:5/Macau-headquartered parties, whatever the ECCN [us_ear_is_informed_2025]"
        );
    }
    for q in &c.questions {
        let _ = writeln!(out, "- to settle: {q}");
    }
    out.push('\n');
    out.push_str(&h(&format!("Timeline {TIMELINE_START} → {}", c.as_of)));
    for t in &c.timeline {
        let what = if t.classes.is_empty() {
            "not controlled under 3A090/4A090".to_string()
        } else {
            t.classes.join(", ")
        };
        let _ = writeln!(out, "- {}  {what}", t.date);
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
