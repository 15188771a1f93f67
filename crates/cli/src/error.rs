//! Errors at the edge: bad input of every kind, rendered with the place, what was expected, and a hint.

use aigov_corpus::Diagnostic as CorpusDiagnostic;
use miette::{Diagnostic, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Everything that makes `aigov` exit with code 2.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum CliError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    #[diagnostic(code(aigov::read), help("check the path and permissions"))]
    Read {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    #[diagnostic(
        code(aigov::write),
        help("check that the folder exists and is writable")
    )]
    Write {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file (or stdin) is not UTF-8 text.
    #[error(
        "{path}: not UTF-8 text: byte 0x{byte:02X} at byte offset {offset} (line {line}, column {col}) is not \
         valid UTF-8"
    )]
    #[diagnostic(
        code(aigov::encoding),
        help("save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)")
    )]
    Encoding {
        /// The path.
        path: String,
        /// The byte offset of the first invalid byte.
        offset: usize,
        /// That byte.
        byte: u8,
        /// Its 1-based line.
        line: usize,
        /// Its 1-based column, in characters.
        col: usize,
    },
    /// An input is larger than the limit.
    #[error("{what} is larger than the limit of {limit_mb} MiB")]
    #[diagnostic(
        code(aigov::too_large),
        help(
            "set {} to a larger number of MiB to raise the limit, e.g. {}=256",
            crate::input::LIMIT_ENV,
            crate::input::LIMIT_ENV
        )
    )]
    TooLarge {
        /// What is too large (a file, stdin, a line of a file).
        what: String,
        /// The limit, in MiB.
        limit_mb: u64,
    },
    /// A manifest does not fit the vocabulary (boxed: it carries the source for the snippet).
    #[error(transparent)]
    #[diagnostic(transparent)]
    Manifest(Box<ManifestReport>),
    /// The corpus has errors.
    #[error("the corpus has {} error(s)", diagnostics.len())]
    Corpus {
        /// Every problem, with its place.
        diagnostics: Vec<CorpusDiagnostic>,
    },
    /// The command line asks for something that does not exist.
    #[error("{message}")]
    #[diagnostic(code(aigov::usage))]
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        #[help]
        help: String,
    },
}

impl CliError {
    /// Prints the error to stderr: corpus errors one per line as `file:line:col` (like a compiler), others with
    /// miette's snippets.
    pub fn print(self) {
        match self {
            CliError::Corpus { diagnostics } => {
                for d in &diagnostics {
                    eprintln!("{d}");
                }
                eprintln!("error: the corpus has {} error(s)", diagnostics.len());
            }
            other => eprintln!("{:?}", miette::Report::new(other)),
        }
    }
}

/// A manifest error with its source, for a snippet pointing at the place.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{path}: {message}")]
#[diagnostic(code(aigov::manifest))]
pub struct ManifestReport {
    /// Where, as file and manifest path.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The part of the manifest source around the place, for the snippet.
    #[source_code]
    pub src: Snippet,
    /// The place in the source.
    #[label("here")]
    pub span: Option<SourceSpan>,
    /// The hint.
    #[help]
    pub help: Option<String>,
}

impl From<aigov_app::AppError> for CliError {
    fn from(e: aigov_app::AppError) -> CliError {
        use aigov_app::AppError;
        match e {
            AppError::Read { path, source } => CliError::Read { path, source },
            AppError::Write { path, source } => CliError::Write { path, source },
            AppError::Corpus { diagnostics } => CliError::Corpus { diagnostics },
            AppError::Invalid { message, help } | AppError::NotFound { message, help } => {
                CliError::Usage { message, help }
            }
            AppError::Internal { message } => CliError::Usage {
                message,
                help: "report this as a bug".into(),
            },
        }
    }
}

/// The most characters of one line a snippet shows (the place is in the middle): an error about a 50 MB
/// single-line JSON quotes 200 characters of it, not the whole line.
pub const SNIPPET_CHARS: usize = 200;

/// A window of a source around one place, with the true line and column numbers: what an error quotes of its
/// input. Built from the whole source once; it keeps only the window.
#[derive(Debug)]
pub struct Snippet {
    name: String,
    /// The window, with `…` where a line was cut.
    text: String,
    /// The byte offset in the source that the window's first byte stands for.
    offset: usize,
    /// 0-based line and column (in characters) of the window's start.
    line: usize,
    col: usize,
}

