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
}
