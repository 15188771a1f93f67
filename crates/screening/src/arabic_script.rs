//! Names written in the Arabic script (Arabic, Persian, Urdu, Pashto) read for comparison with their
//! romanisations.
//!
//! The script writes consonants and long vowels and leaves the short vowels out: محمد is m-h-m-d, which lists
//! write Muhammad, Mohamed or Mohammad. A word in it cannot be turned into one romanised spelling, so both sides
//! are brought to a common **key** instead (`a:` in the index's key map): each letter as the class of sounds
//! romanisations write for it (ق as q, k or g; ث as th, s or t; خ as kh; ش as sh or the French ch), each run of
//! vowels as `a`, doubled letters as one. A listed word gets its keys from [`latin_keys`]; a word in the script
//! gets every key its letters allow ([`keys`]): a short vowel between two letters or none, و as w or a vowel, ة
//! as a vowel, h or t, ع as a vowel or nothing, the article's l before a "sun letter" written or assimilated
//! (`Abd al-Rahman`, `Abdurrahman`). The long vowels the script does write must be written by the listed word
//! too ([`Spelling::agrees`]). A shared key is worth what a vowel skeleton is worth in [`crate::translit`]:
//! alone it does not make a hit. A word is also read with its article ([`keys_with_article`]) and with the
//! particle before it ([`keys_after_particle`]), for listings that write them joined.
//!
//! The letter values follow the Library of Congress (ALA-LC) romanisation tables for Arabic and Persian: in the
//! Persian table's rules, و is the consonant v, the long vowel ū or the diphthong aw (rule 2), and ي the
//! consonant y, the long vowel ī, the diphthong ay or the final long vowel á (rule 3: عیسی, Isa). The spellings
//! lists use beside them (Egyptian `g` for ج, French `ch` for ش and `dj` for ج, Persian `z` for ذ ض ظ) are named in
//! the letter table below.

/// The rule named in explanations for a word in the script met by its keys.
pub const RULE: &str = "Arabic script read without its short vowels";

/// A letter's readings are bytes: a consonant class (`x` kh, `S` sh, `C` ch, `Z` zh, `k` for q, k, g and gh,
/// the others as written), a vowel, or nothing at all (ع, ء written as an apostrophe or left out). A vowel is
/// `a` when its quality is unknown (a short vowel the script does not write, ة, ع), or the quality a long vowel
/// letter writes: `A` (ا: a, or e in Maghrebi spellings: Djamel), `U` (و: u, o, ou), `I` (ي: i, e, ee, y). In a
/// key every run of vowels is written `a`; its qualities are checked apart ([`Spelling::agrees`]).
const VOWEL: u8 = b'a';
const LONG_A: u8 = b'A';
const LONG_U: u8 = b'U';
const LONG_I: u8 = b'I';
const NOTHING: u8 = 0;

fn is_vowel(reading: u8) -> bool {
    matches!(reading, VOWEL | LONG_A | LONG_U | LONG_I)
}

/// The quality bits of a vowel reading (none for `a`).
fn quality(reading: u8) -> u8 {
    match reading {
        LONG_A => 1,
        LONG_U => 2,
        LONG_I => 4,
        _ => 0,
    }
}

/// The most keys one word gets (a word of ten letters has fewer in practice; the bound keeps a pathological
/// input cheap).
const MAX_KEYS: usize = 256;

