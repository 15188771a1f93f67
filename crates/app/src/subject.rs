//! One subject on a page: its assessment as of a date laid out ([`crate::outline`]), with derivations; what changed
//! between two dates and why; its timeline chart (SVG) and its calendar; and, when US law reaches it, the state map
//! (SVG). One call, so a front end that shows a subject only translates.

use crate::i18n::{Arg, Lang};
use crate::outline::{outline, Outline};
use crate::{map, timeline, Translations};
use aigov_core::assess::Options;
use aigov_core::diff::ChangeKind;
use aigov_core::{Date, Engine, Facts};

/// What to show of a subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectRequest {
    /// The date of the assessment.
    pub as_of: Date,
    /// The earlier date of the comparison (with `to`).
    pub from: Date,
    /// The later date of the comparison.
    pub to: Date,
    /// The reader's language.
    pub lang: Lang,
}

/// A subject laid out for a page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SubjectAnswer {
    /// The assessment as of the date, with derivations.
    pub outline: Outline,
    /// What changes between `from` and `to`, each change with its causes.
    pub changes: Vec<ChangeLine>,
    /// The timeline chart (an SVG element, to put inside HTML).
    pub timeline_svg: String,
    /// The US state map (an SVG element), when a rule of a US state or city reaches the subject.
    pub map_svg: Option<String>,
}

/// One change between two dates, in words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChangeLine {
    /// `appeared`, `ended` or `changed`.
    pub kind: &'static str,
    /// The rule.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// Its jurisdiction.
    pub jurisdiction: String,
    /// The status before and after, in words ("Upcoming → In effect").
    pub statuses: String,
    /// What else changed.
    pub details: Vec<String>,
    /// Why: the events between the dates.
    pub causes: Vec<String>,
    /// The primary source.
    pub url: String,
    /// The citation.
    pub citation: String,
    /// For a manifest of linked subjects: the id of the linked subject it concerns (set by the caller).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<String>,
}

/// Lays a subject out as `req` asks.
pub fn subject(
    engine: &Engine,
    facts: &Facts,
    req: &SubjectRequest,
    translations: &Translations,
) -> SubjectAnswer {
    let lang = req.lang;
    let texts = translations.get(lang.tag()).filter(|_| lang != Lang::En);
    let a = engine.assess(facts, &Options::as_of(req.as_of));
    let o = outline(engine, &a, lang, translations);
    let (from, to) = if req.from <= req.to {
        (req.from, req.to)
    } else {
        (req.to, req.from)
    };
    let d = aigov_core::diff::diff(engine, facts, from, to, &[]);
    let none = lang.t("web-none");
    let status = |s: Option<aigov_core::Status>| s.map(|s| lang.status(s)).unwrap_or(none.clone());
    let changes = d
        .changes
        .iter()
        .map(|c| ChangeLine {
            kind: match c.kind {
                ChangeKind::Appeared => "appeared",
                ChangeKind::Ended => "ended",
                ChangeKind::Changed => "changed",
            },
            title: texts
                .and_then(|t| t.rule_title(&c.rule))
                .unwrap_or(&c.title)
                .to_string(),
            rule: c.rule.clone(),
            jurisdiction: c.jurisdiction.clone(),
            statuses: lang.ta(
                "web-subject-diff-statuses",
                &[
                    ("from", Arg::Str(&status(c.from_status))),
                    ("to", Arg::Str(&status(c.to_status))),
                ],
            ),
            details: c.details.clone(),
            causes: c
                .causes
                .iter()
                .map(|k| format!("{} — {}", lang.date(k.date), k.text))
                .collect(),
            url: c.url.clone(),
            citation: c.citation.clone(),
            subject_id: None,
        })
        .collect();
    let t = aigov_core::timeline::timeline(engine, facts, req.as_of, &[]);
    let us = a.findings.iter().any(|f| f.jurisdiction.starts_with("US-"));
    SubjectAnswer {
        outline: o,
        changes,
        timeline_svg: inline(timeline::svg(&t)),
        map_svg: us.then(|| inline(map::svg(&map::checkerboard(&a)))),
    }
}

/// An SVG document as an element to put inside HTML: from its `<svg` on (no XML declaration).
fn inline(svg: String) -> String {
    match svg.find("<svg") {
        Some(i) if i > 0 => svg[i..].to_string(),
        _ => svg,
    }
}

/// The subject's calendar (iCalendar) as of a date: every dated start, deadline, amendment and end.
pub fn calendar(engine: &Engine, facts: &Facts, as_of: Date) -> String {
    timeline::ics(&aigov_core::timeline::timeline(engine, facts, as_of, &[]))
}

/// The calendar of a manifest's subjects ([`crate::request::bind_parts`]): one subject's as [`calendar`] gives it;
/// for linked subjects every event of each, its UID and title prefixed by the id of the subject it concerns.
pub fn calendar_parts(engine: &Engine, parts: &[crate::request::Part], as_of: Date) -> String {
    if let [only] = parts {
        if only.id.is_none() {
            return calendar(engine, &only.facts, as_of);
        }
    }
    let mut all: Option<aigov_core::timeline::Timeline> = None;
    for p in parts {
        let mut t = aigov_core::timeline::timeline(engine, &p.facts, as_of, &[]);
        if let Some(id) = &p.id {
            for e in &mut t.entries {
                e.rule = format!("{id}.{}", e.rule);
                e.title = format!("{id}: {}", e.title);
            }
        }
        match &mut all {
            None => all = Some(t),
            Some(a) => a.entries.extend(t.entries),
        }
    }
    match all {
        Some(mut a) => {
            a.entries
                .sort_by(|x, y| (x.date, &x.rule).cmp(&(y.date, &y.rule)));
            timeline::ics(&a)
        }
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cv_screener_changes_when_the_omnibus_moves_the_annex_iii_date() {
        let engine = crate::engine(None).expect("engine");
        let text = include_str!("../../../examples/cv-screening-saas.yaml");
        let m: serde_json::Value = serde_yaml_ng::from_str(text).expect("yaml");
        let facts = crate::request::bind(&engine, &m).expect("binds");
        let d = |s: &str| s.parse::<Date>().expect("date");
        let req = SubjectRequest {
            as_of: d("2026-12-01"),
            from: d("2026-06-01"),
            to: d("2026-12-01"),
            lang: Lang::En,
        };
        let s = subject(&engine, &facts, &req, &Translations::default());
        let annex = s
            .changes
            .iter()
            .find(|c| c.rule == "eu_ai_act.annex3_4_a")
            .expect("the Annex III 4(a) classification changes");
        assert!(!annex.causes.is_empty());
        assert!(s.timeline_svg.starts_with("<svg"));
        assert!(
            s.map_svg.is_none(),
            "no US law reaches a German CV screener"
        );
        assert!(s.outline.duties.iter().any(|i| !i.derivation.is_empty()));
        assert!(calendar(&engine, &facts, d("2026-12-01")).contains("BEGIN:VCALENDAR"));
    }
}
