//! `aigov lists`: importing, downloading, verifying and showing the screening lists kept in a local store.
//!
//! The store is a folder (`--lists-dir DIR`, else `$AIGOV_LISTS_DIR`, else `$XDG_DATA_HOME/aigov/lists`, else
//! `~/.local/share/aigov/lists`) holding **versions**, one folder each, and a pointer to the current one:
//!
//! ```text
//! DIR/CURRENT              "v-7 <SHA-256 of v-7/manifest.json>"
//! DIR/v-7/manifest.json    every part with its file, record count, size and SHA-256
//! DIR/v-7/csl.json         one JSON file per list part (csl, ofac-sdn, ofac-alt, ofac-add):
//! DIR/v-7/ofac-sdn.json      the parsed records and their version (source, publication date, import time)
//! DIR/.lock                the writers' lock
//! ```
//!
//! An import (or update) reads and parses every input first, then, holding an exclusive lock on `DIR/.lock` (a
//! second import waits for the first), writes a complete new version into a staging folder, flushes it to disk,
//! renames it to `v-<n>`, and switches `CURRENT` to it with one atomic rename. Only then are older versions
//! removed. A killed import therefore leaves either the old version or the new one current, never a mix; its
//! staging folder is removed by the next import and ignored by readers.
//!
//! Every read verifies the version against its manifest (the manifest against the checksum in `CURRENT`, each
//! part's size, SHA-256 and record count), and screening refuses to run — naming the problem — when a part is
//! missing or changed.
//!
//! An import refuses a new version of a part that has more than [`SHRINK_LIMIT_PERCENT`] % fewer records than the
//! stored one (a file cut off at a record boundary still parses), unless told `allow_shrink`.

use crate::AppError;
use aigov_screening::{merge_ofac, AddRecord, AltRecord, Entry, Format, Index, ListMeta, Records};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The official download addresses (OFAC's Sanctions List Service and ITA's bulk CSL file).
pub const OFAC_BASE: &str =
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports";
/// The bulk Consolidated Screening List (JSON), rebuilt about hourly by the International Trade Administration.
pub const CSL_URL: &str =
    "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json";

/// The largest share of a part's records (in percent) that a new version may drop without `--allow-shrink`.
/// Real lists change by a few records a week; a file that lost more was most likely cut off.
pub const SHRINK_LIMIT_PERCENT: f64 = 5.0;

/// The default largest age of a list, in days from its publication to the date of the answer, before screening
/// warns that it is stale (`--max-age DAYS`).
pub const DEFAULT_MAX_AGE_DAYS: u32 = 30;

/// The layout written in each manifest.
const STORE_FORMAT: &str = "aigov-lists/2";
const CURRENT: &str = "CURRENT";
const MANIFEST: &str = "manifest.json";
const LOCK: &str = ".lock";
const STAGING_PREFIX: &str = ".staging-";

/// One stored list part.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredPart {
    meta: ListMeta,
    /// The encoding the input was read in (`UTF-8`, `UTF-8 with BOM`, `Windows-1252`, `UTF-16LE`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    encoding: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    entries: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    alt: Vec<AltRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    add: Vec<AddRecord>,
}

impl StoredPart {
    fn len(&self) -> usize {
        self.entries.len() + self.alt.len() + self.add.len()
    }
}

/// The manifest of one stored version: what a complete version holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Manifest {
    format: String,
    version: u64,
    created: String,
    parts: Vec<ManifestPart>,
}

/// One part in a manifest.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ManifestPart {
    part: String,
    file: String,
    records: usize,
    bytes: u64,
    sha256: String,
}

const PARTS: &[&str] = &["csl", "ofac-sdn", "ofac-alt", "ofac-add", "uel"];

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

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write_err(path: &Path) -> impl Fn(std::io::Error) -> AppError + '_ {
    move |e| AppError::Write {
        path: path.display().to_string(),
        source: e,
    }
}

/// The advice given whenever the stored lists cannot be used.
const REIMPORT: &str = "the store was changed or damaged outside aigov, so screening against it could miss \
     listed parties; store a complete version again with `aigov lists update`, or `aigov lists import` with every \
     list file (sdn.csv, alt.csv, add.csv and the CSL file)";

fn broken(dir: &Path, what: String) -> AppError {
    AppError::invalid(
        format!(
            "the screening list store {} failed verification: {what}",
            dir.display()
        ),
        REIMPORT,
    )
}

// ----------------------------------------------------------------------------------------------------------
// Encodings