/// The readings of one letter of the Arabic script (see `VOWEL`); `None` for a character that is not a
/// letter of the script.
fn readings(c: char, initial: bool, last: bool) -> Option<&'static [u8]> {
    Some(match c {
        // Alef at the start of a word carries any vowel (أسامة = Usama, إسماعيل = Ismail); elsewhere it is a
        // long a, as is the madda.
        'ا' | 'أ' | 'إ' | 'ٱ' if initial => &[VOWEL],
        'ا' | 'أ' | 'إ' | 'ٱ' | 'آ' | '\u{0670}' => &[LONG_A],
        // Alef maksura: a (Mustafa) or, in Egyptian writing, i (Ali).
        'ى' | 'ە' => &[VOWEL],
        // Hamza alone and on its seats: an apostrophe, left out, or the vowel it carries.
        'ء' | 'ؤ' | 'ئ' => &[VOWEL, NOTHING],
        // Ayn: a vowel at the start of a word (ʿUmar = Umar, Omar), a vowel or nothing elsewhere (Saʿd = Saad,
        // Sad).
        'ع' if initial => &[VOWEL],
        'ع' => &[VOWEL, NOTHING],
        'ب' => b"b",
        'پ' => b"p",
        'ت' | 'ط' | 'ٹ' | 'ټ' => b"t",
        // Ta marbuta: -a, -ah, -eh, or -at before a genitive.
        'ة' | 'ۃ' => &[VOWEL, b'h', b't'],
        // He with the ezafe's hamza (Persian ۀ): -eh, -e.
        'ۀ' => &[b'h', VOWEL],
        // Tha: th, or s and t as Persian, Urdu and Turkish say it (Usman, Osman for ʿUthman).
        'ث' => b"ts",
        // Jim: j, dj in French spelling, g in Egyptian (Gamal for Jamal).
        'ج' => b"jk",
        'چ' => b"C",
        'ح' => b"h",
        'خ' => b"x",
        'د' | 'ڈ' | 'ډ' => b"d",
        // Dhal: dh, d, or z as Persian and Urdu say it (Zakir for Dhakir).
        'ذ' => b"dz",
        'ر' | 'ڑ' | 'ړ' => b"r",
        'ز' | 'ځ' => b"z",
        // Zhe: zh, or j as French-influenced Persian spellings write it (اژه‌ای, Ejei; ژاله, Jaleh).
        'ژ' => b"Zj",
        'ږ' => b"Zk",
        'س' | 'ص' | 'څ' => b"s",
        // Shin: sh, or ch in French spelling (Achraf, Chaouki).
        'ش' => b"SC",
        'ښ' => b"Sx",
        // Dad and za: d or dh in Arabic, z in Persian, Urdu and Turkish (Ramazan for Ramadan, Zia for Diya).
        'ض' | 'ظ' => b"dz",
        // Ghayn and qaf: gh, g, q, k (one class).
        'غ' | 'ق' | 'ك' | 'ک' | 'ڪ' | 'گ' => b"k",
        'ف' => b"f",
        'ل' => b"l",
        'م' => b"m",
        'ن' | 'ں' | 'ڼ' => b"n",
        // He at the end of a word is often the vowel -a or -eh, and written -ah by others.
        'ه' | 'ہ' if last => &[b'h', VOWEL],
        'ه' | 'ہ' => b"h",
        // Do-chashmi he marks an aspirate in Urdu (bh, dh): an h or nothing.
        'ھ' => &[b'h', NOTHING],
        // Waw: w (or v in Persian) at the start of a word; elsewhere also the long vowel u, o or ou.
        'و' if initial => b"w",
        'و' => &[b'w', LONG_U],
        // Ya in its forms: y at the start of a word, a long vowel elsewhere (romanised y after a vowel is read
        // as a vowel on the Latin side too: Ayman, Zubaydah).
        'ي' | 'ی' | 'ې' | 'ۍ' | 'ے' if initial => b"y",
        // Persian writes the alef maksura of a final -a with its ye (عیسی = Isa, موسی = Musa, مصطفی =
        // Mustafa): a vowel of any quality there.
        'ی' if last => &[VOWEL],
        'ي' | 'ی' | 'ې' | 'ۍ' | 'ے' => &[LONG_I],
        // Short vowels written as marks: fatha, damma, kasra; tanwin.
        '\u{064E}' => &[LONG_A],
        '\u{064F}' => &[LONG_U],
        '\u{0650}' => &[LONG_I],
        '\u{064B}'..='\u{064D}' => &[VOWEL],
        _ => return None,
    })
}

/// The sun letters, before which the article's l is said as the letter that follows (`ar-Rahman`).
fn is_sun_letter(c: char) -> bool {
    matches!(
        c,
        'ت' | 'ث' | 'د' | 'ذ' | 'ر' | 'ز' | 'س' | 'ش' | 'ص' | 'ض' | 'ط' | 'ظ' | 'ل' | 'ن'
    )
}

/// Whether a character belongs to a name written in the Arabic script: a letter of `readings`, or a mark
/// that is read with it (sukun, shadda, the tatweel that stretches a word).
pub fn is_arabic_letter(c: char) -> bool {
    readings(c, false, false).is_some() || matches!(c, '\u{0651}'..='\u{065F}' | '\u{0640}')
}

/// Particles and words of names with one conventional romanisation, read as Latin words so that the tables of
/// [`crate::translit`] and the normaliser's rules (compounds, stop words) apply to them as written.
const WORDS: &[(&str, &str)] = &[
    ("بن", "bin"),
    // `son of` in Mauritanian names.
    ("ولد", "ould"),
    // The word for company, in Persian (شرکت) and Arabic (شركة), read as the legal forms their romanisations
    // are (see the normaliser's legal forms).
    ("شركت", "sherkat"),
    ("شركة", "sharikat"),
    // And (و alone, and Pashto او), of (Pashto د), in company names: stop words, as their English forms are.
    ("و", "and"),
    ("او", "and"),
    ("د", "of"),
    // Taha: two letters whose short vowels no key could supply.
    ("طه", "taha"),
    // Titles and honorifics, read as the Latin words the normaliser sets aside (Haji, Mullah, Sheikh, Sayyid,
    // Agha).
    ("حاجي", "haji"),
    ("ملا", "mullah"),
    ("شيخ", "sheikh"),
    ("سيد", "sayyid"),
    // And the scholar's and cleric's titles South Asia writes before a name (Hafiz, Maulana, Maulvi, Mufti, Qari:
    // `مولانا مسعود اظہر`, Maulana Masood Azhar), with the pilgrim's Haj.
    ("حافظ", "hafiz"),
    ("مولانا", "maulana"),
    ("مولوي", "maulvi"),
    ("مفتي", "mufti"),
    ("قاري", "qari"),
    ("حاج", "haj"),
    ("اغا", "agha"),
    ("آغا", "agha"),
    ("ابن", "ibn"),
    ("إبن", "ibn"),
    ("بنت", "bint"),
    ("ابو", "abu"),
    ("أبو", "abu"),
    ("الله", "allah"),
    ("عبدالله", "abdullah"),
    ("محمد", "muhammad"),
    ("أحمد", "ahmad"),
    ("احمد", "ahmad"),
];

