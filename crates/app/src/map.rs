//! `aigov map`: the US "checkerboard". For one subject, every state, DC and New York City with the binding duties
//! that apply there, the laws they come from, which of those laws face a federal challenge, and a score (the
//! number of distinct duties in effect), as a table and as an SVG choropleth.
//!
//! Federal law (`US`) applies in every area; a state's law (`US-XX`) in that state (and in New York City for
//! `US-NY`); a city's law (`US-NY-NYC`) in that city only. The state shapes are the Census Bureau's cartographic
//! boundaries as packaged by `us-atlas`, converted once and embedded (assets/us-states/PROVENANCE.md): the map
//! needs no network.

use crate::i18n::{Arg, Lang};
use crate::report::FORMAT_VERSION;
use crate::OutputFormat;
use aigov_core::assess::{Assessment, Challenge, Finding, Status};
use aigov_core::model::Effect;
use aigov_core::Date;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The embedded state shapes (see assets/us-states/PROVENANCE.md).
static STATES_TSV: &str = include_str!("../assets/us-states/states.tsv");

/// The code of New York City, the one city the map shows.
pub const NYC: &str = "US-NY-NYC";

/// One state's (or DC's) outline, projected for a 975×610 map (Albers USA, Alaska and Hawaii inset).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// FIPS state code (`06`).
    pub fips: &'static str,
    /// USPS code (`CA`).
    pub postal: &'static str,
    /// Name (`California`).
    pub name: &'static str,
    /// Where to put the label.
    pub label: (f64, f64),
    /// The SVG path data.
    pub d: &'static str,
}

/// The embedded state shapes, sorted by FIPS code (51: the states and DC).
pub fn shapes() -> Vec<Shape> {
    STATES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (fips, postal, name) = (f.next()?, f.next()?, f.next()?);
            let x = f.next()?.parse().ok()?;
            let y = f.next()?.parse().ok()?;
            Some(Shape {
                fips,
                postal,
                name,
                label: (x, y),
                d: f.next()?,
            })
        })
        .collect()
}

/// The Chinese names of the states, DC and New York City, by USPS code.
const ZH_NAMES: [(&str, &str); 52] = [
    ("AL", "亚拉巴马州"),
    ("AK", "阿拉斯加州"),
    ("AZ", "亚利桑那州"),
    ("AR", "阿肯色州"),
    ("CA", "加利福尼亚州"),
    ("CO", "科罗拉多州"),
    ("CT", "康涅狄格州"),
    ("DE", "特拉华州"),
    ("DC", "哥伦比亚特区"),
    ("FL", "佛罗里达州"),
    ("GA", "佐治亚州"),
    ("HI", "夏威夷州"),
    ("ID", "爱达荷州"),
    ("IL", "伊利诺伊州"),
    ("IN", "印第安纳州"),
    ("IA", "艾奥瓦州"),
    ("KS", "堪萨斯州"),
    ("KY", "肯塔基州"),
    ("LA", "路易斯安那州"),
    ("ME", "缅因州"),
    ("MD", "马里兰州"),
    ("MA", "马萨诸塞州"),
    ("MI", "密歇根州"),
    ("MN", "明尼苏达州"),
    ("MS", "密西西比州"),
    ("MO", "密苏里州"),
    ("MT", "蒙大拿州"),
    ("NE", "内布拉斯加州"),
    ("NV", "内华达州"),
    ("NH", "新罕布什尔州"),
    ("NJ", "新泽西州"),
    ("NM", "新墨西哥州"),
    ("NY", "纽约州"),
    ("NYC", "纽约市"),
    ("NC", "北卡罗来纳州"),
    ("ND", "北达科他州"),
    ("OH", "俄亥俄州"),
    ("OK", "俄克拉何马州"),
    ("OR", "俄勒冈州"),
    ("PA", "宾夕法尼亚州"),
    ("RI", "罗得岛州"),
    ("SC", "南卡罗来纳州"),
    ("SD", "南达科他州"),
    ("TN", "田纳西州"),
    ("TX", "得克萨斯州"),
    ("UT", "犹他州"),
    ("VT", "佛蒙特州"),
    ("VA", "弗吉尼亚州"),
    ("WA", "华盛顿州"),
    ("WV", "西弗吉尼亚州"),
    ("WI", "威斯康星州"),
    ("WY", "怀俄明州"),
];

/// An area's name in `lang`: the English name of the shapes file, or its Chinese name by USPS code.
fn area_name<'a>(lang: Lang, postal: &str, english: &'a str) -> &'a str {
    if lang == Lang::En {
        return english;
    }
    ZH_NAMES
        .iter()
        .find(|(code, _)| *code == postal)
        .map_or(english, |(_, zh)| zh)
}