/// Reads list bytes as UTF-8: UTF-8 (with or without a byte-order mark) is kept, UTF-16 with a byte-order mark and
/// Windows-1252 / Latin-1 (as OFAC has published its files) are converted; anything else — binary data, or a file
/// mixing UTF-8 with other bytes — is refused, naming the line. Returns the text and the encoding's name.
pub fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<(Cow<'a, [u8]>, &'static str), AppError> {
    let refuse = |line: u64, why: &str| {
        AppError::invalid(
            format!("{name}: line {line}: {why}"),
            "save the file as UTF-8 (or import it as published: OFAC and ITA publish UTF-8 or Windows-1252)",
        )
    };
    let line_of =
        |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return match std::str::from_utf8(rest) {
            Ok(_) => Ok((Cow::Borrowed(rest), "UTF-8 with BOM")),
            Err(e) => Err(refuse(
                line_of(e.valid_up_to() + 3),
                "the file starts with a UTF-8 byte-order mark but is not UTF-8 here",
            )),
        };
    }
    for (bom, encoding, label) in [
        (&b"\xff\xfe"[..], encoding_rs::UTF_16LE, "UTF-16LE"),
        (&b"\xfe\xff"[..], encoding_rs::UTF_16BE, "UTF-16BE"),
    ] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[2..]);
            if had_errors {
                return Err(refuse(
                    1,
                    &format!("the file is marked {label} but is not valid {label}"),
                ));
            }
            return Ok((Cow::Owned(text.into_owned().into_bytes()), label));
        }
    }
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(refuse(
            line_of(i),
            "a NUL byte: this is not a text file (or UTF-16 without a byte-order mark)",
        ));
    }
    let invalid = match std::str::from_utf8(bytes) {
        Ok(_) => return Ok((Cow::Borrowed(bytes), "UTF-8")),
        Err(e) => e.valid_up_to(),
    };
    // Not UTF-8. A file that also holds well-formed UTF-8 sequences mixes encodings (or is damaged): refuse
    // rather than guess. Otherwise it is Windows-1252 (a superset of Latin-1's printable characters).
    if has_utf8_sequence(bytes) {
        return Err(refuse(
            line_of(invalid),
            "the file mixes UTF-8 with bytes that are not UTF-8 (a damaged file, or parts in different \
             encodings)",
        ));
    }
    if let Some(i) = bytes
        .iter()
        .position(|b| matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d))
    {
        return Err(refuse(
            line_of(i),
            &format!(
                "byte 0x{:02X} is neither UTF-8 nor Windows-1252 text",
                bytes[i]
            ),
        ));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    Ok((Cow::Owned(text.into_owned().into_bytes()), "Windows-1252"))
}

/// Whether the bytes hold a well-formed multi-byte UTF-8 sequence.
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => {
                i += 1;
                continue;
            }
        };
        if i + len <= bytes.len() && std::str::from_utf8(&bytes[i..i + len]).is_ok() {
            return true;
        }
        i += 1;
    }
    false
}

// ----------------------------------------------------------------------------------------------------------
// Parsing inputs

/// A parsed input waiting to be stored.
struct Pending {
    part: StoredPart,
    /// Where it came from (for messages).
    input: String,
}

/// Checks a `--published` date: `YYYY-MM-DD` or an RFC 3339 time.
fn check_date(d: &str) -> Result<(), AppError> {
    if published_date(d).is_some() {
        Ok(())
    } else {
        Err(AppError::invalid(
            format!("--published {d:?} is not a date"),
            "give the publication date as YYYY-MM-DD (or an RFC 3339 time)",
        ))
    }
}

/// The calendar date of a publication date as stored (`YYYY-MM-DD`, or an RFC 3339 time, whose date is taken as
/// written, in the publisher's offset).
pub fn published_date(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    let date = s.get(..10)?.parse::<jiff::civil::Date>().ok()?;
    (s.len() == 10 || s.parse::<jiff::Timestamp>().is_ok()).then_some(date)
}

fn pending(
    parsed: aigov_screening::Parsed,
    input: String,
    source: String,
    encoding: &str,
    published: Option<(String, String)>,
) -> Pending {
    // The list's own date wins; otherwise the date given or the server's Last-Modified; never the local file's
    // modification time (that is when it was copied, not when it was published).
    let (published, basis) = match (parsed.published.clone(), published) {
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
            encoding: Some(encoding.to_string()),
            entries,
            alt,
            add,
        },
        input,
    }
}

