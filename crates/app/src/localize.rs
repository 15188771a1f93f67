//! The law's structured terms in the reader's language: a penalty's amounts, units, enforcers, cure period and
//! private right of action; the lifecycle events that explain a status; the article labels of citations. Every
//! word comes from the Fluent message files ([`crate::i18n`]) and every corpus text from the corpus's translations
//! where it has one. English reports keep the engine's own wording byte for byte.

use crate::i18n::{Arg, Lang};
use aigov_core::assess::{CapVariant, Cause, PenaltyRef};
use aigov_core::model::{CapRule, Corpus, EnforcerKind, EventKind, PenaltyUnit};
use aigov_core::Date;
use aigov_corpus::Texts;

/// A number with its thousands grouped (`10,000`; a fraction keeps its decimals).
fn group_thousands(n: f64) -> String {
    if n.fract() != 0.0 || n.abs() >= 1e15 {
        return format!("{n}");
    }
    let digits = format!("{}", n.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

fn money(lang: Lang, currency: Option<&str>, n: f64) -> String {
    lang.ta(
        "money",
        &[
            ("currency", Arg::Str(currency.unwrap_or(""))),
            ("amount", Arg::Str(&group_thousands(n))),
        ],
    )
    .trim()
    .to_string()
}

fn band(lang: Lang, currency: Option<&str>, min: Option<f64>, max: Option<f64>) -> Option<String> {
    let m = |n| money(lang, currency, n);
    match (min, max) {
        (Some(lo), Some(hi)) if lo == hi => Some(m(hi)),
        (Some(lo), Some(hi)) => Some(lang.ta(
            "penalty-band-range",
            &[("min", Arg::Str(&m(lo))), ("max", Arg::Str(&m(hi)))],
        )),
        (None, Some(hi)) => Some(lang.ta("penalty-band-up-to", &[("max", Arg::Str(&m(hi)))])),
        (Some(lo), None) => Some(lang.ta("penalty-band-at-least", &[("min", Arg::Str(&m(lo)))])),
        (None, None) => None,
    }
}

/// What a penalty's amounts are counted per, in words.
pub fn unit(lang: Lang, u: PenaltyUnit) -> String {
    lang.t(match u {
        PenaltyUnit::PerViolation => "penalty-unit-per-violation",
        PenaltyUnit::PerDay => "penalty-unit-per-day",
        PenaltyUnit::PerAffectedPerson => "penalty-unit-per-affected-person",
        PenaltyUnit::OneOff => "penalty-unit-one-off",
    })
}

/// A finding's penalty in `lang`: in English the engine's own text; in another language the same terms (amounts
/// and their unit, the cap rule, tiers, enforcers, private right of action, cure period, start date) from the
/// message files, with the corpus's translated summary, enforcer names and tier labels where it has them.
/// The penalty's summary in the language, when [`penalty_text`] did not already print it: a penalty with amounts,
/// a turnover share or tiers is written out from those terms, and its summary says what the amounts leave out
/// (warnings, orders to correct, suspension, licence revocation, injunctions), so a report prints it beside them.
pub fn penalty_in_full(
    corpus: &Corpus,
    p: &PenaltyRef,
    lang: Lang,
    texts: Option<&Texts>,
) -> Option<String> {
    let penalty = corpus.penalties.iter().find(|x| x.id == p.id)?;
    let has_terms = penalty.min_amount.is_some()
        || penalty.max_amount.is_some()
        || penalty.max_turnover_percent.is_some()
        || penalty
            .tiers
            .iter()
            .any(|t| t.min_amount.is_some() || t.max_amount.is_some());
    if !has_terms {
        return None;
    }
    let translated = texts
        .filter(|_| lang != Lang::En)
        .and_then(|t| t.penalty(&penalty.id))
        .and_then(|x| x.summary.as_deref());
    let summary = translated.unwrap_or(&penalty.summary).trim();
    (!summary.is_empty()).then(|| summary.to_string())
}

pub fn penalty_text(corpus: &Corpus, p: &PenaltyRef, lang: Lang, texts: Option<&Texts>) -> String {
    let Some(penalty) = corpus.penalties.iter().find(|x| x.id == p.id) else {
        return p.text.to_string();
    };
    let Some(texts) = texts.filter(|_| lang != Lang::En) else {
        return p.text.to_string();
    };
    let tr = texts.penalty(&penalty.id);
    let cur = penalty.currency.as_deref();
    let amount = band(lang, cur, penalty.min_amount, penalty.max_amount);
    let pct = penalty.max_turnover_percent.map(|x| {
        lang.ta(
            "penalty-turnover",
            &[("percent", Arg::Str(&aigov_core::value::format_number(x)))],
        )
    });
    // The cap rule the engine stated for this organization (`PenaltyRef::cap_variant`), in every language.
    let cap = match (p.cap_variant, penalty.sme_cap) {
        (CapVariant::Sme, Some(c)) => c,
        _ => penalty.cap,
    };
    let sep = lang.t("list-separator");
    let clause = lang.t("clause-separator");
    let unit_words = penalty.unit.map(|u| unit(lang, u));
    let mut both = match (amount, pct) {
        (Some(a), Some(b)) => {
            let a = match penalty.max_amount {
                Some(hi) if penalty.min_amount.is_none() => money(lang, cur, hi),
                _ => a,
            };
            let mut s = lang.ta(
                if cap == CapRule::HigherOf {
                    "penalty-cap-higher"
                } else {
                    "penalty-cap-lower"
                },
                &[("amount", Arg::Str(&a)), ("turnover", Arg::Str(&b))],
            );
            if let Some(u) = &unit_words {
                s.push_str(&lang.ta("penalty-cap-unit", &[("unit", Arg::Str(u))]));
            }
            Some(s)
        }
        (Some(a), None) => Some(match &unit_words {
            Some(u) => lang.ta(
                "penalty-amount-unit",
                &[("amount", Arg::Str(&a)), ("unit", Arg::Str(u))],
            ),
            None => a,
        }),
        (None, Some(b)) => {
            let up = lang.ta("penalty-band-up-to", &[("max", Arg::Str(&b))]);
            Some(match &unit_words {
                Some(u) => lang.ta(
                    "penalty-amount-unit",
                    &[("amount", Arg::Str(&up)), ("unit", Arg::Str(u))],
                ),
                None => up,
            })
        }
        (None, None) => None,
    };
    if let Some(b) = both.as_mut() {
        match (p.cap_variant, penalty.sme_cap) {
            (CapVariant::Sme, Some(_)) => b.push_str(&lang.t("penalty-sme-applies")),
            (CapVariant::Both, Some(c)) => b.push_str(&lang.t(if c == CapRule::LowerOf {
                "penalty-sme-lower"
            } else {
                "penalty-sme-higher"
            })),
            _ => {}
        }
        if penalty.each_day_separate_violation {
            b.push_str(&lang.t("penalty-each-day"));
        }
    }
    let tiers: Vec<String> = penalty
        .tiers
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let label = tr
                .and_then(|x| x.tiers.get(i))
                .map(String::as_str)
                .unwrap_or(&t.label);
            band(lang, cur, t.min_amount, t.max_amount).map(|a| {
                lang.ta(
                    "penalty-tier",
                    &[
                        ("label", Arg::Str(label)),
                        ("band", Arg::Str(&a)),
                        ("unit", Arg::Str(&unit(lang, t.unit))),
                    ],
                )
            })
        })
        .collect();
    let summary = || {
        tr.and_then(|x| x.summary.as_deref())
            .unwrap_or(&penalty.summary)
            .trim()
            .trim_end_matches(['.', '。'])
            .to_string()
    };
    let mut parts: Vec<String> = Vec::new();
    match (both, tiers.is_empty()) {
        (Some(b), true) => parts.push(b),
        (Some(b), false) => parts.push(lang.ta(
            "penalty-with-tiers",
            &[
                ("amount", Arg::Str(&b)),
                ("tiers", Arg::Str(&tiers.join(&clause))),
            ],
        )),
        (None, false) => {
            let mut t = tiers.join(&clause);
            if penalty.each_day_separate_violation {
                t.push_str(&lang.t("penalty-each-day"));
            }
            parts.push(t)
        }
        (None, true) => parts.push(summary()),
    }
    if !penalty.enforced_by.is_empty() {
        let names: Vec<&str> = penalty
            .enforced_by
            .iter()
            .enumerate()
            .map(|(i, e)| {
                tr.and_then(|x| x.enforced_by.get(i))
                    .map(String::as_str)
                    .unwrap_or(&e.name)
            })
            .collect();
        let only = penalty.private_right_of_action == Some(false)
            && penalty.enforced_by.len() == 1
            && penalty.enforced_by[0].kind == EnforcerKind::AttorneyGeneral;
        parts.push(lang.ta(
            if only {
                "penalty-enforced-by-only"
            } else {
                "penalty-enforced-by"
            },
            &[("names", Arg::Str(&names.join(&sep)))],
        ));
    }
    match penalty.private_right_of_action {
        Some(true) => parts.push(lang.t("penalty-private-right")),
        Some(false) => parts.push(lang.t("penalty-no-private-right")),
        None => {}
    }
    if let Some(d) = penalty.cure_period_days {
        parts.push(lang.ta("penalty-cure", &[("days", Arg::Num(f64::from(d)))]));
    }
    if let Some(d) = &penalty.applies_from {
        parts.push(lang.ta("penalty-from", &[("date", Arg::Str(&lang.date(d.date)))]));
    }
    parts.join(&clause)
}