/// Where New York City's marker goes on the 975×610 map.
fn nyc_point() -> (f64, f64) {
    STATES_TSV
        .lines()
        .filter_map(|l| l.strip_prefix("#point\t"))
        .find_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            if f.first() == Some(&NYC) && f.len() >= 4 {
                Some((f[2].parse().ok()?, f[3].parse().ok()?))
            } else {
                None
            }
        })
        .unwrap_or((869.7, 215.7))
}

/// A law behind at least one mapped duty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Law<'a> {
    /// Instrument id.
    pub instrument: &'a str,
    /// Its short title.
    pub title: &'a str,
    /// Its jurisdiction.
    pub jurisdiction: &'a str,
    /// Challenges (e.g. by the federal government) dated on or before the map's date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Challenge<'a>>,
}

/// One binding duty (an obligation or a prohibition) for the subject.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duty<'a> {
    /// Rule id.
    pub rule: &'a str,
    /// Rule title.
    pub title: &'a str,
    /// `obligation` or `prohibition`.
    pub kind: &'static str,
    /// The instrument it comes from.
    pub instrument: &'a str,
    /// The instrument's jurisdiction.
    pub jurisdiction: &'a str,
    /// Article or section.
    pub citation: &'a str,
    /// `in_effect`, `upcoming`, `suspended` or `undetermined`.
    pub status: Status,
    /// From when it applies (or would).
    pub applies_from: Date,
    /// The questions that would settle an undetermined duty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<&'a str>,
}

/// One row of the checkerboard: a state, DC or New York City.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Area {
    /// Region code (`US-CA`, `US-DC`, `US-NY-NYC`).
    pub code: String,
    /// Short code (`CA`, `DC`, `NYC`).
    pub postal: &'static str,
    /// Name.
    pub name: &'static str,
    /// The number of distinct duties in effect here: federal, state and (for NYC) city.
    pub score: usize,
    /// Of which federal.
    pub federal: usize,
    /// Of which the state's own (for NYC: New York State's).
    pub state: usize,
    /// Of which the city's (NYC only).
    pub city: usize,
    /// Rule ids of the duties in effect.
    pub in_effect: Vec<String>,
    /// Rule ids of duties that apply from a later date.
    pub upcoming: Vec<String>,
    /// Rule ids of duties a court stayed or the authority does not enforce.
    pub suspended: Vec<String>,
    /// Rule ids of duties that hinge on facts the manifest does not give (unknown is not false).
    pub undetermined: Vec<String>,
    /// Instrument ids of the state and city laws behind any of these duties.
    pub laws: Vec<String>,
    /// Whether one of those state or city laws faces a challenge.
    pub challenged: bool,
}

/// The checkerboard: every state, DC and NYC for one subject on one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkerboard<'a> {
    /// The date.
    pub as_of: Date,
    /// The subject kind.
    pub subject: &'a str,
    /// The subject's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// The rows, by name (NYC after New York).
    pub areas: Vec<Area>,
    /// Every mapped duty, by jurisdiction and rule id.
    pub duties: Vec<Duty<'a>>,
    /// Every law behind a mapped duty.
    pub laws: Vec<Law<'a>>,
    /// Questions that would settle the undetermined duties, as `[fact, question]`.
    pub questions: Vec<(&'a str, &'a str)>,
}

/// Whether a finding is a binding duty the map counts, and under which status.
fn mapped_status(f: &Finding) -> Option<Status> {
    if !f.binding
        || !matches!(
            f.effect,
            Effect::Obligation { .. } | Effect::Prohibition { .. }
        )
    {
        return None;
    }
    match f.status {
        Status::InEffect | Status::Upcoming | Status::Suspended => Some(f.status),
        // An undetermined duty counts only if it would be (or become) law: unknown is not false.
        Status::Undetermined => match f.timing {
            None | Some(Status::InEffect | Status::Upcoming | Status::Suspended) => {
                Some(Status::Undetermined)
            }
            _ => None,
        },
        Status::Ended | Status::NotApplicable => None,
    }
}

/// Whether a jurisdiction's law reaches an area: `US` reaches all, `US-NY` reaches `US-NY` and `US-NY-NYC`.
fn reaches(jurisdiction: &str, area: &str) -> bool {
    area.eq_ignore_ascii_case(jurisdiction)
        || (area.len() > jurisdiction.len()
            && area[..jurisdiction.len()].eq_ignore_ascii_case(jurisdiction)
            && area.as_bytes()[jurisdiction.len()] == b'-')
}

