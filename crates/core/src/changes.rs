//! What changed in the law itself between two dates, with no subject: instruments adopted, signed, in force,
//! amended, revoked, stayed or not enforced; duties and other rules that began or ended to apply; rules whose text
//! was amended. Each change carries its cause (the instrument that caused it) and its citation.
//!
//! The window is `(from, to]`: a change dated on `from` is part of the law as of `from`, so it is not a change
//! since then; a change dated on `to` is.

use crate::assess::jurisdiction_selected;
use crate::model::{Corpus, Effect, EventKind, Instrument, Rule};
use jiff::civil::Date;
use serde::Serialize;

/// The kind of a change in the law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LawChangeKind {
    /// A lifecycle event of an instrument (adopted, signed, in force, amended, revoked, stayed, ...).
    Event,
    /// Rules of an instrument began to apply on the date.
    RulesBegan,
    /// A rule's text was amended (a new version took effect).
    RuleAmended,
    /// Rules of an instrument stopped applying (the instrument ended, or a rule reached its end date).
    RulesEnded,
}

/// A rule named in a change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedRule<'a> {
    /// The rule id.
    pub rule: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its effect kind (`obligation`, `prohibition`, `classification`, `exemption`).
    pub effect: &'static str,
    /// Its citation under the text of the date.
    pub citation: &'a str,
}

/// One change in the law.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LawChange<'a> {
    /// When.
    pub date: Date,
    /// What kind of change.
    pub kind: LawChangeKind,
    /// For [`LawChangeKind::Event`]: the event's kind (revoked, stayed, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<EventKind>,
    /// The instrument concerned.
    pub instrument: &'a str,
    /// Its short title.
    pub instrument_title: &'a str,
    /// Its jurisdiction.
    pub jurisdiction: &'a str,
    /// Whether it binds anyone (policy and guidance do not; proposals are not law).
    pub binding: bool,
    /// The instrument's citation.
    pub citation: &'a str,
    /// The primary source.
    pub url: &'a str,
    /// The instrument that caused the change (the revoking, amending or staying act), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<&'a str>,
    /// The causing instrument's short title, when it is in the corpus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_title: Option<&'a str>,
    /// Which provisions, or what changed, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<&'a str>,
    /// For [`LawChangeKind::Event`]: the event's id in its instrument (to find the detail's translation; not in
    /// JSON).
    #[serde(skip)]
    pub event_id: Option<&'a str>,
    /// The rules concerned (for rule changes, and for events that end or suspend rules).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<ChangedRule<'a>>,
}

/// Every change in the law in `(from, to]`, in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LawChanges<'a> {
    /// The start of the window (exclusive).
    pub from: Date,
    /// The end of the window (inclusive).
    pub to: Date,
    /// The jurisdiction filter (empty: all).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub jurisdictions: Vec<String>,
    /// The changes.
    pub changes: Vec<LawChange<'a>>,
}

fn effect_kind(e: &Effect) -> &'static str {
    match e {
        Effect::Classification { .. } => "classification",
        Effect::Obligation { .. } => "obligation",
        Effect::Prohibition { .. } => "prohibition",
        Effect::Exemption { .. } => "exemption",
    }
}

fn named<'a>(rule: &'a Rule, date: Date) -> Option<ChangedRule<'a>> {
    let v = rule.version_on(date).or_else(|| rule.versions.last())?;
    Some(ChangedRule {
        rule: &rule.id,
        title: &rule.title,
        effect: effect_kind(&v.effect),
        citation: &v.citation,
    })
}

/// Whether the instrument's rules are law on `date` in the sense of not yet terminated (a proposal or a vetoed
/// bill never is).
fn alive(inst: &Instrument, date: Date) -> bool {
    inst.termination().is_none_or(|t| t.date > date)
        && !inst
            .events
            .iter()
            .any(|e| e.kind == EventKind::Vetoed && e.date <= date)
}