/// Refuses two inputs for the same part: one would silently replace the other.
fn check_distinct(parts: &[Pending]) -> Result<(), AppError> {
    for (i, a) in parts.iter().enumerate() {
        if let Some(b) = parts[..i]
            .iter()
            .find(|b| b.part.meta.part == a.part.meta.part)
        {
            return Err(AppError::invalid(
                format!(
                    "{} and {} are both {} files: the store keeps one version of each list, so one would \
                     replace the other",
                    b.input,
                    a.input,
                    a.part.meta.format.describe()
                ),
                "import one file per list (the CSL once, OFAC's sdn.csv, alt.csv and add.csv once each)",
            ));
        }
    }
    Ok(())
}

/// What an import or update may do.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    /// The publication date of files that do not carry one (`--published`).
    pub published: Option<&'a str>,
    /// Accept a new version with more than [`SHRINK_LIMIT_PERCENT`] % fewer records than the stored one.
    pub allow_shrink: bool,
}

/// What an import or update stored.
#[derive(Debug, Clone, Serialize)]
pub struct Stored {
    /// The store version now current (`v-<n>`).
    pub version: String,
    /// The parts written by this import, with their versions.
    pub written: Vec<ListMeta>,
    /// The encodings the written parts were read in, by part.
    pub encodings: Vec<(String, String)>,
    /// Parts kept from the previous version.
    pub kept: Vec<String>,
    /// Parts moved over from the folder layout of an earlier release.
    pub migrated: Vec<String>,
    /// When the version replaced could not be read (a damaged manifest): why. The new version then holds only
    /// the parts imported now.
    pub replaced_broken: Option<String>,
}

/// `aigov lists import FILE...`: reads every file (encoding and format detected from its content), then stores
/// them as one new version.
pub fn import(dir: &Path, files: &[PathBuf], opts: ImportOptions<'_>) -> Result<Stored, AppError> {
    if let Some(p) = opts.published {
        check_date(p)?;
    }
    let mut parts = Vec::new();
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| AppError::Read {
            path: f.display().to_string(),
            source: e,
        })?;
        let name = f.display().to_string();
        let (text, encoding) = decode(&name, &bytes)?;
        let parsed = aigov_screening::parse_auto(&name, &text).map_err(|e| AppError::Invalid {
            message: format!("{name}: {e}; nothing was imported"),
            help: "import the files complete and as published: CSL consolidated.json or CSV, OFAC sdn.csv, \
                   alt.csv, add.csv (a file cut off or edited by hand is refused)"
                .into(),
        })?;
        let source = std::fs::canonicalize(f)
            .unwrap_or_else(|_| f.clone())
            .display()
            .to_string();
        let date = opts.published.map(|p| (p.to_string(), "given".to_string()));
        parts.push(pending(parsed, name, source, encoding, date));
    }
    check_distinct(&parts)?;
    commit(dir, parts, opts.allow_shrink)
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
/// `alt.csv`, `add.csv`, `consolidated.json`), then stores them as one new version.
pub fn update(
    dir: &Path,
    base_url: Option<&str>,
    which: UpdateSource,
    allow_shrink: bool,
) -> Result<Stored, AppError> {
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
            message: format!("{message}; nothing was stored"),
            help: "check the network and try again, or import files you downloaded with `aigov lists import \
                   FILE...`"
                .into(),
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
            .and_then(|v| jiff::fmt::rfc2822::parse(v).ok())
            .map(|z| z.timestamp().to_string());
        let bytes = resp
            .body_mut()
            .with_config()
            .limit(1 << 30)
            .read_to_vec()
            .map_err(|e| fail(format!("{url}: {e}")))?;
        let (text, encoding) = decode(&url, &bytes)?;
        // The content decides the format; the expected format is used when the content leaves it open.
        let parsed = match aigov_screening::detect(&url, &text) {
            Some(f) => aigov_screening::parse(f, &text),
            None => aigov_screening::parse(format, &text),
        }
        .map_err(|e| {
            fail(format!(
                "{url}: {e} (the download is incomplete or not a list file)"
            ))
        })?;
        parts.push(pending(
            parsed,
            url.clone(),
            url,
            encoding,
            last_modified.map(|d| (d, "last-modified".to_string())),
        ));
    }
    check_distinct(&parts)?;
    commit(dir, parts, allow_shrink)
}

// ----------------------------------------------------------------------------------------------------------
// Reading and verifying

/// The current version as `CURRENT` names it: the version folder's name and the manifest's SHA-256.
fn read_pointer(dir: &Path) -> Result<Option<(String, String)>, AppError> {
    let path = dir.join(CURRENT);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(AppError::Read {
                path: path.display().to_string(),
                source: e,
            })
        }
    };
    let mut words = text.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(v), Some(sum), None)
            if v.strip_prefix("v-")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                && sum.len() == 64 =>
        {
            Ok(Some((v.to_string(), sum.to_string())))
        }
        _ => Err(broken(
            dir,
            format!("{CURRENT} does not name a version: {text:?}"),
        )),
    }
}

