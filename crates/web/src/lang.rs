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
}
