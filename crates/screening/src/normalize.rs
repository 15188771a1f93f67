//! Name normalisation: case, accents and scripts folded to ASCII, punctuation removed, abbreviations and plurals
//! brought to one form, corporate suffixes in many languages set aside, and Chinese (Hanzi) names turned into
//! the words a romanised listing uses: common words translated (技术 → technology, 集团 → group), the rest in
//! pinyin (华为 → huawei).

/// Where a token came from, for explanations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Latin (or folded-to-Latin) text as written.
    Latin,
    /// A Chinese word translated (the Hanzi).
    Translated(String),
    /// Chinese characters written in pinyin (the Hanzi).
    Pinyin(String),
    /// A word written in the Arabic script (as written, with its article if it has one; several words when
    /// read as one name, see [`crate::arabic_script::joins`]): its text is a plain reading of it without the
    /// article, which is a token of its own, and the index looks it up by [`crate::arabic_script::keys`].
    Arabic {
        /// The word as written.
        written: String,
        /// The particle written before it (أبو, بن, ابن), a token of its own, which listings also write
        /// joined to it (`ABUBAKAR`, `BINLADIN`).
        particle: Option<String>,
    },
}

/// One normalised token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The canonical form (lowercase ASCII, singular, abbreviations expanded).
    pub text: String,
    /// Other forms that count as the same word (for example `science` and `keji` for 科技 → `technology`).
    pub alts: Vec<String>,
    /// A stop word (of, and, de, al, ...): it counts little in scores.
    pub stop: bool,
    /// Forms that are the same word under a named rule, with the rule (reserved for rules the normaliser
    /// applies itself; the index finds romanisation variants through [`crate::translit`]).
    pub equivalents: Vec<(String, String)>,
    /// The word with its letters that carry a caron, cedilla or acute read as the alphabets that write them read
    /// them, for sounds English writes with two letters (`Sečin` = `sechin`, `Naryşkin` = `naryshkin`; the
    /// letters and their sources are in `LETTER_READINGS`), with the rule: the index looks it up exactly and by
    /// its romanisation keys, as another spelling of the word. The token's text stays the word with its marks
    /// dropped, as lists write such names (`KARADZIC`).
    pub readings: Vec<(String, String)>,
    /// The normaliser rule that made this token from several written words, if any (`Arabic compound: abd al
    /// malik = abdulmalik`), for explanations.
    pub rule: Option<String>,
    /// Where it came from.
    pub origin: Origin,
}

impl Token {
    fn latin(text: String) -> Token {
        let stop = is_stop(&text) || legal_anywhere(&text);
        Token {
            text,
            alts: Vec::new(),
            stop,
            equivalents: Vec::new(),
            readings: Vec::new(),
            rule: None,
            origin: Origin::Latin,
        }
    }

    /// The canonical form and every alternative.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.alts.iter().map(String::as_str))
    }
}

/// A normalised name: its tokens in order, and the corporate forms set aside.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Normalized {
    /// The tokens that identify the party.
    pub tokens: Vec<Token>,
    /// Legal-form tokens set aside (ltd, llc, gmbh, 有限公司 ...), in canonical form.
    pub legal: Vec<String>,
}

impl Normalized {
    /// The tokens joined by single spaces.
    pub fn key(&self) -> String {
        self.tokens
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The tokens concatenated without spaces (for names written with or without spaces or hyphens).
    pub fn compact(&self) -> String {
        self.tokens.iter().map(|t| t.text.as_str()).collect()
    }
}

/// Normalises a name without a lexicon (unknown Chinese runs are split by the usual 1+2 / 2+2 pattern).
pub fn normalize(name: &str) -> Normalized {
    normalize_with(name, &|_| false)
}

/// The text of a name being read, by script: each run is turned into tokens when a character of another
/// script ends it.
#[derive(Default)]
struct Runs {
    /// Whose name is read (a person's words are kept as written).
    of: NameOf,
    latin: String,
    han: String,
    arabic: String,
    kana: String,
    devanagari: String,
    /// The Hangul syllables of the word being read.
    hangul: Vec<char>,
}

impl Runs {
    fn flush_latin(&mut self, out: &mut Vec<Token>) {
        if !self.latin.is_empty() {
            latin_tokens(&self.latin, self.of, out);
            self.latin.clear();
        }
    }

    fn flush_han(&mut self, lexicon: &dyn Fn(&str) -> bool, out: &mut Vec<Token>) {
        if !self.han.is_empty() {
            han_tokens(&self.han, lexicon, out);
            self.han.clear();
        }
    }

    fn flush_arabic(&mut self, out: &mut Vec<Token>) {
        if !self.arabic.is_empty() {
            arabic_tokens(&self.arabic, out);
            self.arabic.clear();
        }
    }

    /// Kana read in Hepburn ([`crate::kana`]), then as Latin text, each word named with the kana it was read
    /// from.
    fn flush_kana(&mut self, out: &mut Vec<Token>) {
        let kana = std::mem::take(&mut self.kana);
        let words = kana.split(|c: char| c.is_whitespace() || c == '・');
        read_words(
            words,
            crate::kana::romanise,
            "Japanese kana in Hepburn",
            self.of,
            out,
        );
    }

    /// Devanagari read as India's names are written in English ([`crate::devanagari`]), then as Latin text,
    /// each word named with the letters it was read from.
    fn flush_devanagari(&mut self, out: &mut Vec<Token>) {
        let devanagari = std::mem::take(&mut self.devanagari);
        read_words(
            devanagari.split(char::is_whitespace),
            crate::devanagari::romanise,
            "Devanagari read as names are written in English",
            self.of,
            out,
        );
    }

    /// A word in Hangul ([`hangul_tokens`]).
    fn flush_hangul(&mut self, out: &mut Vec<Token>) {
        if !self.hangul.is_empty() {
            hangul_tokens(&self.hangul, out);
            self.hangul.clear();
        }
    }

    /// Every run but the Arabic script's and the Latin one's.
    fn flush_others(&mut self, lexicon: &dyn Fn(&str) -> bool, out: &mut Vec<Token>) {
        self.flush_han(lexicon, out);
        self.flush_kana(out);
        self.flush_devanagari(out);
        self.flush_hangul(out);
    }
}

/// Normalises a name; `lexicon` tells which romanised words are known (the index's vocabulary), which guides
/// how a run of pinyin syllables is split into words (丹东鸿祥 → dandong hongxiang).
pub fn normalize_with(name: &str, lexicon: &dyn Fn(&str) -> bool) -> Normalized {
    read_name(name, lexicon, NameOf::Unknown)
}

/// Normalises the name of a person (or an aircraft's registration mark): as [`normalize_with`], but each word is
/// kept as written (no plural made singular, no abbreviation expanded: `MUSHAKHAS`, `KUMAR, Dev`), and no word is
/// set aside as a legal form or a vessel prefix, because in such a name these words are names: 鮑 `PAO` is a
/// family name (not the Russian ПАО), `SA` is a given name (`KHUN SA`), `SAE` a Thai clan name, `AG` the Tuareg
/// "son of" (`GHALI, Iyad ag`), `SE` a Korean syllable (`PAK, Han Se`), and `YK` the start of a Syrian
/// registration mark (`YK-ANH`).
pub fn normalize_person_with(name: &str, lexicon: &dyn Fn(&str) -> bool) -> Normalized {
    read_name(name, lexicon, NameOf::Person)
}

/// [`normalize_person_with`] without a lexicon.
pub fn normalize_person(name: &str) -> Normalized {
    normalize_person_with(name, &|_| false)
}

/// Whose name is being read: a person's keeps the words a company's sets aside or rewrites (see
/// [`normalize_person_with`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum NameOf {
    #[default]
    Unknown,
    Person,
}

fn read_name(name: &str, lexicon: &dyn Fn(&str) -> bool, of: NameOf) -> Normalized {
    let name = presentation_forms(name);
    let name = strip_boilerplate(&name);
    let address = web_address(name);
    let name = address.as_ref().map_or(name, |(words, _)| words.as_str());
    let mut raw: Vec<Token> = Vec::new();
    let mut runs = Runs {
        of,
        ..Runs::default()
    };
    for c in name.chars() {
        // A word in Hangul is read whole: a company's name is written as one word of several (조선광선은행).
        if is_hangul_syllable(c) {
            runs.flush_latin(&mut raw);
            runs.flush_han(lexicon, &mut raw);
            runs.flush_kana(&mut raw);
            runs.flush_devanagari(&mut raw);
            runs.flush_arabic(&mut raw);
            runs.hangul.push(c);
            continue;
        }
        runs.flush_hangul(&mut raw);
        // Words in the Arabic script are read together, with the spaces between them (`عبد الرحمن` is one
        // name), and the zero-width non-joiner Persian writes inside a word (`حاکم‌زاده`, Hakemzadeh) is
        // part of the word.
        let inside =
            !runs.arabic.is_empty() && (c.is_whitespace() || matches!(c, '\u{200C}' | '\u{200D}'));
        if crate::arabic_script::is_arabic_letter(c) || inside {
            runs.flush_latin(&mut raw);
            runs.flush_others(lexicon, &mut raw);
            runs.arabic.push(c);
            continue;
        }
        runs.flush_arabic(&mut raw);
        // Kana, with the spaces and middle dots between the words of a name written in it.
        let inside_kana = !runs.kana.is_empty() && (c.is_whitespace() || c == '・');
        if crate::kana::is_kana(c) || inside_kana {
            runs.flush_latin(&mut raw);
            runs.flush_han(lexicon, &mut raw);
            runs.flush_devanagari(&mut raw);
            runs.kana.push(c);
            continue;
        }
        runs.flush_kana(&mut raw);
        // Devanagari, with the spaces between the words of a name written in it.
        let inside_devanagari = !runs.devanagari.is_empty() && c.is_whitespace();
        if crate::devanagari::is_devanagari(c) || inside_devanagari {
            runs.flush_latin(&mut raw);
            runs.flush_han(lexicon, &mut raw);
            runs.devanagari.push(c);
            continue;
        }
        runs.flush_devanagari(&mut raw);
        if is_han(c) {
            runs.flush_latin(&mut raw);
            runs.han.push(c);
        } else {
            runs.flush_han(lexicon, &mut raw);
            runs.latin.push(c);
        }
    }
    runs.flush_latin(&mut raw);
    runs.flush_others(lexicon, &mut raw);
    runs.flush_arabic(&mut raw);
    let tokens = formal_country_names(arabic_compounds(sun_letters(join_letters(raw))));
    let mut n = match of {
        NameOf::Unknown => strip_vessel_prefix(strip_legal(tokens)),
        NameOf::Person => Normalized {
            tokens: tokens
                .into_iter()
                .filter(|t| !t.text.starts_with('!'))
                .map(|mut t| {
                    // A legal form weighs as a stop word in a company's name; in a person's it is a name.
                    t.stop = t.stop && (is_stop(&t.text) || !legal_anywhere(&t.text));
                    t
                })
                .collect(),
            legal: Vec::new(),
        },
    };
    // Setting a legal form or prefix aside can leave single letters side by side (`A YK A`: `yk` is a legal
    // form): join them as if written so, or normalising the key again would join them then (not idempotent).
    n.tokens = join_letters(std::mem::take(&mut n.tokens));
    if let Some((_, rule)) = address {
        for t in n.tokens.iter_mut().filter(|t| t.rule.is_none()) {
            t.rule = Some(rule.clone());
        }
    }
    n
}

/// Generic top-level domains that mark a word with dots as a web address without `www.` (`KAHANETZADAK.COM`).
const GENERIC_TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "edu", "gov", "int", "mil", "io", "ai", "app", "co",
    "online", "site", "tech",
];

/// Second-level labels that countries put before their code (`.com.pe`, `.org.by`, `.co.uk`, `.ac.ir`).
const SECOND_LEVEL: &[&str] = &[
    "com", "net", "org", "gov", "edu", "ac", "co", "or", "ne", "go",
];

