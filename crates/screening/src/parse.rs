//! Readers for the official list formats: the Consolidated Screening List (CSV and JSON, as published by the
//! International Trade Administration) and OFAC's legacy SDN files (`sdn.csv`, `alt.csv`, `add.csv`, which have
//! no header rows, use `-0-` for empty fields and may end with a `0x1A` end-of-file byte).

use crate::countries;
use crate::limits::{self, ScreenError, MAX_FILE_BYTES, MAX_RECORD_BYTES};
use crate::model::{AddRecord, AltRecord, Entry, Format};
use rustc_hash::FxHashMap;
use serde_json::Value;

/// A list file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The file is in none of the known formats.
    #[error(
        "not a known list format (expected CSL CSV or JSON, or OFAC sdn.csv, alt.csv or add.csv)"
    )]
    Unrecognized,
    /// A CSV row is malformed.
    #[error("row {row}: {message}")]
    Csv {
        /// The 1-based row.
        row: u64,
        /// What is wrong.
        message: String,
    },
    /// The JSON is malformed or has an unexpected shape.
    #[error("JSON: {0}")]
    Json(String),
    /// The file has no records.
    #[error("the file has no records")]
    Empty,
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("the file is {bytes} bytes; at most {max} are accepted")]
    FileTooLarge {
        /// The file's size.
        bytes: usize,
        /// The bound.
        max: usize,
    },
    /// One record (CSV row or JSON result) is larger than [`MAX_RECORD_BYTES`].
    #[error("row {row}: the record is {bytes} bytes; at most {max} are accepted")]
    RecordTooLarge {
        /// The 1-based row (CSV) or the 0-based result (JSON).
        row: u64,
        /// The record's size.
        bytes: usize,
        /// The bound.
        max: usize,
    },
    /// A listed name is outside the bounds of [`crate::limits`].
    #[error("row {row}: {source}")]
    Name {
        /// The 1-based row (CSV) or the 0-based result (JSON).
        row: u64,
        /// What is wrong with the name.
        source: ScreenError,
    },
}

/// Refuses a record larger than [`MAX_RECORD_BYTES`].
fn check_record(row: u64, bytes: usize) -> Result<(), ParseError> {
    if bytes > MAX_RECORD_BYTES {
        return Err(ParseError::RecordTooLarge {
            row,
            bytes,
            max: MAX_RECORD_BYTES,
        });
    }
    Ok(())
}

/// Refuses a listed name outside the bounds of [`crate::limits`].
fn check_listed_name(row: u64, name: &str) -> Result<(), ParseError> {
    limits::check_name(name).map_err(|source| ParseError::Name { row, source })
}

/// The records of one parsed file.
#[derive(Debug, Clone, PartialEq)]
pub enum Records {
    /// Listed parties (CSL rows or OFAC primary records).
    Entries(Vec<Entry>),
    /// OFAC alternate names.
    Alt(Vec<AltRecord>),
    /// OFAC addresses.
    Add(Vec<AddRecord>),
}

impl Records {
    /// The number of records.
    pub fn len(&self) -> usize {
        match self {
            Records::Entries(v) => v.len(),
            Records::Alt(v) => v.len(),
            Records::Add(v) => v.len(),
        }
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A parsed list file.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The format it was read as.
    pub format: Format,
    /// Its records.
    pub records: Records,
    /// The publication date found in the file itself (CSL JSON `sources_used`), if any.
    pub published: Option<String>,
}

/// Tells the format of a list file from its content, using the file name (`sdn`, `alt`, `add`) only where the
/// content leaves it open.
pub fn detect(file_name: &str, bytes: &[u8]) -> Option<Format> {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Some(Format::CslJson);
    }
    let first_line = trimmed.lines().next().unwrap_or("").to_ascii_lowercase();
    if first_line.contains("source")
        && first_line.contains("name")
        && first_line.contains("programs")
    {
        return Some(Format::CslCsv);
    }
    let lower = file_name.to_ascii_lowercase();
    let base = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
    let by_name = if base.contains("alt") {
        Some(Format::OfacAlt)
    } else if base.contains("add") {
        Some(Format::OfacAdd)
    } else if base.contains("sdn") {
        Some(Format::OfacSdn)
    } else {
        None
    };
    let mut reader = csv_reader(trimmed.as_bytes());
    let fields = reader
        .byte_records()
        .filter_map(Result::ok)
        .find(|r| r.len() > 1)
        .map(|r| r.len())?;
    let by_content = match fields {
        12 => Some(Format::OfacSdn),
        6 => Some(Format::OfacAdd),
        5 => Some(Format::OfacAlt),
        _ => None,
    };
    // The first field of an OFAC row is a number (ent_num).
    let numeric_first = trimmed
        .split(',')
        .next()
        .is_some_and(|f| !f.trim().is_empty() && f.trim().chars().all(|c| c.is_ascii_digit()));
    if !numeric_first {
        return None;
    }
    by_content.or(by_name)
}