/// The parts of the folder layout of earlier releases (`DIR/<part>.json`) present in `dir`.
fn legacy_parts(dir: &Path) -> Vec<&'static str> {
    PARTS
        .iter()
        .copied()
        .filter(|p| dir.join(format!("{p}.json")).is_file())
        .collect()
}

/// Reads and verifies the manifest of the version `CURRENT` names.
fn read_manifest(dir: &Path, version: &str, sum: &str) -> Result<Manifest, AppError> {
    let path = dir.join(version).join(MANIFEST);
    let bytes = std::fs::read(&path).map_err(|e| {
        broken(
            dir,
            format!(
                "{}: {e} ({CURRENT} names version {version})",
                path.display()
            ),
        )
    })?;
    if sha256_hex(&bytes) != sum {
        return Err(broken(
            dir,
            format!(
                "{} does not match the checksum in {CURRENT}: it was changed",
                path.display()
            ),
        ));
    }
    let m: Manifest = serde_json::from_slice(&bytes)
        .map_err(|e| broken(dir, format!("{}: {e}", path.display())))?;
    if m.format != STORE_FORMAT {
        return Err(broken(
            dir,
            format!("{}: unknown store format {:?}", path.display(), m.format),
        ));
    }
    Ok(m)
}

/// Reads one part of a version and verifies its size, checksum and record count against the manifest.
fn read_verified(dir: &Path, version: &str, p: &ManifestPart) -> Result<StoredPart, AppError> {
    let path = dir.join(version).join(&p.file);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(broken(
                dir,
                format!(
                    "{} is missing (the manifest lists it with {} records)",
                    path.display(),
                    p.records
                ),
            ))
        }
        Err(e) => return Err(broken(dir, format!("{}: {e}", path.display()))),
    };
    if bytes.len() as u64 != p.bytes || sha256_hex(&bytes) != p.sha256 {
        return Err(broken(
            dir,
            format!(
                "{} was changed after it was stored (its size or SHA-256 differs from the manifest's)",
                path.display()
            ),
        ));
    }
    let part: StoredPart = serde_json::from_slice(&bytes)
        .map_err(|e| broken(dir, format!("{}: {e}", path.display())))?;
    if part.len() != p.records || part.meta.records != p.records || part.meta.part != p.part {
        return Err(broken(
            dir,
            format!(
                "{} holds {} records of part {}, the manifest says {} of part {}",
                path.display(),
                part.len(),
                part.meta.part,
                p.records,
                p.part
            ),
        ));
    }
    Ok(part)
}

/// One complete, verified version of the store.
struct Version {
    name: String,
    parts: Vec<StoredPart>,
}

/// Reads the current version and verifies every part. `Ok(None)` when nothing is stored.
fn read_current(dir: &Path) -> Result<Option<Version>, AppError> {
    // A writer may switch versions and remove the old one while we read: if reading fails and `CURRENT` has
    // moved meanwhile, read the new version.
    let mut attempt = 0;
    loop {
        let pointer = read_pointer(dir)?;
        let result = match &pointer {
            None => {
                let legacy = legacy_parts(dir);
                if !legacy.is_empty() {
                    return Err(AppError::invalid(
                        format!(
                            "{} holds lists in the layout of an earlier aigov release ({}), which has no \
                             checksums to verify them by",
                            dir.display(),
                            legacy.join(", ")
                        ),
                        "run `aigov lists update`, or `aigov lists import FILE...`, once: it stores the lists \
                         in the checked layout (moving over the parts it does not replace)",
                    ));
                }
                return Ok(None);
            }
            Some((v, sum)) => read_manifest(dir, v, sum).and_then(|m| {
                let parts = m
                    .parts
                    .iter()
                    .map(|p| read_verified(dir, v, p))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Version {
                    name: v.clone(),
                    parts,
                })
            }),
        };
        match result {
            Ok(v) => return Ok(Some(v)),
            Err(e) => {
                attempt += 1;
                if attempt >= 5 || read_pointer(dir).ok().flatten() == pointer {
                    return Err(e);
                }
            }
        }
    }
}

/// The versions of the stored parts (verified).
pub fn versions(dir: &Path) -> Result<Vec<ListMeta>, AppError> {
    Ok(read_current(dir)?
        .map(|v| v.parts.into_iter().map(|p| p.meta).collect())
        .unwrap_or_default())
}

/// The stored lists, loaded and indexed.
pub struct Loaded {
    /// The index over every entry.
    pub index: Index,
    /// The versions used.
    pub versions: Vec<ListMeta>,
    /// The store version read (`v-<n>`).
    pub store_version: String,
}

