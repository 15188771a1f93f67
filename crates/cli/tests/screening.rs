//! `aigov lists` and `aigov screen` end to end, and `aigov assess --screen` on an export manifest. Downloads are
//! served by a local HTTP server started in the test (no other network).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../screening/tests/fixtures"
    ))
    .join(name)
}

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("aigov-screening-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn aigov(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("AIGOV_LISTS_DIR")
        .output()
        .expect("aigov runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn import_fixtures(dir: &Path) {
    let d = dir.to_str().expect("utf-8 path");
    let out = aigov(&[
        "lists",
        "import",
        "--lists-dir",
        d,
        fixture("sdn.csv").to_str().expect("path"),
        fixture("alt.csv").to_str().expect("path"),
        fixture("add.csv").to_str().expect("path"),
        fixture("csl.csv").to_str().expect("path"),
        "--published",
        "2026-09-01",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn import_status_and_screen_with_exit_codes() {
    let dir = temp_dir("import");
    let d = dir.to_str().expect("path");
    import_fixtures(&dir);
    let status = aigov(&["lists", "--lists-dir", d]);
    let s = stdout(&status);
    assert!(s.contains("ofac-sdn published 2026-09-01 (given)"), "{s}");
    assert!(s.contains("12 records"), "{s}");
    assert!(s.contains("csl published 2026-09-01"), "{s}");

    // A Hanzi name hits the pinyin Entity List entry, with licence terms and the list versions; exit 1.
    let out = aigov(&[
        "screen",
        "--lists-dir",
        d,
        "华为技术有限公司",
        "--country",
        "CN",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let s = stdout(&out);
    assert!(s.contains("Huawei Technologies Co., Ltd."), "{s}");
    assert!(
        s.contains("licence requirement: For all items subject to the EAR"),
        "{s}"
    );
    assert!(s.contains("licence policy: Presumption of denial."), "{s}");
    assert!(s.contains("pinyin of 华为"), "{s}");
    assert!(
        s.contains("lists used:") && s.contains("ofac-sdn published 2026-09-01"),
        "{s}"
    );

    // No hit: exit 0.
    let out = aigov(&["screen", "--lists-dir", d, "Acme Bakery GmbH"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("no hit at or above 0.85"));

    // JSON: score, explanation, programs, source; a near name stays below the threshold.
    let out = aigov(&[
        "screen",
        "--lists-dir",
        d,
        "--format",
        "json",
        "Banco Nacionl de Cuba SA",
        "Banco Nacional de Mexico",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &v["results"][0]["hits"][0];
    assert_eq!(first["name"], "BANCO NACIONAL DE CUBA");
    assert_eq!(first["list"], "SDN");
    assert_eq!(first["programs"][0], "CUBA");
    assert_eq!(first["parties_listed"], "sdn");
    assert!(first["score"]
        .as_f64()
        .is_some_and(|s| (0.85..1.0).contains(&s)));
    assert!(first["explanation_text"]
        .as_str()
        .is_some_and(|t| t.contains("1 edit")));
    assert_eq!(v["results"][1]["hits"].as_array().map(Vec::len), Some(0));
    assert!(v["lists"].as_array().is_some_and(|l| l.len() == 4));

    // A lower threshold shows the near name.
    let out = aigov(&[
        "screen",
        "--lists-dir",
        d,
        "--threshold",
        "0.5",
        "Banco Nacional de Mexico",
    ]);
    assert_eq!(out.status.code(), Some(1));

    // Batch CSV with a header.
    let batch = dir.join("parties.csv");
    std::fs::write(
        &batch,
        "id,name,country\n1,Wei Zhang,CN\n2,Northwind Dental Clinic,US\n",
    )
    .expect("write");
    let out = aigov(&[
        "screen",
        "--lists-dir",
        d,
        "--batch",
        batch.to_str().expect("path"),
    ]);
    let s = stdout(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(s.contains("Wei Zhang [CN] (row 2): 1 hit(s)"), "{s}");
    assert!(
        s.contains("Northwind Dental Clinic [US] (row 3): no hit"),
        "{s}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_import_keeps_the_stored_lists() {
    let dir = temp_dir("atomic");
    let d = dir.to_str().expect("path");
    import_fixtures(&dir);
    let before = std::fs::read(dir.join("CURRENT")).expect("stored");
    let status_before = stdout(&aigov(&[
        "lists",
        "status",
        "--lists-dir",
        d,
        "--format",
        "json",
    ]));
    let bad = dir.join("broken.csv");
    std::fs::write(&bad, "this is not a list\n").expect("write");
    let out = aigov(&[
        "lists",
        "import",
        "--lists-dir",
        d,
        fixture("sdn.csv").to_str().expect("path"),
        bad.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a known list format"));
    assert_eq!(
        std::fs::read(dir.join("CURRENT")).expect("still stored"),
        before
    );
    assert_eq!(
        stdout(&aigov(&[
            "lists",
            "status",
            "--lists-dir",
            d,
            "--format",
            "json"
        ])),
        status_before
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp") || n.starts_with(".staging") || n.ends_with(".json"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Serves the fixtures at /sdn.csv, /alt.csv, /add.csv, /consolidated.json for a fixed number of requests.
fn serve(requests: usize) -> (String, std::thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    let handle = std::thread::spawn(move || {
        let mut paths = Vec::new();
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(10)));
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let file = match path.as_str() {
                "/sdn.csv" => Some("sdn.csv"),
                "/alt.csv" => Some("alt.csv"),
                "/add.csv" => Some("add.csv"),
                "/consolidated.json" => Some("csl.json"),
                _ => None,
            };
            let response = match file {
                Some(f) => {
                    let mut body = Vec::new();
                    std::fs::File::open(fixture(f))
                        .and_then(|mut h| h.read_to_end(&mut body))
                        .expect("fixture");
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nLast-Modified: Tue, 01 Sep 2026 12:00:00 GMT\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    r.extend(body);
                    r
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_vec(),
            };
            let _ = stream.write_all(&response);
            paths.push(path);
        }
        paths
    });
    (format!("http://{addr}"), handle)
}

#[test]
fn update_downloads_from_a_base_url_and_records_last_modified() {
    let dir = temp_dir("update");
    let d = dir.to_str().expect("path");
    let (base, server) = serve(4);
    let out = aigov(&["lists", "update", "--lists-dir", d, "--base-url", &base]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let paths = server.join().expect("server");
    assert_eq!(
        paths,
        vec!["/sdn.csv", "/alt.csv", "/add.csv", "/consolidated.json"]
    );
    let status = stdout(&aigov(&[
        "lists",
        "status",
        "--lists-dir",
        d,
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&status).expect("json");
    let lists = v["lists"].as_array().expect("lists");
    assert_eq!(lists.len(), 4);
    let sdn = lists.iter().find(|l| l["part"] == "ofac-sdn").expect("sdn");
    assert_eq!(sdn["published"], "2026-09-01T12:00:00Z");
    assert_eq!(sdn["published_basis"], "last-modified");
    assert!(sdn["source"]
        .as_str()
        .is_some_and(|s| s.ends_with("/sdn.csv")));
    let csl = lists.iter().find(|l| l["part"] == "csl").expect("csl");
    assert_eq!(csl["published"], "2026-09-05T10:00:00-04:00");
    assert_eq!(csl["published_basis"], "sources_used");
    // The downloaded CSL JSON is searchable.
    let out = aigov(&["screen", "--lists-dir", d, "Zhipu AI"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("Beijing Zhipu Huazhang Technology Co., Ltd."));

    // A server error fails the update and keeps the stored lists.
    let before = std::fs::read(dir.join("CURRENT")).expect("stored");
    let (base, server) = serve(1);
    let out = aigov(&[
        "lists",
        "update",
        "--lists-dir",
        d,
        "--base-url",
        &format!("{base}/missing"),
        "--source",
        "csl",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let _ = server.join();
    assert_eq!(std::fs::read(dir.join("CURRENT")).expect("kept"), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn assess_screen_sets_parties_listed_and_says_which_list_version() {
    let dir = temp_dir("assess");
    let d = dir.to_str().expect("path");
    import_fixtures(&dir);
    let manifest = dir.join("export.yaml");
    std::fs::write(
        &manifest,
        "subject: export\nname: GPUs to a listed end user\nexport:\n  origin: us_origin\n  destination: [CN]\n  end_user_name: 华为技术有限公司\n",
    )
    .expect("write");
    let m = manifest.to_str().expect("path");
    let out = aigov(&[
        "assess",
        m,
        "--corpus",
        CORPUS,
        "--as-of",
        "2026-09-01",
        "--screen",
        "--lists-dir",
        d,
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(
        v["screening"]["parties_listed_set"],
        serde_json::json!(["entity_list"])
    );
    assert_eq!(
        v["screening"]["results"][0]["field"],
        "export.end_user_name"
    );
    assert_eq!(v["screening"]["results"][0]["hits"][0]["list"], "EL");
    assert!(v["screening"]["lists"]
        .as_array()
        .is_some_and(|l| l.iter().any(|x| x["published"] == "2026-09-01")));
    let el = v["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|x| x["rule"] == "us_ear.entity_list_licence"))
        .expect("the Entity List rule is reported");
    assert_eq!(el["status"], "in_effect");

    // Text report names the hit that set the fact and the list version.
    let out = aigov(&[
        "assess",
        m,
        "--corpus",
        CORPUS,
        "--as-of",
        "2026-09-01",
        "--screen",
        "--lists-dir",
        d,
    ]);
    let s = stdout(&out);
    assert!(
        s.contains("export.parties_listed set to [entity_list] by:"),
        "{s}"
    );
    assert!(
        s.contains("Huawei Technologies Co., Ltd. [EL el-0001]"),
        "{s}"
    );
    assert!(s.contains("csl published 2026-09-01 (given)"), "{s}");
    // The same section in Chinese: its labels, the explanation and the list versions; JSON aside.
    let out = aigov(&[
        "assess",
        m,
        "--corpus",
        CORPUS,
        "--as-of",
        "2026-09-01",
        "--screen",
        "--lists-dir",
        d,
        "--lang",
        "zh-CN",
        "--color",
        "never",
    ]);
    let zh = stdout(&out);
    for want in [
        "受限方筛查（aigov assess --screen）",
        "export.parties_listed 设为 [entity_list]，依据：",
        "Huawei Technologies Co., Ltd. [EL el-0001] 得分 ",
        "理由：",
        "所用清单：",
        "csl 发布于 2026年9月1日（given）",
        "清单时效按 2026年9月1日（--as-of）计算",
    ] {
        assert!(zh.contains(want), "`{want}` missing:\n{zh}");
    }
    for english in [
        "Restricted-party screening",
        "set to [entity_list] by:",
        "why: ",
        "lists used:",
        "list ages measured",
    ] {
        assert!(!zh.contains(english), "English `{english}` left in:\n{zh}");
    }

    // A party on no list: parties_listed becomes [] (screened, none listed).
    std::fs::write(
        &manifest,
        "subject: export\nexport:\n  origin: us_origin\n  destination: [CN]\n  end_user_name: Northwind Dental Clinic\n",
    )
    .expect("write");
    let out = aigov(&[
        "assess",
        m,
        "--corpus",
        CORPUS,
        "--as-of",
        "2026-09-01",
        "--screen",
        "--lists-dir",
        d,
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["screening"]["parties_listed_set"], serde_json::json!([]));

    // A value given in the manifest is kept.
    std::fs::write(
        &manifest,
        "subject: export\nexport:\n  origin: us_origin\n  end_user_name: 华为技术有限公司\n  parties_listed: []\n",
    )
    .expect("write");
    let out = aigov(&[
        "assess",
        m,
        "--corpus",
        CORPUS,
        "--as-of",
        "2026-09-01",
        "--screen",
        "--lists-dir",
        d,
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["screening"]["given_in_manifest"], true);
    assert!(v["screening"]["parties_listed_set"].is_null());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--screen` on a manifest of linked subjects: a product manifest whose exports name parties. Every linked export's
/// parties are screened, each result names the subject that names the party, and each export's
/// `export.parties_listed` is set from its own hits only (the listed end user makes one shipment need a licence,
/// not the other).
#[test]
fn assess_screen_screens_the_parties_of_every_linked_export() {
    let dir = temp_dir("linked");
    let d = dir.to_str().expect("path");
    import_fixtures(&dir);
    let manifest = dir.join("linked.yaml");
    std::fs::write(
        &manifest,
        "organization: { established_in: [US] }\nsubjects:\n  - id: gpu\n    subject: item\n    item: { kind: integrated_circuit, dense_tops: 1979, bit_length: 8, die_area_mm2: 814, datacenter: true }\n  - id: to-huawei\n    subject: export\n    built_on: gpu\n    export:\n      origin: us_origin\n      destination: [CN]\n      end_user_name: 华为技术有限公司\n  - id: to-clinic\n    subject: export\n    built_on: gpu\n    export:\n      origin: us_origin\n      destination: [DE]\n      end_user_name: Northwind Dental Clinic\n",
    )
    .expect("write");
    let m = manifest.to_str().expect("path");
    let args = [
        "assess",
        m,
        "--corpus",
        CORPUS,
        "--as-of",
        "2026-09-01",
        "--screen",
        "--lists-dir",
        d,
    ];
    let out = aigov(&[&args[..], &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(v["kind"], "linked_assessment");
    let results = v["screening"]["results"].as_array().expect("results");
    let named: Vec<(&str, &str)> = results
        .iter()
        .map(|r| {
            (
                r["subject_id"]
                    .as_str()
                    .expect("each result names its subject"),
                r["query"].as_str().expect("query"),
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            ("to-huawei", "华为技术有限公司"),
            ("to-clinic", "Northwind Dental Clinic")
        ]
    );
    assert_eq!(results[0]["hits"][0]["list"], "EL");
    assert_eq!(
        v["screening"]["subjects"],
        serde_json::json!([
            {"subject_id": "to-huawei", "parties_listed_set": ["entity_list"], "given_in_manifest": false},
            {"subject_id": "to-clinic", "parties_listed_set": [], "given_in_manifest": false}
        ])
    );
    let status = |subject: usize| {
        v["subjects"][subject]["findings"]
            .as_array()
            .and_then(|f| f.iter().find(|x| x["rule"] == "us_ear.entity_list_licence"))
            .map(|f| f["status"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(
        status(1).as_deref(),
        Some("in_effect"),
        "the listed end user"
    );
    assert_ne!(status(2).as_deref(), Some("in_effect"), "the unlisted one");
    assert_ne!(
        status(2).as_deref(),
        Some("undetermined"),
        "screened: settled"
    );

    // The text report says, per shipment, what was set and by which party.
    let out = aigov(&args);
    let s = stdout(&out);
    assert!(
        s.contains("to-huawei: export.parties_listed set to [entity_list]"),
        "{s}"
    );
    assert!(
        s.contains("to-clinic: export.parties_listed set to [] (no party hit"),
        "{s}"
    );
    assert!(
        s.contains("to-huawei: export.end_user_name \"华为技术有限公司\" = "),
        "{s}"
    );

    // A manifest of linked subjects without any export names no party: an error, not an empty screening.
    std::fs::write(
        &manifest,
        "subjects:\n  - id: gpu\n    subject: item\n    item: { kind: integrated_circuit }\n",
    )
    .expect("write");
    let out = aigov(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no party names in the linked subjects"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A name beyond the screening bounds (here 100,000 characters) is refused quickly with an error naming the bound,
/// never screened as "no hit" and never allowed to exhaust memory.
#[test]
fn a_huge_name_is_an_error_not_a_miss() {
    let dir = temp_dir("huge-name");
    import_fixtures(&dir);
    let name = "A".repeat(100_000);
    let started = std::time::Instant::now();
    let out = aigov(&["screen", &name, "--lists-dir", dir.to_str().expect("path")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot screen this name"), "{stderr}");
    assert!(stderr.contains("1000 are accepted"), "{stderr}");
    assert!(
        stderr.len() < 2_000,
        "the error quotes a preview, not the name"
    );
    assert!(stdout(&out).is_empty(), "no partial answer on stdout");
    // Generous: the bound check is immediate; this only catches a return of the quadratic path.
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    let _ = std::fs::remove_dir_all(&dir);
}