/// A web address written as a name (`WWW.SERCUBA.COM`, `https://www.aerocontinente.com.pe/`, OFAC lists some as
/// aliases): the words of its host before the domain suffix, hyphens read as spaces (`www.cuba-shop.net` →
/// `cuba shop`), and the rule for the explanation. Only one word with dots, read as an address when it starts
/// with a scheme or `www.`, or ends in a generic top-level domain (`.com`, `.org` ...) or a country's second-level
/// one (`.com.pe`): `S.A.`, `CO.LTD` and `J.P.MORGAN` are not addresses.
fn web_address(name: &str) -> Option<(String, String)> {
    let written = name.trim();
    if written.is_empty() || written.contains(char::is_whitespace) || !written.is_ascii() {
        return None;
    }
    let lower = written.to_ascii_lowercase();
    let (schemed, rest) = match lower.split_once("://") {
        Some(("http" | "https", rest)) => (true, rest),
        Some(_) => return None,
        None => (false, lower.as_str()),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.split_once(':').map_or(host, |(h, _)| h);
    let (www, host) = match host.strip_prefix("www.") {
        Some(h) => (true, h),
        None => (false, host),
    };
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if labels.len() < 2 || !labels.iter().all(label_ok) {
        return None;
    }
    let tld = labels[labels.len() - 1];
    let country = tld.len() == 2 && tld.bytes().all(|b| b.is_ascii_lowercase());
    let second = labels.len() >= 3 && SECOND_LEVEL.contains(&labels[labels.len() - 2]);
    let suffix = if country && second {
        2
    } else if GENERIC_TLDS.contains(&tld) || (country && (schemed || www)) {
        1
    } else {
        return None;
    };
    let words = labels[..labels.len() - suffix].join(" ").replace('-', " ");
    if !words.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let rule = format!("web address read as its name: {lower} = {words}");
    Some((words, rule))
}

/// The Arabic article written as it is said before a "sun letter" (t, th, d, dh, r, z, s, sh, n), which it
/// takes on: `ar-Rahman`, `as-Safrani`, `ash-Shami`, `ad-Dawla` (with the Egyptian and Maghrebi e: `es-Sayed`,
/// and the Urdu `ud`: `Jamaat-ud-Dawah`; not `ur`, which Urdu names also write joined: `Fazl-ur Rehman`,
/// `Fazlur`) are `al-Rahman`, `al-Safrani` ... The ALA-LC romanisation of Arabic (Library of Congress, rule
/// 17(c)) writes the article `al-` whatever letter follows; the BGN/PCGN system (`Ar Riyāḑ`, `Ash Shāriqah`)
/// and spellings that follow speech write it assimilated. Brought to `al`, named in the explanation. Only
/// before a word of three letters or more, not a stop word, that starts with the article's own consonant
/// (`as safrani`, not `as well`).
fn sun_letters(mut tokens: Vec<Token>) -> Vec<Token> {
    const FORMS: &[&str] = &[
        // Not `et` and `en`, the French "and" and "in" (`DUPONT ET TISSIER`).
        "at", "ath", "ad", "adh", "ar", "az", "as", "ash", "an", "ed", "er", "ez", "es", "esh", "ud",
    ];
    for i in 0..tokens.len().saturating_sub(1) {
        let (head, tail) = tokens.split_at_mut(i + 1);
        let (t, next) = (&mut head[i], &tail[0]);
        if !matches!(t.origin, Origin::Latin)
            || !matches!(next.origin, Origin::Latin)
            || !FORMS.contains(&t.text.as_str())
            || next.text.len() < 3
            || is_stop(&next.text)
        {
            continue;
        }
        // `as shams` is `ash shams` written short: `as` before `sh` is the article too.
        if next.text.starts_with(&t.text[1..]) {
            let written = std::mem::replace(&mut t.text, "al".to_string());
            t.stop = true;
            t.rule = Some(format!("Arabic article assimilated: {written} = al"));
        }
    }
    tokens
}

/// Prefixes that mark a ship's name (motor vessel, motor tanker, steamship, fishing vessel), set aside at the
/// start of a name: `M/V SEA STAR` = `MV SEA STAR` = `SEA STAR`.
const VESSEL_PREFIXES: &[&str] = &["mv", "mt", "mts", "ss", "fv", "mvs", "mtk"];

/// Whether a word is a vessel prefix (`mv`, `mt`, ...).
pub fn is_vessel_prefix(w: &str) -> bool {
    VESSEL_PREFIXES.contains(&w)
}

/// Sets a vessel prefix at the start of a name aside (with the legal forms, as `vessel prefix mv`), keeping at
/// least one token.
fn strip_vessel_prefix(mut n: Normalized) -> Normalized {
    if n.tokens.len() > 1
        && matches!(n.tokens[0].origin, Origin::Latin)
        && VESSEL_PREFIXES.contains(&n.tokens[0].text.as_str())
    {
        let t = n.tokens.remove(0);
        n.legal.push(t.text);
    }
    n
}

/// A token's word as written when the plural stemmer shortened it (`hurras` for `hurra`), else its text: the
/// parts of an Arabic compound are names, joined as written (`HURRAS AL-DIN` is `hurrasuddin`), since the script
/// writes that s (حراس الدين).
fn unstemmed(t: &Token) -> &str {
    t.alts
        .first()
        .filter(|a| a.len() > t.text.len() && a.ends_with('s'))
        .map_or(t.text.as_str(), String::as_str)
}

/// A token made by joining an Arabic compound name, with the rule named (unless written that way already).
fn compound(text: String, written: &str) -> Token {
    let rule = (text != written).then(|| format!("Arabic compound: {written} = {text}"));
    let mut t = Token::latin(text);
    t.rule = rule;
    t
}

/// The connecting forms of Arabic compound names: `Abd al-Malik`, `Abdul Malik`, `Abdelmalek`; `Jamal al-Din`,
/// `Jamaleddine`, `Jamaluddin`. Written apart or joined, with any vowel in the article, they are brought to
/// one joined token (`abdulmalik`, `jamaluddin`) on both sides of a comparison.
fn arabic_compounds(tokens: Vec<Token>) -> Vec<Token> {
    const ABD: &[&str] = &[
        "abdoul", "abdul", "abdel", "abdal", "abdol", "abdil", "abdi", "abdu", "abd",
    ];
    const ARTICLE: &[&str] = &[
        "al", "el", "ul", "ol", "ar", "as", "ad", "ed", "ud", "an", "ash", "at", "az",
    ];
    const DIN: &[&str] = &["din", "deen", "dine", "ddin", "ddine", "ddeen"];
    // al-Din with its article joined to it, written apart from the name before it (`ANSAR EDDINE`).
    const ARTICLE_DIN: &[&str] = &[
        "eddine", "eddin", "uddin", "uddeen", "aldin", "aldeen", "addin", "aldine", "eldin",
        "ildin",
    ];
    const KUNYA: &[&str] = &["abu", "abou", "abo"];
    const KUNYA_CONTRACTED: &[&str] = &["abul", "abol", "aboul"];
    let latin = |t: &Token| matches!(t.origin, Origin::Latin);
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Written apart: abd [al] X.
        if latin(t) && ABD.contains(&t.text.as_str()) {
            let mut j = i + 1;
            if j < tokens.len() && latin(&tokens[j]) && ARTICLE.contains(&tokens[j].text.as_str()) {
                j += 1;
            }
            if j < tokens.len() && latin(&tokens[j]) && tokens[j].text.len() >= 3 && j > i {
                let rest = unstemmed(&tokens[j]);
                if !rest.starts_with("lah")
                    && !rest.starts_with("llah")
                    && rest.bytes().all(|b| b.is_ascii_lowercase())
                {
                    let written: Vec<&str> = tokens[i..=j].iter().map(unstemmed).collect();
                    out.push(compound(format!("abdul{rest}"), &written.join(" ")));
                    i = j + 1;
                    continue;
                }
            }
        }
        // Written apart: abu al X, the kunya with the article (`Abu al-Khayr`, `Abou el Yazid`, `Abu'l-Qasim`),
        // which is also written contracted, apart or joined (`Abul Khair`, `Abolfazl` = Abu al-Fadl,
        // `Abolghasem` = Abu al-Qasim): one token `abulX`, as `abd al X` is `abdulX`. Not `Abu X` without the
        // article (`Abu Bakr`), nor `Abul` alone. Joined rather than written apart: the contracted spellings
        // (`Abughasem`, `Abloqasem` for SALAVATI, Abolghassem) are then one word like it, found by their spelling.
        // The cost: `Abu` standing alone before a family name with the article (`Abu AL-AGHA`) is read as a
        // kunya; `Abu` is not a name without the one it introduces, so such a query is rare.
        if latin(t) && KUNYA.contains(&t.text.as_str()) && i + 2 < tokens.len() {
            let (article, rest) = (&tokens[i + 1], &tokens[i + 2]);
            if latin(article)
                && (ARTICLE.contains(&article.text.as_str()) || article.text == "l")
                && latin(rest)
                && rest.text.len() >= 3
                && !is_stop(&rest.text)
                && rest.text.bytes().all(|b| b.is_ascii_lowercase())
            {
                let rest = unstemmed(rest);
                let written = format!("{} {} {rest}", t.text, article.text);
                out.push(compound(format!("abul{rest}"), &written));
                i += 3;
                continue;
            }
        }
        if latin(t) && KUNYA_CONTRACTED.contains(&t.text.as_str()) && i + 1 < tokens.len() {
            let rest = &tokens[i + 1];
            if latin(rest)
                && rest.text.len() >= 3
                && !is_stop(&rest.text)
                && rest.text.bytes().all(|b| b.is_ascii_lowercase())
            {
                let rest = unstemmed(rest);
                let written = format!("{} {rest}", t.text);
                out.push(compound(format!("abul{rest}"), &written));
                i += 2;
                continue;
            }
        }
        // Written apart: X [al] din, the article also written as the vowel before it alone (`SHAHAB-U-DIN`,
        // `SAFI A-DIN`: Shihab-u-d-din with the case ending said and the article elided), or joined to din
        // (`ANSAR EDDINE`).
        if latin(t)
            && (DIN.contains(&t.text.as_str()) || ARTICLE_DIN.contains(&t.text.as_str()))
            && !out.is_empty()
        {
            let mut k = out.len() - 1;
            let connector = |w: &str| ARTICLE.contains(&w) || matches!(w, "u" | "a" | "e" | "i");
            if connector(&out[k].text) && k > 0 {
                k -= 1;
            }
            let stem = unstemmed(&out[k]).to_string();
            if latin(&out[k]) && stem.len() >= 3 && stem.bytes().all(|b| b.is_ascii_lowercase()) {
                let mut written: Vec<String> =
                    out[k..].iter().map(|t| unstemmed(t).to_string()).collect();
                written.push(t.text.clone());
                out.truncate(k);
                out.push(compound(format!("{stem}uddin"), &written.join(" ")));
                i += 1;
                continue;
            }
        }
        if latin(t) {
            let w = unstemmed(t);
            // Joined: abdelmalek, abdulkarim (not abdullah: abd + allah).
            if let Some(rest) = ABD.iter().find_map(|p| w.strip_prefix(p)) {
                if rest.len() >= 4
                    && !rest.starts_with("lah")
                    && !rest.starts_with("llah")
                    && !rest.starts_with('l')
                    && rest.bytes().all(|b| b.is_ascii_lowercase())
                {
                    out.push(compound(format!("abdul{rest}"), w));
                    i += 1;
                    continue;
                }
            }
            // Joined: abolfazl, abulkhair, aboulghasem.
            if let Some(rest) = KUNYA_CONTRACTED.iter().find_map(|p| w.strip_prefix(p)) {
                if rest.len() >= 4 && rest.bytes().all(|b| b.is_ascii_lowercase()) {
                    out.push(compound(format!("abul{rest}"), w));
                    i += 1;
                    continue;
                }
            }
            // Joined: jamaleddine, jamaluddin, nuraldin.
            let joined_din = ARTICLE_DIN
                .iter()
                .find_map(|end| w.strip_suffix(end).filter(|stem| stem.len() >= 3));
            if let Some(stem) = joined_din {
                out.push(compound(format!("{stem}uddin"), w));
                i += 1;
                continue;
            }
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

/// One of [`crate::countries::FORMAL_NAMES`] as the normaliser writes it.
struct FormalName {
    /// The formal name's words.
    formal: Vec<String>,
    /// For each of them, whether a one-letter typo still makes it: the words of five letters or more that make
    /// a name formal rather than say which country (those in two or more of the formal names: `republic`,
    /// `islamic`, `kingdom`, `democratic` ...). The listing's formal name is brought to the short one, so a
    /// query whose formal name kept a typo (`ISAMIC REPABLIC OF IRAN`) would otherwise lose the words the
    /// listing no longer has. A country's own word must be written right (`niger` is not `nigel`).
    loose: Vec<bool>,
    /// The short name's words.
    short: Vec<String>,
    /// The formal name as the table writes it, for the explanation.
    written: &'static str,
    /// The rule's name in the explanation.
    rule: &'static str,
}

/// The country formal names (and [`crate::countries::COMMON_NAMES`]) as the normaliser writes them, longest first (so `republic of the union of
/// myanmar` is tried before any shorter one).
fn formal_names() -> &'static [FormalName] {
    static NAMES: std::sync::OnceLock<Vec<FormalName>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let words = |text: &str| {
            let mut out = Vec::new();
            latin_tokens(text, NameOf::Unknown, &mut out);
            out.into_iter().map(|t| t.text).collect::<Vec<_>>()
        };
        let formal = crate::countries::FORMAL_NAMES
            .iter()
            .map(|n| (n, "country's formal name"));
        let common = crate::countries::COMMON_NAMES
            .iter()
            .map(|n| (n, "country's common name"))
            .chain(
                crate::countries::ONE_WORD_PLACES
                    .iter()
                    .map(|n| (n, "place name written as one word")),
            );
        let mut uses: rustc_hash::FxHashMap<String, usize> = Default::default();
        for (written, _) in crate::countries::FORMAL_NAMES {
            let mut seen = words(written);
            seen.sort();
            seen.dedup();
            for w in seen {
                *uses.entry(w).or_default() += 1;
            }
        }
        let mut all: Vec<FormalName> = formal
            .chain(common)
            .map(|((written, short), rule)| {
                let formal = words(written);
                let loose = formal
                    .iter()
                    .map(|w| w.len() >= 5 && uses.get(w).is_some_and(|&n| n >= 2))
                    .collect();
                FormalName {
                    formal,
                    loose,
                    short: words(short),
                    written,
                    rule,
                }
            })
            .collect();
        all.sort_by_key(|n| std::cmp::Reverse(n.formal.len()));
        all
    })
}

