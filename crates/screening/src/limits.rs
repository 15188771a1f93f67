//! Bounds on every input, so that no name, list row or file can make screening take unbounded memory or time.
//!
//! Real listed names are short: the longest primary name in the OFAC SDN list is 158 characters and 23 words,
//! the longest alias 147 characters, the longest CSL row about 1,200 bytes. The bounds below leave a wide
//! margin above that while keeping the cost of one name small and linear:
//!
//! * a name (query or listed) has at most [`MAX_NAME_CHARS`] characters and [`MAX_TOKENS`] words;
//! * words longer than [`MAX_FUZZY_TOKEN_BYTES`] are matched exactly only (the misspelling look-ups, whose cost
//!   grows with the square of a word's length, are skipped for them);
//! * one record of a list file has at most [`MAX_RECORD_BYTES`] bytes, and a list file at most
//!   [`MAX_FILE_BYTES`].

/// The longest name accepted, in characters (queries and listed names alike).
pub const MAX_NAME_CHARS: usize = 1_000;
/// The most words a name may have after normalisation.
pub const MAX_TOKENS: usize = 64;
/// Words longer than this (in bytes, after folding to ASCII) are matched exactly, never as misspellings.
pub const MAX_FUZZY_TOKEN_BYTES: usize = 40;
/// The largest record (one CSV row, one JSON result) of a list file, in bytes.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// The largest list file accepted, in bytes (the full Consolidated Screening List is about 30 MB).
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;

/// A name that is outside the bounds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScreenError {
    /// The name is longer than [`MAX_NAME_CHARS`].
    #[error("the name {preview:?} is {chars} characters long; at most {max} are accepted")]
    NameTooLong {
        /// The first characters of the name (never the whole of it).
        preview: String,
        /// Its length in characters.
        chars: usize,
        /// The bound.
        max: usize,
    },
    /// The name has more words than [`MAX_TOKENS`].
    #[error("the name {preview:?} has {tokens} words; at most {max} are accepted")]
    TooManyTokens {
        /// The first characters of the name.
        preview: String,
        /// Its number of words after normalisation.
        tokens: usize,
        /// The bound.
        max: usize,
    },
    /// A listed name of an entry is outside the bounds.
    #[error("entry {id} ({list}): {source}")]
    Listed {
        /// The entry's identifier.
        id: String,
        /// Its list.
        list: String,
        /// What is wrong with the name.
        source: Box<ScreenError>,
    },
}

/// The first 40 characters of a name, for error messages (an error never quotes a whole hostile input).
pub fn preview(name: &str) -> String {
    let mut p: String = name.chars().take(40).collect();
    if name.chars().nth(40).is_some() {
        p.push('…');
    }
    p
}

/// Checks a name's length before any work is done on it (counting stops at the bound, so this is cheap even
/// for a huge input).
pub fn check_length(name: &str) -> Result<(), ScreenError> {
    if name.len() > MAX_NAME_CHARS && name.chars().nth(MAX_NAME_CHARS).is_some() {
        return Err(ScreenError::NameTooLong {
            preview: preview(name),
            chars: name.chars().count(),
            max: MAX_NAME_CHARS,
        });
    }
    Ok(())
}

/// Checks a name's length and, once normalised, its number of words.
pub fn check_name(name: &str) -> Result<(), ScreenError> {
    check_length(name)?;
    let tokens = crate::normalize::normalize(name).tokens.len();
    if tokens > MAX_TOKENS {
        return Err(ScreenError::TooManyTokens {
            preview: preview(name),
            tokens,
            max: MAX_TOKENS,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_refused_with_a_short_preview() {
        let long = "A".repeat(100_000);
        let e = check_name(&long).unwrap_err();
        assert!(matches!(e, ScreenError::NameTooLong { chars: 100_000, .. }));
        assert!(e.to_string().len() < 200, "{e}");
        assert!(check_name(&"é".repeat(MAX_NAME_CHARS)).is_ok());
        assert!(check_name(&"é".repeat(MAX_NAME_CHARS + 1)).is_err());
    }

    #[test]
    fn many_words_are_refused() {
        let many = "xq ".repeat(MAX_TOKENS + 1);
        assert!(matches!(
            check_name(&many),
            Err(ScreenError::TooManyTokens { tokens, .. }) if tokens == MAX_TOKENS + 1
        ));
        assert!(check_name(&"xq ".repeat(MAX_TOKENS)).is_ok());
    }
}