/// A penalty's citation in `lang`: the corpus's translation, else its article labels translated.
pub fn penalty_citation(p: &PenaltyRef, lang: Lang, texts: Option<&Texts>) -> String {
    texts
        .filter(|_| lang != Lang::En)
        .and_then(|t| t.penalty(p.id))
        .and_then(|t| t.citation.clone())
        .unwrap_or_else(|| citation(lang, p.citation))
}

/// A rule's citation in `lang`: the corpus's translation while the rule cites what it was written for, else its
/// article labels translated.
pub fn rule_citation(rule: &str, english: &str, lang: Lang, texts: Option<&Texts>) -> String {
    texts
        .filter(|_| lang != Lang::En)
        .and_then(|t| t.rule_citation(rule, english))
        .map(str::to_string)
        .unwrap_or_else(|| citation(lang, english))
}

/// A penalty's caveat in `lang`, where the corpus translates it.
pub fn penalty_note<'a>(
    p: &'a PenaltyRef,
    lang: Lang,
    texts: Option<&'a Texts>,
) -> Option<&'a str> {
    let english = p.note?;
    Some(
        texts
            .filter(|_| lang != Lang::En)
            .and_then(|t| t.penalty(p.id))
            .and_then(|t| t.note.as_deref())
            .unwrap_or(english),
    )
}

