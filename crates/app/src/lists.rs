//! `aigov lists`: importing, downloading and showing the screening lists kept in a local store.
//!
//! The store is a folder (`--lists-dir DIR`, else `$AIGOV_LISTS_DIR`, else `$XDG_DATA_HOME/aigov/lists`, else
//! `~/.local/share/aigov/lists`) with one JSON file per list part (`csl.json`, `ofac-sdn.json`,
//! `ofac-alt.json`, `ofac-add.json`), each holding the parsed records and their version (source, publication
//! date, import time). Every file is written to a temporary file in the same folder and renamed over the old
//! one, and nothing is written until every input has been read, so a failed import or download loses no data.

use crate::AppError;
use aigov_screening::{merge_ofac, AddRecord, AltRecord, Entry, Format, Index, ListMeta, Records};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The official download addresses (OFAC's Sanctions List Service and ITA's bulk CSL file).
pub const OFAC_BASE: &str =
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports";
/// The bulk Consolidated Screening List (JSON), rebuilt about hourly by the International Trade Administration.
pub const CSL_URL: &str =
    "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json";

/// One stored list part.
#[derive(Debug, Serialize, Deserialize)]
struct StoredPart {
    meta: ListMeta,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    entries: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    alt: Vec<AltRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    add: Vec<AddRecord>,
}

const PARTS: &[&str] = &["csl", "ofac-sdn", "ofac-alt", "ofac-add"];

/// The store folder: the flag, else `$AIGOV_LISTS_DIR`, else the XDG data folder.
pub fn store_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(d) = flag {
        return d.to_path_buf();
    }
    if let Some(d) = std::env::var_os("AIGOV_LISTS_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("aigov/lists");
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    home.join(".local/share/aigov/lists")
}

fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// A parsed input waiting to be written.
struct Pending {
    part: StoredPart,
}

fn pending(
    parsed: aigov_screening::Parsed,
    source: String,
    published: Option<(String, String)>,
) -> Pending {
    let (published, basis) = match (parsed.published.clone(), published) {
        (_, Some((p, b))) if b == "given" => (Some(p), Some(b)),
        (Some(p), _) => (Some(p), Some("sources_used".to_string())),
        (None, Some((p, b))) => (Some(p), Some(b)),
        (None, None) => (None, None),
    };
    let meta = ListMeta {
        part: parsed.format.part().to_string(),
        format: parsed.format,
        source,
        published,
        published_basis: basis,
        imported: now(),
        records: parsed.records.len(),
    };
    let (entries, alt, add) = match parsed.records {
        Records::Entries(e) => (e, Vec::new(), Vec::new()),
        Records::Alt(a) => (Vec::new(), a, Vec::new()),
        Records::Add(a) => (Vec::new(), Vec::new(), a),
    };
    Pending {
        part: StoredPart {
            meta,
            entries,
            alt,
            add,
        },
    }
}

/// Writes every pending part atomically (temporary file, then rename).
fn commit(dir: &Path, parts: Vec<Pending>) -> Result<Vec<ListMeta>, AppError> {
    std::fs::create_dir_all(dir).map_err(|e| AppError::Write {
        path: dir.display().to_string(),
        source: e,
    })?;
    let mut written = Vec::new();
    // Serialize everything first: a failure here writes nothing.
    let mut blobs = Vec::new();
    for p in &parts {
        let json = serde_json::to_vec(&p.part).map_err(|e| AppError::Invalid {
            message: format!("cannot serialize {}: {e}", p.part.meta.part),
            help: "report this as a bug".into(),
        })?;
        blobs.push((p.part.meta.part.clone(), json));
    }
    for (part, json) in blobs {
        let target = dir.join(format!("{part}.json"));
        let tmp = dir.join(format!(".{part}.json.tmp-{}", std::process::id()));
        let io = |e: std::io::Error| AppError::Write {
            path: target.display().to_string(),
            source: e,
        };
        std::fs::write(&tmp, &json).map_err(io)?;
        if let Err(e) = std::fs::rename(&tmp, &target) {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(e));
        }
        written.push(part);
    }
    Ok(parts.into_iter().map(|p| p.part.meta).collect())
}

/// `aigov lists import FILE...`: reads every file (format detected from its content), then stores them.
pub fn import(
    dir: &Path,
    files: &[PathBuf],
    published: Option<&str>,
) -> Result<Vec<ListMeta>, AppError> {
    let mut parts = Vec::new();
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| AppError::Read {
            path: f.display().to_string(),
            source: e,
        })?;
        let name = f.display().to_string();
        let parsed = aigov_screening::parse_auto(&name, &bytes).map_err(|e| AppError::Invalid {
            message: format!("{name}: {e}"),
            help: "import the files as published: CSL consolidated.json or CSV, OFAC sdn.csv, alt.csv, add.csv"
                .into(),
        })?;
        let date = match published {
            Some(p) => Some((p.to_string(), "given".to_string())),
            None => file_date(f).map(|d| (d, "file-modified".to_string())),
        };
        let source = std::fs::canonicalize(f)
            .unwrap_or_else(|_| f.clone())
            .display()
            .to_string();
        parts.push(pending(parsed, source, date));
    }
    commit(dir, parts)
}

fn file_date(f: &Path) -> Option<String> {
    let modified = std::fs::metadata(f).ok()?.modified().ok()?;
    let ts = jiff::Timestamp::try_from(modified).ok()?;
    Some(ts.round(jiff::Unit::Second).ok()?.to_string())
}

/// Which lists `aigov lists update` downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UpdateSource {
    /// OFAC's SDN files and the Consolidated Screening List.
    All,
    /// OFAC's sdn.csv, alt.csv and add.csv.
    Ofac,
    /// The Consolidated Screening List (JSON).
    Csl,
}