/// Loads every stored list into one index (OFAC aliases and addresses joined to their SDN records), after
/// verifying the stored version; refuses a store that fails verification or holds nothing.
pub fn load(dir: &Path) -> Result<Loaded, AppError> {
    let Some(version) = read_current(dir)? else {
        return Err(AppError::Invalid {
            message: format!("no screening lists are stored in {}", dir.display()),
            help: "run `aigov lists update`, or `aigov lists import FILE...` with the CSL or OFAC files".into(),
        });
    };
    let mut entries = Vec::new();
    let mut versions = Vec::new();
    let mut sdn: Option<Vec<Entry>> = None;
    let mut alt = Vec::new();
    let mut add = Vec::new();
    let has = |p: &str| version.parts.iter().any(|s| s.meta.part == p);
    if (has("ofac-alt") || has("ofac-add")) && !has("ofac-sdn") {
        return Err(broken(
            dir,
            "it holds OFAC aliases or addresses without the SDN primary records (sdn.csv)".into(),
        ));
    }
    for s in version.parts {
        versions.push(s.meta);
        match versions.last().map(|m| m.part.as_str()) {
            Some("csl" | "uel") => entries.extend(s.entries),
            Some("ofac-sdn") => sdn = Some(s.entries),
            Some("ofac-alt") => alt = s.alt,
            _ => add = s.add,
        }
    }
    if let Some(sdn) = sdn {
        entries.extend(merge_ofac(sdn, &alt, &add));
    }
    if entries.is_empty() {
        return Err(broken(
            dir,
            "the stored version holds no listed parties".into(),
        ));
    }
    Ok(Loaded {
        index: Index::build(entries),
        versions,
        store_version: version.name,
    })
}

/// The stores a long-running process (the service, the web app) has loaded, by folder, with the version and
/// checksum their `CURRENT` pointer named: indexing the SDN list takes about half a second, too long to repeat for
/// every screening request.
static SHARED: std::sync::Mutex<Vec<SharedStore>> = std::sync::Mutex::new(Vec::new());

/// One loaded store kept in [`SHARED`].
struct SharedStore {
    dir: PathBuf,
    version: String,
    checksum: String,
    loaded: std::sync::Arc<Loaded>,
}

/// Like [`load`], for a process that screens many times: the store's version is verified and indexed when it is
/// first read, and reused while `CURRENT` names the same version and checksum (versions are never changed once
/// written; an import switches `CURRENT` to a new one, which is then read and verified in turn). `Ok(None)` when
/// nothing is stored in `dir`.
pub fn load_shared(dir: &Path) -> Result<Option<std::sync::Arc<Loaded>>, AppError> {
    let Some((version, checksum)) = read_pointer(dir)? else {
        // No pointer: nothing stored, or an earlier release's layout, which `read_current` names.
        if read_current(dir)?.is_none() {
            return Ok(None);
        }
        return load(dir).map(|l| Some(std::sync::Arc::new(l)));
    };
    {
        let shared = SHARED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(s) = shared
            .iter()
            .find(|s| s.dir == dir && s.version == version && s.checksum == checksum)
        {
            return Ok(Some(s.loaded.clone()));
        }
    }
    let loaded = std::sync::Arc::new(load(dir)?);
    // A writer may have switched versions between the pointer read above and the load: keep only what matches.
    if loaded.store_version == version {
        let mut shared = SHARED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        shared.retain(|s| s.dir != dir);
        shared.push(SharedStore {
            dir: dir.to_path_buf(),
            version,
            checksum,
            loaded: loaded.clone(),
        });
    }
    Ok(Some(loaded))
}

// ----------------------------------------------------------------------------------------------------------
// Writing one new version

/// Holds the writers' lock on a store (released when dropped, or when the process dies).
struct WriteLock(std::fs::File);

impl Drop for WriteLock {
    fn drop(&mut self) {
        let _ = FileExt::unlock(&self.0);
    }
}

use fs4::fs_std::FileExt;

fn lock(dir: &Path) -> Result<WriteLock, AppError> {
    let path = dir.join(LOCK);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(write_err(&path))?;
    match FileExt::try_lock_exclusive(&file) {
        Ok(true) => {}
        _ => {
            eprintln!(
                "waiting for another import or update of {} to finish",
                dir.display()
            );
            FileExt::lock_exclusive(&file).map_err(write_err(&path))?;
        }
    }
    Ok(WriteLock(file))
}