/// A rule's confidence note in the reader's language: the corpus's translation where it has one (`texts` is
/// `None` for English), else the English note.
pub fn rule_note<'a>(
    rule: &str,
    english: Option<&'a str>,
    texts: Option<&'a Texts>,
) -> Option<&'a str> {
    let english = english?;
    Some(texts.and_then(|t| t.rule_note(rule)).unwrap_or(english))
}

/// An instrument's caveat in the reader's language, as [`rule_note`].
pub fn instrument_note<'a>(
    instrument: &str,
    english: Option<&'a str>,
    texts: Option<&'a Texts>,
) -> Option<&'a str> {
    let english = english?;
    Some(
        texts
            .and_then(|t| t.instrument_note(instrument))
            .unwrap_or(english),
    )
}

/// A derived fact's method and its source in the reader's language: the corpus's translation of the fact's
/// `alternative`-th `derive:` entry where it has one, else the English label and citation.
pub fn derivation<'a>(
    fact: &str,
    alternative: usize,
    label: &'a str,
    citation: Option<&'a str>,
    texts: Option<&'a Texts>,
) -> (&'a str, Option<&'a str>) {
    match texts.and_then(|t| t.derivation(fact, alternative)) {
        Some(t) => (t.label.as_str(), t.citation.as_deref().or(citation)),
        None => (label, citation),
    }
}

