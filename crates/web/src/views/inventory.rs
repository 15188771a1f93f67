//! The inventory page: aigov-app's view of every subject as of a date, with each subject's owner and tags from
//! the store, filtered, sorted and cut into pages.

use aigov_app::inventory::{SubjectView, View};
use aigov_core::Date;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// How many subjects a page shows.
pub const PAGE: usize = 50;

/// A computed view, kept until the store changes or another date is asked for.
#[derive(Debug, Clone)]
pub struct Cached {
    /// The date.
    pub as_of: Date,
    /// The store's revision it was computed at.
    pub revision: i64,
    /// The view.
    pub view: Arc<View>,
    /// Each subject's owner and tags, by id.
    pub meta: Arc<HashMap<String, (String, Vec<String>)>>,
}

/// The filters and sort of the page.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Filter {
    /// The date (YYYY-MM-DD; default today).
    pub as_of: Option<String>,
    /// Only subjects classified in this jurisdiction (`EU`, `US-CO`).
    pub jurisdiction: Option<String>,
    /// Only subjects with this tier (`high`).
    pub tier: Option<String>,
    /// Only subjects of this owner.
    pub owner: Option<String>,
    /// Only subjects with this tag.
    pub tag: Option<String>,
    /// `deadline` (nearest first, the default) or `name`.
    pub sort: Option<String>,
    /// The page, from 1.
    pub page: Option<usize>,
}

