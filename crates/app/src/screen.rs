//! `aigov screen`: restricted-party screening of names against the stored lists, and `aigov assess --screen`,
//! which screens an export's parties and sets `export.parties_listed` from the hits.
//!
//! Exit codes of `aigov screen`: **0** no name has a hit at or above the threshold, **1** at least one has,
//! **2** an error (like `aigov assess`, where 1 means something needs attention).

use crate::i18n::{Arg, Lang};
use crate::lists::{self, AgeCheck, Freshness, Loaded};
use crate::AppError;
use aigov_core::manifest::Facts;
use aigov_core::value::Value;
use aigov_core::vocabulary::Vocabulary;
use aigov_screening::{Entry, Hit, ListMeta, SearchOptions};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// A name to screen: the name, its country, and where it came from (a manifest field or batch row).
pub type Query = (String, Option<String>, Option<String>);

/// One screened name and its hits.
#[derive(Debug, Serialize)]
pub struct Screened {
    /// The name as given.
    pub query: String,
    /// The country given for it, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Where the name came from (a manifest field or a batch row), if not the command line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// In a manifest of linked subjects: the id of the subject that names the party.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<String>,
    /// The hits, best first.
    pub hits: Vec<HitReport>,
}

/// A hit with the listed entry's details.
#[derive(Debug, Serialize)]
pub struct HitReport {
    /// The score (0–1).
    pub score: f32,
    /// The list code (`EL`, `SDN`, `MEU`, ...).
    pub list: String,
    /// The list's full name.
    pub source: String,
    /// The entry's identifier in its list.
    pub id: String,
    /// The entry's primary name.
    pub name: String,
    /// The name that matched (primary or alias).
    pub matched_name: String,
    /// Whether the matched name is an alias.
    pub alias: bool,
    /// Entity, Individual, Vessel or Aircraft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Programs.
    pub programs: Vec<String>,
    /// Countries of the listed addresses.
    pub countries: Vec<String>,
    /// Entity List: licence requirement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license_requirement: Option<String>,
    /// Entity List: licence review policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license_policy: Option<String>,
    /// Federal Register citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub federal_register_notice: Option<String>,
    /// The `export.parties_listed` value this list sets, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parties_listed: Option<&'static str>,
    /// The explanation, structured.
    pub explanation: aigov_screening::Explanation,
    /// The explanation in words.
    pub explanation_text: String,
}

/// The `export.parties_listed` value of a list code: entity_list, military_end_user, denied_persons,
/// unverified or sdn (other lists are reported but set no value).
pub fn parties_listed_value(list: &str) -> Option<&'static str> {
    match list.to_ascii_uppercase().as_str() {
        "EL" => Some("entity_list"),
        "MEU" => Some("military_end_user"),
        "DPL" => Some("denied_persons"),
        "UVL" => Some("unverified"),
        "SDN" => Some("sdn"),
        _ => None,
    }
}

fn report_hit(entry: &Entry, h: Hit) -> HitReport {
    HitReport {
        score: (h.score * 1000.0).round() / 1000.0,
        list: entry.list.clone(),
        source: entry.source.clone(),
        id: entry.id.clone(),
        name: entry.name.clone(),
        matched_name: h.matched_name,
        alias: h.alias,
        kind: entry.kind.clone(),
        programs: entry.programs.clone(),
        countries: entry.countries.clone(),
        license_requirement: entry.license_requirement.clone(),
        license_policy: entry.license_policy.clone(),
        federal_register_notice: entry.federal_register_notice.clone(),
        parties_listed: parties_listed_value(&entry.list),
        explanation_text: h.explanation.describe(h.score),
        explanation: h.explanation,
    }
}

/// Screens names (each with an optional country). A name outside the screening library's bounds (too long, too
/// many words) is an error naming it, never a silent "no hit".
pub fn screen_names(
    loaded: &Loaded,
    names: &[Query],
    threshold: f32,
    limit: usize,
) -> Result<Vec<Screened>, AppError> {
    names
        .iter()
        .map(|(q, cc, field)| {
            let opts = SearchOptions {
                threshold,
                country: cc.clone(),
                limit,
            };
            let hits = loaded
                .index
                .try_search(q, &opts)
                .map_err(|e| {
                    AppError::invalid(
                        format!(
                            "{}cannot screen this name: {e}",
                            field
                                .as_deref()
                                .map(|f| format!("{f}: "))
                                .unwrap_or_default()
                        ),
                        format!(
                            "give the party's name as written: at most {} characters and {} words",
                            aigov_screening::limits::MAX_NAME_CHARS,
                            aigov_screening::limits::MAX_TOKENS
                        ),
                    )
                })?
                .into_iter()
                .map(|h| report_hit(&loaded.index.entries()[h.entry], h))
                .collect();
            Ok(Screened {
                query: q.clone(),
                country: cc.clone(),
                field: field.clone(),
                subject_id: None,
                hits,
            })
        })
        .collect()
}