/// Reads a file whose format is detected with [`detect`].
pub fn parse_auto(file_name: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    let format = detect(file_name, bytes).ok_or(ParseError::Unrecognized)?;
    parse(format, bytes)
}

/// Reads a file in a known format.
pub fn parse(format: Format, bytes: &[u8]) -> Result<Parsed, ParseError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ParseError::FileTooLarge {
            bytes: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let (records, published) = match format {
        Format::CslCsv => (Records::Entries(parse_csl_csv(bytes)?), None),
        Format::CslJson => {
            let (entries, published) = parse_csl_json(bytes)?;
            (Records::Entries(entries), published)
        }
        Format::OfacSdn => (Records::Entries(parse_sdn(bytes)?), None),
        Format::OfacAlt => (Records::Alt(parse_alt(bytes)?), None),
        Format::OfacAdd => (Records::Add(parse_add(bytes)?), None),
    };
    if records.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(Parsed {
        format,
        records,
        published,
    })
}

fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

/// A field as text: trimmed, with OFAC's `-0-` and the end-of-file byte read as empty.
fn field(record: &csv::ByteRecord, i: usize) -> Option<String> {
    let raw = record.get(i)?;
    let s = String::from_utf8_lossy(raw);
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{1a}');
    if t.is_empty() || t == "-0-" {
        None
    } else {
        Some(t.to_string())
    }
}

fn csv_error(e: &csv::Error) -> ParseError {
    ParseError::Csv {
        row: e.position().map(|p| p.line()).unwrap_or(0),
        message: e.to_string(),
    }
}

/// OFAC rows: records whose first field (`ent_num`) is empty are skipped (the trailing `0x1A` line).
fn ofac_rows(bytes: &[u8], min_fields: usize) -> Result<Vec<csv::ByteRecord>, ParseError> {
    let mut out = Vec::new();
    for (i, r) in csv_reader(bytes).byte_records().enumerate() {
        let r = r.map_err(|e| csv_error(&e))?;
        check_record(
            r.position().map_or(i as u64 + 1, |p| p.line()),
            r.as_slice().len(),
        )?;
        let Some(first) = field(&r, 0) else { continue };
        if r.len() < min_fields {
            return Err(ParseError::Csv {
                row: i as u64 + 1,
                message: format!("expected at least {min_fields} fields, found {}", r.len()),
            });
        }
        if !first.chars().all(|c| c.is_ascii_digit()) {
            return Err(ParseError::Csv {
                row: i as u64 + 1,
                message: format!("the first field should be an entry number, found {first:?}"),
            });
        }
        out.push(r);
    }
    Ok(out)
}