/// A country's formal name brought to its short name (`islamic republic of iran` = `iran`, `russian federation`
/// = `russia`; see [`crate::countries::FORMAL_NAMES`]), on both sides of a comparison, with the rule named.
fn formal_country_names(tokens: Vec<Token>) -> Vec<Token> {
    let latin = |t: &Token| matches!(t.origin, Origin::Latin);
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let found = formal_names().iter().find(|n| {
            tokens.len() - i >= n.formal.len()
                && n.formal
                    .iter()
                    .zip(&n.loose)
                    .zip(&tokens[i..])
                    .all(|((w, &loose), t)| {
                        latin(t) && (t.text == *w || loose && osa_within(&t.text, w, 1).is_some())
                    })
        });
        match found {
            Some(n) => {
                let rule = format!("{}: {} = {}", n.rule, n.written, n.short.join(" "));
                out.extend(n.short.iter().map(|w| {
                    let mut t = Token::latin(w.clone());
                    t.rule = Some(rule.clone());
                    t
                }));
                i += n.formal.len();
            }
            None => {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// Drops boilerplate that the CSL appends to some names ("; and any successor, sub-unit, or subsidiary thereof").
fn strip_boilerplate(name: &str) -> &str {
    let lower = name.to_ascii_lowercase();
    for marker in [
        "; and any successor",
        ", and any successor",
        "; and any sub",
    ] {
        if let Some(i) = lower.find(marker) {
            if name.is_char_boundary(i) {
                return &name[..i];
            }
        }
    }
    name
}

/// Whether a character is a Hangul syllable (Unicode's Hangul syllables block).
fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Words of the names of companies in Korean with the English the lists write for them (the DPRK's `조선광선은행`
/// is KOREA KWANGSON BANKING CORP, `단천상업은행` TANCHON COMMERCIAL BANK, `조선련봉총회사` KOREA RYONBONG GENERAL
/// CORPORATION), as [`HAN_WORDS`] writes its values: `a|b` alternatives, spaces between tokens, `!x` a legal
/// form. 조선 (Chosŏn) is the DPRK's name of Korea, which the lists translate (KOREA HYOKSIN TRADING CORPORATION)
/// or romanise (CHOSON EXCHANGE).
#[rustfmt::skip]
const HANGUL_WORDS: &[(&str, &str)] = &[
    ("조선", "korea|choson"), ("은행", "bank|banking"), ("무역", "trade"), ("총회사", "general !corporation"),
    ("회사", "!company"), ("상업", "commercial"), ("개발", "development"), ("광업", "mining"), ("해운", "shipping"),
    ("보험", "insurance"), ("기술", "technology"), ("합영", "joint venture"), ("국제", "international"),
    ("기계", "machinery"), ("공업", "industry"), ("수출입", "export import"), ("신용", "credit"),
];

/// Turns a word in Hangul into tokens. A word with no word of [`HANGUL_WORDS`] in it is a person's name, read
/// syllable by syllable ([`hangul_token`]); in a company's name the known words are translated (longest match
/// first) and the syllables between them read as one word, voiced inside it as the DPRK's romanisation writes
/// (광선 = `kwangson`, 련봉 = `ryonbong`).
fn hangul_tokens(word: &[char], out: &mut Vec<Token>) {
    let mut parts: Vec<(usize, usize, Option<&str>)> = Vec::new();
    let mut i = 0;
    let mut pending = 0;
    while i < word.len() {
        let known = (2..=3.min(word.len() - i)).rev().find_map(|len| {
            let key: String = word[i..i + len].iter().collect();
            HANGUL_WORDS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|&(_, value)| (len, value))
        });
        match known {
            Some((len, value)) => {
                if pending < i {
                    parts.push((pending, i, None));
                }
                parts.push((i, i + len, Some(value)));
                i += len;
                pending = i;
            }
            None => i += 1,
        }
    }
    if parts.is_empty() {
        let mut after_resonant = false;
        for (at, &c) in word.iter().enumerate() {
            if let Some(token) = hangul_token(c, at, after_resonant) {
                after_resonant = ends_resonant(&token.text);
                out.push(token);
            }
        }
        return;
    }
    if pending < word.len() {
        parts.push((pending, word.len(), None));
    }
    for (start, end, value) in parts {
        let written: String = word[start..end].iter().collect();
        match value {
            Some(value) => {
                for part in value.split(' ') {
                    translated(&written, part, out);
                }
            }
            None => out.push(hangul_word(&word[start..end])),
        }
    }
}

/// Syllables of a company's name in Hangul read as one word: each as [`hangul_token`] reads it, the consonants
/// ㄱ ㄷ ㅂ voiced after a vowel or a resonant inside the word (대동 = `taedong`), the Revised Romanization beside it.
fn hangul_word(syllables: &[char]) -> Token {
    let (mut dprk, mut rr) = (String::new(), String::new());
    let mut after_resonant = false;
    for (at, &c) in syllables.iter().enumerate() {
        // `hangul_token` voices from the third syllable of a person's name; inside a word, from the second.
        let Some(t) = hangul_token(c, if at == 0 { 0 } else { 2 }, after_resonant) else {
            continue;
        };
        after_resonant = ends_resonant(&t.text);
        rr.push_str(t.alts.first().unwrap_or(&t.text));
        dprk.push_str(&t.text);
    }
    let written: String = syllables.iter().collect();
    hangul_reading(&written, dprk, rr)
}

/// A token of Hangul read in the DPRK's romanisation, with the Revised Romanization beside it when it differs,
/// the rule named.
fn hangul_reading(written: &str, dprk: String, rr: String) -> Token {
    let mut token = Token::latin(dprk.clone());
    token.rule = Some(format!(
        "Hangul in the DPRK romanisation: {written} = {dprk}{}",
        if rr == dprk {
            String::new()
        } else {
            format!(" (Revised Romanization {rr})")
        }
    ));
    if rr != dprk {
        token.alts.push(rr);
    }
    token
}

/// Whether a syllable read so ends in a vowel or in n, l, m or ng, after which the DPRK's system voices ㄱ ㄷ ㅂ.
fn ends_resonant(reading: &str) -> bool {
    reading.ends_with(['a', 'e', 'i', 'o', 'u', 'n', 'l', 'm', 'g'])
}

/// A Hangul syllable as a word of its own (Korean names are written syllable by syllable, as OFAC lists the DPRK's
/// `CHOE, Ryong Hae`): read as the DPRK's own romanisation writes it (Rules of the Latin alphabetical
/// transcription of the Korean language, 1992, presented to UNGEGN in 1994; the system of the DPRK parties on
/// the lists), with the Revised Romanization's reading (2000, the Republic of Korea's) beside it, named. Other
/// characters give `None`.
///
/// `at` is the syllable's place in its run and `after_resonant` whether the one before ends in a vowel or in n,
/// l, m or ng: the DPRK system writes ㄱ ㄷ ㅂ there as g, d, b, but a given name's first initial voiceless, so
/// in a name of three syllables (family name, given name) the third is voiced (리만건 = `Ri Man Gon`, as OFAC
/// lists him) and the second is not (리병철 = `Ri Pyong Chol`).
fn hangul_token(c: char, at: usize, after_resonant: bool) -> Option<Token> {
    // The initial consonants, vowels and final consonants in the order of Unicode's Hangul syllables block
    // (a syllable is 0xAC00 + (initial x 21 + vowel) x 28 + final).
    const DPRK_INITIALS: [&str; 19] = [
        "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th",
        "ph", "h",
    ];
    const RR_INITIALS: [&str; 19] = [
        "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t",
        "p", "h",
    ];
    const DPRK_VOWELS: [&str; 21] = [
        "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "u", "ui", "i",
    ];
    const RR_VOWELS: [&str; 21] = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "eu", "ui", "i",
    ];
    const FINALS: [&str; 28] = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
        "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
    ];
    let index = (c as u32)
        .checked_sub(0xAC00)
        .filter(|&i| i < 19 * 21 * 28)? as usize;
    let (initial, vowel, last) = (index / (21 * 28), index % (21 * 28) / 28, index % 28);
    let first = match initial {
        0 if at >= 2 && after_resonant => "g",
        3 if at >= 2 && after_resonant => "d",
        7 if at >= 2 && after_resonant => "b",
        _ => DPRK_INITIALS[initial],
    };
    let dprk = format!("{first}{}{}", DPRK_VOWELS[vowel], FINALS[last]);
    let rr = format!(
        "{}{}{}",
        RR_INITIALS[initial], RR_VOWELS[vowel], FINALS[last]
    );
    Some(hangul_reading(&c.to_string(), dprk, rr))
}

/// The name with the Arabic script's presentation forms (the shaped letters of Unicode's compatibility blocks,
/// U+FB50–U+FDFF and U+FE70–U+FEFF, which text copied from old documents and PDFs carries: `ﻤﺤﻤﺪ` for `محمد`)
/// brought to the letters they shape, by their compatibility decomposition (NFKC); the rest as written. A name
/// with half-width or full-width forms (U+FF00–U+FFEF: half-width katakana `ﾆｼｸﾞﾁ`, whose voicing mark is a
/// character of its own, full-width Latin `ＺＴＥ`) is brought to NFKC whole, which joins the marks to their
/// kana.
fn presentation_forms(name: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if name.chars().any(|c| matches!(c, '\u{FF00}'..='\u{FFEF}')) {
        return std::borrow::Cow::Owned(name.nfkc().collect());
    }
    let shaped = |c: char| matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
    if !name.chars().any(shaped) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if shaped(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Turns a run of words in the Arabic script into tokens: the article `ال` as `al`, particles and common words
/// of [`crate::arabic_script::known_word`] in their usual romanisation, the other words (joined as
/// [`crate::arabic_script::joins`] says) as words of the script, which the index finds by their keys.
fn arabic_tokens(run: &str, out: &mut Vec<Token>) {
    use crate::arabic_script::{is_particle, joins, known_word, reading, split_article};
    // The Persian suffix ای (-i) after a word that ends in a silent he, written apart where it is written after a
    // zero-width non-joiner (`خامنه ای` for خامنه‌ای, Khamenei): a part of that word.
    let mut owned: Vec<String> = Vec::new();
    for w in run.split_whitespace() {
        match owned.last_mut() {
            Some(prev) if w == "ای" && prev.ends_with('ه') => {
                prev.push('\u{200C}');
                prev.push_str(w);
            }
            _ => owned.push(w.to_string()),
        }
    }
    let words: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut i = 0;
    // The particle just read (أبو, بن, ابن), for the word after it.
    let mut particle: Option<String> = None;
    while i < words.len() {
        // A country's formal name, brought to its short name as the English one is (`country's formal name`).
        if let Some((len, short)) = crate::arabic_script::formal_country(&words[i..]) {
            let mut t = Token::latin(short.to_string());
            t.rule = Some(format!(
                "country's formal name: {} = {short}",
                words[i..i + len].join(" ")
            ));
            out.push(t);
            i += len;
            particle = None;
            continue;
        }
        let mut written = words[i].to_string();
        while i + 1 < words.len() && joins(&written, words[i + 1]) {
            written.push(' ');
            written.push_str(words[i + 1]);
            i += 1;
        }
        i += 1;
        // And (و) written joined to a word with the article, as the script writes it (`والشام`, and the Levant):
        // a word of its own, when the word after the article is one of an organisation's name that the lists
        // translate. Not otherwise: a name may begin with these letters (والتر, Walter).
        if let Some(rest) = written
            .strip_prefix('و')
            .filter(|rest| !rest.contains(' '))
            .filter(|rest| {
                split_article(rest)
                    .is_some_and(|body| !crate::arabic_script::translations(body).is_empty())
            })
        {
            let mut t = Token::latin("and".to_string());
            t.rule = Some("Arabic script: و = and".to_string());
            t.stop = is_stop("and");
            out.push(t);
            written = rest.to_string();
        }
        let joined: String = written.split_whitespace().collect();
        let before = particle.take();
        if let Some(latin) = known_word(&joined) {
            let mut t = Token::latin(latin.to_string());
            t.rule = Some(format!("Arabic script: {written} = {latin}"));
            out.push(t);
            if is_particle(&joined) {
                particle = Some(joined);
            }
            continue;
        }
        // The article written joined to its word, as the script always writes it: a word of its own, as
        // romanisations write it (`al-Zawahiri`). The word keeps its article in its origin, for listings that
        // write the two joined (`ESSAADI` for السعدي; see [`crate::arabic_script::keys`]).
        let body = match split_article(&written) {
            Some(rest) => {
                let mut t = Token::latin("al".to_string());
                t.rule = Some("Arabic script: ال = al".to_string());
                out.push(t);
                rest
            }
            None => &written,
        };
        if let Some(latin) = known_word(body) {
            let mut t = Token::latin(latin.to_string());
            t.rule = Some(format!("Arabic script: {body} = {latin}"));
            out.push(t);
            continue;
        }
        let text = reading(body);
        if text.is_empty() {
            continue;
        }
        // A word of an organisation's name the lists translate (جبهة = front) meets the translation too.
        let equivalents = crate::arabic_script::translations(body)
            .iter()
            .filter_map(|english| match canonical(english).as_slice() {
                [one] => Some((
                    one.clone(),
                    format!("translated from the Arabic script: {body} = {english}"),
                )),
                _ => None,
            })
            .collect();
        out.push(Token {
            stop: false,
            alts: Vec::new(),
            equivalents,
            readings: Vec::new(),
            rule: None,
            text,
            origin: Origin::Arabic {
                written: written.clone(),
                particle: before,
            },
        });
    }
}

/// Words of a script read into Latin letters by `read`, then tokenised as Latin text, each token named with the
/// word it was read from (`{what}: ニシグチ = nishiguchi`).
fn read_words<'a>(
    words: impl Iterator<Item = &'a str>,
    read: fn(&str) -> String,
    what: &str,
    of: NameOf,
    out: &mut Vec<Token>,
) {
    for word in words {
        let latin = read(word);
        if latin.trim().is_empty() {
            continue;
        }
        let start = out.len();
        latin_tokens(&latin, of, out);
        for t in &mut out[start..] {
            t.rule = Some(format!("{what}: {word} = {latin}"));
        }
    }
}

/// Whether a character is a CJK ideograph.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF)
}

/// Splits Latin (or other non-Han) text into tokens: folded to ASCII, `&` read as `and`, apostrophes dropped,
/// runs of single letters joined (S.A. → sa), abbreviations expanded, plurals made singular; in a person's name
/// each word is kept as written, since it has no plurals or abbreviations (`ABBAS`, `Dev`, `Eng`).
fn latin_tokens(text: &str, of: NameOf, out: &mut Vec<Token>) {
    let text = &south_slavic_cyrillic(text);
    let readings = letter_readings(text);
    let folded = deunicode::deunicode(text).to_ascii_lowercase();
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            cur.push(c);
        } else if c == '\'' || c == '`' {
            // o'brien -> obrien; int'l -> intl
        } else {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            if c == '&' {
                words.push("and".into());
            }
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    // `No.` before a number is the word number (`OFFICE NO. 39` is OFFICE 39, `YARD NO. 457` a hull number);
    // not otherwise (No is also a Korean family name).
    let numbered = |i: usize| {
        matches!(words[i].as_str(), "no" | "nr")
            && words
                .get(i + 1)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    };
    let keep: Vec<bool> = (0..words.len()).map(|i| !numbered(i)).collect();
    for (w, _) in words.into_iter().zip(keep).filter(|(_, k)| *k) {
        let forms = match of {
            NameOf::Person => vec![w.clone()],
            NameOf::Unknown => canonical(&w),
        };
        // A word the plural stemmer shortened or a synonym replaced keeps its written form as an alternative:
        // names end in -s too (Younes, Fares, Evrofinans), and their romanisation variants (Yunis, Faris,
        // Evrofinance) are found from the written form, not from the stem; and a listed person's name keeps
        // its words as written (`MUSHAKHAS`, `Dev`).
        let rewritten = forms.len() == 1 && forms[0] != w;
        let read: Vec<(String, String)> = match readings.iter().find(|r| r.0 == w) {
            Some((_, reading, rule)) if forms.len() == 1 => match of {
                NameOf::Person => vec![(reading.clone(), rule.clone())],
                NameOf::Unknown => match canonical(reading).as_slice() {
                    [one] => vec![(one.clone(), rule.clone())],
                    _ => Vec::new(),
                },
            },
            _ => Vec::new(),
        };
        for t in forms {
            let mut token = Token::latin(t);
            if rewritten {
                token.alts.push(w.clone());
            }
            token.readings.clone_from(&read);
            // 조선 (Chosŏn), the DPRK's name of Korea, romanised: the lists translate it in the names of the DPRK's
            // bodies (KOREA KWANGSON BANKING CORP) or keep it (CHOSON EXCHANGE). One way only: a South Korean
            // `Korea` (한국) is never Chosŏn.
            if matches!(token.text.as_str(), "choson" | "chosun" | "joseon") {
                token.equivalents.push((
                    "korea".to_string(),
                    format!("the DPRK's name of Korea (조선): {} = korea", token.text),
                ));
            }
            out.push(token);
        }
    }
}

/// Serbian and Macedonian Cyrillic written in the Latin alphabets of those languages (Gaj's, and the Macedonian
/// romanisation of 1970): the generic folding reads the letters Russian lacks as no one writes them (`Караџић`
/// became `karadzhitsh`), where `Karadžić` is what the lists write (KARADZIC) and [`LETTER_READINGS`] also reads.
fn south_slavic_cyrillic(text: &str) -> std::borrow::Cow<'_, str> {
    const LETTERS: &[(char, &str)] = &[
        ('ћ', "ć"),
        ('Ћ', "Ć"),
        ('ђ', "đ"),
        ('Ђ', "Đ"),
        ('џ', "dž"),
        ('Џ', "Dž"),
        ('љ', "lj"),
        ('Љ', "Lj"),
        ('њ', "nj"),
        ('Њ', "Nj"),
        ('ј', "j"),
        ('Ј', "J"),
        ('ќ', "kj"),
        ('Ќ', "Kj"),
        ('ѓ', "gj"),
        ('Ѓ', "Gj"),
        ('ѕ', "dz"),
        ('Ѕ', "Dz"),
    ];
    // Letters Russian has too, which the generic folding reads the Russian way (х kh, ц ts, ч ch, ш sh, ж zh):
    // in a text with a letter only the South Slavic alphabets have, they are Serbian or Macedonian.
    const SHARED: &[(char, &str)] = &[
        ('х', "h"),
        ('Х', "H"),
        ('ц', "c"),
        ('Ц', "C"),
        ('ч', "č"),
        ('Ч', "Č"),
        ('ш', "š"),
        ('Ш', "Š"),
        ('ж', "ž"),
        ('Ж', "Ž"),
    ];
    if text.is_ascii() || !text.chars().any(|c| LETTERS.iter().any(|(l, _)| *l == c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match LETTERS.iter().chain(SHARED).find(|(l, _)| *l == c) {
            Some((_, latin)) => out.push_str(latin),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Letters with a caron, cedilla or acute that the Latin alphabets of Slavic languages, Turkish and Romanian, and
/// ISO 9:1995 for Cyrillic, use for a sound English writes with two letters; with that reading and who writes
/// the letter so. Dropping the mark (`Sečin` → `secin`, as lists write `KARADZIC`) loses the sound, so the
/// reading is kept beside it: Czech, Slovak, Croatian, Slovenian, Lithuanian and Latvian writers spell Russian
/// names with č, š, ž (`Prigožin`, BGN/PCGN `PRIGOZHIN`), and Turkish writers with ç, ş (`Naryşkin`).
/// Sources: ISO 9:1995 (ж ž, ч č, ш š, щ ŝ); the Czech and Slovak alphabets (ň = нь, BGN/PCGN `ny` before a
/// vowel); Gaj's Latin alphabet for Croatian, Serbian and Bosnian (ć, đ: Serbian Cyrillic ћ, ђ); the Polish
/// alphabet (ż = Russian ж in the Polish transcription); the Turkish alphabet (ç, ş, and ğ where Arabic loans
/// write غ, gh: `Bağdadi`); the Romanian alphabet (ș, ț).
const LETTER_READINGS: &[(char, &str, &str)] = &[
    ('č', "ch", CARON_SPELLINGS),
    ('š', "sh", CARON_SPELLINGS),
    ('ž', "zh", CARON_SPELLINGS),
    ('ŝ', "shch", "ISO 9"),
    ('ň', "ny", "Czech and Slovak spelling"),
    ('ć', "ch", "Croatian, Serbian and Polish spelling"),
    ('đ', "dj", "Croatian and Serbian spelling"),
    ('ż', "zh", "Polish spelling"),
    ('ç', "ch", "Turkish spelling"),
    ('ş', "sh", "Turkish and Romanian spelling"),
    ('ğ', "gh", "Turkish spelling"),
    ('ș', "sh", "Romanian spelling"),
    ('ț', "ts", "Romanian spelling"),
    ('ţ', "ts", "Romanian spelling"),
];

/// Who writes č, š and ž for the sounds English writes ch, sh and zh.
const CARON_SPELLINGS: &str = "ISO 9, Czech, Slovak, Croatian, Slovenian and Baltic spelling";

/// The words of a name that have letters of [`LETTER_READINGS`]: (the word with its marks dropped, as
/// [`latin_tokens`] writes it; the word with those letters read; the rule naming them).
fn letter_readings(text: &str) -> Vec<(String, String, String)> {
    if text.is_ascii() {
        return Vec::new();
    }
    let mut out: Vec<(String, String, String)> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let lower = word.to_lowercase();
        let used: Vec<&(char, &str, &str)> = LETTER_READINGS
            .iter()
            .filter(|(c, _, _)| lower.contains(*c))
            .collect();
        if used.is_empty() {
            continue;
        }
        let mut read = String::with_capacity(lower.len() + 4);
        for c in lower.chars() {
            match used.iter().find(|(l, _, _)| *l == c) {
                Some((_, digraph, _)) => read.push_str(digraph),
                None => read.push(c),
            }
        }
        let ascii = |w: &str| -> String {
            deunicode::deunicode(w)
                .to_ascii_lowercase()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect()
        };
        let (plain, read) = (ascii(&lower), ascii(&read));
        if plain.is_empty() || plain == read || out.iter().any(|o| o.0 == plain) {
            continue;
        }
        let mut systems: Vec<&str> = Vec::new();
        for (_, _, who) in &used {
            if !systems.contains(who) {
                systems.push(who);
            }
        }
        let letters: Vec<String> = used.iter().map(|(c, d, _)| format!("{c} = {d}")).collect();
        let rule = format!("{} ({})", letters.join(", "), systems.join("; "));
        out.push((plain, read, rule));
    }
    out
}

/// Joins runs of two or more single Latin letters (S.A. -> sa, U.S.A. -> usa), also across scripts.
fn join_letters(tokens: Vec<Token>) -> Vec<Token> {
    let single = |t: &Token| {
        matches!(t.origin, Origin::Latin)
            && t.text.len() == 1
            && t.text.as_bytes()[0].is_ascii_alphabetic()
    };
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if single(&tokens[i]) {
            let mut j = i;
            let mut s = String::new();
            let mut letters = 0;
            let mut with_and = false;
            while j < tokens.len() && single(&tokens[j]) {
                s.push_str(&tokens[j].text);
                letters += 1;
                j += 1;
                // Initials joined by `&` or `and` are one word too (`A&A`, `H & H`, `R&D` = `AA`, `HH`, `RD`).
                let and_next = j + 1 < tokens.len()
                    && matches!(tokens[j].origin, Origin::Latin)
                    && tokens[j].text == "and"
                    && single(&tokens[j + 1]);
                if and_next {
                    with_and = true;
                    j += 1;
                }
            }
            // `N.R. 39` or `N O 39` is `Nr. 39`: the word number before a number is left out, as
            // [`latin_tokens`] leaves it out when written whole (so that normalising again changes nothing).
            let number_word = matches!(s.as_str(), "no" | "nr")
                && !with_and
                && tokens.get(j).is_some_and(|t| {
                    !t.text.is_empty() && t.text.bytes().all(|b| b.is_ascii_digit())
                });
            if letters >= 2 && number_word {
                i = j;
                continue;
            }
            if letters >= 2 {
                let rule = with_and.then(|| {
                    let written: Vec<&str> = tokens[i..j].iter().map(|t| t.text.as_str()).collect();
                    format!("initials joined: {} = {s}", written.join(" "))
                });
                out.extend(canonical(&s).into_iter().map(|w| {
                    let mut t = Token::latin(w);
                    t.rule = rule.clone();
                    t
                }));
                i = j;
                continue;
            }
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

/// The canonical form(s) of one lowercase ASCII word: abbreviation or synonym expanded, plural made singular.
pub fn canonical(word: &str) -> Vec<String> {
    if let Some(exp) = synonym(word) {
        return exp.split(' ').map(str::to_string).collect();
    }
    let stem = stem(word);
    if let Some(exp) = synonym(&stem) {
        return exp.split(' ').map(str::to_string).collect();
    }
    vec![stem]
}

/// A light English plural stemmer (both sides of a comparison use it, so it only needs to be consistent).
fn stem(w: &str) -> String {
    if w.len() < 5 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return w.to_string();
    }
    if let Some(base) = w.strip_suffix("ies") {
        return format!("{base}y");
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Abbreviations and word forms brought to one canonical word.
#[rustfmt::skip]
pub const SYNONYMS: &[(&str, &str)] = &[
    ("intl", "international"),
    ("dev", "development"),
    ("devt", "development"),
    ("devel", "development"),
    ("internat", "international"),
    ("internatl", "international"),
    ("natl", "national"),
    ("tech", "technology"),
    ("techn", "technology"),
    ("technol", "technology"),
    ("technologies", "technology"),
    ("technological", "technology"),
    ("technologie", "technology"),
    ("tecnologia", "technology"),
    ("mfg", "manufacturing"),
    ("manuf", "manufacturing"),
    ("mfr", "manufacturer"),
    ("ind", "industry"),
    ("inds", "industry"),
    ("indus", "industry"),
    ("industrial", "industry"),
    ("industries", "industry"),
    ("industrie", "industry"),
    ("industria", "industry"),
    ("eng", "engineering"),
    ("engg", "engineering"),
    ("engr", "engineering"),
    ("sci", "science"),
    ("scientific", "science"),
    ("univ", "university"),
    ("inst", "institute"),
    ("assoc", "association"),
    ("assn", "association"),
    ("svc", "service"),
    ("svcs", "service"),
    ("serv", "service"),
    ("sys", "system"),
    ("grp", "group"),
    ("hldg", "holding"),
    ("hldgs", "holding"),
    ("holdings", "holding"),
    // I/E, the import/export of Chinese state trading companies' English names (`CHINA NATIONAL PRECISION
    // MACHINERY I/E CORP.`).
    ("ie", "import export"),
    // An airline is named X Air as often as X Airlines or X Airways (CASPIAN AIR / CASPIAN AIRLINES).
    ("airline", "air"),
    ("airlines", "air"),
    ("airways", "air"),
    ("mgmt", "management"),
    ("mgt", "management"),
    ("bros", "brother"),
    ("dept", "department"),
    ("ctr", "center"),
    ("cntr", "center"),
    ("centre", "center"),
    ("defence", "defense"),
    ("trading", "trade"),
    // A sea port written as one word (морской порт, `KERCH COMMERCIAL SEAPORT` for ... KERCH SEA COMMERCIAL PORT).
    ("seaport", "sea port"),
    ("trad", "trade"),
    ("imp", "import"),
    ("exp", "export"),
    ("elec", "electronic"),
    ("electronics", "electronic"),
    ("electronical", "electronic"),
    ("electrical", "electric"),
    ("metallic", "metal"),
    ("economic", "economy"),
    ("economical", "economy"),
    ("chem", "chemical"),
    ("petrol", "petroleum"),
    ("petroleo", "petroleum"),
    ("st", "saint"),
    ("intertrade", "inter trade"),
    // The Arabic article written el- (Egyptian, Maghrebi, French) or al-.
    ("el", "al"),
    ("org", "organization"),
    ("organisation", "organization"),
    ("orgn", "organization"),
];

fn synonym_map() -> &'static rustc_hash::FxHashMap<&'static str, &'static str> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| SYNONYMS.iter().copied().collect())
}

/// The canonical word for an abbreviation or word form, if it has one.
fn synonym(w: &str) -> Option<&'static str> {
    synonym_map().get(w).copied()
}

/// The optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions) of two
/// words, without allocating for the short ASCII words of names (at most [`crate::limits::MAX_FUZZY_TOKEN_BYTES`]
/// bytes); other words go to `strsim`.
pub fn osa(a: &str, b: &str) -> usize {
    osa_bounded(a, b, usize::MAX)
}

/// The optimal-string-alignment distance of two words when it is at most `max`, else `None`: the dynamic
/// programme stops as soon as no alignment can come back within `max` (most words the trigram filter lets
/// through are far apart, and this is the screening's hottest loop).
pub fn osa_within(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let d = osa_bounded(a, b, max);
    (d <= max).then_some(d)
}

/// [`osa`], stopping with a value above `max` once a row is all above it: a row's least value is never less than
/// the row before's (each cell is at least the lesser of the row before's least and one more than the least of
/// the row before that, and each row's least is at most one more than the row before's), so no later row can
/// come back.
fn osa_bounded(a: &str, b: &str, max: usize) -> usize {
    const N: usize = crate::limits::MAX_FUZZY_TOKEN_BYTES + 1;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() >= N || b.len() >= N || !a.is_ascii() || !b.is_ascii() {
        return strsim::osa_distance(&String::from_utf8_lossy(a), &String::from_utf8_lossy(b));
    }
    // Three rows of the dynamic programme, used in turn: two back (for transpositions), one back, current.
    let mut rows = [[0usize; N]; 3];
    for (j, p) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        let (c, p, p2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[c][0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[p][j] + 1)
                .min(rows[c][j - 1] + 1)
                .min(rows[p][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[p2][j - 2] + 1);
            }
            rows[c][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max.saturating_add(1);
        }
    }
    rows[a.len() % 3][b.len()]
}

/// The canonical word of a misspelt abbreviation or word form (`industribl` → `industry`), with the edits.
pub fn fuzzy_synonym(w: &str) -> Option<(&'static str, usize)> {
    if w.len() < 6 {
        return None;
    }
    SYNONYMS
        .iter()
        .filter(|(k, _)| k.len() >= 6 && k.len().abs_diff(w.len()) <= 2)
        .map(|(k, v)| (*v, osa(k, w)))
        .filter(|(_, d)| *d <= 2)
        .min_by_key(|(_, d)| *d)
}

/// Whether a word is a misspelt long legal form (`limitde`, `compayn`).
pub fn near_legal(w: &str) -> bool {
    w.len() >= 6
        && [
            "limited",
            "company",
            "corporation",
            "incorporated",
            "establishment",
            "compania",
            "sirketi",
        ]
        .iter()
        .any(|l| l.len().abs_diff(w.len()) <= 2 && osa(l, w) <= if l.len() >= 9 { 2 } else { 1 })
}

/// Whether a word is a patronymic (East Slavic -ovich, -evich, -ovna, -evna and their transliterations;
/// Turkic -oglu, -ogly, -kyzy, -uly, -qizi): a query often leaves it out.
pub fn is_patronymic(w: &str) -> bool {
    w.len() >= 7
        && [
            "ovich", "evich", "ovych", "evych", "ovitch", "evitch", "owitsch", "ewitsch", "ovna",
            "evna", "ivna", "yevna", "ogly", "oglu", "kyzy", "qizi",
        ]
        .iter()
        .any(|s| w.ends_with(s))
        || matches!(w, "ogly" | "oglu" | "kyzy" | "qizi" | "uly")
}

/// Generic words of company names (what a company does or is, not who it is): a query made of these alone
/// does not make a strong hit on a listed name that also has words of its own ("Semiconductor Research
/// Corporation" is not "Hebei Semiconductor Research Institute"). Canonical forms, as the normaliser writes them.
pub fn is_generic(w: &str) -> bool {
    matches!(
        w,
        "bank"
            | "banking"
            | "shipyard"
            | "shipbuilding"
            | "shipping"
            | "ship"
            | "marine"
            | "maritime"
            | "semiconductor"
            | "microelectronic"
            | "electronic"
            | "electric"
            | "research"
            | "institute"
            | "university"
            | "academy"
            | "college"
            | "center"
            | "technology"
            | "science"
            | "engineering"
            | "industry"
            | "manufacturing"
            | "trade"
            | "import"
            | "export"
            | "international"
            | "national"
            | "group"
            | "holding"
            | "development"
            | "investment"
            | "finance"
            | "financial"
            | "capital"
            | "commercial"
            | "general"
            | "service"
            | "system"
            | "solution"
            | "network"
            | "software"
            | "communication"
            | "telecom"
            | "telecommunication"
            | "information"
            | "data"
            | "computer"
            | "energy"
            | "power"
            | "oil"
            | "gas"
            | "petroleum"
            | "petrochemical"
            | "chemical"
            | "steel"
            | "metal"
            | "mining"
            | "mineral"
            | "material"
            | "equipment"
            | "machinery"
            | "instrument"
            | "precision"
            | "aviation"
            | "aerospace"
            | "airline"
            | "air"
            | "logistic"
            | "transport"
            | "construction"
            | "consulting"
            | "management"
            | "insurance"
            | "exchange"
            | "real"
            | "estate"
            | "property"
            | "foundation"
            | "association"
            | "charity"
            | "charitable"
            | "society"
            | "union"
            | "council"
            | "committee"
            | "organization"
            | "agency"
            | "office"
            | "ministry"
            | "department"
            | "factory"
            | "plant"
            | "works"
            | "store"
            | "shop"
            | "market"
            | "media"
            | "press"
            | "new"
            | "global"
            | "world"
            | "united"
            | "first"
            | "central"
            | "state"
            | "royal"
            | "islamic"
            | "medical"
            | "pharmaceutical"
            | "health"
            | "agricultural"
            | "agriculture"
            | "food"
            | "textile"
            | "automation"
            | "optoelectronic"
            | "intelligent"
            | "smart"
            | "integrated"
            | "circuit"
            | "defense"
            | "security"
            | "design"
            | "production"
            | "supply"
            | "chain"
            | "partner"
            | "enterprise"
            | "venture"
    )
}

/// Stop words: they count little in scores.
pub fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "of"
            | "and"
            | "for"
            | "a"
            | "an"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "la"
            | "le"
            | "les"
            | "el"
            | "al"
            | "des"
            | "du"
            | "y"
            | "e"
            | "et"
            | "und"
            | "van"
            | "von"
            | "der"
            | "den"
            | "in"
            | "on"
            | "at"
            | "to"
            | "bin"
            | "ibn"
            | "bint"
            | "abu"
            // `son of` in Maghrebi and Mauritanian names (ben, ould), like bin and ibn.
            | "ben"
            | "ould"
            // Arabic fi (في, in): `JUND AL-KHILAFAH FI TUNIS`.
            | "fi"
            // Turkish ve (and): `SANAYI VE TICARET`.
            | "ve"
            // The Persian ezafe after a vowel, written apart (`DARYA-YE KHAZAR`), as `-e` after a consonant is,
            // and Persian va (and): `OMRAN VA MASKAN`.
            | "ye"
            | "va"
    ) || is_title(w)
}

/// Titles and honorifics (a query adds or drops them: Dr., Sheikh, Mullah, Hafiz, Haji): stop words, named in
/// a hit's explanation when a query adds one (`title or honorific set aside: ustad`).
pub fn is_title(w: &str) -> bool {
    matches!(
        w,
        "dr"
            | "sheikh"
            | "shaykh"
            | "sheik"
            | "shaikh"
            | "mullah"
            | "mulla"
            | "mufti"
            | "hafiz"
            | "haji"
            | "hajji"
            | "maulana"
            | "mawlana"
            | "maulvi"
            | "qari"
            | "prof"
            | "mr"
            | "mrs"
            // More titles as OFAC's aliases write them: the pilgrim's title (Hajj, Hadji, Alhaji), the
            // Persian and Afghan cleric's title (Maulawi, Molavi), military ranks, Jr./Sr., and the Burmese
            // honorifics U and Daw (`HSAING, U Sai Lone`).
            | "hajj"
            | "hadj"
            | "hadji"
            | "alhaji"
            | "alhajj"
            | "alhaj"
            | "elhadj"
            | "maulawi"
            | "mawlawi"
            | "maulavi"
            | "mawlavi"
            | "molavi"
            | "moulavi"
            | "mowlawi"
            | "mowlavi"
            | "haj"
            | "doctor"
            | "ayatollah"
            // The same titles as German and French write them (Ajatollah Ali Chamenei, Scheich, Cheikh, Mollah,
            // Hadschi), and the scholarly ayatullah.
            | "ayatullah"
            | "ajatollah"
            | "scheich"
            | "scheikh"
            | "cheikh"
            | "mollah"
            | "hadschi"
            | "hojatoleslam"
            | "hojjatoleslam"
            | "colonel"
            | "col"
            | "brigadier"
            | "jr"
            | "sr"
            | "u"
            | "daw"
            // The teacher's title ustad (Arabic ustadh, "master"; Persian, Urdu, Malay and Indonesian ustaz,
            // ustadz), which OFAC's own title field records (`Ustad`, `Ustadz`): `USTAD DAUD ZULKARNAEN` for
            // ZULKARNAEN. And M/S (Messrs), written before a firm's name in South Asia and the Gulf (`M/S. AL
            // ZAROONI EXCHANGE` for AL ZAROONI EXCHANGE), which is also the honorific Ms.
            | "ustad"
            | "ustadh"
            | "ustadz"
            | "ustaz"
            | "ms"
            | "messrs"
    )
}

/// Place words: countries, their adjectives, and the provinces and large cities that company names put before
/// or after their own name (a Chinese company name is by law place + trade name + industry + legal form, under
/// the State Council's Regulations on the Administration of Enterprise Names; `SHANGHAI QINSHENG
/// PHARMACEUTICAL` is the listed QINSHENG PHARMACEUTICAL, `KHUZESTAN OXIN STEEL` the listed OXIN STEEL,
/// `LEBANESE HIZBALLAH` the listed HIZBALLAH). Added to a listed company's name they weigh little. Canonical
/// forms, as the normaliser writes them (plural -s taken off).
pub fn is_place_word(w: &str) -> bool {
    matches!(
        w,
        // Countries and their adjectives.
        "afghanistan" | "afghan" | "albania" | "albanian" | "algeria" | "algerian" | "angola" | "argentina"
            | "argentine" | "armenia" | "armenian" | "australia" | "australian" | "austria" | "austrian"
            | "azerbaijan" | "azerbaijani" | "bahrain" | "bangladesh" | "belarus" | "belarusian" | "belgium"
            | "belgian" | "belize" | "bolivia" | "brazil" | "brazilian" | "bulgaria" | "bulgarian" | "burma"
            | "burmese" | "myanmar" | "cambodia" | "cambodian" | "canada" | "canadian" | "china" | "chinese"
            | "colombia" | "colombian" | "congo" | "congolese" | "croatia" | "cuba" | "cuban" | "cyprus"
            | "cypriot" | "denmark" | "danish" | "ecuador" | "egypt" | "egyptian" | "eritrea" | "estonia"
            | "ethiopia" | "ethiopian" | "finland" | "france" | "french" | "georgia" | "georgian" | "germany"
            | "german" | "ghana" | "greece" | "greek" | "hungary" | "india" | "indian" | "indonesia"
            | "indonesian" | "iran" | "iranian" | "iraq" | "ireland" | "israel" | "italy" | "italian"
            | "japan" | "japanese" | "jordan" | "jordanian" | "kazakhstan" | "kenya" | "korea" | "korean" | "dprk"
            | "kosovo" | "kyrgyzstan" | "laos" | "latvia" | "lebanon" | "lebanese" | "libya" | "libyan"
            | "lithuania" | "malaysia" | "malaysian" | "mali" | "malta" | "mexico" | "mexican" | "moldova"
            | "mongolia" | "montenegro" | "morocco" | "moroccan" | "mozambique" | "namibia" | "nepal"
            | "netherland" | "dutch" | "nicaragua" | "nigeria" | "nigerian" | "norway" | "pakistan"
            | "palestine" | "palestinian" | "panama" | "panamanian" | "paraguay" | "peru" | "philippine"
            | "poland" | "polish" | "portugal" | "qatar" | "romania" | "romanian" | "russia" | "russian"
            | "rwanda" | "serbia" | "serbian" | "singapore" | "slovakia" | "slovenia" | "somalia" | "spain"
            | "spanish" | "sudan" | "sudanese" | "sweden" | "swedish" | "switzerland" | "swiss" | "syria"
            | "syrian" | "taiwan" | "tajikistan" | "tanzania" | "thailand" | "thai" | "tunisia" | "tunisian"
            | "turkey" | "turkish" | "turkiye" | "turkmenistan" | "uganda" | "ukraine" | "ukrainian"
            | "uruguay" | "uzbekistan" | "venezuela" | "venezuelan" | "vietnam" | "vietnamese" | "yemen"
            | "zambia" | "zimbabwe" | "uae" | "usa" | "uk" | "hk" | "hongkong" | "macau" | "macao"
            // Gulf states (`KUWAIT FINANCE HOUSE`), Saudi Arabia written as one word like Hong Kong, and Arabia,
            // Arab (`AIR ARABIA` is not SYRIAN ARAB AIRLINES). Not their adjectives, which are also the nisba of
            // listed persons (`AL-QATARI, Sheikh Farooq`, `AL-KUWAITI`).
            | "kuwait" | "oman" | "saudiarabia" | "arabia" | "arabian" | "arab"
            // Chinese provincial-level divisions and large cities (pinyin).
            | "beijing" | "shanghai" | "tianjin" | "chongqing" | "hebei" | "shanxi" | "liaoning" | "jilin"
            | "heilongjiang" | "jiangsu" | "zhejiang" | "anhui" | "fujian" | "jiangxi" | "shandong" | "henan"
            | "hubei" | "hunan" | "guangdong" | "hainan" | "sichuan" | "guizhou" | "yunnan" | "shaanxi"
            | "gansu" | "qinghai" | "guangxi" | "xinjiang" | "ningxia" | "shenzhen" | "guangzhou"
            | "dongguan" | "xiamen" | "ningbo" | "suzhou" | "wuhan" | "chengdu" | "xian" | "dalian"
            | "qingdao" | "hangzhou" | "nanjing" | "shenyang" | "harbin" | "zhuhai" | "foshan"
            // Provinces and large cities of Iran, Russia, Syria and others often written in company names.
            | "tehran" | "isfahan" | "esfahan" | "khuzestan" | "khouzestan" | "khozestan" | "mashhad"
            | "tabriz" | "shiraz" | "moscow" | "moskva" | "petersburg" | "yekaterinburg"
            | "novosibirsk" | "damascus" | "aleppo" | "latakia" | "beirut" | "baghdad" | "pyongyang"
            | "caracas" | "havana" | "minsk" | "dubai" | "sharjah" | "istanbul" | "beograd" | "belgrade"
    )
}

/// Given names that many Muslim naming customs put before a person's own name rather than name a father:
/// Muhammad as a first given name (Pakistani, Arab and West African usage: `Mohammed Azam CHEEMA` is the
/// listed `CHEEMA, Azam`) and the honorific Sayyid / Seyed of the Prophet's descendants (`MORTEZAVI, Sayyed
/// Hasan`). Written first among a query's given names they do not make the query name a relative.
pub fn is_name_prefix(w: &str) -> bool {
    // Mohammadi, in the tables as a spelling of Muhammad, is a family name when written whole.
    // Every spelling of either begins with m or s: the tables are not asked for other words.
    match w.as_bytes().first() {
        Some(b's') => is_sayyid(w),
        Some(b'm') => w != "mohammadi" && crate::translit::is_spelling_of(w, "muhammad"),
        _ => false,
    }
}

/// The honorific Sayyid (Seyed, Syed: a descendant of the Prophet) in its spellings, which is also a given name:
/// `Seyyed Ali Khamenei` is the listed KHAMENEI, Ali Husseini, `KHAN, Sayed Habib Ahmad` is named by it.
pub fn is_sayyid(w: &str) -> bool {
    // Sayyad (hunter), in the tables as a spelling met in listings, is a family name of its own.
    w.starts_with('s') && w != "sayyad" && crate::translit::is_spelling_of(w, "sayyid")
}

/// Words that say what kind of organisation a company is rather than who it is or what it does (`SYRISS
/// GROUP LIMITED` is the listed SYRISS; `OSLEG ENTERPRISES` the listed OSLEG): added in a query they weigh
/// little. Canonical forms, as the normaliser writes them.
pub fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "group"
            | "holding"
            | "enterprise"
            | "venture"
            | "firm"
            | "international"
            // The state-enterprise forms of Russia and Belarus written out (республиканское унитарное
            // предприятие, дочернее предприятие: republican unitary enterprise, subsidiary enterprise).
            | "unitary"
            | "republican"
            | "subsidiary"
    )
}