/// A lifecycle event's verb.
pub fn event_verb(lang: Lang, kind: EventKind, with_by: bool) -> String {
    lang.t(match kind {
        EventKind::Adopted => "event-adopted",
        EventKind::Signed => "event-signed",
        EventKind::Published => "event-published",
        EventKind::EnteredIntoForce => "event-entered-into-force",
        EventKind::AppliesFrom => "event-applies-from",
        EventKind::Amended => "event-amended",
        EventKind::Revoked => "event-revoked",
        EventKind::Repealed => "event-repealed",
        EventKind::Replaced => "event-replaced",
        EventKind::Expired => "event-expired",
        EventKind::Vetoed => "event-vetoed",
        EventKind::Stayed if with_by => "event-stayed-by",
        EventKind::Stayed => "event-stayed",
        EventKind::StayLifted => "event-stay-lifted",
        EventKind::NotEnforced => "event-not-enforced",
        EventKind::EnforcementResumed => "event-enforcement-resumed",
        EventKind::Challenged => "event-challenged",
        EventKind::Proposed => "event-proposed",
        EventKind::Withdrawn => "event-withdrawn",
    })
}

/// An instrument's short title in the reader's language.
pub fn short_title<'a>(corpus: &'a Corpus, id: &'a str, texts: Option<&'a Texts>) -> &'a str {
    texts
        .and_then(|t| t.short_title(id))
        .or_else(|| corpus.instrument(id).map(|i| i.short_title.as_str()))
        .unwrap_or(id)
}

/// A cause ("SB 24-205 amended by SB 25B-004 on 2025-08-28") in `lang`: in English the engine's own text.
pub fn cause_text(corpus: &Corpus, c: &Cause, lang: Lang, texts: Option<&Texts>) -> String {
    if lang == Lang::En {
        return c.text.clone();
    }
    let date = lang.date(c.date);
    if c.text.starts_with("ends on ") {
        return lang.ta("cause-ends", &[("date", Arg::Str(&date))]);
    }
    // The causes a diff gives for a new text of a rule.
    if c.text.starts_with("new text from ") {
        return lang.ta("cause-new-text", &[("date", Arg::Str(&date))]);
    }
    if c.text.starts_with("amended by ") {
        if let Some(by) = &c.by {
            return lang.ta(
                "cause-amended-by",
                &[
                    ("by", Arg::Str(short_title(corpus, by, texts))),
                    ("date", Arg::Str(&date)),
                ],
            );
        }
    }
    let english_title = corpus
        .instrument(&c.instrument)
        .map(|i| i.short_title.as_str())
        .unwrap_or(&c.instrument);
    let instrument = short_title(corpus, &c.instrument, texts);
    match &c.by {
        Some(by) if c.text.starts_with(english_title) => {
            let by = short_title(corpus, by, texts);
            lang.ta(
                "cause-by",
                &[
                    ("instrument", Arg::Str(instrument)),
                    ("verb", Arg::Str(&event_verb(lang, c.kind, true))),
                    ("by", Arg::Str(by)),
                    ("date", Arg::Str(&date)),
                ],
            )
        }
        _ if c.text.starts_with(english_title) => lang.ta(
            "cause",
            &[
                ("instrument", Arg::Str(instrument)),
                ("verb", Arg::Str(&event_verb(lang, c.kind, false))),
                ("date", Arg::Str(&date)),
            ],
        ),
        _ => lang.ta(
            "cause-no-instrument",
            &[
                ("verb", Arg::Str(&event_verb(lang, c.kind, false))),
                ("date", Arg::Str(&date)),
            ],
        ),
    }
}