/// `aigov lists update`: downloads the lists (from the official addresses, or `base_url/sdn.csv`,
/// `alt.csv`, `add.csv`, `consolidated.json`), then stores them.
pub fn update(
    dir: &Path,
    base_url: Option<&str>,
    which: UpdateSource,
) -> Result<Vec<ListMeta>, AppError> {
    let mut urls: Vec<(String, Format)> = Vec::new();
    let base = base_url.map(|b| b.trim_end_matches('/').to_string());
    if matches!(which, UpdateSource::All | UpdateSource::Ofac) {
        for (file, format) in [
            ("sdn.csv", Format::OfacSdn),
            ("alt.csv", Format::OfacAlt),
            ("add.csv", Format::OfacAdd),
        ] {
            let url = match &base {
                Some(b) => format!("{b}/{file}"),
                None => format!("{OFAC_BASE}/{}", file.to_ascii_uppercase()),
            };
            urls.push((url, format));
        }
    }
    if matches!(which, UpdateSource::All | UpdateSource::Csl) {
        let url = match &base {
            Some(b) => format!("{b}/consolidated.json"),
            None => CSL_URL.to_string(),
        };
        urls.push((url, Format::CslJson));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(std::time::Duration::from_secs(300)))
        .build()
        .into();
    let mut parts = Vec::new();
    for (url, format) in urls {
        eprintln!("downloading {url}");
        let fail = |message: String| {
            AppError::Invalid {
            message,
            help: "check the network, or import files you downloaded with `aigov lists import FILE...`".into(),
        }
        };
        let mut resp = agent
            .get(&url)
            .call()
            .map_err(|e| fail(format!("{url}: {e}")))?;
        let last_modified = resp
            .headers()
            .get("last-modified")
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                jiff::fmt::rfc2822::parse(v)
                    .map(|z| z.timestamp().to_string())
                    .unwrap_or_else(|_| v.to_string())
            });
        let bytes = resp
            .body_mut()
            .with_config()
            .limit(1 << 30)
            .read_to_vec()
            .map_err(|e| fail(format!("{url}: {e}")))?;
        // The content decides; the expected format is the fallback.
        let parsed = aigov_screening::parse_auto(&url, &bytes)
            .or_else(|_| aigov_screening::parse(format, &bytes))
            .map_err(|e| fail(format!("{url}: {e}")))?;
        parts.push(pending(
            parsed,
            url,
            last_modified.map(|d| (d, "last-modified".to_string())),
        ));
    }
    commit(dir, parts)
}

fn read_part(dir: &Path, part: &str) -> Result<Option<StoredPart>, AppError> {
    let path = dir.join(format!("{part}.json"));
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(AppError::Read {
                path: path.display().to_string(),
                source: e,
            })
        }
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| AppError::Invalid {
            message: format!("{}: not a list store file: {e}", path.display()),
            help: "import the list again with `aigov lists import` or `aigov lists update`".into(),
        })
}

/// The versions of the stored parts.
pub fn versions(dir: &Path) -> Result<Vec<ListMeta>, AppError> {
    let mut out = Vec::new();
    for p in PARTS {
        if let Some(s) = read_part(dir, p)? {
            out.push(s.meta);
        }
    }
    Ok(out)
}

/// The stored lists, loaded and indexed.
pub struct Loaded {
    /// The index over every entry.
    pub index: Index,
    /// The versions used.
    pub versions: Vec<ListMeta>,
}

/// Loads every stored list into one index (OFAC aliases and addresses joined to their SDN records).
pub fn load(dir: &Path) -> Result<Loaded, AppError> {
    let mut entries = Vec::new();
    let mut versions = Vec::new();
    let mut sdn: Option<Vec<Entry>> = None;
    let mut alt = Vec::new();
    let mut add = Vec::new();
    for p in PARTS {
        let Some(s) = read_part(dir, p)? else {
            continue;
        };
        versions.push(s.meta);
        match *p {
            "csl" => entries.extend(s.entries),
            "ofac-sdn" => sdn = Some(s.entries),
            "ofac-alt" => alt = s.alt,
            _ => add = s.add,
        }
    }
    if let Some(sdn) = sdn {
        entries.extend(merge_ofac(sdn, &alt, &add));
    }
    if entries.is_empty() {
        return Err(AppError::Invalid {
            message: format!("no screening lists are stored in {}", dir.display()),
            help: "run `aigov lists update`, or `aigov lists import FILE...` with the CSL or OFAC files".into(),
        });
    }
    Ok(Loaded {
        index: Index::build(entries),
        versions,
    })
}

/// `aigov lists [status]`: what is stored.
pub fn status(dir: &Path, json: bool) -> Result<String, AppError> {
    let v = versions(dir)?;
    if json {
        let doc = serde_json::json!({ "lists_dir": dir.display().to_string(), "lists": v });
        return Ok(format!(
            "{}\n",
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        ));
    }
    let mut out = format!("screening lists in {}\n", dir.display());
    if v.is_empty() {
        out.push_str("  none stored: run `aigov lists update` or `aigov lists import FILE...`\n");
    }
    for m in &v {
        out.push_str(&format!("  {}: {}\n", m.format.describe(), m.describe()));
    }
    Ok(out)
}

/// Prints what an import or update stored.
pub fn report_stored(dir: &Path, metas: &[ListMeta]) -> String {
    let mut out = format!("stored in {}:\n", dir.display());
    for m in metas {
        out.push_str(&format!("  {}: {}\n", m.format.describe(), m.describe()));
    }
    out
}
