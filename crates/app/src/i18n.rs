//! aigov's own words in English and Simplified Chinese, from Fluent message files (`crates/app/locales/<lang>/
//! aigov.ftl` for reports, `web.ftl` for the web app) that a translator can edit without touching code. Fluent (Project Fluent's reference Rust
//! implementation, `fluent-bundle`) handles plurals and variables, so no sentence is assembled from fragments
//! in code. The law's own texts (titles, summaries, citations) come from the corpus; JSON stays
//! language-neutral.

use aigov_core::Date;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// A language aigov speaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    /// English (United States).
    #[default]
    #[serde(rename = "en-US")]
    En,
    /// Simplified Chinese (mainland China).
    #[serde(rename = "zh-CN")]
    ZhCn,
}

/// The message files, embedded: nothing is read at run time. `aigov.ftl` holds the reports' words, `web.ftl`
/// the web app's (labels, headings, buttons), `web-law.ftl` the web app's law pages (export controls, the
/// corpus, reports); all join one bundle per language.
const SOURCES: [(Lang, &str, &str, &str); 6] = [
    (
        Lang::En,
        "en-US",
        "aigov.ftl",
        include_str!("../locales/en-US/aigov.ftl"),
    ),
    (
        Lang::En,
        "en-US",
        "web.ftl",
        include_str!("../locales/en-US/web.ftl"),
    ),
    (
        Lang::En,
        "en-US",
        "web-law.ftl",
        include_str!("../locales/en-US/web-law.ftl"),
    ),
    (
        Lang::ZhCn,
        "zh-CN",
        "aigov.ftl",
        include_str!("../locales/zh-CN/aigov.ftl"),
    ),
    (
        Lang::ZhCn,
        "zh-CN",
        "web.ftl",
        include_str!("../locales/zh-CN/web.ftl"),
    ),
    (
        Lang::ZhCn,
        "zh-CN",
        "web-law.ftl",
        include_str!("../locales/zh-CN/web-law.ftl"),
    ),
];

impl Lang {
    /// Every language, in a stable order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag (`en-US`, `zh-CN`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Reads a tag or a POSIX locale name: `zh-CN`, `zh_CN.UTF-8`, `zh`, `zh-Hans` give Chinese; `en`, `en_US`,
    /// `C`, `POSIX` give English; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s.split(['.', '@']).next().unwrap_or(s).replace('_', "-");
        let lower = base.to_ascii_lowercase();
        if lower == "zh"
            || lower.starts_with("zh-cn")
            || lower.starts_with("zh-hans")
            || lower == "zh-sg"
        {
            Some(Lang::ZhCn)
        } else if lower == "c" || lower == "posix" || lower == "en" || lower.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them), when
    /// it is one aigov speaks; English otherwise.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .find_map(|s| Lang::parse(&s))
            .unwrap_or_default()
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
            [OnceLock::new(), OnceLock::new()];
        let index = Lang::ALL.iter().position(|l| *l == self).unwrap_or(0);
        BUNDLES[index].get_or_init(|| build(self))
    }

    /// The message `id` with no arguments.
    pub fn t(self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with arguments (`name`, value) pairs.
    pub fn ta(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fa.set(*k, FluentValue::from(*s)),
                Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
            }
        }
        self.format(id, Some(&fa))
    }

    fn format(self, id: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle();
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            // A missing message is a bug the tests catch; show its id rather than nothing.
            return id.to_string();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// A calendar date as the language writes it (`2026-11-28`; `2026年11月28日`).
    pub fn date(self, d: Date) -> String {
        match self {
            Lang::En => d.to_string(),
            Lang::ZhCn => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        }
    }

    /// The heading of a status (`In effect`, `已生效`).
    pub fn status(self, s: aigov_core::Status) -> String {
        use aigov_core::Status;
        self.t(match s {
            Status::InEffect => "status-in-effect",
            Status::Upcoming => "status-upcoming",
            Status::Suspended => "status-suspended",
            Status::Ended => "status-ended",
            Status::Undetermined => "status-undetermined",
            Status::NotApplicable => "status-not-applicable",
        })
    }
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Text.
    Str(&'a str),
    /// A number (plural rules read it).
    Num(f64),
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks help right-to-left text but show as noise in terminals and files.
    bundle.set_use_isolating(false);
    for (_, _, _, source) in SOURCES.iter().filter(|(l, ..)| *l == lang) {
        // A syntax error keeps the messages that parsed; the tests refuse any error.
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Problems in the message files: syntax errors, and messages present in one language and missing in another
/// (checked by the tests; a translator runs `cargo test -p aigov-app i18n`).
pub fn check() -> Vec<String> {
    let mut problems = Vec::new();
    // (language, file, message ids)
    let mut ids: Vec<(Lang, &str, Vec<String>)> = Vec::new();
    for (lang, tag, file, source) in SOURCES {
        match FluentResource::try_new(source.to_string()) {
            Ok(res) => {
                let list = res
                    .entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                        _ => None,
                    })
                    .collect();
                ids.push((lang, file, list));
            }
            Err((_, errors)) => {
                problems.push(format!(
                    "{tag}/{file}: {} syntax error(s): {errors:?}",
                    errors.len()
                ));
            }
        }
    }
    for (lang, file, list) in &ids {
        for (other, other_file, other_list) in &ids {
            if lang == other || file != other_file {
                continue;
            }
            for id in list.iter().filter(|id| !other_list.contains(id)) {
                problems.push(format!(
                    "`{id}` is in {}/{file} but not in {}/{file}",
                    lang.tag(),
                    other.tag()
                ));
            }
        }
    }
    // One bundle per language: an id in two files of one language would shadow the other.
    for (lang, file, list) in &ids {
        for (other, other_file, other_list) in &ids {
            if lang == other && file < other_file {
                for id in list.iter().filter(|id| other_list.contains(id)) {
                    problems.push(format!(
                        "`{id}` is in both {}/{file} and {}/{other_file}",
                        lang.tag(),
                        lang.tag()
                    ));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages_and_parses() {
        let problems = check();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn messages_format_with_their_arguments_and_plurals() {
        let one = Lang::En.ta("report-question-settles", &[("count", Arg::Num(1.0))]);
        assert_eq!(one, "settles 1 rule");
        let many = Lang::En.ta("report-question-settles", &[("count", Arg::Num(3.0))]);
        assert_eq!(many, "settles 3 rules");
        assert_eq!(
            Lang::ZhCn.ta("report-question-settles", &[("count", Arg::Num(3.0))]),
            "可确定 3 条规则"
        );
        assert_eq!(Lang::ZhCn.status(aigov_core::Status::InEffect), "已生效");
        assert_eq!(Lang::En.status(aigov_core::Status::Upcoming), "Upcoming");
        let d: Date = "2026-08-02".parse().expect("date");
        assert_eq!(Lang::ZhCn.date(d), "2026年8月2日");
        assert_eq!(Lang::En.date(d), "2026-08-02");
    }

    #[test]
    fn languages_are_read_from_tags_and_posix_locales() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh-Hans"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
    }
}
