//! Japanese kana (hiragana and katakana) read in the modified Hepburn romanisation, the one the lists write
//! Japanese names in (`YAMAGUCHI-GUMI`, `NISHIGUCHI, Shigeo`, `SUMIYOSHI-KAI`).
//!
//! The generic folding to ASCII reads kana in the Kunrei system (`si`, `ti`, `tu`, `hu`: ニシグチ =
//! `nisiguti`), which meets no listed name. Here each kana is read as Hepburn writes it (shi, chi, tsu, fu, ji),
//! the small ya, yu, yo join the kana before them (きゃ = kya, しゃ = sha, ちゃ = cha), the small tsu doubles the
//! consonant after it (っち = tchi), and long vowels are written as the lists write them, without macrons: the
//! long-vowel mark ー is left out, and ou, oo and uu are one vowel (こうどうかい = `kodokai`, listed KODO-KAI).
//! Kanji, which need a dictionary to be read in Japanese, are not read here (the Han reading gives their
//! Mandarin pinyin).

/// Whether a character is a kana this module reads (hiragana, katakana, the long-vowel mark, the small kana).
pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// The hiragana of a katakana (the two blocks are parallel), or the character itself.
fn hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// The Hepburn reading of one hiragana (the small ya, yu, yo and tsu, and the small vowels, are read with the
/// kana around them by [`romanise`]).
#[rustfmt::skip]
fn syllable(c: char) -> Option<&'static str> {
    Some(match c {
        'あ' => "a", 'い' => "i", 'う' => "u", 'え' => "e", 'お' => "o",
        'か' => "ka", 'き' => "ki", 'く' => "ku", 'け' => "ke", 'こ' => "ko",
        'が' => "ga", 'ぎ' => "gi", 'ぐ' => "gu", 'げ' => "ge", 'ご' => "go",
        'さ' => "sa", 'し' => "shi", 'す' => "su", 'せ' => "se", 'そ' => "so",
        'ざ' => "za", 'じ' => "ji", 'ず' => "zu", 'ぜ' => "ze", 'ぞ' => "zo",
        'た' => "ta", 'ち' => "chi", 'つ' => "tsu", 'て' => "te", 'と' => "to",
        'だ' => "da", 'ぢ' => "ji", 'づ' => "zu", 'で' => "de", 'ど' => "do",
        'な' => "na", 'に' => "ni", 'ぬ' => "nu", 'ね' => "ne", 'の' => "no",
        'は' => "ha", 'ひ' => "hi", 'ふ' => "fu", 'へ' => "he", 'ほ' => "ho",
        'ば' => "ba", 'び' => "bi", 'ぶ' => "bu", 'べ' => "be", 'ぼ' => "bo",
        'ぱ' => "pa", 'ぴ' => "pi", 'ぷ' => "pu", 'ぺ' => "pe", 'ぽ' => "po",
        'ま' => "ma", 'み' => "mi", 'む' => "mu", 'め' => "me", 'も' => "mo",
        'や' => "ya", 'ゆ' => "yu", 'よ' => "yo",
        'ら' => "ra", 'り' => "ri", 'る' => "ru", 'れ' => "re", 'ろ' => "ro",
        'わ' => "wa", 'ゐ' => "i", 'ゑ' => "e", 'を' => "o", 'ん' => "n",
        'ゔ' => "vu",
        // Small vowels (foreign sounds in katakana: ファ fa, ティ ti) read alone as their vowels.
        'ぁ' => "a", 'ぃ' => "i", 'ぅ' => "u", 'ぇ' => "e", 'ぉ' => "o",
        'ゃ' => "ya", 'ゅ' => "yu", 'ょ' => "yo", 'ゎ' => "wa",
        _ => return None,
    })
}

/// A run of kana in Hepburn, lowercase, with the spaces and middle dots between words as spaces.
pub fn romanise(run: &str) -> String {
    let chars: Vec<char> = run.chars().map(hiragana).collect();
    let mut out = String::new();
    let mut double_next = false;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'っ' => {
                double_next = true;
                continue;
            }
            'ー' => continue,
            '・' => {
                out.push(' ');
                continue;
            }
            c if c.is_whitespace() => {
                out.push(' ');
                continue;
            }
            _ => {}
        }
        // The small ya, yu, yo after an i-kana: its consonant with the small kana's vowel (きゃ kya; し, ち, じ
        // drop their i: しゃ sha, ちゃ cha, じゃ ja).
        if matches!(c, 'ゃ' | 'ゅ' | 'ょ')
            && i > 0
            && out.ends_with('i')
            && syllable(chars[i - 1]).is_some_and(|s| s.len() >= 2)
        {
            out.pop();
            let glide = syllable(c).unwrap_or_default();
            if out.ends_with("sh") || out.ends_with("ch") || out.ends_with('j') {
                out.push_str(&glide[1..]);
            } else {
                out.push_str(glide);
            }
            continue;
        }
        // A small vowel after a kana of another vowel replaces its vowel (ファ fa, ティ ti, フィ fi).
        if matches!(c, 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ')
            && i > 0
            && syllable(chars[i - 1]).is_some()
        {
            if out.ends_with(['a', 'i', 'u', 'e', 'o']) && out.len() >= 2 {
                out.pop();
            }
            out.push_str(syllable(c).unwrap_or_default());
            continue;
        }
        let Some(s) = syllable(c) else {
            continue;
        };
        if double_next {
            // The small tsu doubles the consonant after it; Hepburn writes tch for a doubled ch.
            if s.starts_with("ch") {
                out.push('t');
            } else if let Some(first) = s.chars().next().filter(|c| !"aiueo".contains(*c)) {
                out.push(first);
            }
            double_next = false;
        }
        out.push_str(s);
    }
    long_vowels(&out)
}