/// Flushes a folder's entries (new files, renames) to disk. Unix only: Windows cannot open a folder as a file,
/// and its renames are flushed with the file system's journal.
fn sync_dir(dir: &Path) -> Result<(), AppError> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)
            .and_then(|f| f.sync_all())
            .map_err(write_err(dir))
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    use std::io::Write as _;
    let mut f = std::fs::File::create(path).map_err(write_err(path))?;
    f.write_all(bytes).map_err(write_err(path))?;
    f.sync_all().map_err(write_err(path))
}

/// The version folders present (`v-<n>`), by number.
fn version_dirs(dir: &Path) -> Vec<(u64, String)> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    rd.filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let n = name.strip_prefix("v-")?.parse::<u64>().ok()?;
            Some((n, name))
        })
        .collect()
}

/// Removes staging folders of killed imports and every version folder but `keep` (called holding the lock).
fn collect_garbage(dir: &Path, keep: Option<&str>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        let stale_version = name.starts_with("v-") && Some(name.as_str()) != keep;
        let tmp = name.starts_with(STAGING_PREFIX) || name.starts_with(".CURRENT.tmp");
        if stale_version || tmp {
            let path = e.path();
            let _ = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
        }
    }
}

/// Reads the parts of the layout of earlier releases, checking each holds the records its header says.
fn read_legacy(dir: &Path) -> Result<Vec<StoredPart>, AppError> {
    let mut out = Vec::new();
    for p in legacy_parts(dir) {
        let path = dir.join(format!("{p}.json"));
        let bytes = std::fs::read(&path).map_err(|e| AppError::Read {
            path: path.display().to_string(),
            source: e,
        })?;
        let part: StoredPart = serde_json::from_slice(&bytes).map_err(|e| {
            AppError::invalid(
                format!(
                    "{}: not a list store file of an earlier release: {e}",
                    path.display()
                ),
                "remove it and import that list again",
            )
        })?;
        if part.len() != part.meta.records || part.meta.part != p {
            return Err(AppError::invalid(
                format!(
                    "{}: holds {} records but says {}: it was changed by hand",
                    path.display(),
                    part.len(),
                    part.meta.records
                ),
                "remove it and import that list again",
            ));
        }
        out.push(part);
    }
    Ok(out)
}