impl Snippet {
    /// The window of `source` around byte offset `at`: the line of `at` (cut to [`SNIPPET_CHARS`] characters
    /// around it), with up to two lines before and one after when they are short.
    pub fn around(name: &str, source: &str, at: usize) -> Snippet {
        let mut at = at.min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        let start = source[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
        let line = source.as_bytes()[..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        let short = |s: &str| s.len() <= SNIPPET_CHARS;
        if short(&source[start..end]) {
            // Whole short lines: up to two before and one after.
            let mut from = start;
            let mut first = line;
            for _ in 0..2 {
                if from == 0 {
                    break;
                }
                let prev = source[..from - 1].rfind('\n').map_or(0, |i| i + 1);
                if !short(&source[prev..from - 1]) {
                    break;
                }
                from = prev;
                first -= 1;
            }
            let mut to = end;
            if to < source.len() {
                let next = source[to + 1..]
                    .find('\n')
                    .map_or(source.len(), |i| to + 1 + i);
                if short(&source[to + 1..next]) {
                    to = next;
                }
            }
            return Snippet {
                name: name.to_string(),
                text: source[from..to].to_string(),
                offset: from,
                line: first,
                col: 0,
            };
        }
        // One long line: a window of characters around the place, marked where cut.
        let half = SNIPPET_CHARS / 2;
        let mut from = at;
        for (n, (i, _)) in source[start..at].char_indices().rev().enumerate() {
            from = start + i;
            if n + 1 >= half {
                break;
            }
        }
        let to = source[at..end]
            .char_indices()
            .nth(half)
            .map_or(end, |(i, _)| at + i);
        let mut text = String::new();
        let (mut offset, mut col) = (from, source[start..from].chars().count());
        if from > start {
            // The mark stands for the cut text just before the window.
            text.push('…');
            offset = from.saturating_sub('…'.len_utf8());
            col = col.saturating_sub(1);
        }
        text.push_str(&source[from..to]);
        if to < end {
            text.push('…');
        }
        Snippet {
            name: name.to_string(),
            text,
            offset,
            line,
            col,
        }
    }
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if before == 0 && after == 0 {
            // The place itself (miette's header `[file:line:col]`): its true line and column.
            let mut rel = span
                .offset()
                .saturating_sub(self.offset)
                .min(self.text.len());
            while !self.text.is_char_boundary(rel) {
                rel -= 1;
            }
            let head = &self.text[..rel];
            let (line, col) = match head.rfind('\n') {
                Some(i) => (
                    self.line + head.matches('\n').count(),
                    head[i + 1..].chars().count(),
                ),
                None => (self.line, self.col + head.chars().count()),
            };
            let end = (rel + span.len()).min(self.text.len());
            let data = self.text.get(rel..end).unwrap_or("");
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                data.as_bytes(),
                *span,
                line,
                col,
                data.lines().count().max(1),
            )));
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            SourceSpan::new(self.offset.into(), self.text.len()),
            self.line,
            self.col,
            self.text.lines().count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_of_a_long_line_is_a_window_around_the_place() {
        let source = format!(
            "{{\"a\": \"{}\", \"b\": é{}}}",
            "x".repeat(5_000_000),
            "y".repeat(1000)
        );
        let at = source.find('é').unwrap();
        let s = Snippet::around("big.json", &source, at);
        assert!(
            s.text.chars().count() <= SNIPPET_CHARS + 2,
            "{}",
            s.text.len()
        );
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert!(s.text.contains("\"b\": é"));
        // The window's offset maps back onto the source: the place is where it was.
        let rel = at - s.offset;
        assert_eq!(&s.text[rel..rel + 'é'.len_utf8()], "é");
        assert_eq!(s.line, 0);
    }

    #[test]
    fn a_snippet_of_short_lines_keeps_its_neighbours() {
        let source = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n";
        let at = source.find("d:").unwrap();
        let s = Snippet::around("m.yaml", source, at);
        assert_eq!(s.text, "b: 2\nc: 3\nd: 4\ne: 5");
        assert_eq!((s.line, s.col, s.offset), (1, 0, 5));
    }
}
