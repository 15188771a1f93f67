//! `aigov map`: the US checkerboard, as a table, as JSON and as an SVG choropleth. The deterministic tests use the
//! fictional corpus in tests/fixtures/map/corpus (federal, Colorado (challenged), California (upcoming),
//! Illinois (undetermined), New York State and New York City laws, and a non-binding Texas guidance); one test
//! runs the real corpus.

use std::collections::HashMap;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/map");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

/// The 50 states and DC, by postal code.
const STATES: [&str; 51] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY",
];

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn aigov(args: &[&str]) -> Out {
    let out = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the aigov binary runs");
    let o = Out {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !o.stderr.contains("panicked"),
        "aigov panicked: {}",
        o.stderr
    );
    o
}

fn fixture_corpus() -> String {
    format!("{FIXTURES}/corpus")
}

fn hiring() -> String {
    format!("{FIXTURES}/hiring.yaml")
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-map-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn map_json(corpus: &str, manifest: &str, as_of: &str) -> serde_json::Value {
    let o = aigov(&[
        "--corpus", corpus, "map", manifest, "--as-of", as_of, "--format", "json",
    ]);
    assert_eq!(o.code, 0, "stderr: {}", o.stderr);
    serde_json::from_str(&o.stdout).expect("map JSON parses")
}

fn areas(v: &serde_json::Value) -> HashMap<String, serde_json::Value> {
    v["areas"]
        .as_array()
        .expect("areas is an array")
        .iter()
        .map(|a| (a["code"].as_str().expect("code").to_string(), a.clone()))
        .collect()
}

fn score(areas: &HashMap<String, serde_json::Value>, code: &str) -> u64 {
    areas[code]["score"].as_u64().expect("score is a number")
}

fn ids(a: &serde_json::Value, key: &str) -> Vec<String> {
    a[key]
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().expect("string").to_string())
        .collect()
}