impl Filter {
    fn get(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Row {
    /// The subject's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// "EU: high (2027-12-02)" per classification.
    pub classifications: Vec<(String, String, String)>,
    /// Prohibitions in effect or upcoming.
    pub prohibitions: Vec<String>,
    /// The next deadline: date and what happens.
    pub next: Option<(String, String)>,
    /// How many open questions.
    pub questions: usize,
    /// Owner.
    pub owner: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Why it could not be assessed.
    pub error: Option<String>,
}

/// The page.
#[derive(Debug, Clone)]
pub struct InventoryPage {
    /// The date.
    pub as_of: String,
    /// Subjects in the whole inventory.
    pub total: usize,
    /// Subjects that pass the filters.
    pub matching: usize,
    /// This page's rows.
    pub rows: Vec<Row>,
    /// The page number and the number of pages.
    pub page: usize,
    /// How many pages.
    pub pages: usize,
    /// The filters as chosen.
    pub jurisdiction: String,
    /// The tier chosen.
    pub tier: String,
    /// The owner chosen.
    pub owner: String,
    /// The tag chosen.
    pub tag: String,
    /// The sort chosen.
    pub sort: String,
    /// The choices of each filter.
    pub jurisdictions: Vec<String>,
    /// Tiers.
    pub tiers: Vec<String>,
    /// Owners.
    pub owners: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// The query string of this filter without the page (to build the pages' links).
    pub query: String,
    /// The previous page's path, if any.
    pub prev: Option<String>,
    /// The next page's path, if any.
    pub next: Option<String>,
    /// "12 subjects" (set by the handler, in the page's language).
    pub count_label: String,
    /// "Page 1 of 3".
    pub page_label: String,
}

impl InventoryPage {
    /// Filters, sorts and cuts the cached view.
    pub fn new(c: &Cached, f: &Filter) -> InventoryPage {
        let view = &c.view;
        let empty = (String::new(), Vec::new());
        let meta = |id: &str| c.meta.get(id).unwrap_or(&empty);
        let jurisdiction = Filter::get(&f.jurisdiction);
        let tier = Filter::get(&f.tier);
        let owner = Filter::get(&f.owner);
        let tag = Filter::get(&f.tag);
        // The nearest deadline of each subject (deadlines are sorted by date).
        let mut next: HashMap<&str, (Date, &str)> = HashMap::new();
        for d in &view.deadlines {
            next.entry(d.subject_id.as_str())
                .or_insert((d.date, d.text.as_str()));
        }
        let passes = |s: &SubjectView| {
            let (o, t) = meta(&s.id);
            jurisdiction.is_none_or(|j| s.classifications.iter().any(|c| c.jurisdiction == j))
                && tier.is_none_or(|x| s.classifications.iter().any(|c| c.tier == x))
                && owner.is_none_or(|x| o == x)
                && tag.is_none_or(|x| t.iter().any(|y| y == x))
        };
        let mut items: Vec<&SubjectView> = view.items.iter().filter(|s| passes(s)).collect();
        let by_name = Filter::get(&f.sort) == Some("name");
        if by_name {
            items.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        } else {
            // Nearest deadline first; subjects with none last, by name.
            items.sort_by(|a, b| {
                let da = next.get(a.id.as_str()).map(|x| x.0);
                let db = next.get(b.id.as_str()).map(|x| x.0);
                (da.is_none(), da, &a.name).cmp(&(db.is_none(), db, &b.name))
            });
        }
        let matching = items.len();
        let pages = matching.div_ceil(PAGE).max(1);
        let page = f.page.unwrap_or(1).clamp(1, pages);
        let rows = items
            .into_iter()
            .skip((page - 1) * PAGE)
            .take(PAGE)
            .map(|s| {
                let (o, t) = meta(&s.id);
                Row {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    kind: s.subject.clone().unwrap_or_default(),
                    classifications: s
                        .classifications
                        .iter()
                        .map(|c| {
                            (
                                c.jurisdiction.clone(),
                                c.tier.clone(),
                                c.applies_from.to_string(),
                            )
                        })
                        .collect(),
                    prohibitions: s.prohibitions.clone(),
                    next: next
                        .get(s.id.as_str())
                        .map(|(d, t)| (d.to_string(), t.to_string())),
                    questions: s.questions.len(),
                    owner: o.clone(),
                    tags: t.clone(),
                    error: s.error.clone(),
                }
            })
            .collect();
        let mut jurisdictions = BTreeSet::new();
        let mut tiers = BTreeSet::new();
        for k in view.by_tier.keys() {
            if let Some((j, t)) = k.split_once('/') {
                jurisdictions.insert(j.to_string());
                tiers.insert(t.to_string());
            }
        }
        let owners: BTreeSet<String> = c
            .meta
            .values()
            .map(|(o, _)| o.clone())
            .filter(|o| !o.is_empty())
            .collect();
        let tags: BTreeSet<String> = c.meta.values().flat_map(|(_, t)| t.clone()).collect();
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("as_of", &view.as_of.to_string());
        for (k, v) in [
            ("jurisdiction", jurisdiction),
            ("tier", tier),
            ("owner", owner),
            ("tag", tag),
            ("sort", Filter::get(&f.sort)),
        ] {
            if let Some(v) = v {
                q.append_pair(k, v);
            }
        }
        let query = q.finish();
        InventoryPage {
            as_of: view.as_of.to_string(),
            total: view.subjects,
            matching,
            rows,
            page,
            pages,
            jurisdiction: jurisdiction.unwrap_or("").to_string(),
            tier: tier.unwrap_or("").to_string(),
            owner: owner.unwrap_or("").to_string(),
            tag: tag.unwrap_or("").to_string(),
            sort: if by_name { "name" } else { "deadline" }.to_string(),
            jurisdictions: jurisdictions.into_iter().collect(),
            tiers: tiers.into_iter().collect(),
            owners: owners.into_iter().collect(),
            tags: tags.into_iter().collect(),
            prev: (page > 1).then(|| format!("/inventory?{query}&page={}", page - 1)),
            next: (page < pages).then(|| format!("/inventory?{query}&page={}", page + 1)),
            query,
            count_label: String::new(),
            page_label: String::new(),
        }
    }

    /// The subject's path as of the page's date.
    pub fn subject_path(&self, id: &str) -> String {
        format!("/subjects/{id}?as_of={}", self.as_of)
    }
}
