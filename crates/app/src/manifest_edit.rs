//! Saving a manifest that a person wrote (or that `aigov init` made) without losing their comments and layout:
//! the interview's answers are written into the YAML text in place — a fact's line keeps its place and its
//! trailing comment, only its value changes; a new fact goes at the end of its section; a missing section is
//! appended. The edited text is parsed again and must bind to exactly the answers; if it does not (a layout this
//! editor does not understand, such as flow-style sections or anchors), the manifest is written out whole instead,
//! and the caller is told, so nothing is ever saved wrong.

use aigov_core::manifest::{parse, Facts, Format};
use aigov_core::vocabulary::Vocabulary;

/// The saved text and how it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The manifest text to write.
    pub text: String,
    /// Whether the original text was kept, with only the answers edited in (false: written out whole).
    pub preserved: bool,
}

/// Writes `facts` as a manifest in `format`, editing `original` (YAML) in place when given.
pub fn save(
    original: Option<&str>,
    format: Format,
    facts: &Facts,
    vocabulary: &Vocabulary,
) -> Result<Saved, String> {
    let whole = || -> Result<String, String> {
        let tree = facts.to_tree(vocabulary);
        match format {
            Format::Json => serde_json::to_string_pretty(&tree)
                .map(|s| s + "\n")
                .map_err(|e| e.to_string()),
            Format::Toml => toml::to_string(&tree).map_err(|e| format!("cannot write TOML: {e}")),
            Format::Yaml => serde_yaml_ng::to_string(&tree).map_err(|e| e.to_string()),
        }
    };
    let (Some(original), Format::Yaml) = (original, format) else {
        return whole().map(|text| Saved {
            text,
            preserved: false,
        });
    };
    match edit_yaml(original, facts, vocabulary) {
        Some(text) => Ok(Saved {
            text,
            preserved: true,
        }),
        None => whole().map(|text| Saved {
            text,
            preserved: false,
        }),
    }
}

/// The YAML text of `original` with every fact of `facts` that differs from it written in; `None` if the result
/// would not bind to exactly `facts`.
fn edit_yaml(original: &str, facts: &Facts, vocabulary: &Vocabulary) -> Option<String> {
    let before = parse(original, Format::Yaml, vocabulary).ok()?;
    if before.subject != facts.subject {
        return None;
    }
    let target = facts.to_tree(vocabulary);
    let current = before.to_tree(vocabulary);
    let mut lines: Vec<String> = original.lines().map(str::to_string).collect();
    for (section, value) in &target {
        let serde_json::Value::Object(wanted) = value else {
            continue;
        };
        for (name, v) in wanted {
            if current.get(section).and_then(|s| s.get(name)) == Some(v) {
                continue;
            }
            // JSON scalars and arrays are YAML flow values, quoted where YAML would read them otherwise.
            let rendered = serde_json::to_string(v).ok()?;
            set_line(&mut lines, section, name, &rendered);
        }
    }
    let mut text = lines.join("\n");
    if original.ends_with('\n') {
        text.push('\n');
    }
    let after = parse(&text, Format::Yaml, vocabulary).ok()?;
    (after.to_tree(vocabulary) == target).then_some(text)
}