/// Reads a batch CSV: a `name` column (and optional `country`) under a header, else names in the first column
/// and countries in the second.
pub fn read_batch(path: &Path) -> Result<Vec<Query>, AppError> {
    let bytes = std::fs::read(path).map_err(|e| AppError::Read {
        path: path.display().to_string(),
        source: e,
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[..]);
    let mut rows = Vec::new();
    for (i, r) in reader.records().enumerate() {
        let r = r.map_err(|e| AppError::Invalid {
            message: format!("{}: row {}: {e}", path.display(), i + 1),
            help: "the batch file is CSV: name[,country]".into(),
        })?;
        rows.push(r);
    }
    let mut name_col = 0;
    let mut country_col = Some(1);
    let mut start = 0;
    if let Some(h) = rows.first() {
        let lower: Vec<String> = h.iter().map(|c| c.trim().to_ascii_lowercase()).collect();
        if let Some(i) = lower.iter().position(|c| c == "name") {
            name_col = i;
            country_col = lower.iter().position(|c| c == "country");
            start = 1;
        }
    }
    Ok(rows
        .iter()
        .enumerate()
        .skip(start)
        .filter_map(|(i, r)| {
            let name = r.get(name_col)?.trim();
            if name.is_empty() {
                return None;
            }
            let cc = country_col
                .and_then(|c| r.get(c))
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_ascii_uppercase);
            Some((name.to_string(), cc, Some(format!("row {}", i + 1))))
        })
        .collect())
}

/// Renders screening results as text or JSON, with the lists' versions and their age on the date of the answer.
pub fn render(
    results: &[Screened],
    versions: &[ListMeta],
    freshness: &Freshness,
    threshold: f32,
    json: bool,
) -> String {
    render_in(results, versions, freshness, threshold, json, Lang::En)
}

/// Why a hit scored what it did, in `lang`: in English the screening library's own words (those of the JSON
/// `explanation_text`), in another language said again from the structured explanation (`screen-why-*`). A
/// name-structure note or a country adjustment is printed as the library writes it.
pub fn explanation_in(lang: Lang, e: &aigov_screening::Explanation, score: f32) -> String {
    use aigov_screening::MatchKind;
    if lang == Lang::En {
        return e.describe(score);
    }
    let two = |x: f32| format!("{x:.2}");
    let mut parts: Vec<String> = e
        .matched
        .iter()
        .map(|m| {
            let how = match &m.how {
                MatchKind::Exact => lang.t("screen-how-exact"),
                MatchKind::Translated { hanzi } => {
                    lang.ta("screen-how-translated", &[("hanzi", Arg::Str(hanzi))])
                }
                MatchKind::Pinyin { hanzi } => {
                    lang.ta("screen-how-pinyin", &[("hanzi", Arg::Str(hanzi))])
                }
                MatchKind::Fuzzy { edits } => {
                    lang.ta("screen-how-fuzzy", &[("edits", Arg::Num(*edits as f64))])
                }
                MatchKind::Joined => lang.t("screen-how-joined"),
                MatchKind::Acronym => lang.t("screen-how-acronym"),
                MatchKind::Equivalent { rule } => rule.clone(),
            };
            lang.ta(
                "screen-why-pair",
                &[
                    ("query", Arg::Str(&m.query)),
                    ("listed", Arg::Str(&m.listed)),
                    ("how", Arg::Str(&how)),
                    ("similarity", Arg::Str(&two(m.similarity))),
                ],
            )
        })
        .collect();
    for (id, tokens) in [
        ("screen-why-query-only", &e.unmatched_query),
        ("screen-why-listing-only", &e.unmatched_listed),
        ("screen-why-legal-forms", &e.ignored),
    ] {
        if !tokens.is_empty() {
            parts.push(lang.ta(id, &[("tokens", Arg::Str(&tokens.join(" ")))]));
        }
    }
    parts.extend(e.notes.iter().cloned());
    let mut out = lang.ta(
        "screen-why-score",
        &[
            (
                "parts",
                Arg::Str(&parts.join(&lang.t("screen-why-separator"))),
            ),
            ("score", Arg::Str(&two(score))),
            ("query", Arg::Str(&two(e.query_coverage))),
            ("name", Arg::Str(&two(e.name_coverage))),
        ],
    );
    if let Some(c) = &e.country {
        out.push(' ');
        out.push_str(c);
    }
    out
}

