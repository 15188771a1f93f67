//! An assessment on a page: aigov-app's [`Outline`] (already in the reader's language), with the derivation trees
//! flattened into rows the templates can loop over.

use aigov_app::outline::{Outline, Tree};
use aigov_core::Status;

/// One row of a derivation tree: its depth (0 for the root) and the node.
#[derive(Debug, Clone)]
pub struct Row {
    /// How deep the node is.
    pub depth: usize,
    /// The sub-condition, as CEL.
    pub expr: String,
    /// `true`, `false` or `unknown`.
    pub result: &'static str,
    /// The values compared, joined.
    pub values: String,
    /// The connective joining its children.
    pub op: String,
}

/// A tree as rows, depth first (the indentation shows the nesting; depth is capped at 12 for the stylesheet).
pub fn rows(t: &Tree) -> Vec<Row> {
    fn walk(t: &Tree, depth: usize, out: &mut Vec<Row>) {
        out.push(Row {
            depth: depth.min(12),
            expr: t.expr.clone(),
            result: t.result,
            values: t.values.join(", "),
            op: t.op.clone().unwrap_or_default(),
        });
        for c in &t.children {
            walk(c, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(t, 0, &mut out);
    out
}

/// A status as a CSS class and a `data-status` value (`in_effect`, `upcoming`, ...).
pub fn status_class(s: &Status) -> &'static str {
    match s {
        Status::InEffect => "in_effect",
        Status::Upcoming => "upcoming",
        Status::Suspended => "suspended",
        Status::Ended => "ended",
        Status::Undetermined => "undetermined",
        Status::NotApplicable => "not_applicable",
    }
}

/// An assessment with whether to show the derivations (the subject page does; the questionnaire does not, to stay
/// small and fast).
#[derive(Debug, Clone)]
pub struct AssessmentView {
    /// The laid-out assessment.
    pub o: Outline,
    /// Whether each finding shows its derivation.
    pub derivations: bool,
}