/// Builds the checkerboard from an assessment (run without a jurisdiction filter).
pub fn checkerboard<'a>(a: &Assessment<'a>) -> Checkerboard<'a> {
    let mut duties: Vec<Duty<'a>> = a
        .findings
        .iter()
        .filter(|f| f.jurisdiction == "US" || f.jurisdiction.starts_with("US-"))
        .filter_map(|f| {
            let status = mapped_status(f)?;
            Some(Duty {
                rule: f.rule,
                title: f.title,
                kind: f.effect.kind(),
                instrument: f.instrument,
                jurisdiction: f.jurisdiction,
                citation: f.citation,
                status,
                applies_from: f.applies_from,
                questions: if status == Status::Undetermined {
                    f.questions.clone()
                } else {
                    Vec::new()
                },
            })
        })
        .collect();
    duties.sort_by(|x, y| (x.jurisdiction, x.rule).cmp(&(y.jurisdiction, y.rule)));
    duties.dedup_by(|x, y| x.rule == y.rule);

    let mut laws: BTreeMap<&str, Law<'a>> = BTreeMap::new();
    for f in &a.findings {
        if duties.iter().any(|d| d.rule == f.rule) {
            laws.entry(f.instrument).or_insert_with(|| Law {
                instrument: f.instrument,
                title: f.instrument_title,
                jurisdiction: f.jurisdiction,
                // The map is about federal challenges (by a US federal instrument); private suits show in
                // `assess`.
                challenges: f
                    .challenges
                    .iter()
                    .filter(|c| c.by_jurisdiction == Some("US"))
                    .cloned()
                    .collect(),
            });
        }
    }

    let mut rows: Vec<(String, &'static str, &'static str)> = shapes()
        .into_iter()
        .map(|s| (format!("US-{}", s.postal), s.postal, s.name))
        .collect();
    rows.push((NYC.to_string(), "NYC", "New York City"));
    // By name, with New York City right after New York.
    rows.sort_by(|x, y| x.2.cmp(y.2));

    let areas = rows
        .into_iter()
        .map(|(code, postal, name)| {
            let here: Vec<&Duty> = duties
                .iter()
                .filter(|d| reaches(d.jurisdiction, &code))
                .collect();
            let ids = |st: Status| -> Vec<String> {
                here.iter()
                    .filter(|d| d.status == st)
                    .map(|d| d.rule.to_string())
                    .collect()
            };
            let in_effect: Vec<&&Duty> = here
                .iter()
                .filter(|d| d.status == Status::InEffect)
                .collect();
            let level = |d: &&&Duty| d.jurisdiction.matches('-').count();
            let mut area_laws: Vec<String> = here
                .iter()
                .filter(|d| d.jurisdiction != "US")
                .map(|d| d.instrument.to_string())
                .collect();
            area_laws.sort();
            area_laws.dedup();
            let challenged = area_laws.iter().any(|l| {
                laws.get(l.as_str())
                    .is_some_and(|l| !l.challenges.is_empty())
            });
            Area {
                score: in_effect.len(),
                federal: in_effect.iter().filter(|d| level(d) == 0).count(),
                state: in_effect.iter().filter(|d| level(d) == 1).count(),
                city: in_effect.iter().filter(|d| level(d) >= 2).count(),
                in_effect: ids(Status::InEffect),
                upcoming: ids(Status::Upcoming),
                suspended: ids(Status::Suspended),
                undetermined: ids(Status::Undetermined),
                laws: area_laws,
                challenged,
                code,
                postal,
                name,
            }
        })
        .collect();

    let open: Vec<&str> = duties
        .iter()
        .filter(|d| d.status == Status::Undetermined)
        .map(|d| d.rule)
        .collect();
    let questions = a
        .questions
        .iter()
        .filter(|q| q.rules.iter().any(|r| open.contains(r)))
        .map(|q| (q.fact, q.question))
        .collect();
    Checkerboard {
        as_of: a.as_of,
        subject: a.subject,
        name: a.name,
        areas,
        duties,
        laws: laws.into_values().collect(),
        questions,
    }
}

fn law_label(c: &Checkerboard, id: &str, texts: Option<&aigov_corpus::Texts>) -> String {
    let title = |l: &Law| {
        texts
            .and_then(|t| t.short_title(l.instrument))
            .unwrap_or(l.title)
            .to_string()
    };
    match c.laws.iter().find(|l| l.instrument == id) {
        Some(l) if !l.challenges.is_empty() => format!("{} ⚑", title(l)),
        Some(l) => title(l),
        None => id.to_string(),
    }
}