/// A list version in one line, in `lang` (`ofac-sdn published 2024-05-01 (given), imported ..., 12 records, from
/// ...`).
fn version_line(lang: Lang, v: &ListMeta) -> String {
    if lang == Lang::En {
        return v.describe();
    }
    let published = match (&v.published, &v.published_basis) {
        (Some(p), Some(b)) => lang.ta(
            "screen-published-basis",
            &[
                ("date", Arg::Str(&list_date(lang, p))),
                ("basis", Arg::Str(b)),
            ],
        ),
        (Some(p), None) => lang.ta(
            "screen-published",
            &[("date", Arg::Str(&list_date(lang, p)))],
        ),
        _ => lang.t("screen-published-unknown"),
    };
    lang.ta(
        "screen-list-version",
        &[
            ("part", Arg::Str(&v.part)),
            ("published", Arg::Str(&published)),
            ("imported", Arg::Str(&v.imported)),
            ("records", Arg::Num(v.records as f64)),
            ("source", Arg::Str(&v.source)),
        ],
    )
}

/// A date the lists carry (`2026-11-20`, or a date-time), written the language's way where it is one.
fn list_date(lang: Lang, s: &str) -> String {
    lists::published_date(s)
        .and_then(|d| d.to_string().parse::<aigov_core::Date>().ok())
        .map(|d| lang.date(d))
        .unwrap_or_else(|| s.to_string())
}

/// The lists' freshness warnings in `lang`: in English those of [`Freshness`], in another language said again
/// from the versions and the check (`screen-stale-*`).
fn warnings_in(lang: Lang, versions: &[ListMeta], f: &Freshness) -> Vec<String> {
    let as_of = f.as_of.parse::<jiff::civil::Date>().ok();
    let Some(as_of) = as_of.filter(|_| lang != Lang::En) else {
        return f.warnings.clone();
    };
    let date = list_date(lang, &f.as_of);
    versions
        .iter()
        .filter_map(|v| {
            let part = Arg::Str(&v.part);
            match v.published.as_deref().and_then(lists::published_date) {
                None => Some(lang.ta("screen-stale-undated", &[("part", part)])),
                Some(d) => {
                    let days = (as_of - d).get_days();
                    let published = list_date(lang, &d.to_string());
                    if i64::from(days) > i64::from(f.max_age_days) {
                        Some(lang.ta(
                            "screen-stale-old",
                            &[
                                ("part", part),
                                ("published", Arg::Str(&published)),
                                ("days", Arg::Num(f64::from(days))),
                                ("date", Arg::Str(&date)),
                                ("max", Arg::Num(f64::from(f.max_age_days))),
                            ],
                        ))
                    } else if days < 0 {
                        Some(lang.ta(
                            "screen-stale-future",
                            &[
                                ("part", part),
                                ("published", Arg::Str(&published)),
                                ("date", Arg::Str(&date)),
                            ],
                        ))
                    } else {
                        None
                    }
                }
            }
        })
        .collect()
}

