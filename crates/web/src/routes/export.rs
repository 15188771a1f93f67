//! `GET /export`: a chip's US export classification over time, with the TPP / performance-density arithmetic
//! (aigov-app `chips::classified`), and the screening of a party name against the stored restricted-party lists
//! with the explained score and the list versions used (aigov-app `screen::screen_party`). Both forms are `GET`,
//! so an answer is a URL that can be shared. The page reads public law and the local lists: no sign-in.

use crate::auth::Ctx;
use crate::error::{render, PageError, WebError};
use crate::lang::Tr;
use crate::views::Chrome;
use crate::{ListsDir, WebState};
use aigov_app::chips::{self, ClassifyTarget};
use aigov_app::lists::{self, AgeCheck};
use aigov_app::screen;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

pub fn router() -> Router<WebState> {
    Router::new().route("/export", get(export))
}

/// The page's query: the chip and date to classify, the party (and country) to screen.
#[derive(Debug, Default, Deserialize)]
struct ExportQuery {
    chip: Option<String>,
    as_of: Option<String>,
    party: Option<String>,
    country: Option<String>,
    /// A chip not in the catalog: its name and specifications.
    spec_name: Option<String>,
    dense_tops: Option<String>,
    bit_length: Option<String>,
    die_area: Option<String>,
    datacenter: Option<String>,
}

/// The specifications typed into the form, as the page shows them back.
#[derive(Debug, Default, Clone)]
struct Specs {
    name: String,
    dense_tops: String,
    bit_length: String,
    die_area: String,
    /// `yes`, `no` or empty (unknown).
    datacenter: String,
}

impl Specs {
    fn from_query(q: &ExportQuery) -> Specs {
        let t = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or("").to_string();
        Specs {
            name: t(&q.spec_name),
            dense_tops: t(&q.dense_tops),
            bit_length: t(&q.bit_length),
            die_area: t(&q.die_area),
            datacenter: t(&q.datacenter),
        }
    }

    /// Whether the form was filled in (a throughput is the least it needs).
    fn given(&self) -> bool {
        !self.dense_tops.is_empty()
    }

    /// The item manifest these specifications describe; a figure that is not a number is an error naming it.
    fn manifest(&self, tr: &Tr) -> Result<serde_json::Value, String> {
        let number = |label: &str, v: &str| -> Result<Option<f64>, String> {
            if v.is_empty() {
                return Ok(None);
            }
            v.replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n >= 0.0)
                .map(Some)
                .ok_or_else(|| {
                    tr.lang.ta(
                        "web-export-bad-number",
                        &[
                            ("field", aigov_app::i18n::Arg::Str(label)),
                            ("value", aigov_app::i18n::Arg::Str(v)),
                        ],
                    )
                })
        };
        let mut item = serde_json::Map::new();
        item.insert("kind".into(), "integrated_circuit".into());
        let figures = [
            (
                "dense_tops",
                tr.t("web-export-dense-tops"),
                &self.dense_tops,
            ),
            (
                "bit_length",
                tr.t("web-export-bit-length"),
                &self.bit_length,
            ),
            ("die_area_mm2", tr.t("web-export-die-area"), &self.die_area),
        ];
        for (key, label, v) in figures {
            if let Some(n) = number(&label, v)? {
                item.insert(key.into(), n.into());
            }
        }
        match self.datacenter.as_str() {
            "yes" => {
                item.insert("datacenter".into(), true.into());
            }
            "no" => {
                item.insert("datacenter".into(), false.into());
            }
            _ => {}
        }
        let name = if self.name.is_empty() {
            tr.t("web-export-your-chip")
        } else {
            self.name.clone()
        };
        Ok(serde_json::json!({ "subject": "item", "name": name, "item": item }))
    }
}

/// A chip of the catalog, for the picker.
struct ChipOption {
    name: String,
    label: String,
    selected: bool,
}

/// One classification on the date.
struct ClassRow {
    label: String,
    axis: String,
    status: String,
    status_label: String,
    applies_from: String,
    citation: String,
    rule: String,
}

