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
    /// The file is not UTF-8 text (decode other encodings before parsing).
    #[error("line {line}: byte {offset} is not UTF-8 text")]
    Encoding {
        /// The 1-based line of the first byte that is not UTF-8.
        line: u64,
        /// Its 0-based byte offset.
        offset: usize,
    },
    /// The file ends where a complete file cannot end: cut off in the middle of a record or before its
    /// closing structure.
    #[error("line {line}: {message}")]
    Truncated {
        /// The 1-based line where the incomplete part starts.
        line: u64,
        /// What is missing.
        message: String,
    },
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
    let header: Vec<&str> = first_line.split(',').map(str::trim).collect();
    if header.contains(&"name") && header.contains(&"listed") && header.contains(&"announcement") {
        return Some(Format::UelCsv);
    }
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
///
/// Parsing is strict: the file must be UTF-8 (a byte-order mark is allowed) and must parse completely — a
/// malformed or incomplete record, a quote left open, an OFAC file without its end-of-file marker, or a CSL JSON
/// file holding fewer results than its `total` is an error naming the line, never a shorter list.
pub fn parse(format: Format, bytes: &[u8]) -> Result<Parsed, ParseError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ParseError::FileTooLarge {
            bytes: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let offset = e.valid_up_to();
        return Err(ParseError::Encoding {
            line: line_of(bytes, offset),
            offset,
        });
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let (records, published) = match format {
        Format::CslCsv => (Records::Entries(parse_csl_csv(bytes)?), None),
        Format::CslJson => {
            let (entries, published) = parse_csl_json(bytes)?;
            (Records::Entries(entries), published)
        }
        Format::OfacSdn => (Records::Entries(parse_sdn(bytes)?), None),
        Format::OfacAlt => (Records::Alt(parse_alt(bytes)?), None),
        Format::OfacAdd => (Records::Add(parse_add(bytes)?), None),
        Format::UelCsv => (Records::Entries(parse_uel_csv(bytes)?), None),
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

/// The 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> u64 {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

/// Checks the quoting of CSV text (RFC 4180, as the lists are written): every quoted field is closed, and a
/// closing quote is followed by a separator or a line end. The CSV reader would otherwise read an unbalanced
/// quote as one long field swallowing the records after it, and keep going.
fn check_quotes(bytes: &[u8]) -> Result<(), ParseError> {
    let n = bytes.len();
    let mut line = 1u64;
    let mut i = 0;
    let mut field_start = true;
    while i < n {
        let b = bytes[i];
        if field_start && b == b'"' {
            let open_line = line;
            i += 1;
            loop {
                if i >= n {
                    return Err(ParseError::Truncated {
                        line: open_line,
                        message: "a quoted field opened on this line is never closed (an unbalanced quote, or \
                                  a file cut off)"
                            .into(),
                    });
                }
                match bytes[i] {
                    b'"' if bytes.get(i + 1) == Some(&b'"') => i += 2,
                    b'"' => {
                        i += 1;
                        break;
                    }
                    b'\n' => {
                        line += 1;
                        i += 1;
                    }
                    _ => i += 1,
                }
            }
            if i < n && !matches!(bytes[i], b',' | b'\r' | b'\n') {
                return Err(ParseError::Csv {
                    row: line,
                    message: "text follows the closing quote of a field (a quote that is not doubled, or an \
                              unbalanced quote)"
                        .into(),
                });
            }
            field_start = false;
            continue;
        }
        match b {
            b',' => field_start = true,
            b'\n' => {
                line += 1;
                field_start = true;
            }
            _ => field_start = false,
        }
        i += 1;
    }
    Ok(())
}

/// The body of an OFAC legacy file: the records before the end-of-file byte (`0x1A`) the files end with. A file
/// without it, or whose last record is not ended by a line break, was cut off.
fn ofac_body(bytes: &[u8]) -> Result<&[u8], ParseError> {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let lines = line_of(bytes, end);
    if end == 0 || bytes[end - 1] != 0x1a {
        return Err(ParseError::Truncated {
            line: lines,
            message: "the file does not end with the end-of-file byte (0x1A) that OFAC's sdn.csv, alt.csv and \
                      add.csv end with: it looks cut off here"
                .into(),
        });
    }
    let body = &bytes[..end - 1];
    if !body.is_empty() && !body.ends_with(b"\n") {
        return Err(ParseError::Truncated {
            line: lines,
            message: "the last record is not ended by a line break before the end-of-file byte"
                .into(),
        });
    }
    if body.contains(&0x1a) {
        return Err(ParseError::Csv {
            row: line_of(body, body.iter().position(|&b| b == 0x1a).unwrap_or(0)),
            message: "an end-of-file byte (0x1A) in the middle of the file".into(),
        });
    }
    check_quotes(body)?;
    Ok(body)
}

/// OFAC rows: every record has exactly `fields` fields and starts with its entry number.
fn ofac_rows(bytes: &[u8], fields: usize) -> Result<Vec<csv::ByteRecord>, ParseError> {
    let body = ofac_body(bytes)?;
    let mut out = Vec::new();
    for r in csv_reader(body).byte_records() {
        let r = r.map_err(|e| csv_error(&e))?;
        let row = r.position().map_or(0, |p| p.line());
        check_record(row, r.as_slice().len())?;
        if r.len() != fields {
            return Err(ParseError::Csv {
                row,
                message: format!("expected {fields} fields, found {}", r.len()),
            });
        }
        let first = field(&r, 0).unwrap_or_default();
        if first.is_empty() || !first.chars().all(|c| c.is_ascii_digit()) {
            return Err(ParseError::Csv {
                row,
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
    ofac_rows(bytes, 12)?
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
    ofac_rows(bytes, 5)?
        .iter()
        .map(|r| {
            let ent_num = field(r, 0).unwrap_or_default();
            let row = r.position().map_or(0, |p| p.line());
            let alt_name = field(r, 3).ok_or_else(|| ParseError::Csv {
                row,
                message: format!("the alternate name of entry {ent_num} is empty"),
            })?;
            check_listed_name(row, &alt_name)?;
            Ok(AltRecord {
                alt_name,
                ent_num,
                alt_num: field(r, 1).unwrap_or_default(),
                alt_type: field(r, 2),
                remarks: field(r, 4),
            })
        })
        .collect()
}

fn parse_add(bytes: &[u8]) -> Result<Vec<AddRecord>, ParseError> {
    Ok(ofac_rows(bytes, 6)?
        .iter()
        .map(|r| AddRecord {
            ent_num: field(r, 0).unwrap_or_default(),
            add_num: field(r, 1).unwrap_or_default(),
            address: field(r, 2),
            city: field(r, 3),
            country: field(r, 4),
            remarks: field(r, 5),
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

/// A CSV header's columns by lowercase name.
type Columns = FxHashMap<String, usize>;

/// A strict CSV reader over `bytes` (quotes balanced, every row as long as the header), and the header's
/// columns.
fn csv_with_columns(bytes: &[u8]) -> Result<(csv::Reader<&[u8]>, Columns), ParseError> {
    check_quotes(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes);
    let headers = reader.byte_headers().map_err(|e| csv_error(&e))?.clone();
    let col = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (String::from_utf8_lossy(h).trim().to_ascii_lowercase(), i))
        .collect();
    Ok((reader, col))
}

/// The columns of the Unreliable Entity List layout: `name`, `listed` (YYYY-MM-DD) and `announcement` are
/// required; `name_zh`, `country`, `measures` (`;`-separated), `alt_names` (`;`-separated) and `removed`
/// (YYYY-MM-DD) are optional. Documented in docs/output.md.
const UEL_REQUIRED: [&str; 3] = ["name", "listed", "announcement"];

/// The PRC Unreliable Entity List, as CSV in the documented layout: one row per listed entity.
fn parse_uel_csv(bytes: &[u8]) -> Result<Vec<Entry>, ParseError> {
    let (mut reader, col) = csv_with_columns(bytes)?;
    if let Some(missing) = UEL_REQUIRED.iter().find(|c| !col.contains_key(**c)) {
        return Err(ParseError::Csv {
            row: 1,
            message: format!(
                "the header has no `{missing}` column (the layout: name, name_zh, country, listed, announcement, measures, alt_names, removed)"
            ),
        });
    }
    let get = |r: &csv::ByteRecord, name: &str| col.get(name).and_then(|&i| field(r, i));
    let is_date = |s: &str| {
        s.len() == 10
            && s.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    let mut out = Vec::new();
    for (i, r) in reader.byte_records().enumerate() {
        let r = r.map_err(|e| csv_error(&e))?;
        let row = r.position().map_or(i as u64 + 2, |p| p.line());
        check_record(row, r.as_slice().len())?;
        let missing = |what: &str| ParseError::Csv {
            row,
            message: format!("the record has no `{what}`"),
        };
        let name = get(&r, "name").ok_or_else(|| missing("name"))?;
        let listed = get(&r, "listed").ok_or_else(|| missing("listed"))?;
        let announcement = get(&r, "announcement").ok_or_else(|| missing("announcement"))?;
        let removed = get(&r, "removed");
        for (what, date) in [("listed", Some(&listed)), ("removed", removed.as_ref())] {
            if let Some(d) = date.filter(|d| !is_date(d)) {
                return Err(ParseError::Csv {
                    row,
                    message: format!("`{what}` is {d:?}; write the date as YYYY-MM-DD"),
                });
            }
        }
        let mut alt_names = split_multi(get(&r, "alt_names"));
        if let Some(zh) = get(&r, "name_zh") {
            alt_names.insert(0, zh);
        }
        for n in std::iter::once(&name).chain(&alt_names) {
            check_listed_name(row, n)?;
        }
        out.push(Entry {
            list: "UEL".into(),
            source: "Unreliable Entity List (不可靠实体清单) - PRC Ministry of Commerce".into(),
            id: format!("uel-{listed}-{}", i + 1),
            kind: Some("Entity".into()),
            name,
            alt_names,
            programs: split_multi(get(&r, "measures")),
            countries: get(&r, "country")
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .collect(),
            start_date: Some(listed),
            end_date: removed,
            remarks: Some(announcement),
            ..Entry::default()
        });
    }
    Ok(out)
}

fn parse_csl_csv(bytes: &[u8]) -> Result<Vec<Entry>, ParseError> {
    let (mut reader, col) = csv_with_columns(bytes)?;
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
            return Err(ParseError::Csv {
                row: r.position().map_or(0, |p| p.line()),
                message: "the record has no name".into(),
            });
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
    if let Some(total) = root.get("total").and_then(Value::as_u64) {
        if total != results.len() as u64 {
            return Err(ParseError::Json(format!(
                "the file says it has {total} results (`total`) but holds {}: it is one page of a search or \
                 cut off",
                results.len()
            )));
        }
    }
    let mut out = Vec::new();
    for (i, r) in results.iter().enumerate() {
        if !r.is_object() {
            return Err(ParseError::Json(format!("result {i} is not an object")));
        }
        let Some(name) = json_str(r, "name") else {
            return Err(ParseError::Json(format!("result {i} has no name")));
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