/// What happened to a rule on `date` that suspends or ends it, or amends its text, said again from the corpus in
/// `lang`: its instrument's event of that day (a stay, a repeal, an amendment in force), else `None`.
pub fn rule_event_text(
    corpus: &Corpus,
    rule: &str,
    date: Date,
    lang: Lang,
    texts: Option<&Texts>,
) -> Option<String> {
    let r = corpus.rule(rule)?;
    let inst = corpus.instrument_of(r);
    if let Some(v) = r.versions.iter().find(|v| v.from.date == date) {
        if let Some(by) = &v.amended_by {
            return Some(lang.ta(
                "cause-amended-by",
                &[
                    ("by", Arg::Str(short_title(corpus, by, texts))),
                    ("date", Arg::Str(&lang.date(date))),
                ],
            ));
        }
    }
    let e = inst.events.iter().find(|e| e.date == date)?;
    let instrument = short_title(corpus, &inst.id, texts);
    let day = lang.date(date);
    Some(match &e.by {
        Some(by) => lang.ta(
            "cause-by",
            &[
                ("instrument", Arg::Str(instrument)),
                ("verb", Arg::Str(&event_verb(lang, e.kind, true))),
                ("by", Arg::Str(short_title(corpus, by, texts))),
                ("date", Arg::Str(&day)),
            ],
        ),
        None => lang.ta(
            "cause",
            &[
                ("instrument", Arg::Str(instrument)),
                ("verb", Arg::Str(&event_verb(lang, e.kind, false))),
                ("date", Arg::Str(&day)),
            ],
        ),
    })
}

/// A date in `lang`.
pub fn date(lang: Lang, d: Date) -> String {
    lang.date(d)
}

/// The article labels of a citation in `lang`: in Chinese `Art 6(3)` reads `第6条第3款`, `Arts 24 and 27` reads
/// `第24条和第27条`, `Art 73(1)-(2)` reads `第73条第1款至第2款`; a remark in parentheses after the articles and
/// any citation of another form (an order number, a section, an annex) are kept as written.
pub fn citation(lang: Lang, s: &str) -> String {
    if lang == Lang::En {
        return s.to_string();
    }
    let mut changed = false;
    let parts: Vec<String> = split_outside_parens(s, "; ")
        .into_iter()
        .map(|part| {
            let (head, remark) = match remark_start(part) {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            match zh_articles(head) {
                Some(zh) => {
                    changed = true;
                    format!("{zh}{remark}")
                }
                None => part.to_string(),
            }
        })
        .collect();
    // A citation with no article label to translate (a US code section) stays exactly as written.
    if changed {
        parts.join("；")
    } else {
        s.to_string()
    }
}

/// Where a remark in parentheses begins (` (penalty articles)`), as opposed to a paragraph label (`, (6)`).
fn remark_start(s: &str) -> Option<usize> {
    s.match_indices(" (").map(|(i, _)| i).find(|&i| {
        let inner = &s[i + 2..];
        let label: String = inner.chars().take_while(|c| *c != ')').collect();
        !(label.len() <= 3 && label.chars().all(|c| c.is_ascii_alphanumeric()) && !label.is_empty())
    })
}

/// `s` split at `sep` where `sep` is outside parentheses.
fn split_outside_parens<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if depth == 0 && rest.starts_with(sep) {
            parts.push(&s[start..i]);
            i += sep.len();
            start = i;
            continue;
        }
        let ch = rest.chars().next().unwrap_or(' ');
        match ch {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        i += ch.len_utf8();
    }
    parts.push(&s[start..]);
    parts
}

/// Where a date comes from ("PRC Generative AI Interim Measures entered into force (Art 24)") in `lang`: the
/// event of `d` with its instrument's short title, verb and provisions.
pub fn date_source(
    corpus: &Corpus,
    d: &aigov_core::model::DatedRef,
    lang: Lang,
    texts: Option<&Texts>,
) -> Option<String> {
    let ev = d.event.as_ref()?;
    let inst = corpus.instrument(&ev.instrument)?;
    let e = inst.event(&ev.event)?;
    let provisions = event_provisions(&inst.id, e, lang, texts)
        .map(|p| lang.ta("date-source-provisions", &[("provisions", Arg::Str(&p))]))
        .unwrap_or_default();
    Some(lang.ta(
        "date-source",
        &[
            ("instrument", Arg::Str(short_title(corpus, &inst.id, texts))),
            ("verb", Arg::Str(&event_verb(lang, e.kind, false))),
            ("provisions", Arg::Str(&provisions)),
        ],
    ))
}