/// Writes a new version made of the pending parts and the current version's other parts, then makes it current.
fn commit(dir: &Path, parts: Vec<Pending>, allow_shrink: bool) -> Result<Stored, AppError> {
    std::fs::create_dir_all(dir).map_err(write_err(dir))?;
    let _lock = lock(dir)?;
    // Holding the lock, anything staged belongs to an import that was killed.
    let pointer = read_pointer(dir)?;
    collect_garbage(dir, pointer.as_ref().map(|(v, _)| v.as_str()));

    // The version this one replaces.
    let mut replaced_broken = None;
    let (previous, migrated_from_legacy): (Vec<StoredPart>, bool) = match &pointer {
        Some((v, sum)) => {
            let m = match read_manifest(dir, v, sum) {
                Ok(m) => m,
                // The stored version cannot be read at all (its manifest is damaged): it cannot be used for
                // screening either, so the new version holds the parts imported now, and the report says so.
                Err(e) => {
                    replaced_broken = Some(e.to_string());
                    Manifest {
                        format: STORE_FORMAT.to_string(),
                        version: 0,
                        created: String::new(),
                        parts: Vec::new(),
                    }
                }
            };
            let mut prev = Vec::new();
            for p in &m.parts {
                let replaced = parts.iter().any(|n| n.part.meta.part == p.part);
                match read_verified(dir, v, p) {
                    Ok(s) => prev.push(s),
                    // A damaged part that this import replaces does not stop the import.
                    Err(_) if replaced => {}
                    Err(e) => {
                        return Err(AppError::invalid(
                            format!(
                                "{e}; the import would keep this part, so nothing was imported"
                            ),
                            format!(
                                "import {} again together with the files you are importing",
                                p.part
                            ),
                        ))
                    }
                }
            }
            (prev, false)
        }
        None => (read_legacy(dir)?, true),
    };

    // The shrink guard.
    if !allow_shrink {
        for n in &parts {
            if let Some(old) = previous.iter().find(|o| o.meta.part == n.part.meta.part) {
                let (before, after) = (old.len(), n.part.len());
                if after < before {
                    let dropped = before - after;
                    let share = dropped as f64 * 100.0 / before as f64;
                    if share > SHRINK_LIMIT_PERCENT {
                        return Err(AppError::invalid(
                            format!(
                                "{}: the new {} has {after} records, {dropped} fewer ({share:.1} %) than the \
                                 {before} stored; a list that shrinks by more than {SHRINK_LIMIT_PERCENT} % is \
                                 most likely cut off, so nothing was imported",
                                n.input, n.part.meta.part
                            ),
                            "check the file is complete; if the list really shrank, import it with \
                             --allow-shrink",
                        ));
                    }
                }
            }
        }
    }

    // The new version: the pending parts, and the previous parts they do not replace.
    let mut kept = Vec::new();
    let mut next: Vec<StoredPart> = Vec::new();
    for p in PARTS {
        if let Some(n) = parts.iter().find(|n| n.part.meta.part == *p) {
            next.push(n.part.clone());
        } else if let Some(o) = previous.iter().find(|o| o.meta.part == *p) {
            kept.push(p.to_string());
            next.push(o.clone());
        }
    }
    let number = version_dirs(dir)
        .iter()
        .map(|(n, _)| *n)
        .chain(
            pointer
                .as_ref()
                .and_then(|(v, _)| v.strip_prefix("v-")?.parse().ok()),
        )
        .max()
        .unwrap_or(0)
        + 1;
    let version = format!("v-{number}");
    let staging = dir.join(format!("{STAGING_PREFIX}{version}-{}", std::process::id()));
    std::fs::create_dir_all(&staging).map_err(write_err(&staging))?;
    let result = (|| {
        let mut manifest = Manifest {
            format: STORE_FORMAT.to_string(),
            version: number,
            created: now(),
            parts: Vec::new(),
        };
        for p in &next {
            let json = serde_json::to_vec(p).map_err(|e| {
                AppError::internal(format!("cannot serialize {}: {e}", p.meta.part))
            })?;
            let file = format!("{}.json", p.meta.part);
            write_synced(&staging.join(&file), &json)?;
            manifest.parts.push(ManifestPart {
                part: p.meta.part.clone(),
                file,
                records: p.len(),
                bytes: json.len() as u64,
                sha256: sha256_hex(&json),
            });
        }
        let mjson = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| AppError::internal(format!("cannot serialize the manifest: {e}")))?;
        write_synced(&staging.join(MANIFEST), &mjson)?;
        sync_dir(&staging)?;
        let target = dir.join(&version);
        std::fs::rename(&staging, &target).map_err(write_err(&target))?;
        sync_dir(dir)?;
        // The switch: one rename of the pointer.
        let tmp = dir.join(format!(".CURRENT.tmp-{}", std::process::id()));
        write_synced(
            &tmp,
            format!("{version} {}\n", sha256_hex(&mjson)).as_bytes(),
        )?;
        let current = dir.join(CURRENT);
        std::fs::rename(&tmp, &current).map_err(write_err(&current))?;
        sync_dir(dir)
    })();
    if let Err(e) = result {
        collect_garbage(dir, pointer.as_ref().map(|(v, _)| v.as_str()));
        return Err(e);
    }
    // The new version is current: remove the old ones and the files of the earlier layout.
    collect_garbage(dir, Some(&version));
    let mut migrated = Vec::new();
    if migrated_from_legacy {
        for p in legacy_parts(dir) {
            if kept.iter().any(|k| k == p) {
                migrated.push(p.to_string());
            }
            let _ = std::fs::remove_file(dir.join(format!("{p}.json")));
        }
        let _ = sync_dir(dir);
    }
    Ok(Stored {
        version,
        encodings: parts
            .iter()
            .map(|p| {
                (
                    p.part.meta.part.clone(),
                    p.part.encoding.clone().unwrap_or_default(),
                )
            })
            .collect(),
        written: parts.into_iter().map(|p| p.part.meta).collect(),
        kept,
        migrated,
        replaced_broken,
    })
}

// ----------------------------------------------------------------------------------------------------------
// Freshness

/// How old the lists are on the date of an answer.
#[derive(Debug, Clone, Serialize)]
pub struct Freshness {
    /// The date the age is measured against.
    pub as_of: String,
    /// Where that date comes from: `--as-of` or `today`.
    pub as_of_basis: String,
    /// The largest age accepted, in days (`--max-age`).
    pub max_age_days: u32,
    /// Whether every list has a known publication date no more than `max_age_days` before `as_of`.
    pub current: bool,
    /// One warning per list that is stale, undated, or published after `as_of`.
    pub warnings: Vec<String>,
}

/// The date an age is measured against, and the largest age accepted.
#[derive(Debug, Clone, Copy)]
pub struct AgeCheck {
    /// The date of the answer.
    pub as_of: jiff::civil::Date,
    /// Whether the date was given (`--as-of`) rather than today.
    pub given: bool,
    /// The largest age accepted, in days.
    pub max_age_days: u32,
}