/// Lists every change in the law between `from` (exclusive) and `to` (inclusive), limited to `jurisdictions`
/// (a code also selects its subdivisions) when not empty.
pub fn changes<'a>(
    corpus: &'a Corpus,
    from: Date,
    to: Date,
    jurisdictions: &[String],
) -> LawChanges<'a> {
    let in_window = |d: Date| d > from && d <= to;
    let mut out: Vec<LawChange<'a>> = Vec::new();
    for (index, inst) in corpus.instruments.iter().enumerate() {
        if !jurisdiction_selected(jurisdictions, &inst.jurisdiction) {
            continue;
        }
        let rules: Vec<&Rule> = corpus
            .rules
            .iter()
            .filter(|r| r.instrument == index)
            .collect();
        let base = |date: Date, kind: LawChangeKind| LawChange {
            date,
            kind,
            event: None,
            instrument: &inst.id,
            instrument_title: &inst.short_title,
            jurisdiction: &inst.jurisdiction,
            binding: inst.binding,
            citation: &inst.citation,
            url: &inst.url,
            by: None,
            by_title: None,
            detail: None,
            event_id: None,
            rules: Vec::new(),
        };
        for e in inst.events.iter().filter(|e| in_window(e.date)) {
            let mut c = base(e.date, LawChangeKind::Event);
            c.event = Some(e.kind);
            c.by = e.by.as_deref();
            c.by_title =
                e.by.as_deref()
                    .and_then(|b| corpus.instrument(b))
                    .map(|i| i.short_title.as_str());
            c.detail = e.provisions.as_deref().or(e.note.as_deref());
            c.event_id = Some(e.id.as_str());
            // An event that ends or suspends rules names the rules that were applying the day before.
            if e.kind.terminates() || matches!(e.kind, EventKind::Stayed | EventKind::NotEnforced) {
                let before = e.date.yesterday().unwrap_or(e.date);
                c.rules = rules
                    .iter()
                    .filter(|r| {
                        r.version_on(before)
                            .is_some_and(|v| v.applies_from.date <= before)
                            && r.until.as_ref().is_none_or(|u| u.date > before)
                    })
                    .filter_map(|r| named(r, before))
                    .collect();
            }
            out.push(c);
        }
        // Rules that began to apply, grouped by date; amended texts, one change per rule.
        let mut began: Vec<(Date, ChangedRule<'a>)> = Vec::new();
        let mut ended: Vec<(Date, ChangedRule<'a>)> = Vec::new();
        for r in &rules {
            for (i, v) in r.versions.iter().enumerate() {
                let starts = v.applies_from.date;
                // A version's start date counts once: when it is the first text, or when the amendment moved it.
                let previous_start = i
                    .checked_sub(1)
                    .and_then(|p| r.versions.get(p))
                    .map(|p| p.applies_from.date);
                if in_window(starts)
                    && previous_start != Some(starts)
                    && r.version_on(starts).is_some_and(|on| std::ptr::eq(on, v))
                    && alive(inst, starts)
                {
                    if let Some(n) = named(r, starts) {
                        began.push((starts, n));
                    }
                }
                if i > 0 && in_window(v.from.date) && alive(inst, v.from.date) {
                    let mut c = base(v.from.date, LawChangeKind::RuleAmended);
                    c.by = v.amended_by.as_deref();
                    c.by_title = v
                        .amended_by
                        .as_deref()
                        .and_then(|b| corpus.instrument(b))
                        .map(|i| i.short_title.as_str());
                    c.detail = v.change.as_deref();
                    c.rules = named(r, v.from.date).into_iter().collect();
                    out.push(c);
                }
            }
            if let Some(u) = &r.until {
                if in_window(u.date) && alive(inst, u.date) {
                    if let Some(n) = named(r, u.date) {
                        ended.push((u.date, n));
                    }
                }
            }
        }
        for (kind, list) in [
            (LawChangeKind::RulesBegan, began),
            (LawChangeKind::RulesEnded, ended),
        ] {
            let mut list = list;
            list.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.rule.cmp(b.1.rule)));
            for (date, rule) in list {
                match out.last_mut() {
                    Some(last)
                        if last.kind == kind && last.date == date && last.instrument == inst.id =>
                    {
                        last.rules.push(rule)
                    }
                    _ => {
                        let mut c = base(date, kind);
                        c.rules.push(rule);
                        out.push(c);
                    }
                }
            }
        }
    }
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.jurisdiction.cmp(b.jurisdiction))
            .then(a.instrument.cmp(b.instrument))
            .then(a.kind.cmp(&b.kind))
    });
    LawChanges {
        from,
        to,
        jurisdictions: jurisdictions.to_vec(),
        changes: out,
    }
}