/// The provisions a lifecycle event concerns in `lang`: the corpus's translation (`events:`) where it has one,
/// else the English text with its article labels said the language's way.
pub fn event_provisions(
    instrument: &str,
    e: &aigov_core::model::LifecycleEvent,
    lang: Lang,
    texts: Option<&Texts>,
) -> Option<String> {
    let p = e.provisions.as_deref()?;
    if lang == Lang::En {
        return Some(p.to_string());
    }
    Some(
        texts
            .and_then(|t| t.event_provisions(instrument, &e.id))
            .map(str::to_string)
            .unwrap_or_else(|| citation(lang, p)),
    )
}

/// `(3)(b)` after an article number as paragraph and item labels.
fn zh_parens(s: &str, level: usize) -> Option<String> {
    let mut out = String::new();
    let mut rest = s;
    let mut level = level;
    while !rest.is_empty() {
        let inner = rest.strip_prefix('(')?;
        let end = inner.find(')')?;
        let label = &inner[..end];
        if label.is_empty() || !label.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let numeric = label.chars().all(|c| c.is_ascii_digit());
        out.push_str(&match (level, numeric) {
            (0, true) => format!("第{label}款"),
            (_, true) => format!("第{label}项"),
            (_, false) => format!("第({label})项"),
        });
        level += 1;
        rest = &inner[end + 1..];
    }
    Some(out)
}

/// One article reference (`5(1)(f)`, `31-33`, `73(1)-(2)`), continuing `last` for a bare `(6)`.
fn zh_article(item: &str, last: &mut Option<String>) -> Option<String> {
    let item = item
        .trim()
        .trim_start_matches("Arts ")
        .trim_start_matches("Art ");
    if item.starts_with('(') {
        let parens = zh_parens(item, 0)?;
        return Some(match last {
            Some(a) => format!("{a}{parens}"),
            None => parens,
        });
    }
    let (from, to) = match item.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (item, None),
    };
    let split = |s: &str| -> Option<(String, String)> {
        let n: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
        if n.is_empty() {
            return None;
        }
        let parens = zh_parens(&s[n.len()..], 0)?;
        Some((n, parens))
    };
    let (n, parens) = split(from)?;
    *last = Some(format!("第{n}条"));
    let mut out = format!("第{n}条{parens}");
    match to {
        None => {}
        Some(t) if t.starts_with('(') => {
            let level = from[n.len()..].matches('(').count().saturating_sub(1);
            out.push('至');
            out.push_str(&zh_parens(t, level)?);
        }
        Some(t) => {
            let (m, p2) = split(t)?;
            out.push_str(&format!("至第{m}条{p2}"));
        }
    }
    Some(out)
}

/// A Roman numeral (an annex or chapter number, up to 39) as a Chinese numeral: `III` reads `三`.
fn zh_roman(s: &str) -> Option<String> {
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    if digits.is_empty() {
        return None;
    }
    let mut n = 0u32;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            n = n.checked_sub(*d)?;
        } else {
            n += d;
        }
    }
    const ONES: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = ((n / 10) as usize, (n % 10) as usize);
    let ten = match tens {
        0 => String::new(),
        1 => "十".to_string(),
        t => format!("{}十", ONES.get(t)?),
    };
    let out = format!("{ten}{}", ONES.get(ones)?);
    (!out.is_empty() && n < 40).then_some(out)
}

/// An ordinal word (`first`, `second`, ..., `last`) in Chinese.
fn zh_ordinal(s: &str) -> Option<&'static str> {
    Some(match s {
        "first" => "第一",
        "second" => "第二",
        "third" => "第三",
        "fourth" => "第四",
        "last" | "final" => "最后一",
        _ => return None,
    })
}

/// Whether `s` is a section or point label: digits first, then digits, dots, letters and brackets (`4.2(b)(i)`).
fn is_label(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '(' | ')'))
}