/// [`render`] in `lang`: the labels, the score's explanation, the lists' versions and their ages in its words
/// (`screen-*` messages); names, list names, programs and identifiers as the lists write them. JSON is the same in
/// every language.
pub fn render_in(
    results: &[Screened],
    versions: &[ListMeta],
    freshness: &Freshness,
    threshold: f32,
    json: bool,
    lang: Lang,
) -> String {
    if json {
        let doc = serde_json::json!({
            "kind": "screening",
            "format_version": crate::report::FORMAT_VERSION,
            "threshold": threshold,
            "lists": versions,
            "lists_current": freshness.current,
            "freshness": freshness,
            "results": results,
            "note": "A hit or a miss is not a compliance determination; check the listing and keep the lists current.",
        });
        return format!(
            "{}\n",
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        );
    }
    let threshold_text = format!("{threshold:.2}");
    let mut out = String::new();
    for w in warnings_in(lang, versions, freshness) {
        let _ = writeln!(
            out,
            "{}",
            lang.ta("screen-warning", &[("text", Arg::Str(&w))])
        );
    }
    for r in results {
        let place = r
            .field
            .as_deref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        let cc = r
            .country
            .as_deref()
            .map(|c| format!(" [{c}]"))
            .unwrap_or_default();
        let query = format!("{}{cc}{place}", r.query);
        if r.hits.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                lang.ta(
                    "screen-no-hit",
                    &[
                        ("query", Arg::Str(&query)),
                        ("threshold", Arg::Str(&threshold_text))
                    ]
                )
            );
            continue;
        }
        let _ = writeln!(
            out,
            "{}",
            lang.ta(
                "screen-hits",
                &[
                    ("query", Arg::Str(&query)),
                    ("count", Arg::Num(r.hits.len() as f64))
                ]
            )
        );
        for h in &r.hits {
            let alias = if h.alias {
                lang.ta("screen-alias-of", &[("name", Arg::Str(&h.name))])
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {:.3}  {} {}{alias}  [{}; id {}]",
                h.score,
                h.matched_name,
                h.kind
                    .as_deref()
                    .map(|k| format!("({k})"))
                    .unwrap_or_default(),
                h.source,
                h.id
            );
            let mut detail = |id: &str, text: &str| {
                let _ = writeln!(out, "         {}", lang.ta(id, &[("text", Arg::Str(text))]));
            };
            if !h.programs.is_empty() {
                detail("screen-programs", &h.programs.join(", "));
            }
            if !h.countries.is_empty() {
                detail("screen-countries", &h.countries.join(", "));
            }
            if let Some(l) = &h.license_requirement {
                detail("screen-licence-requirement", l);
            }
            if let Some(l) = &h.license_policy {
                detail("screen-licence-policy", l);
            }
            if let Some(l) = &h.federal_register_notice {
                detail("screen-federal-register", l);
            }
            detail("screen-why", &explanation_in(lang, &h.explanation, h.score));
        }
    }
    let _ = writeln!(out, "{}", lang.t("screen-lists-used"));
    for v in versions {
        let _ = writeln!(out, "  {}", version_line(lang, v));
    }
    // The warnings themselves open the report.
    if lang == Lang::En {
        out.push_str(&freshness.summary("  "));
    } else {
        let _ = writeln!(
            out,
            "  {}{}",
            lang.ta(
                "screen-ages",
                &[
                    ("date", Arg::Str(&list_date(lang, &freshness.as_of))),
                    ("basis", Arg::Str(&freshness.as_of_basis)),
                    ("days", Arg::Num(freshness.max_age_days as f64)),
                ]
            ),
            if freshness.current {
                String::new()
            } else {
                lang.t("screen-not-current")
            }
        );
    }
    let _ = writeln!(out, "{}", lang.t("screen-disclaimer"));
    out
}

/// `aigov screen`: returns the report and whether any name had a hit. The lists' ages are checked against
/// `age` (their publication dates against its date), and the report warns about every stale or undated list.
#[allow(clippy::too_many_arguments)]
pub fn run(
    names: &[String],
    batch: Option<&Path>,
    country: Option<&str>,
    threshold: f32,
    limit: usize,
    lists_dir: Option<&Path>,
    age: AgeCheck,
    json: bool,
    lang: Lang,
) -> Result<(String, bool), AppError> {
    if !(0.0..=1.0).contains(&threshold) {
        return Err(AppError::Invalid {
            message: format!("--threshold {threshold} is outside 0..1"),
            help: format!("the default is {}", aigov_screening::DEFAULT_THRESHOLD),
        });
    }
    let mut queries: Vec<Query> = names
        .iter()
        .map(|n| (n.clone(), country.map(str::to_ascii_uppercase), None))
        .collect();
    if let Some(b) = batch {
        queries.extend(read_batch(b)?);
    }
    if queries.is_empty() {
        return Err(AppError::Invalid {
            message: "no names to screen".into(),
            help: "give names (`aigov screen \"Acme Ltd\"`) or --batch FILE.csv".into(),
        });
    }
    let dir = lists::store_dir(lists_dir);
    let loaded = lists::load(&dir)?;
    let results = screen_names(&loaded, &queries, threshold, limit)?;
    let any = results.iter().any(|r| !r.hits.is_empty());
    let fresh = lists::freshness(&loaded.versions, age);
    Ok((
        render_in(&results, &loaded.versions, &fresh, threshold, json, lang),
        any,
    ))
}

/// One party name screened, with everything needed to explain the answer: the hits with their explained scores,
/// the list versions used and how current they are.
#[derive(Debug, Serialize)]
pub struct PartyScreening {
    /// The name and its hits, best first.
    pub screened: Screened,
    /// The threshold used.
    pub threshold: f32,
    /// The list versions used.
    pub lists: Vec<ListMeta>,
    /// The store version read (`v-<n>`).
    pub store_version: String,
    /// The lists' ages, with a warning for each stale or undated list.
    pub freshness: Freshness,
}

