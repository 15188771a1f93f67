//! Jurisdiction codes as users give them (`--jurisdiction`, the API's `jurisdictions`): checked against the
//! corpus, because an unknown code (a typo, or a country with no law in the corpus) would silently give "no rule
//! concerns this subject" — a gate turned green by a typo.

use crate::AppError;
use aigov_core::manifest;
use aigov_core::Corpus;

/// The member states of the European Union (ISO 3166-1), for the hint of `--jurisdiction FR`.
const EU_MEMBERS: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// The jurisdiction codes the corpus knows: every instrument's jurisdiction and the regions that contain it
/// (`US-NY-NYC` brings `US-NY` and `US`).
pub fn known(corpus: &Corpus) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in &corpus.instruments {
        let code = i.jurisdiction.as_str();
        let mut end = code.len();
        loop {
            out.push(code[..end].to_string());
            match code[..end].rfind('-') {
                Some(i) => end = i,
                None => break,
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Checks jurisdiction codes against the corpus; an unknown one is an error with a "did you mean".
pub fn check(corpus: &Corpus, given: &[String]) -> Result<(), AppError> {
    let known = known(corpus);
    for j in given {
        if known.iter().any(|k| k.eq_ignore_ascii_case(j)) {
            continue;
        }
        let upper = j.to_ascii_uppercase();
        if EU_MEMBERS.contains(&upper.as_str()) && known.iter().any(|k| k == "EU") {
            return Err(AppError::Invalid {
                message: format!("unknown jurisdiction `{j}`: no instrument of the corpus is in it"),
                help: format!(
                    "did you mean `EU`? {upper} is an EU member state: the law the corpus has for it is EU law \
                     (filter with --jurisdiction EU)"
                ),
            });
        }
        return Err(AppError::Invalid {
            message: format!(
                "unknown jurisdiction `{}`: no instrument of the corpus is in it",
                manifest::clip(j, manifest::QUOTE_LIMIT)
            ),
            help: match aigov_core::vocabulary::did_you_mean(
                &upper,
                known.iter().map(String::as_str),
            ) {
                Some(s) => format!("did you mean `{s}`? Known: {}", known.join(", ")),
                None => format!("known jurisdictions: {}", known.join(", ")),
            },
        });
    }
    Ok(())
}
