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

/// Whether `code` is among [`known`]: an instrument's jurisdiction or a region containing one, in any case.
fn is_known(corpus: &Corpus, code: &str) -> bool {
    corpus.instruments.iter().any(|i| {
        let j = i.jurisdiction.as_bytes();
        let c = code.as_bytes();
        j.len() >= c.len()
            && j[..c.len()].eq_ignore_ascii_case(c)
            && (j.len() == c.len() || j[c.len()] == b'-')
    })
}

/// Checks jurisdiction codes against the corpus; an unknown one is an error with a "did you mean".
pub fn check(corpus: &Corpus, given: &[String]) -> Result<(), AppError> {
    // Most requests give no code, or known ones: those are checked against the instruments without building the
    // list of known codes (which every request used to build, even with no code given), the list only for the
    // error.
    let Some(j) = given.iter().find(|j| !is_known(corpus, j)) else {
        return Ok(());
    };
    let known = known(corpus);
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
    Err(AppError::Invalid {
        message: format!(
            "unknown jurisdiction `{}`: no instrument of the corpus is in it",
            manifest::clip(j, manifest::QUOTE_LIMIT)
        ),
        help: match aigov_core::vocabulary::did_you_mean(&upper, known.iter().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`? Known: {}", known.join(", ")),
            None => format!("known jurisdictions: {}", known.join(", ")),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick test agrees with the list of known codes, for every known code (in any case), every code with a
    /// letter changed or cut short, and codes no instrument has.
    #[test]
    fn the_quick_check_is_the_list() {
        let engine = crate::engine(None).unwrap();
        let corpus = &engine.corpus;
        let known = known(corpus);
        assert!(known.len() > 10, "{known:?}");
        let mut probes: Vec<String> = vec![
            "".into(),
            "-".into(),
            "XX".into(),
            "US-".into(),
            "FR".into(),
        ];
        for k in &known {
            probes.push(k.clone());
            probes.push(k.to_ascii_lowercase());
            probes.push(k[..k.len() - 1].to_string());
            probes.push(format!("{k}X"));
            probes.push(format!("{k}-"));
        }
        for p in &probes {
            let listed = known.iter().any(|k| k.eq_ignore_ascii_case(p));
            assert_eq!(is_known(corpus, p), listed, "{p:?}");
            assert_eq!(
                check(corpus, std::slice::from_ref(p)).is_ok(),
                listed,
                "{p:?}"
            );
        }
        assert!(check(corpus, &[]).is_ok());
    }
}