/// Legal forms: set aside anywhere in a name, but for those of `legal_at_the_ends_only`, which are set aside
/// at the ends only; all weigh as stop words.
pub fn legal_anywhere(w: &str) -> bool {
    legal_at_the_ends_only(w)
        || matches!(
            w,
            "ltd"
            | "pty"
            | "proprietary"
            | "llc"
            | "inc"
            | "incorporated"
            | "gmbh"
            | "mbh"
            | "plc"
            | "llp"
            | "lp"
            | "sarl"
            | "srl"
            | "sas"
            | "bv"
            | "nv"
            | "pjs"
            | "ooo"
            | "oao"
            | "zao"
            | "pao"
            | "tov"
            | "pte"
            | "pvt"
            | "bhd"
            | "ltda"
            | "sae"
            | "fze"
            | "fzco"
            | "fzc"
            | "fzllc"
            | "fzco."
            | "kft"
            | "zrt"
            | "sro"
            | "doo"
            | "spzoo"
            | "sti"
            | "limitada"
            | "anonima"
            | "anonyme"
            | "aktiengesellschaft"
            | "gesellschaft"
            | "kk"
            | "yk"
            | "llc."
            | "wll"
            | "sal"
            // Russian legal forms written out in transliteration (ООО = Obshchestvo s ogranichennoi
            // otvetstvennostyu, ОАО = Otkrytoe aktsionernoe obshchestvo, ...).
            | "obshchestvo"
            | "obschestvo"
            | "ogranichennoi"
            | "ogranichennoy"
            | "otvetstvennostyu"
            | "otvetstvennostiu"
            | "aktsionernoe"
            | "aktsionernoye"
            | "aktsionerny"
            | "aktsionernyi"
            | "otkrytoe"
            | "zakrytoe"
            | "publichnoe"
            | "tovarishchestvo"
            // The federal state unitary enterprise (ФГУП; see [`ORG_FORM_PHRASES`]).
            | "fgup"
            | "gup"
            // The word for company in Persian (شرکت, sherkat, with the ezafe sherkat-e) and Arabic (شركة,
            // sharika, sharikat in construct), as Turkish sirketi above, and the Iranian private joint-stock
            // company (sherkat-e sahami-ye khass), a phrase that must stand before or after the company's name
            // (Commercial Code of Iran as amended in 1968, Art. 4).
            | "sherkat"
            | "sherkate"
            | "sharikat"
            | "sharikah"
            | "sharika"
            | "sahami"
            | "khass"
            // Associations and foundations: Dutch, German, Scandinavian, Belgian forms.
            | "stichting"
            | "stiftung"
            | "stiftelse"
            | "foreningen"
            | "forening"
            | "verein"
            | "ev"
            | "vzw"
            | "asbl"
            // Bulgarian forms of the Commerce Act of 1991: ООД, ЕООД (druzhestvo s ogranichena otgovornost,
            // single-member), ЕАД (single-member aktsionerno druzhestvo); АД is ambiguous, see
            // [`legal_ambiguous`].
            | "ood"
            | "eood"
            | "ead"
            // Thai: a limited company writes บริษัท (borisat, "company") before its name and จำกัด (chamkat,
            // "limited") after it (Penal Code s. 347 bis, as amended in 1956), a public one also มหาชน
            // (mahachon, "public"; Public Limited Companies Act B.E. 2535).
            | "borisat"
            | "chamkat"
            | "jamkat"
            | "mahachon"
            // Pinyin of 有限公司, 股份, 有限责任公司, 总公司 (youxian gongsi, gufen, youxian zeren gongsi,
            // zonggongsi: general corporation, as 总公司 is read in the Han script).
            | "youxian"
            | "gongsi"
            | "youxiangongsi"
            | "zonggongsi"
            | "gufen"
            | "zeren"
        )
}