/// Sets `section.name` to `value` in block-style YAML lines: replaces the value on the fact's line (keeping a
/// trailing comment), or adds the line at the end of the section, or adds the section.
fn set_line(lines: &mut Vec<String>, section: &str, name: &str, value: &str) {
    let header = |l: &str| {
        l.strip_prefix(section)
            .and_then(|r| r.strip_prefix(':'))
            .is_some_and(|r| r.trim().is_empty() || r.trim_start().starts_with('#'))
    };
    let Some(start) = lines.iter().position(|l| header(l)) else {
        if lines.last().is_some_and(|l| !l.trim().is_empty()) {
            lines.push(String::new());
        }
        lines.push(format!("{section}:"));
        lines.push(format!("  {name}: {value}"));
        return;
    };
    // The section's block: the indented, blank or comment lines after its header.
    let mut end = start + 1;
    let mut last_content = start;
    while end < lines.len() {
        let l = &lines[end];
        if l.trim().is_empty() || l.starts_with(' ') || l.starts_with('\t') || l.starts_with('#') {
            if l.starts_with(' ') && !l.trim_start().starts_with('#') {
                last_content = end;
            }
            end += 1;
        } else {
            break;
        }
    }
    let key = format!("{name}:");
    for line in lines.iter_mut().take(end).skip(start + 1) {
        let trimmed = line.trim_start();
        if !trimmed.starts_with(&key) {
            continue;
        }
        let indent = &line[..line.len() - trimmed.len()];
        let rest = &trimmed[key.len()..];
        // A trailing comment after the value stays (a `#` inside a quoted value is not a comment).
        let comment = rest
            .find(" #")
            .filter(|i| !rest[..*i].contains(['"', '\'']))
            .map(|i| {
                // Keep the spaces before the comment as they were.
                let start = rest[..i].trim_end().len();
                rest[start..].to_string()
            })
            .unwrap_or_default();
        *line = format!("{indent}{key} {value}{comment}");
        return;
    }
    lines.insert(last_content + 1, format!("  {name}: {value}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        crate::engine(None)
            .expect("embedded corpus")
            .corpus
            .vocabulary
    }

    #[test]
    fn answers_are_written_in_place_and_comments_stay() {
        let v = vocabulary();
        let original = "# My product\nsubject: ai_system\nname: Demo\n\norganization:\n  # where we are\n  established_in: null  # e.g. [DE]\n\nai_system:\n  # roles\n  roles: [provider]\n";
        let mut facts = parse(original, Format::Yaml, &v).expect("parses");
        let est = v.fact("organization", "established_in").expect("fact");
        facts.set(est.id, Some(aigov_core::Value::Set(vec!["DE".into()])));
        let minors = v.fact("ai_system", "serves_minors").expect("fact");
        facts.set(minors.id, Some(aigov_core::Value::Bool(true)));
        let saved = save(Some(original), Format::Yaml, &facts, &v).expect("saves");
        assert!(saved.preserved);
        assert_eq!(
            saved.text,
            "# My product\nsubject: ai_system\nname: Demo\n\norganization:\n  # where we are\n  established_in: [\"DE\"]  # e.g. [DE]\n\nai_system:\n  # roles\n  roles: [provider]\n  serves_minors: true\n"
        );
    }

    #[test]
    fn a_missing_section_is_added_and_the_result_binds_to_the_answers() {
        let v = vocabulary();
        let original = "subject: ai_system\nai_system:\n  roles: [deployer]\n";
        let mut facts = parse(original, Format::Yaml, &v).expect("parses");
        let emp = v.fact("organization", "employees").expect("fact");
        facts.set(emp.id, Some(aigov_core::Value::Number(12.0)));
        let saved = save(Some(original), Format::Yaml, &facts, &v).expect("saves");
        assert!(saved.preserved);
        assert!(
            saved.text.ends_with("organization:\n  employees: 12.0\n"),
            "{}",
            saved.text
        );
        let back = parse(&saved.text, Format::Yaml, &v).expect("parses");
        assert_eq!(back.to_tree(&v), facts.to_tree(&v));
    }

    #[test]
    fn a_layout_the_editor_does_not_understand_is_written_whole() {
        let v = vocabulary();
        let original = "subject: ai_system\nai_system: {roles: [deployer]}\n";
        let mut facts = parse(original, Format::Yaml, &v).expect("parses");
        let minors = v.fact("ai_system", "serves_minors").expect("fact");
        facts.set(minors.id, Some(aigov_core::Value::Bool(false)));
        let saved = save(Some(original), Format::Yaml, &facts, &v).expect("saves");
        assert!(!saved.preserved);
        let back = parse(&saved.text, Format::Yaml, &v).expect("parses");
        assert_eq!(back.to_tree(&v), facts.to_tree(&v));
    }
}