/// Words of the names of organisations with the English word the lists translate them with (the UN Security
/// Council list writes جبهة النصرة لأهل الشام as AL-NUSRAH FRONT FOR THE PEOPLE OF THE LEVANT, الجماعة الاسلامية
/// المقاتلة الليبية as LIBYAN ISLAMIC FIGHTING GROUP; OFAC likewise), written without the article, hamza seats
/// and ta marbuta as [`plain`] writes them. A word keeps its reading beside its translation, since listings
/// also romanise these words (JABHAT AL-NUSRAH, JAMAAT-UD-DAWA, HARAKAT UL-MUJAHIDIN, JAYSH AL-ADL).
#[rustfmt::skip]
const TRANSLATIONS: &[(&str, &[&str])] = &[
    // What an organisation is.
    ("جبهه", &["front"]),
    ("حركه", &["movement"]),
    ("جماعه", &["group", "society"]),
    ("تنظيم", &["organization"]),
    ("منظمه", &["organization"]),
    ("جيش", &["army"]),
    ("كتائب", &["brigades", "battalions"]),
    ("لواء", &["brigade"]),
    ("شبكه", &["network"]),
    ("حزب", &["party"]),
    ("مؤسسه", &["foundation", "establishment"]),
    ("جمعيه", &["society", "association"]),
    ("مجلس", &["council"]),
    ("اتحاد", &["union"]),
    ("مركز", &["center"]),
    ("صندوق", &["fund"]),
    ("بنك", &["bank"]),
    ("مصرف", &["bank"]),
    ("دوله", &["state"]),
    ("مجاهدين", &["mujahidin", "fighters"]),
    ("مهاجرين", &["emigrants"]),
    ("انصار", &["supporters", "partisans"]),
    ("مقاتله", &["combatant", "fighting"]),
    ("خيريه", &["charitable", "charity"]),
    ("اغاثه", &["relief"]),
    // لأهل الشام: for the people of the Levant.
    ("اهل", &["people"]),
    // What it calls itself: Islamic, and the countries and regions of the lists' Arabic-named organisations.
    ("اسلامي", &["islamic"]),
    ("اسلاميه", &["islamic"]),
    ("عربي", &["arab"]),
    ("عربيه", &["arab"]),
    ("مصري", &["egyptian"]),
    ("مصريه", &["egyptian"]),
    ("مغربي", &["moroccan"]),
    ("مغربيه", &["moroccan"]),
    ("مغرب", &["maghreb", "morocco"]),
    ("تونسي", &["tunisian"]),
    ("تونسيه", &["tunisian"]),
    ("ليبي", &["libyan"]),
    ("ليبيه", &["libyan"]),
    ("جزائري", &["algerian"]),
    ("جزائريه", &["algerian"]),
    ("عراقي", &["iraqi"]),
    ("عراق", &["iraq"]),
    ("شام", &["levant", "sham"]),
    ("سوري", &["syrian"]),
    ("سوريه", &["syrian", "syria"]),
    ("يمني", &["yemeni"]),
    ("يمن", &["yemen"]),
    ("لبناني", &["lebanese"]),
    ("فلسطيني", &["palestinian"]),
    ("فلسطينيه", &["palestinian"]),
    ("افغاني", &["afghan"]),
    ("باكستاني", &["pakistani"]),
    // Persian words of Iranian organisations' names, as the lists translate them (شرکت ملی نفت ایران is NATIONAL
    // IRANIAN OIL COMPANY, سپاه پاسداران انقلاب اسلامی ISLAMIC REVOLUTIONARY GUARD CORPS), written as [`plain`]
    // writes them (ی as ي, ک as ك).
    ("ايران", &["iran", "iranian"]),
    ("ملي", &["national"]),
    ("نفت", &["oil", "petroleum"]),
    ("نفتكش", &["tanker"]),
    ("كشتيراني", &["shipping"]),
    ("پتروشيمي", &["petrochemical"]),
    ("صنايع", &["industries"]),
    ("صنعت", &["industry"]),
    ("سازمان", &["organization"]),
    ("گروه", &["group"]),
    ("مركزي", &["central"]),
    ("توسعه", &["development"]),
    ("مهندسي", &["engineering"]),
    ("بازرگاني", &["trading", "commercial"]),
    ("خدمات", &["services"]),
    ("بيمه", &["insurance"]),
    ("جمهوري", &["republic"]),
    ("انقلاب", &["revolution", "revolutionary"]),
    ("پاسداران", &["guards", "guard"]),
];

/// The English words the lists translate a word of an organisation's name with (see `TRANSLATIONS`), without
/// its article; empty for other words.
///
/// A preposition written joined to the word (ل for, ب in; لل for the) is left out: لأهل = (for the) people,
/// للإغاثة = (for) relief.
pub fn translations(word: &str) -> &'static [&'static str] {
    let plain = plain(word);
    let find = |w: &str| TRANSLATIONS.iter().find(|(t, _)| *t == w).map(|&(_, t)| t);
    let without = |prefix: &str| {
        plain
            .strip_prefix(prefix)
            .filter(|rest| rest.chars().count() >= 3)
            .and_then(find)
    };
    find(&plain)
        .or_else(|| without("لل"))
        .or_else(|| without("ل"))
        .or_else(|| without("ب"))
        .unwrap_or(&[])
}

