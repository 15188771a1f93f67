//! The subject page: the stored entry, its history, and aigov-app's answer for it.

use aigov_app::subject::ChangeLine;
use aigov_core::Date;
use aigov_store::{Entry, VersionInfo};

/// A chart of the subject page: for a linked subject, the id of the subject it shows.
#[derive(Debug, Clone)]
pub struct Chart {
    /// The linked subject's id (`None` for a manifest of one subject).
    pub subject: Option<String>,
    /// The SVG element.
    pub svg: String,
}

/// What the subject page shows besides the assessment.
#[derive(Debug, Clone)]
pub struct SubjectPage {
    /// The stored entry (at the version shown).
    pub entry: Entry,
    /// Every version, newest first.
    pub history: Vec<VersionInfo>,
    /// What changes between `from` and `to`.
    pub changes: Vec<ChangeLine>,
    /// The timeline charts (SVG elements made by aigov-app from the corpus; no user text unescaped): one, or one
    /// per linked subject.
    pub timelines: Vec<Chart>,
    /// The US state maps, where US law reaches the subject (or a linked subject).
    pub maps: Vec<Chart>,
    /// The date of the assessment.
    pub as_of: String,
    /// The comparison's dates.
    pub from: String,
    /// The comparison's later date.
    pub to: String,
    /// Whether the subject was just saved.
    pub saved: bool,
    /// The page's own path (`/subjects/ID`).
    pub path: String,
}

impl SubjectPage {
    /// The page's parts.
    #[expect(
        clippy::too_many_arguments,
        reason = "one plain constructor of a view model"
    )]
    pub fn new(
        entry: Entry,
        mut history: Vec<VersionInfo>,
        changes: Vec<ChangeLine>,
        timelines: Vec<Chart>,
        maps: Vec<Chart>,
        as_of: Date,
        from: Date,
        to: Date,
        saved: bool,
    ) -> SubjectPage {
        history.reverse();
        SubjectPage {
            path: format!("/subjects/{}", entry.id),
            entry,
            history,
            changes,
            timelines,
            maps,
            as_of: as_of.to_string(),
            from: from.to_string(),
            to: to.to_string(),
            saved,
        }
    }

    /// The calendar's path for the page's date.
    pub fn calendar_path(&self) -> String {
        format!("{}/calendar.ics?as_of={}", self.path, self.as_of)
    }

    /// The path of one version of the subject, as of the page's date.
    pub fn version_path(&self, version: &i64) -> String {
        format!("{}?version={version}&as_of={}", self.path, self.as_of)
    }
}