/// Long vowels as the lists write them, without macrons: ou, oo and uu as one vowel (`koudoukai` = `kodokai`).
fn long_vowels(s: &str) -> String {
    s.replace("ou", "o").replace("oo", "o").replace("uu", "u")
}

/// The syllables of romanised Japanese, each as a spelling and the modified Hepburn form the lists write: the
/// Hepburn spellings themselves, and the Kunrei-shiki (ISO 3602) and Nihon-shiki spellings of the same kana
/// (`si` = shi, `ti` = chi, `tu` = tsu, `hu` = fu, `zi` = ji, `sya` = sha, `tya` = cha, `zya` = ja; Nihon-shiki
/// `di` = ji, `du` = zu). Longest spellings first, so that `shi` is read before `s`.
#[rustfmt::skip]
const ROMANISED: &[(&str, &str)] = &[
    ("shi", "shi"), ("chi", "chi"), ("tsu", "tsu"),
    ("sha", "sha"), ("shu", "shu"), ("sho", "sho"), ("cha", "cha"), ("chu", "chu"), ("cho", "cho"),
    ("sya", "sha"), ("syu", "shu"), ("syo", "sho"), ("tya", "cha"), ("tyu", "chu"), ("tyo", "cho"),
    ("zya", "ja"), ("zyu", "ju"), ("zyo", "jo"), ("dya", "ja"), ("dyu", "ju"), ("dyo", "jo"),
    ("kya", "kya"), ("kyu", "kyu"), ("kyo", "kyo"), ("gya", "gya"), ("gyu", "gyu"), ("gyo", "gyo"),
    ("nya", "nya"), ("nyu", "nyu"), ("nyo", "nyo"), ("hya", "hya"), ("hyu", "hyu"), ("hyo", "hyo"),
    ("bya", "bya"), ("byu", "byu"), ("byo", "byo"), ("pya", "pya"), ("pyu", "pyu"), ("pyo", "pyo"),
    ("mya", "mya"), ("myu", "myu"), ("myo", "myo"), ("rya", "rya"), ("ryu", "ryu"), ("ryo", "ryo"),
    ("si", "shi"), ("ti", "chi"), ("tu", "tsu"), ("hu", "fu"), ("zi", "ji"), ("di", "ji"), ("du", "zu"),
    ("ja", "ja"), ("ju", "ju"), ("jo", "jo"), ("ji", "ji"), ("fu", "fu"),
    ("ka", "ka"), ("ki", "ki"), ("ku", "ku"), ("ke", "ke"), ("ko", "ko"),
    ("ga", "ga"), ("gi", "gi"), ("gu", "gu"), ("ge", "ge"), ("go", "go"),
    ("sa", "sa"), ("su", "su"), ("se", "se"), ("so", "so"),
    ("za", "za"), ("zu", "zu"), ("ze", "ze"), ("zo", "zo"),
    ("ta", "ta"), ("te", "te"), ("to", "to"), ("da", "da"), ("de", "de"), ("do", "do"),
    ("na", "na"), ("ni", "ni"), ("nu", "nu"), ("ne", "ne"), ("no", "no"),
    ("ha", "ha"), ("hi", "hi"), ("he", "he"), ("ho", "ho"),
    ("ba", "ba"), ("bi", "bi"), ("bu", "bu"), ("be", "be"), ("bo", "bo"),
    ("pa", "pa"), ("pi", "pi"), ("pu", "pu"), ("pe", "pe"), ("po", "po"),
    ("ma", "ma"), ("mi", "mi"), ("mu", "mu"), ("me", "me"), ("mo", "mo"),
    ("ya", "ya"), ("yu", "yu"), ("yo", "yo"),
    ("ra", "ra"), ("ri", "ri"), ("ru", "ru"), ("re", "re"), ("ro", "ro"),
    ("wa", "wa"), ("wo", "o"),
    ("a", "a"), ("i", "i"), ("u", "u"), ("e", "e"), ("o", "o"),
];

