//! The screening data model: one listed party ([`Entry`]) and the version of the list it came from
//! ([`ListMeta`]).

use serde::{Deserialize, Serialize};

/// One listed party, from any list, with the fields screening reports need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Entry {
    /// The short list code: `SDN`, `EL` (Entity List), `MEU`, `DPL`, `UVL`, `SSI`, `DTC`, `ISN`, ...
    pub list: String,
    /// The list's full name as published (for CSL rows, the `source` column).
    pub source: String,
    /// The identifier in its source: the OFAC `ent_num`, or the CSL `id` / `entity_number`.
    pub id: String,
    /// `Entity`, `Individual`, `Vessel` or `Aircraft`, when the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The primary name.
    pub name: String,
    /// Alternate names (aliases, former names, transliterations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_names: Vec<String>,
    /// Sanctions programs (OFAC program tags such as `SDGT`, or CSL `programs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<String>,
    /// Countries of the addresses (ISO 3166-1 alpha-2 where known, else the name as published).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Addresses as published, one string each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<String>,
    /// Entity List: the licence requirement (for example "For all items subject to the EAR").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_requirement: Option<String>,
    /// Entity List: the licence review policy (for example "Presumption of denial").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_policy: Option<String>,
    /// The Federal Register citation of the listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federal_register_notice: Option<String>,
    /// When the listing took effect (as published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// When the listing ends (as published; Denied Persons orders have one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// A title or position (individuals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Remarks as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// The source list's web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_list_url: Option<String>,
}

impl Entry {
    /// The primary name followed by every alternate name.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.alt_names.iter().map(String::as_str))
    }
}

/// An OFAC `alt.csv` row: an alternate name of an SDN entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AltRecord {
    /// The SDN entry (`ent_num`).
    pub ent_num: String,
    /// The alias number.
    pub alt_num: String,
    /// `aka`, `fka` or `nka`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_type: Option<String>,
    /// The alternate name.
    pub alt_name: String,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

/// An OFAC `add.csv` row: an address of an SDN entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddRecord {
    /// The SDN entry (`ent_num`).
    pub ent_num: String,
    /// The address number.
    pub add_num: String,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// City, state or province, postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Country as published (a name such as "China").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

/// The official file formats read by [`crate::parse()`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// The Consolidated Screening List as CSV (with a header row).
    CslCsv,
    /// The Consolidated Screening List as JSON (`{"results": [...]}`, the bulk and search shapes).
    CslJson,
    /// OFAC `sdn.csv` (primary records, no header).
    OfacSdn,
    /// OFAC `alt.csv` (alternate names, no header).
    OfacAlt,
    /// OFAC `add.csv` (addresses, no header).
    OfacAdd,
    /// The PRC Unreliable Entity List (不可靠实体清单) as CSV in aigov's documented layout (docs/output.md): MOFCOM
    /// publishes listings as announcements, not as a data file, so the list is kept in this layout.
    UelCsv,
}

impl Format {
    /// The store part the format is kept in (`csl`, `ofac-sdn`, `ofac-alt`, `ofac-add`, `uel`).
    pub fn part(self) -> &'static str {
        match self {
            Format::CslCsv | Format::CslJson => "csl",
            Format::OfacSdn => "ofac-sdn",
            Format::OfacAlt => "ofac-alt",
            Format::OfacAdd => "ofac-add",
            Format::UelCsv => "uel",
        }
    }

    /// A human name of the format.
    pub fn describe(self) -> &'static str {
        match self {
            Format::CslCsv => "Consolidated Screening List (CSV)",
            Format::CslJson => "Consolidated Screening List (JSON)",
            Format::OfacSdn => "OFAC SDN primary records (sdn.csv)",
            Format::OfacAlt => "OFAC SDN alternate names (alt.csv)",
            Format::OfacAdd => "OFAC SDN addresses (add.csv)",
            Format::UelCsv => "PRC Unreliable Entity List (CSV)",
        }
    }
}

/// The version of one stored list part: where it came from, when it was published and imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListMeta {
    /// The store part (`csl`, `ofac-sdn`, `ofac-alt`, `ofac-add`).
    pub part: String,
    /// The file format read.
    pub format: Format,
    /// The file path or URL it was read from.
    pub source: String,
    /// The publication date, when known (ISO 8601 date or date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where the publication date came from: `sources_used` (CSL JSON), `last-modified` (the download's HTTP
    /// header), `given` (`--published`). Never the local file's modification time (when it was copied, not
    /// published); stores of earlier releases may still say `file-modified`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_basis: Option<String>,
    /// When it was imported (RFC 3339).
    pub imported: String,
    /// The number of records read.
    pub records: usize,
}

impl ListMeta {
    /// A one-line description: `ofac-sdn published 2024-05-01 (last-modified), imported ..., 8975 records`.
    pub fn describe(&self) -> String {
        let published = match (&self.published, &self.published_basis) {
            (Some(p), Some(b)) => format!("published {p} ({b})"),
            (Some(p), None) => format!("published {p}"),
            _ => "publication date unknown".to_string(),
        };
        format!(
            "{} {}, imported {}, {} records, from {}",
            self.part, published, self.imported, self.records, self.source
        )
    }
}