/// OFAC programs are written `SDGT] [IRGC`: split on the brackets.
fn ofac_programs(s: Option<String>) -> Vec<String> {
    s.map(|s| {
        s.split(['[', ']'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

fn parse_sdn(bytes: &[u8]) -> Result<Vec<Entry>, ParseError> {
    ofac_rows(bytes, 4)?
        .iter()
        .map(|r| {
            let id = field(r, 0).unwrap_or_default();
            let row = r.position().map(|p| p.line()).unwrap_or(0);
            let name = field(r, 1).ok_or_else(|| ParseError::Csv {
                row,
                message: format!("entry {id} has no name"),
            })?;
            check_listed_name(row, &name)?;
            let kind = match field(r, 2).as_deref() {
                Some(k) => Some(capitalize(k)),
                None => Some("Entity".to_string()),
            };
            Ok(Entry {
                list: "SDN".into(),
                source: "Specially Designated Nationals (SDN) - Treasury Department".into(),
                id,
                kind,
                name,
                programs: ofac_programs(field(r, 3)),
                title: field(r, 4),
                remarks: field(r, 11),
                ..Entry::default()
            })
        })
        .collect()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn parse_alt(bytes: &[u8]) -> Result<Vec<AltRecord>, ParseError> {
    let mut out = Vec::new();
    for r in ofac_rows(bytes, 4)? {
        let (Some(ent_num), Some(alt_name)) = (field(&r, 0), field(&r, 3)) else {
            continue;
        };
        check_listed_name(r.position().map(|p| p.line()).unwrap_or(0), &alt_name)?;
        out.push(AltRecord {
            ent_num,
            alt_num: field(&r, 1).unwrap_or_default(),
            alt_type: field(&r, 2),
            alt_name,
            remarks: field(&r, 4),
        });
    }
    Ok(out)
}

fn parse_add(bytes: &[u8]) -> Result<Vec<AddRecord>, ParseError> {
    Ok(ofac_rows(bytes, 5)?
        .iter()
        .filter_map(|r| {
            Some(AddRecord {
                ent_num: field(r, 0)?,
                add_num: field(r, 1).unwrap_or_default(),
                address: field(r, 2),
                city: field(r, 3),
                country: field(r, 4),
                remarks: field(r, 5),
            })
        })
        .collect())
}

/// Joins OFAC's three files: aliases and addresses (with countries) attached to their primary records.
pub fn merge_ofac(mut sdn: Vec<Entry>, alt: &[AltRecord], add: &[AddRecord]) -> Vec<Entry> {
    let by_id: FxHashMap<String, usize> = sdn
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    for a in alt {
        if let Some(&i) = by_id.get(&a.ent_num) {
            if !sdn[i].alt_names.contains(&a.alt_name) {
                sdn[i].alt_names.push(a.alt_name.clone());
            }
        }
    }
    for a in add {
        if let Some(&i) = by_id.get(&a.ent_num) {
            let parts: Vec<&str> = [&a.address, &a.city, &a.country]
                .into_iter()
                .filter_map(|p| p.as_deref())
                .collect();
            if !parts.is_empty() {
                sdn[i].addresses.push(parts.join(", "));
            }
            if let Some(c) = &a.country {
                let c = countries::normalize_country(c);
                if !sdn[i].countries.contains(&c) {
                    sdn[i].countries.push(c);
                }
            }
        }
    }
    sdn
}

/// The short list code from a CSL `source` such as "Entity List (EL) - Bureau of Industry and Security".
pub fn list_code(source: &str) -> String {
    if let (Some(open), Some(close)) = (source.find('('), source.find(')')) {
        if open < close {
            let code = source[open + 1..close].trim();
            if !code.is_empty() && code.len() <= 8 {
                return code.to_string();
            }
        }
    }
    let s = source.to_ascii_lowercase();
    let code = if s.contains("entity list") {
        "EL"
    } else if s.contains("military end user") {
        "MEU"
    } else if s.contains("denied persons") {
        "DPL"
    } else if s.contains("unverified") {
        "UVL"
    } else if s.contains("specially designated") {
        "SDN"
    } else {
        return source.trim().to_string();
    };
    code.to_string()
}

fn split_multi(s: Option<String>) -> Vec<String> {
    s.map(|s| {
        s.split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

/// The country of a CSL address string: its last comma-separated part when that is a two-letter code.
fn address_country(address: &str) -> Option<String> {
    let last = address.rsplit(',').next()?.trim();
    (last.len() == 2 && last.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| last.to_ascii_uppercase())
}

fn parse_csl_csv(bytes: &[u8]) -> Result<Vec<Entry>, ParseError> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.byte_headers().map_err(|e| csv_error(&e))?.clone();
    let col: FxHashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (String::from_utf8_lossy(h).trim().to_ascii_lowercase(), i))
        .collect();
    if !col.contains_key("name") || !col.contains_key("source") {
        return Err(ParseError::Csv {
            row: 1,
            message: "the header has no `name` or `source` column".into(),
        });
    }
    let get = |r: &csv::ByteRecord, name: &str| col.get(name).and_then(|&i| field(r, i));
    let mut out = Vec::new();
    for (i, r) in reader.byte_records().enumerate() {
        let r = r.map_err(|e| csv_error(&e))?;
        let row = r.position().map_or(i as u64 + 2, |p| p.line());
        check_record(row, r.as_slice().len())?;
        let Some(name) = get(&r, "name") else {
            continue;
        };
        let alt_names = split_multi(get(&r, "alt_names"));
        for n in std::iter::once(&name).chain(&alt_names) {
            check_listed_name(row, n)?;
        }
        let source = get(&r, "source").unwrap_or_default();
        let addresses = split_multi(get(&r, "addresses"));
        let mut countries: Vec<String> = addresses
            .iter()
            .filter_map(|a| address_country(a))
            .collect();
        countries.dedup();
        let id = get(&r, "_id")
            .or_else(|| get(&r, "id"))
            .or_else(|| get(&r, "entity_number"))
            .unwrap_or_else(|| format!("row-{}", i + 2));
        out.push(Entry {
            list: list_code(&source),
            source,
            id,
            kind: get(&r, "type"),
            name,
            alt_names,
            programs: split_multi(get(&r, "programs")),
            countries,
            addresses,
            license_requirement: get(&r, "license_requirement"),
            license_policy: get(&r, "license_policy"),
            federal_register_notice: get(&r, "federal_register_notice"),
            start_date: get(&r, "start_date"),
            end_date: get(&r, "end_date"),
            title: get(&r, "title"),
            remarks: get(&r, "remarks"),
            source_list_url: get(&r, "source_list_url"),
        });
    }
    Ok(out)
}

fn json_str(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A JSON field that may be a list of strings, a single string (`;`-separated) or null.
fn json_list(v: &Value, key: &str) -> Vec<String> {
    match v.get(key) {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| match x {
                Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                _ => None,
            })
            .collect(),
        Some(Value::String(s)) => split_multi(Some(s.clone())),
        _ => Vec::new(),
    }
}

fn parse_csl_json(bytes: &[u8]) -> Result<(Vec<Entry>, Option<String>), ParseError> {
    let root: Value = serde_json::from_slice(bytes).map_err(|e| ParseError::Json(e.to_string()))?;
    let results = match &root {
        Value::Array(a) => a,
        Value::Object(o) => match o.get("results") {
            Some(Value::Array(a)) => a,
            _ => return Err(ParseError::Json("expected a `results` array".into())),
        },
        _ => return Err(ParseError::Json("expected an object with `results`".into())),
    };
    let published = match &root {
        Value::Object(o) => o
            .get("sources_used")
            .and_then(Value::as_array)
            .and_then(|s| {
                s.iter()
                    .filter_map(|x| json_str(x, "source_last_updated"))
                    .max()
            })
            .or_else(|| json_str(&root, "last_updated")),
        _ => None,
    };
    let mut out = Vec::new();
    for (i, r) in results.iter().enumerate() {
        if !r.is_object() {
            return Err(ParseError::Json(format!("result {i} is not an object")));
        }
        let Some(name) = json_str(r, "name") else {
            continue;
        };
        let alt_names = json_list(r, "alt_names");
        for n in std::iter::once(&name).chain(&alt_names) {
            check_listed_name(i as u64, n)?;
        }
        let source = json_str(r, "source").unwrap_or_default();
        let mut addresses = Vec::new();
        let mut countries = Vec::new();
        if let Some(Value::Array(a)) = r.get("addresses") {
            for addr in a {
                let parts: Vec<String> = [
                    "address",
                    "city",
                    "state",
                    "state_or_province",
                    "postal_code",
                    "country",
                ]
                .iter()
                .filter_map(|k| json_str(addr, k))
                .collect();
                if !parts.is_empty() {
                    addresses.push(parts.join(", "));
                }
                if let Some(c) = json_str(addr, "country") {
                    let c = countries::normalize_country(&c);
                    if !countries.contains(&c) {
                        countries.push(c);
                    }
                }
            }
        }
        out.push(Entry {
            list: list_code(&source),
            source,
            id: json_str(r, "id")
                .or_else(|| json_str(r, "entity_number"))
                .unwrap_or_else(|| format!("result-{i}")),
            kind: json_str(r, "type"),
            name,
            alt_names,
            programs: json_list(r, "programs"),
            countries,
            addresses,
            license_requirement: json_str(r, "license_requirement"),
            license_policy: json_str(r, "license_policy"),
            federal_register_notice: json_str(r, "federal_register_notice"),
            start_date: json_str(r, "start_date"),
            end_date: json_str(r, "end_date"),
            title: json_str(r, "title"),
            remarks: json_str(r, "remarks"),
            source_list_url: json_str(r, "source_list_url"),
        });
    }
    Ok((out, published))
}