/// The score at or above which a listed name is reported as a hit (the screening library's default).
pub const DEFAULT_THRESHOLD: f32 = aigov_screening::DEFAULT_THRESHOLD;

/// Screens one party name (with an optional ISO country code) against the lists stored in `dir`. `Ok(None)`
/// when no list has been imported there yet, so a front end can say how to import one; an error when the store
/// fails verification or the name is outside the screening library's bounds.
pub fn screen_party(
    dir: &Path,
    name: &str,
    country: Option<&str>,
    threshold: f32,
    age: AgeCheck,
) -> Result<Option<PartyScreening>, AppError> {
    if !(0.0..=1.0).contains(&threshold) {
        return Err(AppError::invalid(
            format!("the threshold {threshold} is outside 0..1"),
            format!("the default is {}", aigov_screening::DEFAULT_THRESHOLD),
        ));
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::invalid(
            "no name to screen",
            "give the party's name as written, e.g. `Acme Ltd`",
        ));
    }
    let Some(loaded) = lists::load_shared(dir)? else {
        return Ok(None);
    };
    let country = country
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_uppercase);
    let mut results = screen_names(&loaded, &[(name.to_string(), country, None)], threshold, 10)?;
    let screened = results.pop().ok_or_else(|| {
        AppError::invalid("screening returned no answer", "try again; this is a bug")
    })?;
    let freshness = lists::freshness(&loaded.versions, age);
    Ok(Some(PartyScreening {
        screened,
        threshold,
        lists: loaded.versions.clone(),
        store_version: loaded.store_version.clone(),
        freshness,
    }))
}

/// What `assess --screen` did.
#[derive(Debug, Serialize)]
pub struct ManifestScreening {
    /// The threshold used.
    pub threshold: f32,
    /// The list versions used.
    pub lists: Vec<ListMeta>,
    /// Whether every list is known to be current on the date of the assessment (see `freshness`).
    pub lists_current: bool,
    /// The lists' ages on the date of the assessment, with a warning for each stale or undated list.
    pub freshness: Freshness,
    /// Each screened party.
    pub results: Vec<Screened>,
    /// The value set for `export.parties_listed`, or `None` when the manifest gave it.
    pub parties_listed_set: Option<Vec<String>>,
    /// Whether the manifest already gave `export.parties_listed` (then it is kept).
    pub given_in_manifest: bool,
}

/// The manifest fields naming parties to the transaction, when the vocabulary has them.
const PARTY_FIELDS: &[&str] = &[
    "end_user_name",
    "consignee_name",
    "ultimate_consignee_name",
    "intermediate_consignee_name",
    "purchaser_name",
];

/// Screens the parties named in an `export` manifest and, unless the manifest gives `export.parties_listed`,
/// sets it from the hits (`[]` when no party has a hit on any list). The lists' ages are checked against `age`
/// (the assessment's date).
pub fn screen_manifest(
    vocabulary: &Vocabulary,
    facts: &mut Facts,
    lists_dir: Option<&Path>,
    threshold: f32,
    age: AgeCheck,
) -> Result<ManifestScreening, AppError> {
    if facts.subject != "export" {
        return Err(AppError::Invalid {
            message: format!(
                "--screen screens the parties of an `export` manifest; this one describes `{}`",
                facts.subject
            ),
            help: "use `aigov screen NAME...` to screen names directly".into(),
        });
    }
    let queries = party_queries(vocabulary, facts)?;
    if queries.is_empty() {
        return Err(AppError::Invalid {
            message: "--screen found no party names in the manifest".into(),
            help: "give `export.end_user_name` (and consignee or purchaser names where the vocabulary has them)".into(),
        });
    }
    let dir = lists::store_dir(lists_dir);
    let loaded = lists::load(&dir)?;
    let (results, set, given) = screen_export(vocabulary, facts, &loaded, queries, threshold)?;
    let freshness = lists::freshness(&loaded.versions, age);
    Ok(ManifestScreening {
        threshold,
        lists_current: freshness.current,
        freshness,
        lists: loaded.versions,
        results,
        parties_listed_set: set,
        given_in_manifest: given,
    })
}