/// Legal forms that are no one's name in any list we know: a query that sets only these aside is a company's
/// name and need not be read again as a person's (see [`normalize_person_with`]); `sa`, `ag`, `pao` and the
/// other short forms are names too (`KHUN SA`, `GHALI, Iyad ag`, `PAO, Yu Liang`).
pub fn is_company_marker(w: &str) -> bool {
    matches!(
        w,
        "ltd"
            | "llc"
            | "inc"
            | "incorporated"
            | "co"
            | "corp"
            | "corporation"
            | "company"
            | "limited"
            | "gmbh"
            | "mbh"
            | "plc"
            | "llp"
            | "jsc"
            | "pjsc"
            | "ojsc"
            | "cjsc"
            | "ooo"
            | "oao"
            | "zao"
            | "pte"
            | "pvt"
            | "bhd"
            | "ltda"
            | "sarl"
            | "srl"
            | "fze"
            | "fzco"
            | "fzc"
            | "fzllc"
            | "limitada"
            | "anonima"
            | "anonyme"
            | "aktiengesellschaft"
            | "gesellschaft"
            | "compania"
            | "compagnie"
            | "sociedad"
            | "societe"
            | "establishment"
    )
}

/// Legal forms that are also ordinary words or initials (`co`, `sa`, `as`, `se`, `est`, `limited`): set aside only
/// at the start or the end of a name ([`legal_ambiguous`]), but weighed as stop words wherever they stand
/// ([`legal_anywhere`]). One list for both, so the two cannot drift apart.
fn legal_at_the_ends_only(w: &str) -> bool {
    matches!(
        w,
        "co" | "company"
            | "corp"
            | "corporation"
            | "cia"
            | "compania"
            | "compagnie"
            | "cie"
            | "sa"
            | "spa"
            | "ag"
            | "kg"
            | "ohg"
            | "oy"
            | "oyj"
            | "ab"
            | "asa"
            | "aps"
            | "as"
            | "ao"
            | "pt"
            | "tbk"
            | "se"
            | "est"
            | "establishment"
            | "sociedad"
            | "societe"
            | "sdn"
            | "jsc"
            | "pjsc"
            | "ojsc"
            | "cjsc"
            | "limited"
            | "sirketi"
    )
}