/// Countries' formal names in the script, brought to the short name as [`crate::countries::FORMAL_NAMES`] brings
/// the English ones (`ISLAMIC REPUBLIC OF IRAN SHIPPING LINES` is `شرکت کشتیرانی جمهوری اسلامی ایران`): the
/// Persian and Arabic names of the Islamic Republic of Iran and the Arabic name of the Syrian Arab Republic, as
/// their governments write them, the words as [`plain`] writes them.
const FORMAL_NAMES: &[(&[&str], &str)] = &[
    (&["جمهوري", "اسلامي", "ايران"], "iran"),
    (&["الجمهوريه", "الاسلاميه", "الايرانيه"], "iran"),
    (&["الجمهوريه", "العربيه", "السوريه"], "syria"),
];

/// The short name of the country whose formal name the words start with, and how many words it takes.
pub fn formal_country(words: &[&str]) -> Option<(usize, &'static str)> {
    FORMAL_NAMES.iter().find_map(|(formal, short)| {
        (words.len() >= formal.len()
            && words.iter().zip(formal.iter()).all(|(w, f)| plain(w) == *f))
        .then_some((formal.len(), *short))
    })
}

/// A word as [`bare`] writes it, with alef's hamza seats and madda as alef, ؤ as و, ئ as ي, and ta marbuta as
/// he (`الإسلامية` = `الاسلاميه`), for looking up words whose spelling varies in these letters only.
fn plain(word: &str) -> String {
    bare(word)
        .chars()
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ؤ' => 'و',
            'ئ' => 'ي',
            'ة' | 'ۃ' | 'ۀ' => 'ه',
            _ => c,
        })
        .collect()
}

/// The conventional romanisation of a word of `WORDS` (marks and tatweel left out), if it is one.
pub fn known_word(word: &str) -> Option<&'static str> {
    let bare = bare(word);
    WORDS.iter().find(|(w, _)| *w == bare).map(|&(_, r)| r)
}

/// The word without its vowel marks, sukun, shadda and tatweel, and without spaces, with the letters Persian,
/// Urdu and Pashto shape differently written as Arabic writes them (ی ې ۍ ے ى = ي, ک = ك, ہ ە ھ = ه), for
/// comparing words (`الدین` = `الدين`).
fn bare(word: &str) -> String {
    word.chars()
        .filter(|&c| {
            !matches!(
                c,
                '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}'
            ) && !c.is_whitespace()
        })
        .map(|c| match c {
            'ی' | 'ې' | 'ۍ' | 'ے' | 'ى' => 'ي',
            'ک' => 'ك',
            'ہ' | 'ە' | 'ھ' => 'ه',
            _ => c,
        })
        .collect()
}

/// Whether a word is a particle of a name that listings also write joined to the word after it: the kunya
/// أبو (`ABUBAKAR`), and بن, ابن (son of: `BINLADIN`, `BINALSHIBH`).
pub fn is_particle(word: &str) -> bool {
    matches!(bare(word).as_str(), "ابو" | "أبو" | "بن" | "ابن" | "إبن")
}

/// The spellings of a particle and the word after it written as one (`أبو` `بكر` = ABUBAKAR), the word's
/// article, if any, assimilated or not.
pub fn keys_after_particle(particle: &str, written: &str) -> Vec<Spelling> {
    spellings(&format!("{particle}{written}"), false)
}

/// The word without the article it starts with, when it is one word and the rest has two letters or more
/// (`الظواهري` = al + `ظواهري`); the normaliser makes the article a word of its own.
pub fn split_article(word: &str) -> Option<&str> {
    word.strip_prefix("ال")
        .filter(|rest| !word.contains(' ') && rest.chars().count() >= 2)
}

/// Whether the words of a name in the script should be read as one (`عبد الرحمن` = Abd al-Rahman, which lists
/// write `ABD AL-RAHMAN` or `ABDURRAHMAN` and the normaliser joins): `عبد` before any word, the kunya `أبو`
/// before a word with the article, and any word before `الدين` (al-Din).
pub fn joins(word: &str, next: &str) -> bool {
    let (word, next) = (bare(word), bare(next));
    word == "عبد"
        || (matches!(word.as_str(), "ابو" | "أبو") && next.starts_with("ال") && next.chars().count() > 3)
        || next == "الدين"
        // Names in -ullah, which Persian and Pashto write apart (عتیق الله = Atiqullah, احسان الله =
        // Ehsanullah); not the word Allah alone.
        || (next == "الله" && !word.starts_with("ال"))
}

/// One spelling of a word brought to a key: the key (consonant classes, each run of vowels as `a`) and, for
/// each run of vowels, the qualities it has (bits of `A`, `U`, `I`; see `VOWEL`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Spelling {
    /// The key, without the `a:` of the index's key map.
    pub key: String,
    /// The qualities of each run of vowels, in order.
    pub vowels: Vec<u8>,
}

impl Spelling {
    /// Adds one reading: a vowel joins a run of vowels (adding its quality), a consonant after the same
    /// consonant is one (the script writes a doubled consonant once, lists write it once or twice).
    fn push(&mut self, reading: u8) {
        if reading == NOTHING {
            return;
        }
        let last = self.key.as_bytes().last().copied();
        if is_vowel(reading) {
            if last == Some(VOWEL) {
                if let Some(q) = self.vowels.last_mut() {
                    *q |= quality(reading);
                }
            } else {
                self.key.push(VOWEL as char);
                self.vowels.push(quality(reading));
            }
        } else if last != Some(reading) {
            self.key.push(reading as char);
        }
    }