/// The party names an export's facts give, each with the field that names it.
fn party_queries(vocabulary: &Vocabulary, facts: &Facts) -> Result<Vec<Query>, AppError> {
    if vocabulary.fact("export", "parties_listed").is_none() {
        return Err(AppError::Invalid {
            message: "the corpus has no `export.parties_listed` fact".into(),
            help: "use a corpus with the export-control vocabulary".into(),
        });
    }
    let mut queries = Vec::new();
    for field in PARTY_FIELDS {
        if let Some(def) = vocabulary.fact("export", field) {
            if let Some(Value::Text(name)) = facts.get(def.id) {
                if !name.trim().is_empty() {
                    queries.push((name.clone(), None, Some(format!("export.{field}"))));
                }
            }
        }
    }
    Ok(queries)
}

/// Screens an export's party names against loaded lists and, unless the facts give `export.parties_listed`, sets
/// it from the hits: the results, the value set (`None` when given) and whether it was given.
#[allow(clippy::type_complexity)]
fn screen_export(
    vocabulary: &Vocabulary,
    facts: &mut Facts,
    loaded: &Loaded,
    queries: Vec<Query>,
    threshold: f32,
) -> Result<(Vec<Screened>, Option<Vec<String>>, bool), AppError> {
    let Some(target) = vocabulary.fact("export", "parties_listed") else {
        return Err(AppError::Invalid {
            message: "the corpus has no `export.parties_listed` fact".into(),
            help: "use a corpus with the export-control vocabulary".into(),
        });
    };
    let results = screen_names(loaded, &queries, threshold, 10)?;
    let given = facts.get(target.id).is_some();
    let mut values: Vec<String> = results
        .iter()
        .flat_map(|r| {
            r.hits
                .iter()
                .filter_map(|h| h.parties_listed.map(str::to_string))
        })
        .collect();
    values.sort();
    values.dedup();
    let set = if given {
        None
    } else {
        let json = serde_json::Value::Array(
            values
                .iter()
                .cloned()
                .map(serde_json::Value::String)
                .collect(),
        );
        let value = aigov_core::manifest::bind_value(&target.ty, &json, "export.parties_listed")
            .map_err(|e| AppError::Invalid {
                message: format!("cannot set export.parties_listed: {}", e.message),
                help: "the corpus vocabulary for parties_listed does not have the screening values"
                    .into(),
            })?;
        facts.set(target.id, Some(value));
        Some(values)
    };
    Ok((results, set, given))
}

/// What `assess --screen` did on a manifest of linked subjects: the parties named by every linked `export`
/// subject, screened once against the same lists, each result naming the subject that names the party.
#[derive(Debug, Serialize)]
pub struct LinkedScreening {
    /// The threshold used.
    pub threshold: f32,
    /// The list versions used.
    pub lists: Vec<ListMeta>,
    /// Whether every list is known to be current on the date of the assessment (see `freshness`).
    pub lists_current: bool,
    /// The lists' ages on the date of the assessment, with a warning for each stale or undated list.
    pub freshness: Freshness,
    /// Each screened party, with `subject_id`, in the manifest's order.
    pub results: Vec<Screened>,
    /// Per export subject screened: the value set for its `export.parties_listed`.
    pub subjects: Vec<SubjectScreening>,
}

/// One linked export subject's screening outcome.
#[derive(Debug, Serialize)]
pub struct SubjectScreening {
    /// The subject's id.
    pub subject_id: String,
    /// The value set for its `export.parties_listed`, or `None` when its entry gave it.
    pub parties_listed_set: Option<Vec<String>>,
    /// Whether its entry already gave `export.parties_listed` (then it is kept).
    pub given_in_manifest: bool,
}

/// Screens the parties named by every linked `export` subject (e.g. the end user of a shipment inside a product
/// manifest) and sets each one's `export.parties_listed` as [`screen_manifest`] does. Subjects of other kinds name
/// no parties and are left as they are.
pub fn screen_linked(
    vocabulary: &Vocabulary,
    subjects: &mut [aigov_core::manifest::Linked],
    lists_dir: Option<&Path>,
    threshold: f32,
    age: AgeCheck,
) -> Result<LinkedScreening, AppError> {
    let mut named = Vec::new();
    for (i, s) in subjects.iter().enumerate() {
        if s.facts.subject == "export" {
            let q = party_queries(vocabulary, &s.facts)?;
            if !q.is_empty() {
                named.push((i, q));
            }
        }
    }
    if named.is_empty() {
        return Err(AppError::Invalid {
            message: "--screen found no party names in the linked subjects".into(),
            help: "give an `export` subject with `export.end_user_name` (and consignee or purchaser names where the vocabulary has them)".into(),
        });
    }
    let dir = lists::store_dir(lists_dir);
    let loaded = lists::load(&dir)?;
    let mut results = Vec::new();
    let mut outcomes = Vec::new();
    for (i, queries) in named {
        let Some(s) = subjects.get_mut(i) else {
            continue;
        };
        let (found, set, given) =
            screen_export(vocabulary, &mut s.facts, &loaded, queries, threshold)?;
        results.extend(found.into_iter().map(|mut r| {
            r.subject_id = Some(s.id.clone());
            r
        }));
        outcomes.push(SubjectScreening {
            subject_id: s.id.clone(),
            parties_listed_set: set,
            given_in_manifest: given,
        });
    }
    let freshness = lists::freshness(&loaded.versions, age);
    Ok(LinkedScreening {
        threshold,
        lists_current: freshness.current,
        freshness,
        lists: loaded.versions,
        results,
        subjects: outcomes,
    })
}