#[test]
fn json_lists_every_state_dc_and_nyc_with_scores_from_the_right_laws() {
    let v = map_json(&fixture_corpus(), &hiring(), "2025-06-01");
    assert_eq!(v["kind"], "map");
    assert_eq!(v["as_of"], "2025-06-01");
    let areas = areas(&v);
    assert_eq!(areas.len(), 52, "50 states, DC and NYC");
    for s in STATES {
        assert!(areas.contains_key(&format!("US-{s}")), "missing {s}");
    }
    assert!(areas.contains_key("US-NY-NYC"));

    // Federal: one binding duty everywhere (the classification and the non-binding Texas guidance do not count).
    assert_eq!(score(&areas, "US-AL"), 1);
    assert_eq!(score(&areas, "US-TX"), 1);
    assert_eq!(ids(&areas["US-WY"], "in_effect"), vec!["us_fed.record"]);
    // Colorado: federal + two state duties (an obligation and a prohibition), under a federal challenge.
    assert_eq!(score(&areas, "US-CO"), 3);
    assert_eq!(areas["US-CO"]["state"], 2);
    assert_eq!(areas["US-CO"]["challenged"], true);
    assert_eq!(areas["US-AL"]["challenged"], false);
    assert!(score(&areas, "US-CO") > score(&areas, "US-AL"));
    // California: its duty is still to come, so it is listed but not scored.
    assert_eq!(score(&areas, "US-CA"), 1);
    assert_eq!(ids(&areas["US-CA"], "upcoming"), vec!["us_ca_act.notice"]);
    // Illinois: undetermined, not zero; the question to settle it is given.
    assert_eq!(
        ids(&areas["US-IL"], "undetermined"),
        vec!["us_il_act.human_review"]
    );
    assert!(v["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .any(|q| q[0] == "ai_system.makes_final_decisions"));
    // New York State reaches NYC; NYC's own law reaches only NYC.
    assert_eq!(score(&areas, "US-NY"), 2);
    assert_eq!(score(&areas, "US-NY-NYC"), 3);
    assert_eq!(areas["US-NY-NYC"]["city"], 1);
    assert!(!ids(&areas["US-NY"], "in_effect").contains(&"us_nyc_law.audit".to_string()));
    // The challenge is recorded on the law, with who brought it.
    let co = v["laws"]
        .as_array()
        .expect("laws")
        .iter()
        .find(|l| l["instrument"] == "us_co_act")
        .expect("the Colorado act is listed");
    assert_eq!(co["challenges"][0]["date"], "2025-03-01");
    assert_eq!(co["challenges"][0]["by"], "us_fed");
}

#[test]
fn the_date_matters() {
    // Before Colorado's act, its duties are not law: Colorado scores like Alabama.
    let before = areas(&map_json(&fixture_corpus(), &hiring(), "2024-06-01"));
    assert_eq!(score(&before, "US-CO"), score(&before, "US-AL"));
    assert_eq!(before["US-CO"]["challenged"], false);
    // Once California's act applies, California scores above Alabama.
    let later = areas(&map_json(&fixture_corpus(), &hiring(), "2027-01-01"));
    assert!(score(&later, "US-CA") > score(&later, "US-AL"));
}

#[test]
fn the_table_lists_every_state_dc_and_nyc() {
    for format in ["text", "markdown"] {
        let o = aigov(&[
            "--corpus",
            &fixture_corpus(),
            "map",
            &hiring(),
            "--as-of",
            "2025-06-01",
            "--format",
            format,
        ]);
        assert_eq!(o.code, 0, "stderr: {}", o.stderr);
        for s in STATES {
            assert!(
                o.stdout.contains(&format!("({s})")),
                "{format}: missing {s}"
            );
        }
        assert!(o.stdout.contains("New York City (NYC)"));
        assert!(o.stdout.contains("Colorado Hiring AI Act ⚑"));
        assert!(o.stdout.contains("Illinois Automated Decisions Act"));
        assert!(o.stdout.contains("Does the system make final decisions"));
        assert!(!o.stdout.contains("Texas Hiring AI Guidance"));
        let co = o
            .stdout
            .lines()
            .find(|l| l.contains("Colorado (CO)"))
            .expect("a Colorado row");
        let cells: Vec<&str> = co.split(['|', ' ']).filter(|c| !c.is_empty()).collect();
        assert_eq!(cells[2], "3", "{format}: Colorado's score in {co}");
    }
}

/// A state drawn on the map: (score, tooltip, challenged, undetermined count).
type Drawn = (u64, String, bool, u64);

/// Parses the SVG and returns, per state code, (score, tooltip, challenged, undetermined).
fn parse_svg(text: &str) -> (HashMap<String, Drawn>, roxmltree::Document<'_>) {
    let doc = roxmltree::Document::parse(text).expect("the SVG is well-formed XML");
    let mut states = HashMap::new();
    for n in doc
        .descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("class") == Some("state"))
    {
        let id = n.attribute("id").expect("a state has an id").to_string();
        let d = n.attribute("d").expect("a state has a shape");
        assert!(d.len() > 20 && d.starts_with('M'), "{id} has a real shape");
        let score = n
            .attribute("data-score")
            .expect("a state has a value")
            .parse()
            .expect("a number");
        let title = n
            .children()
            .find(|c| c.has_tag_name("title"))
            .and_then(|t| t.text())
            .expect("a state has a tooltip")
            .to_string();
        let challenged = n.attribute("data-challenged") == Some("true");
        let undetermined = n
            .attribute("data-undetermined")
            .and_then(|v| v.parse().ok())
            .expect("undetermined count");
        assert!(
            states
                .insert(id.clone(), (score, title, challenged, undetermined))
                .is_none(),
            "{id} drawn twice"
        );
    }
    (states, doc)
}

#[test]
fn the_svg_has_one_shape_per_state_with_values_a_legend_and_marks() {
    let out = tmp("fixture.svg");
    let o = aigov(&[
        "--corpus",
        &fixture_corpus(),
        "map",
        &hiring(),
        "--as-of",
        "2025-06-01",
        "--svg",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.code, 0, "stderr: {}", o.stderr);
    let text = std::fs::read_to_string(&out).expect("the SVG was written");
    let (states, doc) = parse_svg(&text);
    assert_eq!(states.len(), 51, "one shape per state and DC");
    for s in STATES {
        assert!(states.contains_key(&format!("US-{s}")), "no shape for {s}");
    }
    let root = doc.root_element();
    assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
    let title = root
        .children()
        .find(|c| c.has_tag_name("title"))
        .and_then(|t| t.text())
        .expect("a title");
    assert!(title.contains("Multistate hiring tool") && title.contains("2025-06-01"));

    assert!(states["US-CO"].0 > states["US-AL"].0);
    assert_eq!(states["US-CO"].0, 3);
    assert!(states["US-CO"].1.contains("Colorado Hiring AI Act"));
    assert!(states["US-CO"].2, "Colorado is marked as challenged");
    assert!(!states["US-AL"].2);
    assert_eq!(states["US-IL"].3, 1, "Illinois is marked as undetermined");
    // The fills follow the scores: a higher score is never lighter (the palette goes light to dark).
    let fill = |code: &str| {
        doc.descendants()
            .find(|n| n.attribute("id") == Some(code))
            .and_then(|n| n.attribute("fill"))
            .expect("a fill")
            .to_string()
    };
    assert_ne!(fill("US-CO"), fill("US-AL"));
    assert_eq!(fill("US-AL"), fill("US-WY"));
    // Marks: the challenged state is hatched, the undetermined one dotted.
    let overlays = |class: &str| {
        doc.descendants()
            .filter(|n| n.attribute("class") == Some(class))
            .count()
    };
    assert_eq!(overlays("overlay challenged"), 1);
    assert_eq!(overlays("overlay undetermined"), 1);
    // New York City: a marker of its own, with its score.
    let nyc = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("city"))
        .expect("a New York City marker");
    assert_eq!(nyc.attribute("id"), Some("US-NY-NYC"));
    assert_eq!(nyc.attribute("data-score"), Some("3"));
    // The legend: every score class, and what the marks mean.
    let legend = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("legend"))
        .expect("a legend");
    let classes: Vec<(u64, u64)> = legend
        .descendants()
        .filter(|n| n.attribute("class") == Some("legend-class"))
        .map(|n| {
            let get = |a: &str| n.attribute(a).and_then(|v| v.parse().ok()).expect(a);
            (get("data-min"), get("data-max"))
        })
        .collect();
    for (code, (score, ..)) in &states {
        assert!(
            classes.iter().any(|&(lo, hi)| lo <= *score && *score <= hi),
            "{code}'s score {score} is in the legend"
        );
    }
    let legend_text: String = legend
        .descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(legend_text.contains("federal challenge"));
    assert!(legend_text.contains("undetermined"));
    let _ = std::fs::remove_file(&out);
}

