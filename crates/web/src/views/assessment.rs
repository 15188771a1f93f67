//! An assessment on a page: aigov-app's [`Outline`] (already in the reader's language), with the derivation trees
//! flattened into rows the templates can loop over.

use aigov_app::outline::{Outline, Tree};
use aigov_core::Status;

/// One node of a derivation tree, in depth-first order, with what the template must write around it to nest the
/// lists: a node with children opens a `<ul>` inside its `<li>`; `close` says how many nested lists end after it.
#[derive(Debug, Clone)]
pub struct Row {
    /// How deep the node is (0 for the root).
    pub depth: usize,
    /// The sub-condition, as CEL.
    pub expr: String,
    /// `true`, `false` or `unknown`.
    pub result: &'static str,
    /// The values compared, joined.
    pub values: String,
    /// The connective joining its children.
    pub op: String,
    /// Whether its children follow (inside a nested list).
    pub opens: bool,
    /// How many nested lists (and their parent items) close after this node.
    pub close: Vec<()>,
}

/// A tree as rows, depth first.
pub fn rows(t: &Tree) -> Vec<Row> {
    fn walk(t: &Tree, depth: usize, out: &mut Vec<Row>) {
        out.push(Row {
            depth,
            expr: t.expr.clone(),
            result: t.result,
            values: t.values.join(", "),
            op: t.op.clone().unwrap_or_default(),
            opens: !t.children.is_empty(),
            close: Vec::new(),
        });
        for c in &t.children {
            walk(c, depth + 1, out);
        }
        if !t.children.is_empty() {
            if let Some(last) = out.last_mut() {
                last.close.push(());
            }
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
    /// For one subject of a manifest of linked subjects: its id, shown on each finding (`data-subject`).
    pub subject: Option<String>,
    /// For one subject of a manifest of linked subjects: its heading ("Subject 1 of 2: atlas (model)").
    pub heading: String,
}

impl AssessmentView {
    /// The assessment of a manifest of one subject.
    pub fn single(o: Outline, derivations: bool) -> AssessmentView {
        AssessmentView {
            o,
            derivations,
            subject: None,
            heading: String::new(),
        }
    }

    /// The `id` of an element of the assessment: `name` itself for one subject (the ids docs/web.md lists), and
    /// prefixed by the subject's id for a linked subject, so that ids stay unique on a page of several.
    pub fn el(&self, name: &str) -> String {
        match &self.subject {
            Some(s) => format!("{s}-{name}"),
            None => name.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(e: &str) -> Tree {
        Tree {
            expr: e.into(),
            result: "true",
            values: vec![],
            op: None,
            children: vec![],
        }
    }

    #[test]
    fn nested_lists_open_and_close_in_balance() {
        // a && (b || c) && d
        let t = Tree {
            expr: "all".into(),
            result: "true",
            values: vec![],
            op: Some("and".into()),
            children: vec![
                leaf("a"),
                Tree {
                    expr: "b || c".into(),
                    result: "true",
                    values: vec![],
                    op: Some("or".into()),
                    children: vec![leaf("b"), leaf("c")],
                },
                leaf("d"),
            ],
        };
        let r = rows(&t);
        let names: Vec<(&str, bool, usize)> = r
            .iter()
            .map(|x| (x.expr.as_str(), x.opens, x.close.len()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("all", true, 0),
                ("a", false, 0),
                ("b || c", true, 0),
                ("b", false, 0),
                ("c", false, 1),
                ("d", false, 1)
            ]
        );
        let opened = r.iter().filter(|x| x.opens).count();
        let closed: usize = r.iter().map(|x| x.close.len()).sum();
        assert_eq!(opened, closed);
    }
}
