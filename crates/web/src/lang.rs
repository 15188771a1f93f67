//! The language of a page: the `lang` query parameter (`?lang=zh-CN`), kept in every link the page makes, so a
//! shared URL opens in the same language. English is the default and adds nothing to URLs.

use aigov_app::i18n::{Arg, Lang};
use aigov_app::Date;

/// The page's language and its words (Fluent messages of `web.ftl` and `aigov.ftl`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Tr {
    /// The language.
    pub lang: Lang,
}

impl Tr {
    /// The language of a query string (`lang=zh-CN`); English when absent or unknown.
    pub fn from_query(query: Option<&str>) -> Tr {
        let lang = query
            .into_iter()
            .flat_map(|q| form_urlencoded::parse(q.as_bytes()))
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(&v))
            .unwrap_or_default();
        Tr { lang }
    }

    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(&self) -> &'static str {
        self.lang.tag()
    }

    /// A message.
    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// A message with one text argument.
    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        self.lang.ta(id, &[(name, Arg::Str(value))])
    }

    /// A message whose arguments are commands or code, as HTML: the message's text escaped and each argument in
    /// `<code>` (the template writes it with `|safe`). The message file holds no markup, only `{ $name }`.
    pub fn code(&self, id: &str, args: &[(&str, &str)]) -> String {
        // Each argument becomes a marker from the private use area, which no message holds, then its `<code>`.
        let markers: Vec<String> = (0..args.len())
            .map(|i| format!("\u{E000}{i}\u{E001}"))
            .collect();
        let fluent: Vec<(&str, Arg<'_>)> = args
            .iter()
            .zip(&markers)
            .map(|((name, _), m)| (*name, Arg::Str(m.as_str())))
            .collect();
        let mut html = escape(&self.lang.ta(id, &fluent));
        for ((_, value), m) in args.iter().zip(&markers) {
            html = html.replace(m.as_str(), &format!("<code>{}</code>", escape(value)));
        }
        html
    }

    /// A message whose arguments are commands or code, as plain text.
    pub fn plain(&self, id: &str, args: &[(&str, &str)]) -> String {
        let fluent: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
        self.lang.ta(id, &fluent)
    }

    /// A derivation tree's connective (`and`, `or`, `not`) in words; any other as it is.
    pub fn op(&self, op: &str) -> String {
        match op {
            "and" => self.t("web-op-and"),
            "or" => self.t("web-op-or"),
            "not" => self.t("web-op-not"),
            other => other.to_string(),
        }
    }

    /// A kind of subject (`ai_system`, `model`, ...) in words, from `web-kind-KIND`; `None` for a kind the
    /// messages do not name.
    pub fn kind(&self, kind: &str) -> Option<String> {
        let id = format!("web-kind-{kind}");
        let text = self.t(&id);
        (text != id && !text.is_empty()).then_some(text)
    }

    /// A message with a count (plurals).
    pub fn tn(&self, id: &str, count: impl std::borrow::Borrow<usize>) -> String {
        self.lang
            .ta(id, &[("count", Arg::Num(*count.borrow() as f64))])
    }

    /// A date as the language writes it.
    pub fn date(&self, d: &Date) -> String {
        self.lang.date(*d)
    }

    /// `path` with this language kept: `/inventory` or `/inventory?lang=zh-CN`; a path with a query gets `&`.
    pub fn href(&self, path: &str) -> String {
        with_lang(path, self.lang)
    }

    /// The `lang` pair to add to a query string, or nothing for English (for hidden form fields).
    pub fn param(&self) -> &'static str {
        match self.lang {
            Lang::En => "",
            Lang::ZhCn => "zh-CN",
        }
    }
}

/// The commands the sign-in page names (arguments of `web-signin-intro`).
pub const SIGNIN_COMMANDS: &[(&str, &str)] = &[
    ("viewer", "aigov token create --role viewer"),
    ("editor", "--role editor"),
];

/// Text escaped for HTML (element content and quoted attributes).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `path` (with or without a query) with `lang` set, replacing any `lang` already there.
pub fn with_lang(path: &str, lang: Lang) -> String {
    let (base, query) = path.split_once('?').unwrap_or((path, ""));
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if k != "lang" {
            out.append_pair(&k, &v);
        }
    }
    if lang != Lang::En {
        out.append_pair("lang", lang.tag());
    }
    let q = out.finish();
    if q.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{q}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_language_and_drop_the_default() {
        assert_eq!(with_lang("/inventory", Lang::ZhCn), "/inventory?lang=zh-CN");
        assert_eq!(with_lang("/inventory?lang=zh-CN", Lang::En), "/inventory");
        assert_eq!(
            with_lang("/subjects/s1?as_of=2026-06-01&lang=en-US", Lang::ZhCn),
            "/subjects/s1?as_of=2026-06-01&lang=zh-CN"
        );
        assert_eq!(Tr::from_query(Some("a=1&lang=zh-CN")).lang, Lang::ZhCn);
        assert_eq!(Tr::from_query(Some("lang=fr")).lang, Lang::En);
    }

    #[test]
    fn commands_in_a_message_are_code_and_the_rest_is_escaped() {
        for lang in [Lang::En, Lang::ZhCn] {
            let html = Tr { lang }.code("web-signin-intro", SIGNIN_COMMANDS);
            assert!(
                html.contains("<code>aigov token create --role viewer</code>"),
                "{html}"
            );
            assert!(html.contains("<code>--role editor</code>"), "{html}");
            assert!(!html.contains('`') && !html.contains('\u{E000}'), "{html}");
        }
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