    /// Whether the key says enough to look a word up by: a consonant and a vowel at least (Ali's `ala`, Iyad's
    /// `ad`); never a bare vowel or a lone consonant.
    fn meaningful(&self) -> bool {
        let consonants = self.key.bytes().filter(|&b| b != VOWEL).count();
        consonants >= 2 || (consonants == 1 && self.key.len() >= 2)
    }

    /// Whether a romanised word with the same key writes the long vowels this spelling needs: each run of
    /// vowels has every quality the script's letters in it write (محمود, Mahmud, needs an o or u before the d:
    /// not Muhammad; أيمن, Ayman, an i, e or y in its first run: not Amin).
    pub fn agrees(&self, romanised: &Spelling) -> bool {
        self.key == romanised.key
            && self
                .vowels
                .iter()
                .zip(&romanised.vowels)
                .all(|(&needed, &written)| needed & !written == 0)
    }
}

/// The spellings of a word written in the script (several words read as one, as [`joins`] says, separated by
/// spaces): every spelling its letters allow, each with the vowel qualities its long vowels write. Empty for a
/// word too short to mean anything alone.
pub fn keys(written: &str) -> Vec<Spelling> {
    spellings(written, false)
}

/// The spellings of a word with its article written as one, as listings often write them, the article
/// assimilated or not (السعدي = ESSAADI, ASSAADI, ALSAADI); the word alone has [`keys`]. Empty for a word
/// without the article.
pub fn keys_with_article(written: &str) -> Vec<Spelling> {
    if split_article(written).is_none() {
        return Vec::new();
    }
    spellings(written, true)
}

/// The spellings of [`keys`]; `leading_article`: the word starts with the article (ال), whose l may be
/// assimilated.
fn spellings(written: &str, leading_article: bool) -> Vec<Spelling> {
    // The letters, with the places where the article starts (a later word of a joined name, or after عبد and
    // أبو written joined).
    let mut letters: Vec<char> = Vec::new();
    let mut articles: Vec<usize> = Vec::new();
    // Where Persian writes a zero-width non-joiner inside a word: the letter before it ends a part (a final he
    // there is the vowel -e, as at a word's end: خامنه‌ای, Khamenei) and the one after starts one (the suffix
    // ای is the vowel -i, its alef a seat, not a long a).
    let mut breaks: Vec<usize> = Vec::new();
    for (i, part) in written.split_whitespace().enumerate() {
        let mut chars: Vec<char> = Vec::new();
        for c in part.chars() {
            if c == '\u{200C}' {
                if !chars.is_empty() {
                    breaks.push(letters.len() + chars.len());
                }
                continue;
            }
            if !matches!(c, '\u{0651}'..='\u{065F}' | '\u{0640}' | '\u{200D}') {
                chars.push(c);
            }
        }
        let part = chars;
        if i > 0 && part.starts_with(&['ا', 'ل']) {
            articles.push(letters.len());
        }
        letters.extend(part);
    }
    let joined_article = |prefix: &[char]| {
        letters.starts_with(prefix) && letters[prefix.len()..].starts_with(&['ا', 'ل'])
    };
    for prefix in [&['ع', 'ب', 'د'][..], &['ا', 'ب', 'و'], &['أ', 'ب', 'و']] {
        if joined_article(prefix) && !articles.contains(&prefix.len()) {
            articles.push(prefix.len());
        }
    }
    if leading_article && letters.starts_with(&['ا', 'ل']) && !articles.contains(&0) {
        articles.push(0);
    }
    if letters.len() < 2 || letters.len() > crate::limits::MAX_FUZZY_TOKEN_BYTES {
        return Vec::new();
    }
    let mut states: Vec<Spelling> = vec![Spelling::default()];
    let mut seen = rustc_hash::FxHashSet::default();
    for (i, &c) in letters.iter().enumerate() {
        // The article's alef is not a long vowel: it is said with the vowel before it or not at all (`Abd
        // al-Rahman`, `Abdul Rahman`, `Abdel Rahman`).
        // Nor is the alef Persian and Pashto write before a word that starts with s or sh and a consonant
        // (استانکزی = Stanekzai), which romanisations often leave out.
        let prothetic = i == 0
            && c == 'ا'
            && matches!(letters.get(1), Some('س' | 'ش'))
            && letters
                .get(2)
                .is_some_and(|&n| !matches!(n, 'ا' | 'و' | 'ي' | 'ی'));
        let options = if prothetic {
            Some(&[VOWEL, NOTHING][..])
        } else if articles.contains(&i) {
            Some(&[VOWEL][..])
        } else {
            readings(
                c,
                i == 0 || breaks.contains(&i),
                i + 1 == letters.len() || breaks.contains(&(i + 1)),
            )
        };
        let Some(options) = options else {
            continue;
        };
        let mark = matches!(c, '\u{064B}'..='\u{0650}');
        // The article's l before a sun letter: written (al-Rahman) or assimilated (ar-Rahman, Abdurrahman).
        let assimilated = articles.iter().any(|&a| i == a + 1)
            && letters.get(i + 1).copied().is_some_and(is_sun_letter);
        let mut next: Vec<Spelling> = Vec::with_capacity(states.len() * 3);
        seen.clear();
        for s in &states {
            // A short vowel the script does not write, between this letter and the one before (not before a
            // vowel mark, which writes it, nor at the start of a word).
            let gaps: &[bool] = if i == 0 || mark {
                &[false]
            } else {
                &[false, true]
            };
            for &gap in gaps {
                let choices = options
                    .iter()
                    .copied()
                    .chain(assimilated.then_some(NOTHING));
                for choice in choices {
                    let mut t = s.clone();
                    if gap {
                        t.push(VOWEL);
                    }
                    t.push(choice);
                    if next.len() < MAX_KEYS && seen.insert(t.clone()) {
                        next.push(t);
                    }
                    // Two letters that romanisations write as one digraph: س then ح or ه (Ishaq, written like
                    // the `sh` of ش), د then ه (Adham, like the `dh` of ذ), ت then ه (like the `th` of ث),
                    // Urdu's aspirate کھ, written kh like خ (لکھوی, Lakhvi).
                    if !gap && choice == b'h' {
                        let merged = match s.key.as_bytes().last() {
                            Some(b's') => Some(b'S'),
                            Some(&c @ (b'd' | b't')) => Some(c),
                            Some(b'k') if c == 'ھ' => Some(b'x'),
                            // And z then h, which romanisations write as the digraph zh of ژ (اظہر, Azhar;
                            // مظهر, Mazhar).
                            Some(b'z') => Some(b'Z'),
                            _ => None,
                        };
                        if let Some(m) = merged {
                            let mut u = s.clone();
                            u.key.pop();
                            u.push(m);
                            if next.len() < MAX_KEYS && seen.insert(u.clone()) {
                                next.push(u);
                            }
                        }
                    }
                }
            }
        }
        states = next;
    }
    // A key of one consonant and one vowel (`ad`) only from three letters or more (عايد, Ayed; إياد, Iyad),
    // whose long vowels then say much of the word.
    let letters_written = letters
        .iter()
        .filter(|&&c| readings(c, false, false).is_some())
        .count();
    states.retain(|s| s.meaningful() && (s.key.len() > 2 || letters_written >= 3));
    states
}

