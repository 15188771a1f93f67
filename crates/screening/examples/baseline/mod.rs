//! The brute-force baseline that `screen_bench` and `alias_eval` measure the index against: every query compared
//! with every listed name by Jaro-Winkler (`strsim`) of the normalised names, as written and with their words
//! sorted (so that word order costs nothing), the better of the two. One definition, so both measure the same.

use aigov_screening::{normalize::normalize, Index};

/// Every indexed name's key, plain and word-sorted, with its entry.
pub struct Baseline {
    /// (entry, key, key with its words sorted), one per indexed name.
    pub names: Vec<(usize, String, String)>,
}

impl Baseline {
    /// The names of `index`.
    pub fn new(index: &Index) -> Self {
        Baseline {
            names: index
                .name_keys()
                .map(|(e, k)| {
                    let s = sorted(&k);
                    (e, k, s)
                })
                .collect(),
        }
    }

    /// Scores `query` against every name, into `scores` (one slot per name, in the order of `names`).
    pub fn score(&self, query: &str, scores: &mut [f64]) {
        let k = normalize(query).key();
        let ks = sorted(&k);
        for (slot, (_, n, s)) in scores.iter_mut().zip(&self.names) {
            *slot = strsim::jaro_winkler(&k, n).max(strsim::jaro_winkler(&ks, s));
        }
    }
}

/// The words of a key in sorted order.
fn sorted(s: &str) -> String {
    let mut w: Vec<&str> = s.split(' ').collect();
    w.sort_unstable();
    w.join(" ")
}