/// Checks the age of each list version on a date.
pub fn freshness(versions: &[ListMeta], check: AgeCheck) -> Freshness {
    let mut warnings = Vec::new();
    let mut current = true;
    for v in versions {
        match v.published.as_deref().and_then(published_date) {
            None => {
                current = false;
                warnings.push(format!(
                    "{}: the publication date is unknown (the file does not carry one; give `--published DATE` \
                     when importing it), so its age cannot be checked",
                    v.part
                ));
            }
            Some(d) => {
                let days = (check.as_of - d).get_days();
                if i64::from(days) > i64::from(check.max_age_days) {
                    current = false;
                    warnings.push(format!(
                        "{}: published {d}, {days} days before {} (more than the {} days accepted): screen \
                         against current lists (`aigov lists update`)",
                        v.part, check.as_of, check.max_age_days
                    ));
                } else if days < 0 {
                    warnings.push(format!(
                        "{}: published {d}, after {}: it shows who is listed on {d}, not on {}",
                        v.part, check.as_of, check.as_of
                    ));
                }
            }
        }
    }
    Freshness {
        as_of: check.as_of.to_string(),
        as_of_basis: if check.given { "--as-of" } else { "today" }.to_string(),
        max_age_days: check.max_age_days,
        current,
        warnings,
    }
}

impl Freshness {
    /// The warnings as text lines (each starting with `warning:`), then the date the ages were measured on.
    pub fn text(&self, indent: &str) -> String {
        let mut out = String::new();
        for w in &self.warnings {
            out.push_str(&format!("{indent}warning: {w}\n"));
        }
        out.push_str(&self.summary(indent));
        out
    }

    /// One line: the date the ages were measured on, the limit, and whether the lists are known to be current.
    pub fn summary(&self, indent: &str) -> String {
        format!(
            "{indent}list ages measured on {} ({}), at most {} days accepted{}\n",
            self.as_of,
            self.as_of_basis,
            self.max_age_days,
            if self.current {
                ""
            } else {
                ": THE LISTS ARE NOT KNOWN TO BE CURRENT"
            }
        )
    }
}

// ----------------------------------------------------------------------------------------------------------
// Reports

fn describe(m: &ListMeta) -> String {
    format!("{}: {}", m.format.describe(), m.describe())
}

/// `aigov lists [status]`: what is stored, verified, with the age of each list on a date.
pub fn status(dir: &Path, json: bool, check: AgeCheck) -> Result<String, AppError> {
    let current = read_current(dir)?;
    let version = current.as_ref().map(|v| v.name.clone());
    let v: Vec<ListMeta> = current
        .map(|v| v.parts.into_iter().map(|p| p.meta).collect())
        .unwrap_or_default();
    let fresh = (!v.is_empty()).then(|| freshness(&v, check));
    if json {
        let doc = serde_json::json!({
            "lists_dir": dir.display().to_string(),
            "store_version": version,
            "verified": version.is_some(),
            "lists": v,
            "freshness": fresh,
        });
        return Ok(format!(
            "{}\n",
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        ));
    }
    let mut out = format!("screening lists in {}\n", dir.display());
    match &version {
        None => out
            .push_str("  none stored: run `aigov lists update` or `aigov lists import FILE...`\n"),
        Some(n) => out.push_str(&format!(
            "  version {n}: every part verified (record counts and SHA-256)\n"
        )),
    }
    for m in &v {
        out.push_str(&format!("  {}\n", describe(m)));
    }
    if let Some(f) = fresh {
        out.push_str(&f.text("  "));
    }
    Ok(out)
}

/// Prints what an import or update stored.
pub fn report_stored(dir: &Path, stored: &Stored) -> String {
    let mut out = format!("stored version {} in {}:\n", stored.version, dir.display());
    for m in &stored.written {
        let enc = stored
            .encodings
            .iter()
            .find(|(p, _)| *p == m.part)
            .map(|(_, e)| e.as_str())
            .filter(|e| !e.starts_with("UTF-8"))
            .map(|e| format!(" (converted from {e})"))
            .unwrap_or_default();
        out.push_str(&format!("  {}{enc}\n", describe(m)));
    }
    if !stored.kept.is_empty() {
        out.push_str(&format!(
            "  kept from the previous version: {}\n",
            stored.kept.join(", ")
        ));
    }
    if let Some(why) = &stored.replaced_broken {
        out.push_str(&format!(
            "  the stored version failed verification ({why}); it was replaced by the parts imported now only\n"
        ));
    }
    if !stored.migrated.is_empty() {
        out.push_str(&format!(
            "  moved over from the layout of an earlier release: {}\n",
            stored.migrated.join(", ")
        ));
    }
    out
}
