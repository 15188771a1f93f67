//! Saving a manifest that a person wrote (or that `aigov init` made) without losing their comments and layout:
//! the interview's answers are written into the YAML text in place — a fact's line keeps its place and its
//! trailing comment, only its value changes; a new fact goes at the end of its section; a missing section is
//! appended. The edited text is parsed again and must bind to exactly the answers; if it does not (a layout this
//! editor does not understand, such as flow-style sections or anchors), the manifest is written out whole instead,
//! and the caller is told, so nothing is ever saved wrong.

use aigov_core::manifest::{bind_any, parse, parse_any, parse_tree, Facts, Format};
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

/// Writes a manifest of linked subjects (its `tree`, with the interview's answers recorded) in `format`, editing
/// `original` (YAML) in place when given: an organization fact in the top-level `organization:`, a subject's fact
/// in its entry under `subjects:`, each line keeping its place and trailing comment. As with [`save`], the edited
/// text must bind to exactly the tree, else the manifest is written out whole.
pub fn save_linked(
    original: Option<&str>,
    format: Format,
    tree: &serde_json::Value,
    vocabulary: &Vocabulary,
) -> Result<Saved, String> {
    let whole = || -> Result<String, String> {
        match format {
            Format::Json => serde_json::to_string_pretty(tree)
                .map(|s| s + "\n")
                .map_err(|e| e.to_string()),
            Format::Toml => toml::to_string(tree).map_err(|e| format!("cannot write TOML: {e}")),
            Format::Yaml => serde_yaml_ng::to_string(tree).map_err(|e| e.to_string()),
        }
    };
    let edited = match (original, format) {
        (Some(original), Format::Yaml) => edit_linked_yaml(original, tree, vocabulary),
        _ => None,
    };
    match edited {
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

/// The YAML text of a linked manifest `original` with every fact of `tree` that differs from it written in;
/// `None` if the result would not bind to exactly what `tree` binds to.
fn edit_linked_yaml(
    original: &str,
    tree: &serde_json::Value,
    vocabulary: &Vocabulary,
) -> Option<String> {
    let before = parse_tree(original, Format::Yaml).ok()?;
    let target = bind_any(tree, vocabulary).ok()?;
    let mut lines: Vec<String> = original.lines().map(str::to_string).collect();
    let changed = |now: &serde_json::Value, was: Option<&serde_json::Value>| {
        let mut out: Vec<(String, String)> = Vec::new();
        if let Some(now) = now.as_object() {
            for (name, v) in now {
                if was.and_then(|w| w.get(name)) != Some(v) {
                    out.push((name.clone(), serde_json::to_string(v).ok()?));
                }
            }
        }
        Some(out)
    };
    // The organization's facts, at the top level.
    if let Some(org) = tree.get("organization") {
        for (name, rendered) in changed(org, before.get("organization"))? {
            set_line(&mut lines, "organization", &name, &rendered);
        }
    }
    // Each subject's facts, in its entry.
    let now = tree.get("subjects")?.as_array()?;
    let was = before.get("subjects")?.as_array()?;
    if now.len() != was.len() {
        return None;
    }
    for (i, (entry, old)) in now.iter().zip(was).enumerate() {
        let Some(map) = entry.as_object() else {
            continue;
        };
        for (section, value) in map {
            if vocabulary.subject(section).is_none() || !value.is_object() {
                continue;
            }
            for (name, rendered) in changed(value, old.get(section))? {
                let (start, end, indent) = *entry_blocks(&lines)?.get(i)?;
                set_line_in(&mut lines, start, end, indent, section, &name, &rendered);
            }
        }
    }
    let mut text = lines.join("\n");
    if original.ends_with('\n') {
        text.push('\n');
    }
    let after = parse_any(&text, Format::Yaml, vocabulary).ok()?;
    (after == target).then_some(text)
}

/// The entries of a block-style `subjects:` list: for each, its first line, the line after its last, and the
/// indentation of its keys. `None` for a layout this editor does not read (a flow-style list).
fn entry_blocks(lines: &[String]) -> Option<Vec<(usize, usize, usize)>> {
    let header = lines.iter().position(|l| {
        l.strip_prefix("subjects:")
            .is_some_and(|r| r.trim().is_empty() || r.trim_start().starts_with('#'))
    })?;
    // The list ends at the next top-level key.
    let end = (header + 1..lines.len())
        .find(|&j| {
            let l = &lines[j];
            !l.trim().is_empty() && !l.starts_with([' ', '\t', '#', '-'])
        })
        .unwrap_or(lines.len());
    let dash = |l: &str| {
        let t = l.trim_start_matches(' ');
        (t == "-" || t.starts_with("- ")).then(|| l.len() - t.len())
    };
    let column = (header + 1..end).find_map(|j| dash(&lines[j]))?;
    let starts: Vec<usize> = (header + 1..end)
        .filter(|&j| dash(&lines[j]) == Some(column))
        .collect();
    let mut out = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let after_dash = &lines[start][column + 1..];
        let indent = column + 1 + (after_dash.len() - after_dash.trim_start_matches(' ').len());
        out.push((start, starts.get(k + 1).copied().unwrap_or(end), indent));
    }
    Some(out)
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
    set_fact(lines, start, lines.len(), 0, name, value);
}

/// Sets `section.name` to `value` in the lines `from..to` whose keys are indented by `indent` (a subject's entry
/// under `subjects:`): as [`set_line`] does, the section added at the end of the entry when it has none.
fn set_line_in(
    lines: &mut Vec<String>,
    from: usize,
    to: usize,
    indent: usize,
    section: &str,
    name: &str,
    value: &str,
) {
    let header = |l: &str| {
        // The entry's first line carries its dash: `- model:` is a header too.
        let dashed = l
            .get(..indent)
            .is_some_and(|lead| lead.trim_start_matches(' ').trim_end() == "-");
        let body = if dashed {
            l.get(indent..).unwrap_or("")
        } else {
            l.strip_prefix(&" ".repeat(indent)).unwrap_or("")
        };
        body.strip_prefix(section)
            .and_then(|r| r.strip_prefix(':'))
            .is_some_and(|r| r.trim().is_empty() || r.trim_start().starts_with('#'))
    };
    if let Some(start) = (from..to).find(|&j| header(&lines[j])) {
        set_fact(lines, start, to, indent, name, value);
        return;
    }
    let last = (from..to)
        .rev()
        .find(|&j| {
            let t = lines[j].trim_start();
            !t.is_empty() && !t.starts_with('#')
        })
        .unwrap_or(from);
    let pad = " ".repeat(indent);
    lines.insert(last + 1, format!("{pad}{section}:"));
    lines.insert(last + 2, format!("{pad}  {name}: {value}"));
}

/// Sets `name` to `value` in the section whose header is line `start` (keys indented by `indent`), within lines
/// `..to`: replaces the value on the fact's line (keeping a trailing comment), or adds the line at the end of
/// the section.
fn set_fact(
    lines: &mut Vec<String>,
    start: usize,
    to: usize,
    indent: usize,
    name: &str,
    value: &str,
) {
    // The section's block: the more deeply indented, blank or comment lines after its header.
    let deeper = |l: &str| {
        l.get(..indent).is_some_and(|lead| lead.trim().is_empty())
            && l.get(indent..).is_some_and(|r| r.starts_with([' ', '\t']))
    };
    let mut end = start + 1;
    let mut last_content = start;
    let mut fact_indent = None;
    while end < to {
        let l = &lines[end];
        let comment = l.trim_start().starts_with('#');
        if l.trim().is_empty() || deeper(l) || (indent == 0 && comment) {
            if deeper(l) && !comment {
                last_content = end;
                fact_indent.get_or_insert(l.len() - l.trim_start().len());
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
        let lead = &line[..line.len() - trimmed.len()];
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
        *line = format!("{lead}{key} {value}{comment}");
        return;
    }
    let pad = " ".repeat(fact_indent.unwrap_or(indent + 2));
    lines.insert(last_content + 1, format!("{pad}{name}: {value}"));
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

    #[test]
    fn a_linked_manifest_keeps_its_layout_and_each_answer_lands_in_its_subject() {
        let v = vocabulary();
        // Entries at column 0 and comments everywhere; the chatbot has no `ai_system:` section yet.
        let original = "# Lab\norganization:\n  employees: 12 # people\nsubjects:\n# the model\n- id: m\n  subject: model\n  model:\n    roles: [provider]  # we train it\n# the chatbot\n- id: c\n  subject: ai_system\n  built_on: m\n";
        let mut tree = parse_tree(original, Format::Yaml).expect("parses");
        let holder =
            |i: usize, fact: &str| crate::interview::holder(&tree, i, fact).expect("a holder");
        let (org, model, chat) = (
            holder(1, "organization.established_in"),
            holder(1, "model.general_purpose"),
            holder(1, "ai_system.serves_minors"),
        );
        assert_eq!(org.id, None);
        // The chatbot's question on the model it is built on is the model's.
        assert_eq!(model.id.as_deref(), Some("m"));
        assert_eq!(chat.id.as_deref(), Some("c"));
        for (h, fact, value) in [
            (
                &org,
                "organization.employees",
                aigov_core::Value::Number(40.0),
            ),
            (
                &org,
                "organization.established_in",
                aigov_core::Value::Set(vec!["DE".into()]),
            ),
            (
                &model,
                "model.general_purpose",
                aigov_core::Value::Bool(true),
            ),
            (
                &chat,
                "ai_system.serves_minors",
                aigov_core::Value::Bool(false),
            ),
        ] {
            crate::interview::record_linked(&mut tree, h, fact, &value).expect("recorded");
        }
        let saved = save_linked(Some(original), Format::Yaml, &tree, &v).expect("saves");
        assert!(saved.preserved, "{}", saved.text);
        assert_eq!(
            saved.text,
            "# Lab\norganization:\n  employees: 40.0 # people\n  established_in: [\"DE\"]\nsubjects:\n# the model\n- id: m\n  subject: model\n  model:\n    roles: [provider]  # we train it\n    general_purpose: true\n# the chatbot\n- id: c\n  subject: ai_system\n  built_on: m\n  ai_system:\n    serves_minors: false\n"
        );
        assert_eq!(
            parse_any(&saved.text, Format::Yaml, &v).expect("binds"),
            bind_any(&tree, &v).expect("binds")
        );
        // JSON is written whole.
        let json = save_linked(Some(original), Format::Json, &tree, &v).expect("saves");
        assert!(!json.preserved);
        assert_eq!(
            parse_any(&json.text, Format::Json, &v).expect("binds"),
            bind_any(&tree, &v).expect("binds")
        );
    }
}
