//! The lint of review records: every instrument file must carry at least one `review:` record (docs/corpus.md,
//! "Review records"), so that what was compared with the law, and when, can be read and repeated.

use crate::controls::{find_key_value, line_col};
use crate::{Diagnostic, Source};
use aigov_core::model::Corpus;

/// One diagnostic per instrument with no review record, placed at the instrument's `id:` in `sources` (the files
/// the corpus was loaded from), so the message names the file that lacks one.
pub fn missing(corpus: &Corpus, sources: &[Source]) -> Vec<Diagnostic> {
    corpus
        .instruments
        .iter()
        .filter(|i| i.reviews.is_empty())
        .map(|i| {
            let (file, line, col) = sources
                .iter()
                .find_map(|s| {
                    find_key_value(&s.text, "id", &i.id, 0).map(|at| {
                        let (l, c) = line_col(&s.text, at);
                        (s.path.clone(), l, c)
                    })
                })
                .unwrap_or_else(|| ("<corpus>".into(), 1, 1));
            Diagnostic {
                file,
                line,
                col,
                message: format!("instrument `{}` has no review record", i.id),
                hint: Some(
                    "add `review: [{ date, sources, checked, changed }]` saying truthfully what was compared with the primary text (docs/corpus.md, \"Review records\")"
                        .into(),
                ),
            }
        })
        .collect()
}