impl ManifestScreening {
    /// A text or Markdown report with the screening: a warning above the report when the lists are not known to be
    /// current (the answer rests on them), and the screening section below it.
    pub fn wrap_text(&self, report: &str) -> String {
        self.wrap_text_in(report, Lang::En)
    }

    /// [`Self::wrap_text`] in `lang`.
    pub fn wrap_text_in(&self, report: &str, lang: Lang) -> String {
        wrap_with_section(
            report,
            &self.freshness,
            self.lists_current,
            &self.text_in(lang),
            lang,
        )
    }

    /// The section added to a text or Markdown report.
    pub fn text(&self) -> String {
        self.text_in(Lang::En)
    }

    /// [`Self::text`] in `lang` (`screening-*` messages).
    pub fn text_in(&self, lang: Lang) -> String {
        let mut out = format!("\n{}\n", lang.t("screening-heading"));
        let threshold = format!("{:.2}", self.threshold);
        match (&self.parties_listed_set, self.given_in_manifest) {
            (_, true) => {
                let _ = writeln!(out, "  {}", lang.t("screening-given"));
            }
            (Some(v), false) if v.is_empty() => {
                let _ = writeln!(
                    out,
                    "  {}",
                    lang.ta("screening-set-none", &[("threshold", Arg::Str(&threshold))])
                );
            }
            (Some(v), false) => {
                let _ = writeln!(
                    out,
                    "  {}",
                    lang.ta("screening-set-by", &[("values", Arg::Str(&v.join(", ")))])
                );
            }
            (None, false) => {}
        }
        for r in &self.results {
            result_lines(&mut out, r, lang);
        }
        section_tail(&mut out, &self.lists, &self.freshness, lang);
        out
    }

    /// Adds the screening to a JSON report as a `screening` member.
    pub fn attach_json(&self, report: &str) -> String {
        attach_to_json(report, self, self.lists_current)
    }
}

/// A text or Markdown report with a screening section below it, and a warning above it when the lists are not
/// known to be current (the answer rests on them).
fn wrap_with_section(
    report: &str,
    freshness: &Freshness,
    lists_current: bool,
    section: &str,
    lang: Lang,
) -> String {
    let mut out = String::new();
    if !lists_current {
        let _ = writeln!(
            out,
            "{}\n",
            lang.ta(
                "screening-not-current",
                &[
                    ("date", Arg::Str(&list_date(lang, &freshness.as_of))),
                    ("count", Arg::Num(freshness.warnings.len() as f64)),
                ]
            )
        );
    }
    out.push_str(report);
    out.push_str(section);
    out
}

/// A JSON report with the screening as its `screening` member and `screening_lists_current` beside it (the answer
/// itself says when the lists it rests on are not known to be current); any other text is returned as it is.
fn attach_to_json(report: &str, screening: &impl Serialize, lists_current: bool) -> String {
    match serde_json::from_str::<serde_json::Value>(report) {
        Ok(serde_json::Value::Object(mut m)) => {
            m.insert(
                "screening".into(),
                serde_json::to_value(screening).unwrap_or(serde_json::Value::Null),
            );
            m.insert(
                "screening_lists_current".into(),
                serde_json::Value::Bool(lists_current),
            );
            format!("{}\n", serde_json::to_string_pretty(&m).unwrap_or_default())
        }
        _ => report.to_string(),
    }
}