/// The spelling of a romanised word (lowercase ASCII) brought to a key: its letters in the classes of
/// `readings`, each run of vowels (and `y` after the first letter) as `a` with
/// its qualities (a = `A`; e = `A` and `I`; i, y = `I`; o, u = `U`), doubled letters as one. `None` for a word
/// with other characters, or one too short to mean anything alone.
fn latin_key(word: &str) -> Option<Spelling> {
    let b = word.as_bytes();
    if b.len() < 2
        || b.len() > crate::limits::MAX_FUZZY_TOKEN_BYTES
        || !b.iter().all(u8::is_ascii_lowercase)
    {
        return None;
    }
    let mut spelling = Spelling::default();
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let (reading, len): (&[u8], usize) = match (b[i], next) {
            (b'k', Some(b'h')) => (b"x", 2),
            (b'g', Some(b'h')) | (b'c', Some(b'k')) => (b"k", 2),
            (b's', Some(b'h')) => (b"S", 2),
            (b'c', Some(b'h')) => (b"C", 2),
            (b't', Some(b'h')) => (b"t", 2),
            (b'd', Some(b'h')) => (b"d", 2),
            (b'z', Some(b'h')) => (b"Z", 2),
            (b'p', Some(b'h')) => (b"f", 2),
            (b'd', Some(b'j')) => (b"j", 2),
            (b'a', _) => (&[LONG_A], 1),
            (b'e', _) => (&[LONG_A, LONG_I], 1),
            (b'i', _) => (&[LONG_I], 1),
            (b'o' | b'u', _) => (&[LONG_U], 1),
            (b'y', _) if i > 0 => (&[LONG_I], 1),
            (b'q' | b'g' | b'k', _) => (b"k", 1),
            (b'c', Some(b'e' | b'i' | b'y')) => (b"s", 1),
            (b'c', _) => (b"k", 1),
            (b'v' | b'w', _) => (b"w", 1),
            (b'x', _) => (b"ks", 1),
            _ => (std::slice::from_ref(&b[i]), 1),
        };
        for &r in reading {
            spelling.push(r);
        }
        i += len;
    }
    spelling.meaningful().then_some(spelling)
}

/// The keys of romanised words read as one (`MOHAMMAD JAVAD` for محمدجواد): each word's [`latin_keys`], joined,
/// so that the joint makes no digraph the words do not write (the d and j of Mohammad Javad are not the French
/// dj); a run of vowels or a doubled consonant across the joint is one, as within a word.
pub fn latin_keys_joined(words: &[&str]) -> Vec<Spelling> {
    let mut out: Vec<Spelling> = vec![Spelling::default()];
    for w in words {
        let theirs = latin_keys(w);
        let mut next = Vec::with_capacity(out.len() * theirs.len());
        for a in &out {
            for b in &theirs {
                let mut joined = a.clone();
                let mut vowels = b.vowels.iter();
                for c in b.key.bytes() {
                    if c == VOWEL {
                        // The run's quality, pushed as a vowel of that quality (or `a`, no quality).
                        let q = vowels.next().copied().unwrap_or(0);
                        let reading = match q {
                            0 => VOWEL,
                            _ if q & 1 != 0 => LONG_A,
                            _ if q & 2 != 0 => LONG_U,
                            _ => LONG_I,
                        };
                        joined.push(reading);
                        // Every quality of the run, not only the first.
                        if let Some(last) = joined.vowels.last_mut() {
                            *last |= q;
                        }
                    } else {
                        joined.push(c);
                    }
                }
                if next.len() < MAX_KEYS {
                    next.push(joined);
                }
            }
        }
        out = next;
    }
    out
}