/// One change of classification.
struct TimelineRow {
    date: String,
    classes: String,
}

/// A chip's classification, in the page's words.
struct ChipView {
    name: String,
    tpp: String,
    pd: String,
    arithmetic: Vec<String>,
    classes: Vec<ClassRow>,
    questions: Vec<String>,
    timeline: Vec<TimelineRow>,
    letters: Vec<String>,
    note: Option<String>,
}

/// One hit.
struct HitRow {
    score: String,
    list: String,
    source: String,
    id: String,
    name: String,
    matched: String,
    alias: bool,
    programs: String,
    countries: String,
    licence: String,
    notice: String,
    explanation: String,
}

/// A screening answer.
struct ScreenView {
    query: String,
    threshold: String,
    hits: Vec<HitRow>,
    lists: Vec<String>,
    store_version: String,
    warnings: Vec<String>,
}

#[derive(Template)]
#[template(path = "export/index.html")]
struct ExportPage {
    c: Chrome,
    chips: Vec<ChipOption>,
    as_of: String,
    specs: Specs,
    result: Option<ChipView>,
    classify_error: Option<String>,
    party: String,
    country: String,
    screening: Option<ScreenView>,
    lists_missing: Option<String>,
    screen_error: Option<String>,
}

/// A date of the query, or today; a bad date is a 422 page naming it.
pub(crate) fn parse_date(ctx: &Ctx, s: Option<&str>) -> Result<aigov_app::Date, PageError> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(jiff::ZonedDateTime::now().date()),
        Some(s) => s.parse().map_err(|_| {
            ctx.err(WebError::BadRequest(ctx.tr().t1(
                "web-law-bad-date",
                "date",
                s,
            )))
        }),
    }
}

/// A number as reports print it.
fn num(n: f64) -> String {
    chips::num(n)
}

fn status_label(tr: &Tr, status: &str) -> String {
    tr.t(&format!("status-{}", status.replace('_', "-")))
}

async fn export(
    ctx: Ctx,
    State(s): State<WebState>,
    lists_dir: Option<Extension<ListsDir>>,
    q: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let Query(q) = q.map_err(|e| ctx.err(WebError::BadRequest(e.body_text())))?;
    let tr = ctx.tr();
    let as_of = parse_date(&ctx, q.as_of.as_deref())?;
    let catalog = chips::catalog().map_err(|e| ctx.err(WebError::Internal(e.to_string())))?;
    let chip = q
        .chip
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    let chips = catalog
        .chips
        .iter()
        .map(|c| ChipOption {
            name: c.name.clone(),
            label: format!("{} {}", c.vendor, c.name),
            selected: chip.as_deref() == Some(c.name.as_str()),
        })
        .collect();

    let specs = Specs::from_query(&q);
    let mut result = None;
    let mut classify_error = None;
    let target = if specs.given() {
        match specs.manifest(&tr).and_then(|m| {
            aigov_app::request::bind(&s.engine, &m).map_err(|e| format!("{e} — {}", e.help()))
        }) {
            Ok(facts) => Some(ClassifyTarget::Manifest {
                name: specs.name.clone(),
                facts,
            }),
            Err(e) => {
                classify_error = Some(e);
                None
            }
        }
    } else {
        chip.clone().map(ClassifyTarget::Chip)
    };
    if let Some(target) = target {
        let engine = s.engine.clone();
        let answer = tokio::task::spawn_blocking(move || chips::classified(&engine, target, as_of))
            .await
            .map_err(|e| ctx.err(WebError::Internal(e.to_string())))?;
        match answer {
            Ok(c) => {
                let texts = match tr.lang {
                    aigov_app::i18n::Lang::En => None,
                    l => s.translations.get(l.tag()),
                };
                result = Some(chip_view(&tr, texts, c))
            }
            Err(e) => classify_error = Some(format!("{e} — {}", e.help())),
        }
    }

    let party = q.party.as_deref().map(str::trim).unwrap_or("").to_string();
    let country = q
        .country
        .as_deref()
        .map(str::trim)
        .unwrap_or("")
        .to_string();
    let mut screening = None;
    let mut lists_missing = None;
    let mut screen_error = None;
    if !party.is_empty() {
        let dir = lists_dir
            .map(|Extension(ListsDir(d))| d)
            .unwrap_or_else(|| lists::store_dir(None));
        let age = AgeCheck {
            as_of: jiff::ZonedDateTime::now().date(),
            given: false,
            max_age_days: lists::DEFAULT_MAX_AGE_DAYS,
        };
        let (name, cc, d) = (party.clone(), country.clone(), dir.clone());
        let answer = tokio::task::spawn_blocking(move || {
            screen::screen_party(&d, &name, Some(cc.as_str()), screen::DEFAULT_THRESHOLD, age)
        })
        .await
        .map_err(|e| ctx.err(WebError::Internal(e.to_string())))?;
        match answer {
            Ok(Some(p)) => screening = Some(screen_view(p)),
            Ok(None) => {
                lists_missing =
                    Some(tr.t1("web-export-no-lists", "dir", &dir.display().to_string()))
            }
            Err(e) => screen_error = Some(format!("{e} — {}", e.help())),
        }
    }

    let c = ctx.chrome.clone().page("export", tr.t("web-export-title"));
    render(
        &ExportPage {
            c: c.clone(),
            chips,
            as_of: as_of.to_string(),
            specs,
            result,
            classify_error,
            party,
            country,
            screening,
            lists_missing,
            screen_error,
        },
        &c,
    )
}