/// The checkerboard measured in controls (`compare`'s measure) for the states and cities whose own law reaches the
/// subject on the date: how many duties and controls state by state, and what one national programme covers.
pub fn measured(
    engine: &aigov_core::Engine,
    cat: &aigov_corpus::controls::Catalogue,
    facts: &aigov_core::Facts,
    as_of: Date,
    board: &Checkerboard,
) -> Result<Option<crate::compare::Checkerboard>, crate::AppError> {
    let states: Vec<String> = board
        .areas
        .iter()
        .filter(|a| !a.laws.is_empty())
        .map(|a| a.code.clone())
        .collect();
    crate::compare::measure_states(engine, cat, facts, as_of, &states)
}

/// Renders the checkerboard as a table (text or Markdown) or as JSON (`kind: "map"`).
pub fn report(c: &Checkerboard, format: OutputFormat) -> String {
    report_measured(c, None, format)
}

/// The checkerboard with, under its table (in JSON, the member `measured`), what it costs measured in controls.
pub fn report_measured(
    c: &Checkerboard,
    measure: Option<&crate::compare::Checkerboard>,
    format: OutputFormat,
) -> String {
    report_measured_in(c, measure, format, Lang::En, None)
}

/// [`report_measured`] in `lang`, with the corpus's texts (`texts`: law titles, rule titles, questions) where it
/// has them. JSON is the same in every language.
pub fn report_measured_in(
    c: &Checkerboard,
    measure: Option<&crate::compare::Checkerboard>,
    format: OutputFormat,
    lang: Lang,
    texts: Option<&aigov_corpus::Texts>,
) -> String {
    let texts = texts.filter(|_| lang != Lang::En);
    if format == OutputFormat::Json {
        let mut v = serde_json::to_value(c).unwrap_or_default();
        if let serde_json::Value::Object(m) = &mut v {
            m.insert("kind".into(), "map".into());
            m.insert("format_version".into(), FORMAT_VERSION.into());
            if let Some(b) = measure {
                m.insert(
                    "measured".into(),
                    serde_json::to_value(b).unwrap_or_default(),
                );
            }
        }
        let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
        s.push('\n');
        return s;
    }
    let mut out = report_table(c, format, lang, texts);
    if let Some(m) = measure {
        out.push_str(&crate::compare::render_checkerboard_in(m, format, lang));
    }
    out
}