/// Legal forms that are also ordinary words or initials, set aside only at the start or the end of a name: those
/// of [`legal_at_the_ends_only`], and words that are legal forms only beside others (`joint`, `stock`,
/// `public`, `npo`), which count as ordinary words elsewhere.
fn legal_ambiguous(w: &str) -> bool {
    legal_at_the_ends_only(w)
        || matches!(
            w,
            "joint"
            | "stock"
            | "liability"
            | "private"
            | "public"
            | "open"
            | "closed"
            | "partnership"
            | "ticaret"
            | "anonim"
            | "per"
            | "azioni"
            | "sociedade"
            // NPO, NPP, NPK: the scientific production association, enterprise, corporation (see
            // [`ORG_FORM_PHRASES`]); also initials of other words, so only at the ends.
            | "npo"
            | "npp"
            | "npk"
            // The joint-stock company of Bulgaria, Serbia and North Macedonia (акционерно дружество, АД;
            // akcionarsko društvo, a.d.).
            | "ad"
            // Of Persian سهامی عام (public joint-stock, beside the private سهامی خاص above): also a word of
            // names, so only at the ends.
            | "aam"
        )
}

/// Legal forms written before the name (ООО Ромашка, PT Maju, Joint Stock Company X).
fn legal_prefix(w: &str) -> bool {
    matches!(
        w,
        "ooo"
            | "oao"
            | "zao"
            | "pao"
            | "ao"
            | "jsc"
            | "pjsc"
            | "ojsc"
            | "cjsc"
            | "tov"
            | "pt"
            | "joint"
            | "co"
            | "cia"
            | "stock"
            | "public"
            | "closed"
            | "open"
            | "limited"
            | "liability"
            | "company"
            | "npo"
            | "npp"
            | "npk"
    )
}

/// The forms of Mexican companies as their names end (Ley General de Sociedades Mercantiles: the sociedad anónima
/// and the sociedad de responsabilidad limitada, `de capital variable` under Art. 1 and Chapter VIII; the sociedad anónima
/// promotora de inversión and bursátil of the Ley del Mercado de Valores; the sociedad de producción rural of the
/// Ley Agraria), as the normaliser writes them, longest first: the words `de`, `s`, `cv` alone are not forms.
const MEXICAN_FORMS: &[&[&str]] = &[
    &["s", "de", "pr", "de", "rl", "de", "cv"],
    &["spr", "de", "rl", "de", "cv"],
    &["s", "de", "rl", "de", "cv"],
    &["s", "de", "pr", "de", "rl"],
    &["spr", "de", "rl"],
    &["sapi", "de", "cv"],
    &["sab", "de", "cv"],
    &["sa", "de", "cv"],
    &["s", "de", "rl"],
];

/// The long words of the Russian legal forms written out (ООО = obshchestvo s ogranichennoi
/// otvetstvennostyu, АО = aktsionernoe obshchestvo): misspelt by one or two letters (`OBSHCESTVO`,
/// `ORGANICHENNOI`), they are still the legal form.
const RUSSIAN_LEGAL_WORDS: &[&str] = &[
    "obshchestvo",
    "ogranichennoi",
    "otvetstvennostyu",
    "aktsionernoe",
    "tovarishchestvo",
];

/// Whether a word is one of [`RUSSIAN_LEGAL_WORDS`] misspelt (one edit, two in words of 12 letters or more).
fn near_russian_legal(w: &str) -> bool {
    w.len() >= 9
        && RUSSIAN_LEGAL_WORDS.iter().any(|l| {
            l.len().abs_diff(w.len()) <= 2 && osa(l, w) <= if l.len() >= 12 { 2 } else { 1 }
        })
}

/// The kinds of Soviet and Russian enterprise that a name states before or after its own name, written out in
/// English or in transliteration (canonical tokens, as the normaliser writes them): the scientific production
/// association, enterprise or corporation (научно-производственное объединение / предприятие / корпорация,
/// NPO / NPP / NPK: "a form of scientific research-to-production enterprise in the Soviet Union and its
/// successor states", <https://en.wikipedia.org/wiki/Scientific_production_association>), the foreign economic
/// association of Soviet foreign trade (внешнеэкономическое объединение, VO), and the state unitary enterprise
/// (федеральное государственное унитарное предприятие, FGUP: Civil Code of the Russian Federation, Art. 113).
/// They say what kind of body it is, as a legal form does (`RESEARCH AND PRODUCTION CORPORATION
/// URALVAGONZAVOD` is the listed URALVAGONZAVOD), and are set aside like one.
const ORG_FORM_PHRASES: &[&[&str]] = &[
    &["research", "and", "production"],
    &["science", "and", "production"],
    &["science", "production"],
    &["science", "research", "and", "production"],
    &["nauchno", "proizvodstvennaya"],
    // As the normaliser reads Cyrillic, я as `ia` (производственная).
    &["nauchno", "proizvodstvennaia"],
    &["nauchno", "proizvodstvennoe"],
    &["nauchno", "proizvodstvennoye"],
    &["foreign", "economy"],
    &["vneshneekonomicheskoe"],
    &["federal", "state", "unitary"],
    &["state", "unitary"],
    &["federalnoe", "gosudarstvennoe", "unitarnoe"],
    &["gosudarstvennoe", "unitarnoe"],
];

/// The nouns that close an [`ORG_FORM_PHRASES`] phrase.
fn org_form_noun(w: &str) -> bool {
    matches!(
        w,
        "association"
            | "enterprise"
            | "corporation"
            | "company"
            | "korporatsiya"
            | "korporatsiia"
            | "obedinenie"
            | "obyedinenie"
            | "obedineniye"
            | "obyedineniye"
            | "predpriyatie"
            | "predpriyatiye"
            | "predpriiatie"
    )
}

/// The positions of the tokens that make an [`ORG_FORM_PHRASES`] phrase and its noun.
fn org_form_positions(tokens: &[Token]) -> Vec<bool> {
    let mut marked = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let hit = ORG_FORM_PHRASES.iter().find_map(|p| {
            let end = i + p.len();
            (end < tokens.len()
                && p.iter()
                    .zip(&tokens[i..end])
                    .all(|(w, t)| matches!(t.origin, Origin::Latin) && t.text == *w)
                && org_form_noun(&tokens[end].text))
            .then_some(end + 1)
        });
        match hit {
            Some(end) => {
                marked[i..end].iter_mut().for_each(|m| *m = true);
                i = end;
            }
            None => i += 1,
        }
    }
    marked
}

