//! View models: what each template shows, built from aigov-app's answers, already in the page's language. The
//! templates only loop and branch over these.

pub mod assess;
pub mod assessment;
pub mod inventory;
pub mod subject;

use crate::assets;
use crate::error::role_name;
use crate::lang::{with_lang, Tr};
use aigov_app::i18n::{Arg, Lang};
use aigov_store::{Principal, Role};

/// The parts of every page: language, who is signed in, navigation, asset URLs.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// The language and its words.
    pub tr: Tr,
    /// The signed-in user, in words (`Signed in as ... (editor)`), if any.
    pub user: Option<String>,
    /// Whether the signed-in user may change the inventory.
    pub can_edit: bool,
    /// The page's path and query, in its language (the sign-in page returns here).
    pub here: String,
    /// The same page in the other language.
    pub switch_href: String,
    /// The other language's tag (`zh-CN` or `en-US`), for the switch link's `lang` and `hreflang`.
    pub switch_tag: &'static str,
    /// The navigation entry of this page (`home`, `assess`, `inventory`, ...).
    pub nav: &'static str,
    /// The page's title.
    pub title: String,
    /// The stylesheet's URL.
    pub css: String,
    /// The page script's URL.
    pub js: String,
    /// htmx's URL.
    pub htmx: String,
    /// The icon's URL.
    pub icon: String,
}

impl Chrome {
    /// The chrome of a page at `path_and_query` for `principal`.
    pub fn new(tr: Tr, principal: Option<&Principal>, path_and_query: &str) -> Chrome {
        let other = match tr.lang {
            Lang::En => Lang::ZhCn,
            Lang::ZhCn => Lang::En,
        };
        Chrome {
            user: principal.map(|p| {
                tr.lang.ta(
                    "web-signed-in-as",
                    &[
                        ("name", Arg::Str(&p.name)),
                        ("role", Arg::Str(&role_name(&tr, p.role))),
                    ],
                )
            }),
            can_edit: principal.is_some_and(|p| p.role >= Role::Editor),
            here: with_lang(path_and_query, tr.lang),
            switch_href: with_lang(path_and_query, other),
            switch_tag: other.tag(),
            nav: "",
            title: tr.t("web-app-name"),
            css: assets::url("app.css"),
            js: assets::url("app.js"),
            htmx: assets::url("htmx.min.js"),
            icon: assets::url("favicon.svg"),
            tr,
        }
    }

    /// The same chrome for a page whose state is in `path_and_query` (a post's result that a GET can show again):
    /// the language switch and the sign-in return go there.
    pub fn at(mut self, path_and_query: &str) -> Chrome {
        let other = match self.tr.lang {
            Lang::En => Lang::ZhCn,
            Lang::ZhCn => Lang::En,
        };
        self.here = with_lang(path_and_query, self.tr.lang);
        self.switch_href = with_lang(path_and_query, other);
        self
    }

    /// The same chrome for the page `nav` titled `title`.
    pub fn page(mut self, nav: &'static str, title: String) -> Chrome {
        self.nav = nav;
        self.title = title;
        self
    }
}