/// A section label (`4.2(b)(i)`, `6-8`, `2(a)-(c)`) as `第…节`.
fn zh_section(item: &str) -> Option<String> {
    match item.split_once('-') {
        Some((a, b)) if is_label(a) && is_label(b) => Some(format!("第{a}节至第{b}节")),
        Some((a, b)) if is_label(a) && b.starts_with('(') && is_label(&format!("0{b}")) => {
            Some(format!("第{a}-{b}节"))
        }
        Some(_) => None,
        None => is_label(item).then(|| format!("第{item}节")),
    }
}

/// What an item of a citation continues: a bare `(6)` or `5(1a)` continues the articles, a bare `4.2(b)` the
/// sections.
#[derive(Clone, Copy, PartialEq)]
enum Cited {
    Article,
    Section,
}

/// One item of a citation in Chinese, and whether it refines the item before it (`Section A` after `Annex I`,
/// `point 11`, `second subparagraph`: written on without a separator).
fn zh_item(item: &str, last: &mut Option<String>, cited: &mut Cited) -> Option<(String, bool)> {
    let item = item.trim();
    if let Some(rest) = item.strip_prefix("Annex ") {
        // `Annex III`, `Annex III 4(a)`, `Annex I Section A`.
        let (roman, tail) = rest.split_once(' ').unwrap_or((rest, ""));
        let mut out = format!("附件{}", zh_roman(roman)?);
        let tail = tail.trim();
        if let Some(section) = tail.strip_prefix("Section ") {
            out.push_str(&format!("{section}节"));
        } else if !tail.is_empty() {
            if !is_label(tail) {
                return None;
            }
            out.push_str(&format!("第{tail}点"));
        }
        return Some((out, false));
    }
    if let Some(section) = item.strip_prefix("Section ") {
        // `Section A` of an annex, or a numbered section of an act.
        if section.len() == 1 && section.chars().all(|c| c.is_ascii_uppercase()) {
            return Some((format!("{section}节"), true));
        }
        *cited = Cited::Section;
        return Some((zh_section(section)?, false));
    }
    if let Some(section) = item.strip_prefix("Sec ") {
        *cited = Cited::Section;
        return Some((zh_section(section)?, false));
    }
    if let Some(chapter) = item.strip_prefix("Chapter ") {
        return Some((format!("第{}章", zh_roman(chapter)?), false));
    }
    if let Some(point) = item.strip_prefix("point ") {
        return is_label(point).then(|| (format!("第{point}点"), true));
    }
    if let Some((ordinal, what)) = item.split_once(' ') {
        if let Some(o) = zh_ordinal(ordinal) {
            let unit = match what {
                "subparagraph" | "paragraph" => "段",
                "sentence" => "句",
                _ => return None,
            };
            return Some((format!("{o}{unit}"), true));
        }
    }
    if item.starts_with("Art ") || item.starts_with("Arts ") {
        *cited = Cited::Article;
    }
    match cited {
        Cited::Article => zh_article(item, last).map(|a| (a, false)),
        Cited::Section => zh_section(item).map(|a| (a, false)),
    }
}