fn report_table(
    c: &Checkerboard,
    format: OutputFormat,
    lang: Lang,
    texts: Option<&aigov_corpus::Texts>,
) -> String {
    let md = format == OutputFormat::Markdown;
    let mut out = String::new();
    let unnamed = lang.t("report-unnamed");
    let title = lang.ta(
        "map-title",
        &[
            ("name", Arg::Str(c.name.unwrap_or(&unnamed))),
            ("subject", Arg::Str(c.subject)),
            ("date", Arg::Str(&lang.date(c.as_of))),
        ],
    );
    let width = |s: &str| crate::report::display_width(s);
    if md {
        let _ = writeln!(out, "# {title}\n");
    } else {
        let b = anstyle::Style::new().bold();
        let _ = writeln!(out, "{b}{title}{b:#}\n{}", "=".repeat(width(&title)));
    }
    let federal: Vec<&Duty> = c
        .duties
        .iter()
        .filter(|d| d.jurisdiction == "US" && d.status == Status::InEffect)
        .collect();
    let _ = writeln!(
        out,
        "{}\n{}{}",
        lang.t("map-score"),
        lang.ta("map-federal", &[("count", Arg::Num(federal.len() as f64))]),
        if md { "\n" } else { "" }
    );
    let headers = [
        "map-col-area",
        "map-col-score",
        "map-col-fed",
        "map-col-state",
        "map-col-city",
        "map-col-upcoming",
        "map-col-suspended",
        "map-col-undetermined",
        "map-col-laws",
    ]
    .map(|id| lang.t(id));
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let rows: Vec<[String; 9]> = c
        .areas
        .iter()
        .map(|a| {
            [
                format!("{} ({})", area_name(lang, a.postal, a.name), a.postal),
                a.score.to_string(),
                a.federal.to_string(),
                a.state.to_string(),
                a.city.to_string(),
                a.upcoming.len().to_string(),
                a.suspended.len().to_string(),
                a.undetermined.len().to_string(),
                a.laws
                    .iter()
                    .map(|l| law_label(c, l, texts))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        })
        .collect();
    if md {
        let _ = writeln!(out, "| {} |", headers.join(" | "));
        let _ = writeln!(out, "|---|{}---|", "--:|".repeat(headers.len() - 2));
        for r in &rows {
            let cells: Vec<String> = r.iter().map(|s| s.replace('|', "\\|")).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    } else {
        let w: Vec<usize> = (0..headers.len())
            .map(|i| {
                rows.iter()
                    .map(|r| width(&r[i]))
                    .chain([width(headers[i])])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: &[&str]| -> String {
            let mut s = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let pad = w[i].saturating_sub(width(cell));
                if i == 0 || i == cells.len() - 1 {
                    s.push_str(cell);
                    if i == 0 {
                        s.push_str(&" ".repeat(pad));
                    }
                } else {
                    s.push_str(&" ".repeat(pad));
                    s.push_str(cell);
                }
                if i + 1 < cells.len() {
                    s.push_str("  ");
                }
            }
            s.trim_end().to_string()
        };
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", line(&headers));
        let width = rows
            .iter()
            .map(|r| width(&line(&r.iter().map(String::as_str).collect::<Vec<_>>())))
            .max()
            .unwrap_or(0);
        let _ = writeln!(out, "{}", "-".repeat(width.clamp(20, 110)));
        for r in &rows {
            let cells: Vec<&str> = r.iter().map(String::as_str).collect();
            let _ = writeln!(out, "{}", line(&cells));
        }
    }

    let h2 = |out: &mut String, s: &str| {
        if md {
            let _ = writeln!(out, "\n## {s}\n");
        } else {
            let b = anstyle::Style::new().bold();
            let _ = writeln!(out, "\n{b}{s}{b:#}\n{}", "-".repeat(width(s)));
        }
    };
    let bullet = if md { "- " } else { "  • " };
    let sub = if md { "  - " } else { "      " };
    if !c.laws.is_empty() {
        h2(&mut out, &lang.t("map-duties-by-law"));
    }
    for l in &c.laws {
        let _ = writeln!(
            out,
            "{bullet}{} ({}) [{}]",
            texts
                .and_then(|t| t.short_title(l.instrument))
                .unwrap_or(l.title),
            l.jurisdiction,
            l.instrument
        );
        for ch in &l.challenges {
            let by = ch
                .by_title
                .or(ch.by)
                .map(|b| lang.ta("map-challenged-by", &[("by", Arg::Str(b))]))
                .unwrap_or_default();
            let note = ch
                .note
                .map(|n| format!(": {}", n.trim()))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{sub}{}",
                lang.ta(
                    "map-challenged",
                    &[
                        ("date", Arg::Str(&lang.date(ch.date))),
                        ("by", Arg::Str(&by)),
                        ("note", Arg::Str(&note)),
                    ]
                )
            );
        }
        for d in c.duties.iter().filter(|d| d.instrument == l.instrument) {
            let on = |id: &str| lang.ta(id, &[("date", Arg::Str(&lang.date(d.applies_from)))]);
            let when = match d.status {
                Status::InEffect => on("map-in-effect-since"),
                Status::Upcoming => on("map-applies-from"),
                Status::Suspended => lang.t("map-suspended"),
                _ => lang.t("map-undetermined"),
            };
            let _ = writeln!(
                out,
                "{sub}{} — {} — {when} [{}]",
                texts.and_then(|t| t.rule_title(d.rule)).unwrap_or(d.title),
                crate::localize::rule_citation(d.rule, d.citation, lang, texts),
                d.rule
            );
        }
    }
    let undetermined = c
        .duties
        .iter()
        .filter(|d| d.status == Status::Undetermined)
        .count();
    if undetermined > 0 {
        h2(&mut out, &lang.t("map-undetermined-heading"));
        let _ = writeln!(
            out,
            "{}{}",
            lang.ta(
                "map-undetermined-text",
                &[("count", Arg::Num(undetermined as f64))]
            ),
            if md { "\n" } else { "" }
        );
        for (fact, q) in &c.questions {
            let q = texts.and_then(|t| t.question(fact)).unwrap_or(q);
            let _ = writeln!(out, "{bullet}{q} ({fact})");
        }
    }
    out
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A sequential palette (ColorBrewer Blues, 7 classes), light to dark.
const PALETTE: [&str; 7] = [
    "#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594",
];

/// The colour scale: classes of scores, each with a palette colour and its range.
struct Scale {
    classes: Vec<(usize, usize, &'static str)>,
}

impl Scale {
    fn new(scores: impl Iterator<Item = usize> + Clone) -> Scale {
        let min = scores.clone().min().unwrap_or(0);
        let max = scores.max().unwrap_or(0);
        let span = max - min + 1;
        let n = span.min(PALETTE.len());
        let classes = (0..n)
            .map(|i| {
                let lo = min + i * span / n;
                let hi = min + (i + 1) * span / n - 1;
                let colour = if n == 1 {
                    PALETTE[1]
                } else {
                    PALETTE[(i * (PALETTE.len() - 1) + (n - 1) / 2) / (n - 1)]
                };
                (lo, hi, colour)
            })
            .collect();
        Scale { classes }
    }

    fn class(&self, score: usize) -> usize {
        self.classes
            .iter()
            .position(|&(lo, hi, _)| score >= lo && score <= hi)
            .unwrap_or(0)
    }

    fn colour(&self, score: usize) -> &'static str {
        self.classes
            .get(self.class(score))
            .map(|c| c.2)
            .unwrap_or(PALETTE[0])
    }

    /// Text on dark fills is white.
    fn ink(&self, score: usize) -> &'static str {
        let c = self.colour(score);
        if PALETTE.iter().position(|p| *p == c).unwrap_or(0) >= 4 {
            "#ffffff"
        } else {
            "#1f2328"
        }
    }
}

/// States too small to label inside: labelled in a column at the right, with a leader line.
const SMALL: [&str; 9] = ["VT", "NH", "MA", "RI", "CT", "NJ", "DE", "MD", "DC"];

fn tooltip(c: &Checkerboard, a: &Area) -> String {
    let mut t = format!(
        "{} ({}): {} dut{} in effect ({} federal, {} state{})",
        a.name,
        a.code,
        a.score,
        if a.score == 1 { "y" } else { "ies" },
        a.federal,
        a.state,
        if a.code == NYC {
            format!(", {} city", a.city)
        } else {
            String::new()
        }
    );
    for (label, ids) in [
        ("upcoming", &a.upcoming),
        ("suspended", &a.suspended),
        ("undetermined", &a.undetermined),
    ] {
        if !ids.is_empty() {
            let _ = write!(t, "; {} {label}", ids.len());
        }
    }
    if !a.laws.is_empty() {
        let laws: Vec<String> = a.laws.iter().map(|l| law_label(c, l, None)).collect();
        let _ = write!(t, ". Laws: {}", laws.join(", "));
    }
    if a.challenged {
        t.push_str(". ⚑ faces a federal challenge");
    }
    t
}

/// A state's label under its code: the score, `↑n` for duties still to come, `?` if some are undetermined.
fn badge(a: &Area) -> String {
    let mut b = a.score.to_string();
    if !a.upcoming.is_empty() {
        let _ = write!(b, " ↑{}", a.upcoming.len());
    }
    if !a.undetermined.is_empty() {
        b.push_str(" ?");
    }
    b
}

fn overlays(out: &mut String, d: &str, a: &Area) {
    if !a.undetermined.is_empty() {
        let _ = writeln!(
            out,
            r##"<path class="overlay undetermined" d="{d}" fill="url(#dots)" pointer-events="none"/>"##
        );
    }
    if a.challenged {
        let _ = writeln!(
            out,
            r##"<path class="overlay challenged" d="{d}" fill="url(#hatch)" stroke="#b35806" stroke-width="1.6" pointer-events="none"/>"##
        );
    }
}

/// The SVG choropleth: one path per state and DC (class `state`, with `data-score` and a `<title>` tooltip), a
/// marker for New York City (class `city`), a legend, challenged laws hatched and undetermined duties dotted.
pub fn svg(c: &Checkerboard) -> String {
    let (map_x, map_y) = (10.0, 78.0);
    let width = 1190.0;
    let height = map_y + 610.0 + 104.0;
    let scale = Scale::new(c.areas.iter().map(|a| a.score));
    let area = |code: &str| c.areas.iter().find(|a| a.code == code);
    let mut states = String::new();
    let mut labels = String::new();
    let mut callouts = String::new();
    let col_x = map_x + 985.0;
    let mut col_y = map_y + 70.0;
    let mut callout = |out: &mut String, a: &Area, from: (f64, f64)| {
        let (bx, by) = (col_x + 24.0, col_y);
        let _ = writeln!(
            out,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#8c959f" stroke-width="0.6"/><circle cx="{0:.1}" cy="{1:.1}" r="1.5" fill="#57606a"/>"##,
            from.0,
            from.1,
            bx - 2.0,
            by + 8.0
        );
        let _ = writeln!(
            out,
            r##"<g class="callout" data-code="{}"><title>{}</title><rect x="{bx:.1}" y="{by:.1}" width="16" height="16" fill="{}" stroke="#57606a" stroke-width="0.7"/>"##,
            a.code,
            xml(&tooltip(c, a)),
            scale.colour(a.score)
        );
        if !a.undetermined.is_empty() {
            let _ = write!(
                out,
                r##"<rect x="{bx:.1}" y="{by:.1}" width="16" height="16" fill="url(#dots)"/>"##
            );
        }
        if a.challenged {
            let _ = write!(
                out,
                r##"<rect x="{bx:.1}" y="{by:.1}" width="16" height="16" fill="url(#hatch)" stroke="#b35806" stroke-width="1.6"/>"##
            );
        }
        let _ = writeln!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="12"><tspan font-weight="bold">{}</tspan> {}</text></g>"##,
            bx + 22.0,
            by + 12.5,
            a.postal,
            badge(a)
        );
        col_y += 26.0;
    };
    let shapes = shapes();
    for s in &shapes {
        let code = format!("US-{}", s.postal);
        let Some(a) = area(&code) else { continue };
        let _ = writeln!(
            states,
            r##"<path class="state" id="{code}" data-fips="{}" data-postal="{}" data-name="{}" data-score="{}" data-federal="{}" data-state="{}" data-upcoming="{}" data-suspended="{}" data-undetermined="{}" data-challenged="{}" fill="{}" stroke="#8c959f" stroke-width="0.6" stroke-linejoin="round" d="{}"><title>{}</title></path>"##,
            s.fips,
            s.postal,
            xml(s.name),
            a.score,
            a.federal,
            a.state,
            a.upcoming.len(),
            a.suspended.len(),
            a.undetermined.len(),
            a.challenged,
            scale.colour(a.score),
            s.d,
            xml(&tooltip(c, a))
        );
        overlays(&mut states, s.d, a);
    }
    // Callouts, north to south, in the order of SMALL with NYC between CT and NJ.
    let nyc = nyc_point();
    for postal in SMALL {
        if postal == "NJ" {
            if let Some(a) = area(NYC) {
                callout(&mut callouts, a, nyc);
            }
        }
        let Some(s) = shapes.iter().find(|s| s.postal == postal) else {
            continue;
        };
        if let Some(a) = area(&format!("US-{postal}")) {
            callout(&mut callouts, a, s.label);
        }
    }
    for s in shapes.iter().filter(|s| !SMALL.contains(&s.postal)) {
        let Some(a) = area(&format!("US-{}", s.postal)) else {
            continue;
        };
        let ink = scale.ink(a.score);
        let _ = writeln!(
            labels,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="10" fill="{ink}" pointer-events="none"><tspan font-weight="bold">{}</tspan><tspan x="{:.1}" dy="11">{}</tspan></text>"##,
            s.label.0,
            s.label.1 - 2.0,
            s.postal,
            s.label.0,
            badge(a)
        );
    }
    let mut city = String::new();
    if let Some(a) = area(NYC) {
        let _ = writeln!(
            city,
            r##"<circle class="city" id="{NYC}" data-name="New York City" data-score="{}" data-federal="{}" data-state="{}" data-city="{}" data-upcoming="{}" data-suspended="{}" data-undetermined="{}" data-challenged="{}" cx="{:.1}" cy="{:.1}" r="5" fill="{}" stroke="#1f2328" stroke-width="1.2"><title>{}</title></circle>"##,
            a.score,
            a.federal,
            a.state,
            a.city,
            a.upcoming.len(),
            a.suspended.len(),
            a.undetermined.len(),
            a.challenged,
            nyc.0,
            nyc.1,
            scale.colour(a.score),
            xml(&tooltip(c, a))
        );
    }

    // Legend: the score classes, then the marks.
    let ly = map_y + 610.0 + 14.0;
    let mut legend = format!(
        r##"<g id="legend" font-size="12"><text x="{map_x:.1}" y="{:.1}" font-weight="bold">Distinct binding duties in effect (federal + state; NYC adds city law)</text>
"##,
        ly + 10.0
    );
    let mut x = map_x;
    for &(lo, hi, colour) in &scale.classes {
        let label = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        let _ = writeln!(
            legend,
            r##"<g class="legend-class" data-min="{lo}" data-max="{hi}"><rect x="{x:.1}" y="{:.1}" width="44" height="14" fill="{colour}" stroke="#57606a" stroke-width="0.6"/><text x="{:.1}" y="{:.1}" text-anchor="middle">{label}</text></g>"##,
            ly + 18.0,
            x + 22.0,
            ly + 46.0
        );
        x += 48.0;
    }
    let mx = map_x + 400.0;
    let _ = writeln!(
        legend,
        r##"<rect x="{mx:.1}" y="{:.1}" width="18" height="14" fill="#eff3ff"/><rect x="{mx:.1}" y="{:.1}" width="18" height="14" fill="url(#hatch)" stroke="#b35806" stroke-width="1.6"/><text x="{:.1}" y="{:.1}">a state or city law here faces a federal challenge</text>"##,
        ly + 18.0,
        ly + 18.0,
        mx + 26.0,
        ly + 29.0
    );
    let _ = writeln!(
        legend,
        r##"<rect x="{mx:.1}" y="{:.1}" width="18" height="14" fill="#eff3ff"/><rect x="{mx:.1}" y="{:.1}" width="18" height="14" fill="url(#dots)" stroke="#762a83" stroke-width="0.6"/><text x="{:.1}" y="{:.1}">? undetermined duties: facts not given (unknown is not false)</text>"##,
        ly + 38.0,
        ly + 38.0,
        mx + 26.0,
        ly + 49.0
    );
    let _ = writeln!(
        legend,
        r##"<circle cx="{:.1}" cy="{:.1}" r="5" fill="#eff3ff" stroke="#1f2328" stroke-width="1.2"/><text x="{:.1}" y="{:.1}">New York City (federal + New York State + city law)</text>"##,
        mx + 9.0,
        ly + 65.0,
        mx + 26.0,
        ly + 69.0
    );
    let _ = writeln!(
        legend,
        r##"<text x="{:.1}" y="{:.1}"><tspan font-weight="bold">ST</tspan> 3 ↑2 ?</text><text x="{:.1}" y="{:.1}">3 duties in effect, 2 still to come,</text><text x="{:.1}" y="{:.1}">? some undetermined</text>"##,
        mx + 390.0,
        ly + 29.0,
        mx + 455.0,
        ly + 29.0,
        mx + 455.0,
        ly + 45.0
    );
    let federal = c
        .duties
        .iter()
        .filter(|d| d.jurisdiction == "US" && d.status == Status::InEffect)
        .count();
    let upcoming: usize = c
        .duties
        .iter()
        .filter(|d| d.jurisdiction != "US" && d.status == Status::Upcoming)
        .count();
    let _ = writeln!(
        legend,
        r##"<text x="{map_x:.1}" y="{:.1}" fill="#57606a">Federal duties in effect everywhere: {federal}. State and city duties still to come: {upcoming}. Shapes: US Census Bureau cartographic boundaries (public domain), via us-atlas.</text></g>"##,
        ly + 88.0
    );

    let title = format!(
        "{}: binding AI duties by US state, law as of {}",
        c.name.unwrap_or("(unnamed)"),
        c.as_of
    );
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="Helvetica, Arial, sans-serif">
<title>{t}</title>
<desc>aigov map: for each state, DC and New York City, the number of distinct binding obligations and prohibitions in effect for this {subject} on {as_of}.</desc>
<defs>
<pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#b35806" stroke-width="1.6"/></pattern>
<pattern id="dots" patternUnits="userSpaceOnUse" width="7" height="7"><circle cx="3.5" cy="3.5" r="1.4" fill="#762a83" stroke="#ffffff" stroke-width="0.7"/></pattern>
</defs>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="{map_x:.1}" y="28" font-size="18" font-weight="bold">{t}</text>
<text x="{map_x:.1}" y="50" font-size="12" fill="#57606a">Colour: distinct binding duties (obligations and prohibitions) in effect; hover a state for its laws. Generated by aigov map.</text>
<g id="map" transform="translate({map_x:.1},{map_y:.1})">
{states}{labels}{city}</g>
<g id="callouts" transform="translate({map_x:.1},{map_y:.1})" font-family="Helvetica, Arial, sans-serif">
{callouts}</g>
{legend}</svg>
"##,
        t = xml(&title),
        subject = xml(c.subject),
        as_of = c.as_of,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_shapes_are_the_50_states_and_dc() {
        let s = shapes();
        assert_eq!(s.len(), 51);
        assert!(s.iter().all(|s| s.d.starts_with('M') && s.d.ends_with('Z')));
        assert!(s.iter().any(|s| s.postal == "DC"));
        let (x, y) = nyc_point();
        assert!((800.0..900.0).contains(&x) && (150.0..260.0).contains(&y));
    }

    #[test]
    fn reach_follows_the_region_hierarchy() {
        assert!(reaches("US", "US-CA"));
        assert!(reaches("US", NYC));
        assert!(reaches("US-NY", NYC));
        assert!(!reaches("US-NY-NYC", "US-NY"));
        assert!(!reaches("US-C", "US-CA"));
        assert!(!reaches("US-CA", "US-CO"));
    }

    #[test]
    fn the_scale_covers_every_score() {
        let s = Scale::new([2usize, 3, 9, 20].into_iter());
        for v in [2, 3, 9, 20] {
            let (lo, hi, _) = s.classes[s.class(v)];
            assert!(lo <= v && v <= hi);
        }
        assert_eq!(s.classes.len(), 7);
        assert_eq!(s.colour(20), PALETTE[6]);
        assert_eq!(s.colour(2), PALETTE[0]);
        let one = Scale::new([4usize, 4].into_iter());
        assert_eq!(one.classes.len(), 1);
    }
}