/// The page's view of a classification: the labels, arithmetic and questions in the page's language (the
/// corpus's translated questions where `texts` has them).
fn chip_view(tr: &Tr, texts: Option<&aigov_app::Texts>, c: chips::Classified) -> ChipView {
    let lang = tr.lang;
    let questions = c
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            c.question_facts
                .get(i)
                .and_then(|f| texts.and_then(|t| t.question(f)))
                .unwrap_or(q)
                .to_string()
        })
        .collect();
    ChipView {
        tpp: c.tpp.map(num).unwrap_or_else(|| tr.t("web-unknown")),
        pd: c
            .performance_density
            .map(|p| format!("{p:.2}"))
            .unwrap_or_else(|| tr.t("web-unknown")),
        arithmetic: c
            .arithmetic_parts
            .iter()
            .map(|a| chips::arithmetic_line(lang, a))
            .collect(),
        classes: c
            .classifications
            .into_iter()
            .map(|l| ClassRow {
                status_label: status_label(tr, &l.status),
                label: chips::class_label(lang, &l),
                axis: l.axis,
                status: l.status,
                applies_from: l.applies_from,
                citation: l.citation,
                rule: l.rule,
            })
            .collect(),
        questions,
        timeline: c
            .timeline
            .into_iter()
            .map(|t| TimelineRow {
                date: t.date.clone(),
                classes: if t.classes.is_empty() {
                    tr.t("web-export-not-controlled")
                } else {
                    chips::timeline_classes(lang, &t).join(&lang.t("item-list-separator"))
                },
            })
            .collect(),
        letters: c.is_informed_letters,
        note: c.note,
        name: c.name,
    }
}

fn screen_view(p: screen::PartyScreening) -> ScreenView {
    ScreenView {
        query: p.screened.query,
        threshold: format!("{:.2}", p.threshold),
        hits: p
            .screened
            .hits
            .into_iter()
            .map(|h| HitRow {
                score: format!("{:.3}", h.score),
                list: h.list,
                source: h.source,
                id: h.id,
                name: h.name,
                matched: h.matched_name,
                alias: h.alias,
                programs: h.programs.join(", "),
                countries: h.countries.join(", "),
                licence: [h.license_requirement, h.license_policy]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · "),
                notice: h.federal_register_notice.unwrap_or_default(),
                explanation: h.explanation_text,
            })
            .collect(),
        lists: p.lists.iter().map(|l| l.describe()).collect(),
        store_version: p.store_version,
        warnings: p.freshness.warnings,
    }
}