/// Moves legal-form tokens out of the token list: unambiguous ones anywhere (unless that would leave nothing),
/// ambiguous ones at the ends.
fn strip_legal(tokens: Vec<Token>) -> Normalized {
    let mut legal = Vec::new();
    let org_form = org_form_positions(&tokens);
    let is_legal_token = |t: &Token| {
        matches!(t.origin, Origin::Latin)
            && (legal_anywhere(&t.text) || near_russian_legal(&t.text))
    };
    let mut kept: Vec<Token> = Vec::with_capacity(tokens.len());
    let significant = tokens
        .iter()
        .zip(&org_form)
        .filter(|(t, &form)| {
            !form && !is_legal_token(t) && !legal_ambiguous(&t.text) && !t.text.starts_with('!')
        })
        .count();
    for (t, form) in tokens.into_iter().zip(org_form) {
        if let Some(l) = t.text.strip_prefix('!') {
            legal.extend(l.split('_').map(str::to_string));
            continue;
        }
        let anywhere = form
            || (legal_anywhere(&t.text)
                || matches!(t.origin, Origin::Latin) && near_russian_legal(&t.text))
                && !legal_ambiguous(&t.text);
        // The preposition of `obshchestvo s ogranichennoi otvetstvennostyu` (ООО, "company with limited
        // liability") belongs to the legal form.
        let russian_s = t.text == "s"
            && significant > 0
            && legal.last().is_some_and(|l| {
                matches!(l.as_str(), "obshchestvo" | "obschestvo") || near_russian_legal(l)
            });
        if anywhere && significant > 0 || russian_s {
            legal.push(t.text);
        } else {
            kept.push(t);
        }
    }
    // The Mexican forms written after the name, whole (`S.A. DE C.V.`, `S. DE R.L. DE C.V.`): see
    // [`MEXICAN_FORMS`].
    if let Some(form) = MEXICAN_FORMS.iter().find(|f| {
        kept.len() > f.len()
            && kept[kept.len() - f.len()..]
                .iter()
                .zip(f.iter())
                .all(|(t, w)| matches!(t.origin, Origin::Latin) && t.text == *w)
    }) {
        let at = kept.len() - form.len();
        legal.extend(kept.drain(at..).map(|t| t.text));
    }
    // Ambiguous forms at the end, then at the start (keeping at least one token).
    while kept.len() > 1 {
        let last = &kept[kept.len() - 1];
        if legal_ambiguous(&last.text) || near_legal(&last.text) {
            if let Some(t) = kept.pop() {
                legal.push(t.text);
            }
        } else {
            break;
        }
    }
    // The article before a legal form written first goes with it (`THE PUBLIC ESTABLISHMENT FOR ...`).
    let article_then_form = |kept: &[Token]| {
        kept.len() > 2
            && kept[0].text == "the"
            && (legal_prefix(&kept[1].text) || near_legal(&kept[1].text))
    };
    if article_then_form(&kept) {
        let t = kept.remove(0);
        legal.push(t.text);
    }
    while kept.len() > 1 && (legal_prefix(&kept[0].text) || near_legal(&kept[0].text)) {
        let t = kept.remove(0);
        legal.push(t.text);
    }
    Normalized {
        tokens: kept,
        legal,
    }
}

/// Chinese words with their usual English rendering in listings. `a|b` are alternatives for one token, spaces
/// separate tokens, and `!x_y` marks a legal form (set aside like "Co., Ltd.").
#[rustfmt::skip]
const HAN_WORDS: &[(&str, &str)] = &[
    ("股份有限公司", "!co_ltd"), ("有限责任公司", "!co_ltd"), ("有限公司", "!co_ltd"), ("总公司", "!corporation"),
    ("分公司", "branch"), ("公司", "!company"), ("集团", "group"), ("控股", "holding"), ("股份", "!shares"),
    ("技术", "technology"), ("科技", "technology|science"), ("科学", "science"), ("研究所", "research institute"),
    ("研究院", "research institute|academy"), ("研究", "research"), ("中心", "center"), ("大学", "university"),
    ("学院", "institute|college|academy"), ("进出口", "import export"), ("贸易", "trade"), ("商贸", "trade"),
    ("经贸", "economy trade"), ("国际", "international"), ("中国", "china"), ("实业", "industry"),
    ("工业", "industry"), ("发展", "development"), ("电子", "electronic"), ("信息", "information"),
    ("通信", "communication"), ("通讯", "communication"), ("网络", "network"), ("软件", "software"),
    ("半导体", "semiconductor"), ("集成电路", "integrated circuit"), ("微电子", "microelectronic"),
    ("制造", "manufacturing"), ("航空", "aviation|aero|aeronautical"), ("航天", "aerospace|space"),
    ("工程", "engineering"), ("电力", "power|electric"), ("能源", "energy"), ("石油", "petroleum|oil"),
    ("化工", "chemical"), ("船舶", "shipping|ship"), ("海运", "shipping|marine"), ("物流", "logistic"),
    ("投资", "investment"), ("银行", "bank"), ("精密", "precision"), ("机械", "machinery"),
    ("设备", "equipment"), ("仪器", "instrument"), ("材料", "material"), ("金属", "metal"), ("矿产", "mineral"),
    ("光电", "optoelectronic"), ("智能", "intelligent|smart"), ("数据", "data"), ("系统", "system"),
    ("新区", "new district"), ("香港", "hong kong"), ("澳门", "macau|macao"), ("内蒙古", "inner mongolia"),
    ("陕西", "shaanxi"), ("重庆", "chongqing"), ("厦门", "xiamen"), ("长沙", "changsha"), ("西藏", "tibet|xizang"),
    ("人民", "people"), ("解放军", "liberation army"), ("国防", "defense"), ("兵器", "ordnance"),
    ("核", "nuclear"), ("动力", "power"), ("化学", "chemical"), ("医药", "pharmaceutical"),
    ("生物", "biological|bio"), ("供应链", "supply chain"), ("电器", "electric appliance"), ("科工", "science industry"),
    ("电脑", "computer"), ("计算机", "computer"), ("计算", "computing"), ("超级", "super"), ("量子", "quantum"),
    ("海洋", "ocean|marine"), ("航运", "shipping"), ("运输", "transport"), ("服务", "service"), ("管理", "management"),
    ("咨询", "consulting"), ("经济", "economy"), ("开发", "development"), ("自动化", "automation"),
    // The words Taiwan and Hong Kong use (written here in simplified characters: 資訊, 軟體, 積體電路, 網路).
    ("资讯", "information"), ("软体", "software"), ("积体电路", "integrated circuit"), ("网路", "network"),
    ("企业", "enterprise"),
    // A university of technology (北京工业大学, Beijing University of Technology), or an institute of technology
    // (哈尔滨工业大学, Harbin Institute of Technology): not the industry 工业 alone says.
    ("工业大学", "university|institute of technology"),
];

/// The ordinal a Chinese ordinal writes, 第 and a number in Chinese numerals (第五十四 = `54th`, 第十三 = `13th`,
/// as the Entity List names CETC's institutes), if the characters from `at` are one; with their count.
fn chinese_ordinal(chars: &[char], at: usize) -> Option<(usize, String)> {
    if chars.get(at) != Some(&'第') {
        return None;
    }
    let (mut total, mut current, mut len) = (0u32, 0u32, 0usize);
    for &c in &chars[at + 1..] {
        let digit = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => 0,
        };
        match (digit, unit) {
            (Some(d), _) => current = d,
            (None, 0) => break,
            // 十 alone is ten (十三 = 13); 一百零八 = 108.
            (None, u) => {
                total += current.max(1) * u;
                current = 0;
            }
        }
        len += 1;
    }
    let n = total + current;
    if len == 0 || n == 0 {
        return None;
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    Some((len + 1, format!("{n}{suffix}")))
}

/// Traditional characters and their simplified forms (the General List of Standard Chinese Characters, 2013, and
/// its traditional correspondences), for the characters of [`HAN_WORDS`] and the words of company names that
/// Taiwan, Hong Kong and Macao write in traditional characters: `實業發展有限公司` is `实业发展有限公司`. Names are
/// read in pinyin either way (the pinyin tables hold both forms); the table lets the lexicon translate both.
#[rustfmt::skip]
const TRADITIONAL: &[(char, char)] = &[
    ('業', '业'), ('產', '产'), ('儀', '仪'), ('軍', '军'), ('務', '务'), ('動', '动'), ('區', '区'), ('醫', '医'),
    ('廈', '厦'), ('發', '发'), ('團', '团'), ('國', '国'), ('備', '备'), ('學', '学'), ('實', '实'), ('導', '导'),
    ('屬', '属'), ('慶', '庆'), ('應', '应'), ('開', '开'), ('總', '总'), ('據', '据'), ('數', '数'), ('術', '术'),
    ('機', '机'), ('電', '电'), ('礦', '矿'), ('濟', '济'), ('級', '级'), ('經', '经'), ('絡', '络'), ('統', '统'),
    ('網', '网'), ('腦', '脑'), ('藥', '药'), ('計', '计'), ('訊', '讯'), ('設', '设'), ('詢', '询'), ('責', '责'),
    ('貿', '贸'), ('資', '资'), ('軟', '软'), ('輸', '输'), ('運', '运'), ('進', '进'), ('銀', '银'), ('鏈', '链'),
    ('長', '长'), ('門', '门'), ('際', '际'), ('陝', '陕'), ('體', '体'), ('製', '制'), ('內', '内'), ('積', '积'),
    ('東', '东'), ('華', '华'), ('興', '兴'), ('廣', '广'), ('龍', '龙'), ('萬', '万'), ('灣', '湾'), ('臺', '台'),
    ('環', '环'), ('聯', '联'), ('創', '创'), ('達', '达'), ('遠', '远'), ('陽', '阳'), ('協', '协'),
    ('會', '会'), ('貨', '货'), ('財', '财'), ('險', '险'), ('證', '证'), ('億', '亿'), ('豐', '丰'),
    ('寶', '宝'), ('氣', '气'), ('車', '车'), ('衛', '卫'), ('視', '视'), ('號', '号'), ('鋼', '钢'),
    ('鐵', '铁'), ('紡', '纺'), ('織', '织'), ('農', '农'), ('藝', '艺'), ('園', '园'), ('廠', '厂'),
];

/// The simplified form of a traditional character of [`TRADITIONAL`], or the character itself.
fn simplified(c: char) -> char {
    TRADITIONAL
        .iter()
        .find(|(t, _)| *t == c)
        .map_or(c, |&(_, s)| s)
}

/// Turns a run of Chinese characters into tokens: known words translated (longest match first, in simplified or
/// traditional characters), the rest in pinyin, split into words as the lexicon suggests.
fn han_tokens(run: &str, lexicon: &dyn Fn(&str) -> bool, out: &mut Vec<Token>) {
    let chars: Vec<char> = run.chars().collect();
    let simple: Vec<char> = chars.iter().map(|&c| simplified(c)).collect();
    let mut pending: Vec<char> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut matched = chinese_ordinal(&simple, i).map(|(len, ordinal)| {
            let word: String = chars[i..i + len].iter().collect();
            (len, word, ordinal)
        });
        for len in (1..=6.min(chars.len() - i)).rev() {
            if matched.is_some() {
                break;
            }
            let key: String = simple[i..i + len].iter().collect();
            if let Some((_, value)) = HAN_WORDS.iter().find(|(h, _)| *h == key) {
                // The characters as written, for the explanation.
                let word: String = chars[i..i + len].iter().collect();
                matched = Some((len, word, (*value).to_string()));
                break;
            }
        }
        match matched {
            Some((len, word, value)) => {
                pinyin_run(&pending, lexicon, out);
                pending.clear();
                translated(&word, &value, out);
                i += len;
            }
            None => {
                pending.push(chars[i]);
                i += 1;
            }
        }
    }
    pinyin_run(&pending, lexicon, out);
}

fn translated(word: &str, value: &str, out: &mut Vec<Token>) {
    if value.starts_with('!') {
        out.push(Token {
            text: value.to_string(),
            alts: Vec::new(),
            stop: false,
            equivalents: Vec::new(),
            readings: Vec::new(),
            rule: None,
            origin: Origin::Translated(word.to_string()),
        });
        return;
    }
    let parts: Vec<&str> = value.split(' ').collect();
    let pinyin_form: String = word.chars().filter_map(syllable).collect();
    for p in &parts {
        let mut forms = p.split('|').map(|f| canonical(f).join(""));
        let text = forms.next().unwrap_or_default();
        let mut alts: Vec<String> = forms.collect();
        if parts.len() == 1 && !pinyin_form.is_empty() && pinyin_form != text {
            alts.push(pinyin_form.clone());
        }
        out.push(Token {
            stop: is_stop(&text),
            equivalents: Vec::new(),
            readings: Vec::new(),
            rule: None,
            text,
            alts,
            origin: Origin::Translated(word.to_string()),
        });
    }
}

/// The plain (toneless) pinyin of one character.
fn syllable(c: char) -> Option<&'static str> {
    use pinyin::ToPinyin;
    c.to_pinyin().map(|p| p.plain())
}