/// The lines of one screened party in a report's screening section (`subject: field "name" = hit ...`).
fn result_lines(out: &mut String, r: &Screened, lang: Lang) {
    let field = match &r.subject_id {
        Some(id) => format!("{id}: {}", r.field.as_deref().unwrap_or("")),
        None => r.field.clone().unwrap_or_default(),
    };
    if r.hits.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            lang.ta(
                "screening-no-hit",
                &[("field", Arg::Str(&field)), ("query", Arg::Str(&r.query))]
            )
        );
    }
    for h in &r.hits {
        let fact = h
            .parties_listed
            .map(|v| format!(" -> {v}"))
            .unwrap_or_else(|| lang.t("screening-sets-no-fact"));
        let _ = writeln!(
            out,
            "  {}",
            lang.ta(
                "screening-hit",
                &[
                    ("field", Arg::Str(&field)),
                    ("query", Arg::Str(&r.query)),
                    ("name", Arg::Str(&h.matched_name)),
                    ("list", Arg::Str(&h.list)),
                    ("id", Arg::Str(&h.id)),
                    ("score", Arg::Str(&format!("{:.3}", h.score))),
                    ("fact", Arg::Str(&fact)),
                ]
            )
        );
        if let (Some(req), Some(pol)) = (&h.license_requirement, &h.license_policy) {
            let _ = writeln!(
                out,
                "      {}",
                lang.ta(
                    "screening-licence",
                    &[("requirement", Arg::Str(req)), ("policy", Arg::Str(pol))]
                )
            );
        }
        let _ = writeln!(
            out,
            "      {}",
            lang.ta(
                "screen-why",
                &[(
                    "text",
                    Arg::Str(&explanation_in(lang, &h.explanation, h.score))
                )]
            )
        );
    }
}

/// The lists used, their warnings and the date their ages were measured on, at the end of a screening section.
fn section_tail(out: &mut String, versions: &[ListMeta], f: &Freshness, lang: Lang) {
    let _ = writeln!(out, "  {}", lang.t("screen-lists-used"));
    for v in versions {
        let _ = writeln!(out, "  {}", version_line(lang, v));
    }
    for w in warnings_in(lang, versions, f) {
        let _ = writeln!(
            out,
            "  {}",
            lang.ta("screen-warning", &[("text", Arg::Str(&w))])
        );
    }
    ages_line(out, f, lang);
}

/// The date the lists' ages were measured on, the limit, and whether they are known to be current.
fn ages_line(out: &mut String, f: &Freshness, lang: Lang) {
    if lang == Lang::En {
        out.push_str(&f.summary("  "));
        return;
    }
    let _ = writeln!(
        out,
        "  {}{}",
        lang.ta(
            "screen-ages",
            &[
                ("date", Arg::Str(&list_date(lang, &f.as_of))),
                ("basis", Arg::Str(&f.as_of_basis)),
                ("days", Arg::Num(f64::from(f.max_age_days))),
            ]
        ),
        if f.current {
            String::new()
        } else {
            lang.t("screen-not-current")
        }
    );
}

impl LinkedScreening {
    /// A text or Markdown report of linked subjects with the screening: a warning above it when the lists are not
    /// known to be current, and the screening section below it, subject by subject.
    pub fn wrap_text(&self, report: &str) -> String {
        self.wrap_text_in(report, Lang::En)
    }

    /// [`Self::wrap_text`] in `lang`.
    pub fn wrap_text_in(&self, report: &str, lang: Lang) -> String {
        wrap_with_section(
            report,
            &self.freshness,
            self.lists_current,
            &self.text_in(lang),
            lang,
        )
    }

    /// The section added to the report: per export subject what was set, then every party with its subject.
    pub fn text(&self) -> String {
        self.text_in(Lang::En)
    }

    /// [`Self::text`] in `lang` (`screening-*` messages).
    pub fn text_in(&self, lang: Lang) -> String {
        let mut out = format!("\n{}\n", lang.t("screening-heading"));
        let threshold = format!("{:.2}", self.threshold);
        for s in &self.subjects {
            let id = &s.subject_id;
            let line = match (&s.parties_listed_set, s.given_in_manifest) {
                (_, true) => lang.t("screening-given"),
                (Some(v), false) if v.is_empty() => {
                    lang.ta("screening-set-none", &[("threshold", Arg::Str(&threshold))])
                }
                (Some(v), false) => {
                    lang.ta("screening-set", &[("values", Arg::Str(&v.join(", ")))])
                }
                (None, false) => continue,
            };
            let _ = writeln!(out, "  {id}: {line}");
        }
        for r in &self.results {
            result_lines(&mut out, r, lang);
        }
        section_tail(&mut out, &self.lists, &self.freshness, lang);
        out
    }

    /// Adds the screening to the JSON document of linked subjects as a `screening` member (and
    /// `screening_lists_current`).
    pub fn attach_json(&self, report: &str) -> String {
        attach_to_json(report, self, self.lists_current)
    }
}