#[test]
fn the_real_corpus_draws_the_multistate_hr_example() {
    // HireSignal: a CV-screening tool used for hiring in NYC, Illinois, Colorado, California, Texas, Connecticut,
    // Washington and New Jersey (examples/hr-tech-multistate.yaml).
    let manifest = format!("{EXAMPLES}/hr-tech-multistate.yaml");
    let out = tmp("real.svg");
    let o = aigov(&[
        "--corpus",
        CORPUS,
        "map",
        &manifest,
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
        "--svg",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.code, 0, "stderr: {}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).expect("JSON");
    let areas = areas(&v);
    assert_eq!(areas.len(), 52);
    let text = std::fs::read_to_string(&out).expect("the SVG was written");
    let (states, _) = parse_svg(&text);
    assert_eq!(states.len(), 51);
    for (code, (s, ..)) in &states {
        assert_eq!(*s, score(&areas, code), "{code}: SVG and table agree");
    }
    // A state without AI law of its own scores the federal baseline; Illinois (HB 3773 in effect since
    // 2026-01-01) scores higher; NYC carries Local Law 144, which New York State does not.
    let baseline = areas["US-WY"]["federal"].as_u64().expect("federal count");
    assert_eq!(score(&areas, "US-WY"), baseline);
    assert!(score(&areas, "US-IL") > score(&areas, "US-WY"));
    assert!(ids(&areas["US-IL"], "laws").contains(&"us_il_hb3773".to_string()));
    assert!(ids(&areas["US-NY-NYC"], "laws").contains(&"us_ny_nyc_ll144".to_string()));
    assert!(!ids(&areas["US-NY"], "laws").contains(&"us_ny_nyc_ll144".to_string()));
    assert!(score(&areas, "US-NY-NYC") > score(&areas, "US-NY"));
    let _ = std::fs::remove_file(&out);
}

/// Under its table, the map measures the checkerboard in controls: duties and controls state by state, and what one
/// national programme covers (the HR-tech example reaches California, Colorado, Connecticut, Illinois and NYC).
#[test]
fn the_map_measures_the_checkerboard_in_controls() {
    let example = format!("{EXAMPLES}/hr-tech-multistate.yaml");
    let v = map_json(CORPUS, &example, "2026-11-28");
    let m = &v["measured"];
    let rows: Vec<&str> = m["rows"]
        .as_array()
        .expect("measured rows")
        .iter()
        .filter_map(|r| r["jurisdiction"].as_str())
        .collect();
    for state in ["US-CA", "US-CO", "US-IL", "US-NY-NYC"] {
        assert!(rows.contains(&state), "{state} missing from {rows:?}");
    }
    let programme = m["programme_controls"].as_u64().expect("programme");
    let state_by_state = m["controls_state_by_state"]
        .as_u64()
        .expect("state by state");
    assert!(programme > 0 && programme < state_by_state, "{m}");
    let o = aigov(&["--corpus", CORPUS, "map", &example, "--as-of", "2026-11-28"]);
    assert!(
        o.stdout.contains("The checkerboard, measured"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("One national programme of"),
        "{}",
        o.stdout
    );
}