/// What a romanised word was read by, beyond the Hepburn spellings themselves (see [`RomanisedReading`]).
const KUNREI: u8 = 1;
/// Long vowels written out: `ou`, `oo`, `uu`, or the passport's `oh`.
const LONG_VOWEL: u8 = 2;
/// The syllabic n written `m` before b, p, m (traditional Hepburn: `Shimbashi`).
const SYLLABIC_M: u8 = 4;

/// A word read as romanised Japanese (see [`romanised_reading`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RomanisedReading {
    /// The word in the modified Hepburn the lists write, long vowels as one (`nishiguchi`, `kodo`).
    pub hepburn: String,
    /// How the word differs from that reading, in words for the explanation (`Kunrei-shiki = Hepburn`, `long
    /// vowel ou/oo/oh = o`), or empty when it is written so already.
    pub rules: Vec<&'static str>,
}

/// A word read as romanised Japanese, in the modified Hepburn the lists write with long vowels as
/// [`romanise`] writes them, whatever system wrote it: Hepburn, Kunrei-shiki (`Nisiguti` = Nishiguchi),
/// Nihon-shiki, the word-processor spelling of long vowels (`Koudou` = Kodo) or the passport's `oh` (`Satoh` =
/// Sato). `None` for a word that is not a run of Japanese syllables (a final consonant other than `n`, a
/// consonant cluster other than a doubled one or `n` before another, a letter Japanese is not romanised with),
/// or shorter than four letters.
///
/// Many words of other languages also read as Japanese syllables (`maria`, `hamada`, `joumaa`); their reading
/// is themselves unless they write one of the spellings above, and the rules returned name the letters that
/// differ (an Arabic name in French spelling that meets another spelling through `ou` = `o` is explained as a
/// long vowel written out, not as Kunrei-shiki).
pub fn romanised_reading(word: &str) -> Option<RomanisedReading> {
    fn read(w: &str, out: &mut String, used: &mut u8) -> bool {
        if w.is_empty() {
            return true;
        }
        let b = w.as_bytes();
        let (len, was) = (out.len(), *used);
        let undo = |out: &mut String, used: &mut u8| {
            out.truncate(len);
            *used = was;
        };
        // The syllabic n (m before b, p, m in the traditional Hepburn: Shimbashi), not before a vowel or y.
        let next_is_vowel = |i: usize| b.get(i).is_some_and(|c| b"aiueoy".contains(c));
        let syllabic = if b[0] == b'n' && !next_is_vowel(1) {
            Some(0)
        } else if b[0] == b'm' && b.get(1).is_some_and(|c| b"bpm".contains(c)) {
            Some(SYLLABIC_M)
        } else {
            None
        };
        if let Some(flag) = syllabic {
            out.push('n');
            *used |= flag;
            if read(&w[1..], out, used) {
                return true;
            }
            undo(out, used);
        }
        // The passport's long o written oh before a consonant or at the end (Satoh, Ohno).
        if b[0] == b'h' && out.ends_with('o') && !next_is_vowel(1) {
            out.push('o');
            *used |= LONG_VOWEL;
            if read(&w[1..], out, used) {
                return true;
            }
            undo(out, used);
        }
        // A doubled consonant (the small tsu): kk, ss, tt, pp, and tch or cch before ch.
        let doubled = match b {
            [b't' | b'c', b'c', b'h', ..] => true,
            [a, c, ..] => a == c && b"kstpgzdbhmrfj".contains(a),
            _ => false,
        };
        for skip in [doubled.then_some(1), Some(0)].into_iter().flatten() {
            let rest = &w[skip..];
            for &(spelling, hepburn) in ROMANISED {
                let Some(after) = rest.strip_prefix(spelling) else {
                    continue;
                };
                if skip == 1 {
                    // Only a consonant is doubled; Hepburn writes a doubled ch tch.
                    if hepburn.len() < 2 {
                        continue;
                    }
                    out.push(if hepburn.starts_with("ch") {
                        't'
                    } else {
                        hepburn.as_bytes()[0] as char
                    });
                }
                out.push_str(hepburn);
                if spelling != hepburn && spelling != "wo" {
                    *used |= KUNREI;
                }
                if read(after, out, used) {
                    return true;
                }
                undo(out, used);
            }
        }
        false
    }
    // Cheap tests first, since every word of every query is asked: the letters romanised Japanese writes, and a
    // word that ends in a vowel, n or the h of oh.
    let japanese_letter = |c: u8| b"aiueokgsztdnhbpmyrwfjc".contains(&c);
    if word.len() < 4
        || word.len() > 24
        || !word.bytes().all(japanese_letter)
        || !word.ends_with(['a', 'i', 'u', 'e', 'o', 'n', 'h'])
    {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 4);
    let mut used = 0;
    if !read(word, &mut out, &mut used) {
        return None;
    }
    let hepburn = long_vowels(&out);
    if hepburn != out {
        used |= LONG_VOWEL;
    }
    let rules = [
        (
            KUNREI,
            "Japanese Kunrei-shiki si/ti/tu/hu/zi = Hepburn shi/chi/tsu/fu/ji",
        ),
        (LONG_VOWEL, "long vowel ou/oo/oh = o"),
        (SYLLABIC_M, "m before b/p = n"),
    ]
    .into_iter()
    .filter(|(flag, _)| used & flag != 0)
    .map(|(_, rule)| rule)
    .collect();
    Some(RomanisedReading { hepburn, rules })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kana_in_hepburn() {
        assert_eq!(romanise("ヤマグチグミ"), "yamaguchigumi");
        assert_eq!(romanise("やまぐちぐみ"), "yamaguchigumi");
        assert_eq!(romanise("ニシグチ シゲオ"), "nishiguchi shigeo");
        assert_eq!(romanise("スミヨシカイ"), "sumiyoshikai");
        assert_eq!(romanise("こうどうかい"), "kodokai");
        assert_eq!(romanise("キョウト"), "kyoto");
        assert_eq!(romanise("シャチョウ"), "shacho");
        assert_eq!(romanise("ジュンイチ"), "junichi");
        assert_eq!(romanise("マッチャ"), "matcha");
        assert_eq!(romanise("ホッカイドウ"), "hokkaido");
        assert_eq!(romanise("ファミリー"), "famiri");
        assert_eq!(romanise("ゴトウ・タダマサ"), "goto tadamasa");
        assert!(is_kana('ヤ') && is_kana('ー') && !is_kana('山') && !is_kana('a'));
    }

    #[test]
    fn romanised_japanese_in_any_system_reads_as_hepburn() {
        let read = |w: &str| romanised_reading(w).map(|r| r.hepburn);
        // Kunrei-shiki and Hepburn of ニシグチ, シゲオ, ツチヤ, フジタ, ジュンイチ, マッチャ.
        assert_eq!(read("nisiguti").as_deref(), Some("nishiguchi"));
        assert_eq!(read("nishiguchi").as_deref(), Some("nishiguchi"));
        assert_eq!(read("sigeo").as_deref(), Some("shigeo"));
        assert_eq!(read("tutiya").as_deref(), Some("tsuchiya"));
        assert_eq!(read("huzita").as_deref(), Some("fujita"));
        assert_eq!(read("zyunniti").as_deref(), Some("junnichi"));
        assert_eq!(read("mattya").as_deref(), Some("matcha"));
        assert_eq!(read("matcha").as_deref(), Some("matcha"));
        // Long vowels in the word-processor and passport spellings.
        assert_eq!(read("koudoukai").as_deref(), Some("kodokai"));
        assert_eq!(read("satoh").as_deref(), Some("sato"));
        assert_eq!(read("shimbashi").as_deref(), Some("shinbashi"));
        assert_eq!(read("hokkaido").as_deref(), Some("hokkaido"));
        // The rules name what differs, and nothing for a word written in Hepburn already.
        let rules = |w: &str| romanised_reading(w).map(|r| r.rules).unwrap_or_default();
        assert_eq!(
            rules("nisiguti"),
            ["Japanese Kunrei-shiki si/ti/tu/hu/zi = Hepburn shi/chi/tsu/fu/ji"]
        );
        assert_eq!(rules("joumaa"), ["long vowel ou/oo/oh = o"]);
        assert_eq!(rules("satoh"), ["long vowel ou/oo/oh = o"]);
        assert_eq!(rules("shimbashi"), ["m before b/p = n"]);
        assert!(rules("nishiguchi").is_empty() && rules("kodo").is_empty());
        // Not Japanese syllables, or too short.
        for w in [
            "khalid", "thomas", "strong", "bank", "ali", "mahmoud", "abdul",
        ] {
            assert_eq!(read(w), None, "{w}");
        }
    }

    proptest::proptest! {
        /// Any word, Japanese or not: a reading of lowercase letters, never more than twice the word.
        #[test]
        fn a_reading_is_bounded(word in "[a-z]{0,30}|[nhoskt]{0,30}|(ka|tch|oh|n|shi|tsu){0,12}") {
            if let Some(r) = romanised_reading(&word).map(|r| r.hepburn) {
                proptest::prop_assert!(r.len() <= 2 * word.len(), "{} {}", word, r);
                proptest::prop_assert!(r.bytes().all(|b| b.is_ascii_lowercase()), "{}", r);
            }
        }
    }
}