/// Writes a run of untranslated characters in pinyin, grouping syllables into words: the split that covers the
/// most syllables with known words wins; otherwise names follow the usual pattern (2 → one word, 3 → 1+2,
/// 4 → 2+2).
fn pinyin_run(chars: &[char], lexicon: &dyn Fn(&str) -> bool, out: &mut Vec<Token>) {
    let syl: Vec<(char, &str)> = chars
        .iter()
        .filter_map(|&c| syllable(c).map(|s| (c, s)))
        .collect();
    if syl.is_empty() {
        return;
    }
    let n = syl.len();
    // best[i] = (score, previous cut, piece known) for syl[..i]
    let mut best: Vec<(usize, usize, bool)> = vec![(0, 0, false); n + 1];
    for i in 1..=n {
        best[i] = (best[i - 1].0, i - 1, false);
        for len in 1..=4.min(i) {
            let word: String = syl[i - len..i].iter().map(|(_, s)| *s).collect();
            if lexicon(&word) {
                let score = best[i - len].0 + len * len * 2;
                if score > best[i].0 {
                    best[i] = (score, i - len, true);
                }
            }
        }
    }
    // Recover pieces; unknown single syllables are grouped afterwards.
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = n;
    while i > 0 {
        let (_, prev, known) = best[i];
        pieces.push((prev, i, known));
        i = prev;
    }
    pieces.reverse();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        if pieces[k].2 {
            groups.push((pieces[k].0, pieces[k].1));
            k += 1;
            continue;
        }
        let start = pieces[k].0;
        while k < pieces.len() && !pieces[k].2 {
            k += 1;
        }
        let end = pieces[k - 1].1;
        let mut s = start;
        let mut left = end - start;
        while left > 0 {
            let take = match left {
                3 => 1,
                1 | 2 => left,
                _ => 2,
            };
            groups.push((s, s + take));
            s += take;
            left -= take;
        }
    }
    for (a, b) in groups {
        let text: String = syl[a..b].iter().map(|(_, s)| *s).collect();
        let han: String = syl[a..b].iter().map(|(c, _)| *c).collect();
        out.push(Token {
            stop: false,
            equivalents: Vec::new(),
            readings: Vec::new(),
            rule: None,
            text,
            alts: Vec::new(),
            origin: Origin::Pinyin(han),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mexican_company_forms_are_legal_forms_whole_and_not_in_part() {
        for (name, key) in [
            ("MULTISERVICIOS JEVIZ S.A. DE C.V.", "multiservicio jeviz"),
            ("NOCTURNUM INC, S. DE R.L. DE C.V.", "nocturnum"),
            ("GRUPO PRODUCSIL, S.P.R. DE R.L. DE C.V.", "grupo producsil"),
            (
                "GRUPO PRODUCSIL, S. DE P.R. DE R.L. DE C.V.",
                "grupo producsil",
            ),
            // `de` within a name stays a word of it.
            ("CASA DE CAMBIO", "casa de cambio"),
        ] {
            assert_eq!(normalize(name).key(), key, "{name}");
        }
    }

    #[test]
    fn no_before_a_number_is_the_word_number_and_otherwise_a_name() {
        assert_eq!(
            normalize("OFFICE NO. 39").key(),
            normalize("OFFICE 39").key()
        );
        assert_eq!(normalize("YARD NO. 457").key(), "yard 457");
        // No is a Korean family name.
        assert!(normalize("NO, Kwang Chol").key().starts_with("no "));
    }

    #[test]
    fn a_web_address_is_read_as_the_name_it_spells() {
        for (written, words) in [
            ("WWW.SERCUBA.COM", "sercuba"),
            ("KAHANETZADAK.COM", "kahanetzadak"),
            ("WWW.CUBA-SHOP.NET", "cuba shop"),
            ("WWW.AEROCONTINENTE.COM.PE", "aerocontinente"),
            ("https://www.bntd.by/en/about?x=1", "bntd"),
            ("http://example.co.uk:8080/", "example"),
        ] {
            assert_eq!(key(written), words, "{written}");
            let n = normalize(written);
            assert!(
                n.tokens.iter().all(|t| t
                    .rule
                    .as_deref()
                    .is_some_and(|r| r.starts_with("web address read as its name"))),
                "{written}: {n:?}"
            );
        }
        // Dotted abbreviations, a legal form written with a dot, a number and a name with spaces are not
        // addresses.
        for written in [
            "S.A.",
            "J.P.MORGAN",
            "CO.LTD",
            "NO.39",
            "MR.AB",
            "SHOP.COM TRADING",
            "ftp://files.example.com",
        ] {
            assert!(
                normalize(written).tokens.iter().all(|t| t.rule.is_none()),
                "{written}"
            );
        }
    }

    fn key(s: &str) -> String {
        normalize(s).key()
    }

    #[test]
    fn a_countrys_formal_name_is_its_short_name() {
        for (formal, short) in [
            (
                "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES",
                "IRAN SHIPPING LINES",
            ),
            ("KGB OF THE REPUBLIC OF BELARUS", "KGB OF THE BELARUS"),
            ("BANK OF THE RUSSIAN FEDERATION", "BANK OF THE RUSSIA"),
            ("REPUBLIC OF THE UNION OF MYANMAR", "MYANMAR"),
            (
                "CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
                "CENTRAL BANK OF THE DPRK",
            ),
        ] {
            assert_eq!(key(formal), key(short), "{formal}");
            assert!(
                normalize(formal).tokens.iter().any(|t| t
                    .rule
                    .as_deref()
                    .is_some_and(|r| r.starts_with("country's formal name"))),
                "{formal}"
            );
        }
        assert_eq!(key("GORGEOUS BANK OF NORTH KOREA"), "gorgeous bank of dprk");
        // Not a state the table names, or not whole.
        assert_eq!(key("REPUBLIC OF CRIMEA"), "republic of crimea");
        assert_eq!(key("DONETSK PEOPLE'S REPUBLIC"), "donetsk people republic");
        assert_eq!(key("REPUBLIC OF IRAN"), "republic of iran");
    }

    #[test]
    fn the_kunya_with_the_article_is_one_word() {
        for (written, joined) in [
            ("ABU AL-KHAYR", "abulkhayr"),
            ("ABU-AL-KHAYR", "abulkhayr"),
            ("ABOU EL YAZID", "abulyazid"),
            ("ABU'L-QASIM", "abulqasim"),
            ("ABUL KHAIR", "abulkhair"),
            ("ABOLFAZL", "abulfazl"),
            ("ABOULGHASEM", "abulghasem"),
        ] {
            assert_eq!(key(written), joined, "{written}");
        }
        // Without the article it is the kunya and a name; alone it is a name.
        assert_eq!(key("ABU BAKR"), "abu bakr");
        assert_eq!(key("HASHIM, Abul"), "hashim abul");
    }

    #[test]
    fn initials_joined_by_and_are_one_word() {
        assert_eq!(key("A&A ESTUDIO"), "aa estudio");
        assert_eq!(key("H & H METALFORM GMBH"), "hh metalform");
        assert_eq!(key("M AND S SYNDICATE"), "ms syndicate");
        assert_eq!(key("IZHMASH R&D CENTER"), "izhmash rd center");
        let n = normalize("A&A ESTUDIO");
        assert_eq!(
            n.tokens[0].rule.as_deref(),
            Some("initials joined: a and a = aa")
        );
        // A word, not a letter, on either side keeps the `and`.
        assert_eq!(key("A AND BC"), "a and bc");
        assert_eq!(key("JOHNSON & JOHNSON"), "johnson and johnson");
    }

    #[test]
    fn the_article_before_a_legal_form_written_first_goes_with_it() {
        assert_eq!(
            key("THE PUBLIC ESTABLISHMENT FOR OIL REFINING"),
            key("PUBLIC ESTABLISHMENT FOR OIL REFINING")
        );
        // Not before a name.
        assert_eq!(key("THE BASE"), "the base");
    }

    #[test]
    fn the_arabic_article_before_a_sun_letter() {
        assert_eq!(key("AS-SAFRANI, Ali"), key("AL-SAFRANI, Ali"));
        assert_eq!(key("ASH-SHAMI"), "al shami");
        assert_eq!(key("JAMAAT-UD-DAWAH"), "jamaat al dawah");
        assert_eq!(key("ES SAYED"), "al sayed");
        // Not before another letter, a stop word or a short word; not Urdu `ur` (written joined too).
        assert_eq!(key("AS WELL TRADING"), "as well trade");
        assert_eq!(key("FAZL-UR REHMAN"), "fazl ur rehman");
        assert_eq!(key("AN AN"), "an an");
    }

    #[test]
    fn suffixes_punctuation_and_case() {
        assert_eq!(key("Huawei Technologies Co., Ltd."), "huawei technology");
        assert_eq!(key("HUAWEI TECHNOLOGIES CO LTD"), "huawei technology");
        assert_eq!(key("Gulf Gate Spedition GmbH"), "gulf gate spedition");
        assert_eq!(key("Banco Nacional de Cuba S.A."), "banco nacional de cuba");
        assert_eq!(key("OOO Rosneft"), "rosneft");
        assert_eq!(key("ООО Роснефть"), "rosneft");
        assert_eq!(key("Société Générale S.A."), "societe generale");
        assert_eq!(key("Acme Int'l Trading LLC"), "acme international trade");
        assert_eq!(key("AT&T"), "at and t");
    }

    #[test]
    fn hanzi_to_listing_words() {
        assert_eq!(key("华为技术有限公司"), "huawei technology");
        let n = normalize("华为技术有限公司");
        assert_eq!(n.legal, vec!["co", "ltd"]);
        assert_eq!(
            key("中国精密机械进出口总公司"),
            "china precision machinery import export"
        );
        assert_eq!(key("李方伟"), "li fangwei");
        let lex = |w: &str| matches!(w, "dandong" | "hongxiang");
        assert_eq!(
            normalize_with("丹东鸿祥实业发展有限公司", &lex).key(),
            "dandong hongxiang industry development"
        );
    }

    #[test]
    fn hangul_read_syllable_by_syllable() {
        // 최룡해 (OFAC: CHOE, Ryong Hae), 리태철 (RI, Thae Chol), 정경택 (JONG, Kyong Thaek).
        assert_eq!(key("최룡해"), "choe ryong hae");
        assert_eq!(key("리태철"), "ri thae chol");
        assert_eq!(key("정경택"), "jong kyong thaek");
        // The Revised Romanization beside it, and the reading named.
        let n = normalize("정");
        assert_eq!(n.tokens[0].alts, vec!["jeong".to_string()]);
        assert_eq!(
            n.tokens[0].rule.as_deref(),
            Some("Hangul in the DPRK romanisation: 정 = jong (Revised Romanization jeong)")
        );
        // Not a Hangul syllable: the jamo alone, and other scripts.
        assert!(hangul_token('ㄱ', 0, false).is_none() && hangul_token('中', 0, false).is_none());
        // The third syllable of a name is voiced after a vowel or resonant, the second is not.
        assert_eq!(key("리만건"), "ri man gon");
        assert_eq!(key("리병철"), "ri pyong chol");
    }

    #[test]
    fn traditional_characters_read_as_their_simplified_forms() {
        // Each pair is one character in two forms: the same reading in pinyin (a check on the table), and
        // no character twice.
        use pinyin::ToPinyin;
        let mut seen = std::collections::HashSet::new();
        for &(t, s) in TRADITIONAL {
            assert_ne!(t, s);
            assert!(seen.insert(t), "{t} twice");
            let (pt, ps) = (
                t.to_pinyin().map(|p| p.plain()),
                s.to_pinyin().map(|p| p.plain()),
            );
            assert!(pt.is_some() && pt == ps, "{t} {pt:?} / {s} {ps:?}");
        }
        // A company name in traditional characters is the one in simplified characters.
        assert_eq!(
            key("丹東鴻祥實業發展有限公司"),
            key("丹东鸿祥实业发展有限公司")
        );
        assert_eq!(key("華為技術有限公司"), "huawei technology");
        // Taiwan's own words.
        assert_eq!(key("資訊"), "information");
        assert_eq!(key("積體電路"), "integrated circuit");
    }

    #[test]
    fn a_formal_country_name_takes_a_typo_in_its_formal_words_only() {
        assert_eq!(key("Isamic Repablic of Iran"), "iran");
        assert_eq!(key("Islamic Republic of Iran"), "iran");
        // The country's own word is written right, or it is not that country's formal name.
        assert_eq!(key("Rusian Federation"), "rusian federation");
        assert_eq!(key("Republic of Yemem"), "republic of yemem");
    }

    #[test]
    fn osa_agrees_with_strsim() {
        for (a, b) in [
            ("", ""),
            ("abc", ""),
            ("kitten", "sitting"),
            ("ca", "abc"),
            ("deripaska", "deripsaka"),
            ("zubaydah", "zubaida"),
            ("ab", "ba"),
        ] {
            assert_eq!(osa(a, b), strsim::osa_distance(a, b), "{a} {b}");
        }
    }

    proptest::proptest! {
        /// The bounded distance is the distance when that is within the bound, and nothing otherwise, whatever
        /// the bound (the early stop must never cut off an alignment that would have come back).
        #[test]
        fn osa_within_is_the_distance_within_the_bound(
            a in "[abc]{0,12}",
            b in "[abc]{0,12}",
            max in 0usize..6,
        ) {
            let d = strsim::osa_distance(&a, &b);
            proptest::prop_assert_eq!(osa_within(&a, &b, max), (d <= max).then_some(d));
        }
    }

    #[test]
    fn never_empty_for_a_legal_form_only_name() {
        assert!(!normalize("Company Limited").tokens.is_empty());
    }

    #[test]
    fn kinds_of_soviet_enterprise_set_aside_whole() {
        assert_eq!(
            key("Research and Production Corporation Uralvagonzavod"),
            "uralvagonzavod"
        );
        assert_eq!(key("NPK Uralvagonzavod OAO"), "uralvagonzavod");
        assert_eq!(
            key("Federal State Unitary Enterprise Foreign Economic Association Promsyrioimport"),
            "promsyrioimport"
        );
        assert_eq!(
            key("Obshcestvo s Organichennoi Otvetstvennostyu Karst"),
            "karst"
        );
        // Without its noun the phrase is words of the name; a name of the phrase alone keeps a word.
        assert_eq!(
            key("Research and Production Uralvagonzavod"),
            "research and production uralvagonzavod"
        );
        assert!(!normalize("Research and Production Corporation")
            .tokens
            .is_empty());
        // `s` is the preposition of a Russian legal form only after one.
        assert_eq!(key("S Karst"), "s karst");
    }

    #[test]
    fn persian_and_arabic_words_for_company_are_legal_forms() {
        assert_eq!(key("Sherkat Sahami Khass Kala Naft"), "kala naft");
        assert_eq!(key("Sherkate Beh Taam"), "beh taam");
        assert_eq!(key("Sharikat Al-Haram"), "al haram");
    }
}