/// A citation's articles, annexes, chapters, sections and points in Chinese (`Art 6(2), Annex III 4(a)` reads
/// `第6条第2款、附件三第4(a)点`); `None` when it does not start with one of them or an item is of another form.
fn zh_articles(head: &str) -> Option<String> {
    let head = head.trim();
    if !["Art ", "Arts ", "Annex ", "Sec ", "Section ", "Chapter "]
        .iter()
        .any(|p| head.starts_with(p))
    {
        return None;
    }
    let mut last = None;
    let mut cited = Cited::Article;
    let mut out = String::new();
    for (i, group) in head.split(" and ").enumerate() {
        if i > 0 {
            out.push('和');
        }
        for (j, item) in group.split(", ").enumerate() {
            let (zh, refines) = zh_item(item, &mut last, &mut cited)?;
            if j > 0 && !refines {
                out.push('、');
            }
            out.push_str(&zh);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_labels_read_as_chinese_citations() {
        let zh = |s| citation(Lang::ZhCn, s);
        assert_eq!(zh("Art 16"), "第16条");
        assert_eq!(zh("Art 6(3)"), "第6条第3款");
        assert_eq!(zh("Art 5(1)(f)"), "第5条第1款第(f)项");
        assert_eq!(zh("Arts 24 and 27"), "第24条和第27条");
        assert_eq!(zh("Arts 23, 27 and 61"), "第23条、第27条和第61条");
        assert_eq!(zh("Art 73(1)-(2)"), "第73条第1款至第2款");
        assert_eq!(zh("Art 99(5), (6)"), "第99条第5款、第99条第6款");
        assert_eq!(zh("Art 99(4), (6)"), "第99条第4款、第99条第6款");
        assert_eq!(
            zh("Arts 31-33 (penalty articles)"),
            "第31条至第33条 (penalty articles)"
        );
        assert_eq!(
            zh("Art 8; 个人信息出境标准合同办法 (2023)"),
            "第8条；个人信息出境标准合同办法 (2023)"
        );
        // Annexes, chapters, sections, points and subparagraphs.
        assert_eq!(zh("Art 6(2), Annex III 4(a)"), "第6条第2款、附件三第4(a)点");
        assert_eq!(zh("Annex III 1 (chapeau)"), "附件三第1点 (chapeau)");
        assert_eq!(
            zh("Art 6(1), Annex I, Section A, point 11 (Regulation (EU) 2017/745 on medical devices)"),
            "第6条第1款、附件一A节第11点 (Regulation (EU) 2017/745 on medical devices)"
        );
        assert_eq!(
            zh("Art 6(1), Art 2(2), Annex I Section B"),
            "第6条第1款、第2条第2款、附件一B节"
        );
        assert_eq!(zh("Art 3(63), Chapter V"), "第3条第63款、第五章");
        assert_eq!(
            zh("Art 53(1)(b), Annex XII"),
            "第53条第1款第(b)项、附件十二"
        );
        assert_eq!(zh("Art 11(1), second subparagraph"), "第11条第1款第二段");
        assert_eq!(
            zh("Art 5(1)(d), last sentence"),
            "第5条第1款第(d)项最后一句"
        );
        assert_eq!(zh("Sec 4.2(b)(i)"), "第4.2(b)(i)节");
        assert_eq!(
            zh("Sec 4.2(a)(ii), 4.2(b)(ii)"),
            "第4.2(a)(ii)节、第4.2(b)(ii)节"
        );
        assert_eq!(zh("Sec 6-8"), "第6节至第8节");
        assert_eq!(zh("Sec 2(a)-(c)"), "第2(a)-(c)节");
        assert_eq!(zh("Sec 3, Sec 4"), "第3节、第4节");
        assert_eq!(zh("Section 3(b)"), "第3(b)节");
        assert_eq!(
            zh("Annex III 6(d); Art 5(1)(d)"),
            "附件三第6(d)点；第5条第1款第(d)项"
        );
        // Official citations given verbatim are kept as written, and English is never touched.
        assert_eq!(
            zh("Cal. Code Regs. tit. 11, § 7157(a)-(b)"),
            "Cal. Code Regs. tit. 11, § 7157(a)-(b)"
        );
        assert_eq!(zh("Art 52 TEU"), "Art 52 TEU");
        assert_eq!(zh("国发〔2025〕11号"), "国发〔2025〕11号");
        assert_eq!(
            zh("C.R.S. 6-1-1706; 6-1-112(1)(a)"),
            "C.R.S. 6-1-1706; 6-1-112(1)(a)"
        );
        assert_eq!(citation(Lang::En, "Art 6(3)"), "Art 6(3)");
    }

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(group_thousands(10000.0), "10,000");
        assert_eq!(group_thousands(35_000_000.0), "35,000,000");
        assert_eq!(group_thousands(500.0), "500");
        assert_eq!(money(Lang::ZhCn, Some("CNY"), 100000.0), "CNY 100,000");
    }
}