/// The spellings of a romanised word brought to keys (`latin_key`): the word's own; for a word of five letters
/// or more ending in a consonant and e, the word without the e, which French spelling adds and the script does
/// not write (`Alouche` for علوش); and the word with a c before a, o or u read as the s of a French ç.
pub fn latin_keys(word: &str) -> Vec<Spelling> {
    let b = word.as_bytes();
    // French writes s before a, o, u as ç, which the folding to ASCII leaves a c (Fayçal, listed FAYCAL, is
    // فيصل): the word with those c read as s too (not a first c, nor sc).
    let cedilla: String = b
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let before_hard_vowel = matches!(b.get(i + 1), Some(b'a' | b'o' | b'u'));
            if c == b'c' && before_hard_vowel && i > 0 && b[i - 1] != b's' {
                's'
            } else {
                c as char
            }
        })
        .collect();
    let mut out: Vec<Spelling> = Vec::new();
    let mut add = |form: &str| {
        if let Some(k) = latin_key(form) {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    };
    for base in [word, cedilla.as_str()] {
        add(base);
        let b = base.as_bytes();
        if b.len() >= 5
            && b.ends_with(b"e")
            && !matches!(b[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
        {
            add(&base[..base.len() - 1]);
        }
    }
    out
}

/// A plain reading of a word in the script, for the token's text and explanations: each letter by its first
/// romanisation, long vowels as written, ayn as `a` (`ظواهري` = `zwahri`, `عمر` = `amr`). Not a spelling anyone
/// uses, but near enough to one that the comparisons by written similarity still say something of it.
pub fn reading(written: &str) -> String {
    let letters: Vec<char> = bare(written).chars().collect();
    let mut out = String::new();
    for (i, &c) in letters.iter().enumerate() {
        let Some(options) = readings(c, i == 0, i + 1 == letters.len()) else {
            continue;
        };
        match c {
            // Ayn read as the vowel lists write for it, so that a reading is not a short word of another
            // kind (عمر = `amr`, not the title `mr`); hamza left out.
            'ع' => {
                if !out.ends_with(['a', 'i', 'u']) {
                    out.push('a');
                }
            }
            'ء' | 'ؤ' | 'ئ' => {}
            // Waw before alef is the consonant (ظواهري = zawahiri), elsewhere mostly the vowel.
            'و' if i > 0 && letters.get(i + 1) != Some(&'ا') => out.push('u'),
            'ي' | 'ی' | 'ې' | 'ۍ' | 'ے' | 'ى' if i > 0 => out.push('i'),
            'ة' => out.push('a'),
            'ق' => out.push('q'),
            'غ' => out.push_str("gh"),
            'ث' => out.push_str("th"),
            'ذ' => out.push_str("dh"),
            'ظ' => out.push('z'),
            'ض' => out.push('d'),
            'ج' => out.push('j'),
            _ => match options.first().copied() {
                Some(VOWEL | LONG_A) => out.push('a'),
                Some(LONG_U) => out.push('u'),
                Some(LONG_I) => out.push('i'),
                Some(b'x') => out.push_str("kh"),
                Some(b'S') => out.push_str("sh"),
                Some(b'C') => out.push_str("ch"),
                Some(b'Z') => out.push_str("zh"),
                Some(r) if r != NOTHING => out.push(r as char),
                _ => {}
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a word in the script and a romanised word share a key.
    fn meets(script: &str, latin: &str) -> bool {
        let ks = latin_keys(latin);
        let body = split_article(script).unwrap_or(script);
        keys(body)
            .iter()
            .chain(&keys_with_article(script))
            .any(|s| ks.iter().any(|k| s.agrees(k)))
    }

    #[test]
    fn a_word_meets_its_romanisations() {
        for (script, latin) in [
            ("ظواهري", "zawahiri"),
            ("أيمن", "ayman"),
            ("محمد", "muhammad"),
            ("محمد", "mohamed"),
            ("يوسف", "yusuf"),
            ("يوسف", "youssef"),
            ("عمر", "umar"),
            ("عمر", "omar"),
            ("سعد", "saad"),
            ("إسماعيل", "ismail"),
            ("خالد", "khalid"),
            ("خالد", "khaled"),
            ("قاسم", "qasim"),
            ("قاسم", "ghasem"),
            ("حسين", "hussein"),
            ("حسين", "husayn"),
            ("عثمان", "uthman"),
            ("عثمان", "osman"),
            ("جمال", "gamal"),
            ("أشرف", "achraf"),
            ("رمضان", "ramazan"),
            ("فاطمة", "fatima"),
            ("فاطمة", "fatemeh"),
            ("نصرالله", "nasrallah"),
            ("حوثي", "houthi"),
            ("صالح", "salih"),
            ("حمزة", "hamzah"),
            ("حمزة", "hamza"),
            ("علوش", "alouche"),
            ("عايد", "ayed"),
            ("إياد", "iyad"),
            ("اسحاق", "ishaq"),
            ("ادهم", "adham"),
            ("عیسی", "isa"),
            ("موسی", "musa"),
            ("استانکزی", "stanekzai"),
            ("السعدي", "essaadi"),
            ("السعدي", "alsaadi"),
            ("السعدي", "saadi"),
            ("فيصل", "faycal"),
            ("رضا", "reza"),
            ("پور", "pour"),
        ] {
            assert!(
                meets(script, latin),
                "{script} / {latin}: {:?} vs {:?}",
                keys(script),
                latin_keys(latin)
            );
        }
    }

    #[test]
    fn joined_names_meet_their_compound_forms() {
        // The normaliser joins `Abd al-Rahman`, `Abdul Rahman` and `Abdurrahman` into one word; so are they here.
        assert!(meets("عبد الرحمن", "abdulrahman") && meets("عبد الرحمن", "abdelrahman"));
        assert!(meets("عبدالرحمن", "abdurrahman"));
        assert!(meets("عبد الخالق", "abdulkhaliq"));
        assert!(meets("جمال الدين", "jamaluddin"));
        assert!(meets("أبو القاسم", "abulqasim"));
        let joined = |p: &str, w: &str, latin: &str| {
            let ks = latin_keys(latin);
            keys_after_particle(p, w)
                .iter()
                .any(|s| ks.iter().any(|k| s.agrees(k)))
        };
        assert!(joined("أبو", "بكر", "abubakar") && joined("بن", "لادن", "binladin"));
        assert!(is_particle("أبو") && is_particle("بن") && !is_particle("عبد"));
        assert!(joins("عبد", "الرحمن") && joins("أبو", "القاسم") && joins("جمال", "الدين"));
        assert!(meets("عتیق الله", "atiqullah"));
        assert!(meets("غیاث الدین", "ghiasuddin"));
        assert!(joins("عتیق", "الله") && joins("غیاث", "الدین"));
        assert!(!joins("أبو", "بكر") && !joins("محمد", "يوسف"));
    }

    #[test]
    fn different_consonants_do_not_meet() {
        assert!(!meets("محمد", "ahmad"));
        assert!(!meets("عمر", "amin"));
        // The long vowels tell names with the same consonants apart: محمود (Mahmud) is not Muhammad, أيمن
        // (Ayman) is not Amin, أمين (Amin) not Ayman.
        assert!(
            meets("محمود", "mahmoud") && !meets("محمود", "mohamad") && !meets("محمود", "muhammad")
        );
        assert!(!meets("أيمن", "ameen") && meets("أمين", "ameen") && !meets("أمين", "ayman"));
        assert!(meets("جمال", "djamel") && meets("خالد", "khaled"));
        assert!(!meets("خالد", "walid"));
        // Too little to go on alone: no key.
        assert!(keys("ع").is_empty());
        assert!(latin_keys("a").is_empty());
        assert!(latin_keys("ab1").is_empty());
    }

    #[test]
    fn the_zero_width_non_joiner_is_part_of_the_word() {
        // Persian writes حاکم‌زاده (Hakemzadeh) with a zero-width non-joiner between its parts.
        assert!(meets("حاکم\u{200C}زاده", "hakemzadeh"));
        assert_eq!(reading("حاکم\u{200C}زاده"), reading("حاکمزاده"));
        let n = crate::normalize("فرشاد حاکم\u{200C}زاده");
        assert_eq!(n.tokens.len(), 2, "{n:?}");
    }

    #[test]
    fn vowel_marks_are_read_when_written() {
        // مُحَمَّد with its marks: the vowels they write, no others.
        assert!(meets("مُحَمَّد", "muhammad"));
        assert!(meets("مُحَمَّد", "mohammad") && !meets("مُحَمَّد", "mahammad"));
        assert!(!keys("مُحَمَّد").iter().any(|s| s.key == "mhmd"));
    }

    #[test]
    fn the_reading_names_the_word() {
        assert_eq!(reading("ظواهري"), "zwahri");
        assert_eq!(reading("خالد"), "khald");
        assert_eq!(reading("عمر"), "amr");
        assert_eq!(reading("سعد"), "sad");
        assert_eq!(known_word("مُحَمَّد"), Some("muhammad"));
        assert_eq!(known_word("خالد"), None);
    }

    proptest::proptest! {
        /// Any run of the script's letters, marks and spaces: a bounded number of meaningful keys, and a reading in
        /// lowercase ASCII.
        #[test]
        fn any_word_reads_within_bounds(word in "[\u{0621}-\u{0655}\u{0670}-\u{06D5} ]{0,40}") {
            let ks = keys(&word);
            proptest::prop_assert!(ks.len() <= MAX_KEYS);
            for k in &ks {
                proptest::prop_assert!(k.meaningful());
                proptest::prop_assert_eq!(k.vowels.len(), k.key.bytes().filter(|&b| b == VOWEL).count());
            }
            let r = reading(&word);
            proptest::prop_assert!(r.bytes().all(|b| b.is_ascii_lowercase()), "{}", r);
        }
    }

    #[test]
    fn keys_are_bounded() {
        let long: String = "وي".repeat(20);
        assert!(keys(&long).len() <= MAX_KEYS);
        let k = keys("ووووووووووووووو");
        assert!(k.len() <= MAX_KEYS);
    }
}
