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
    /// Each subject's nearest deadline (date and text), by its index in the view.
    pub next: Arc<Vec<Option<(Date, String)>>>,
    /// The view's subjects by nearest deadline (none last), then name: indices into the view.
    pub by_deadline: Arc<Vec<usize>>,
}

impl Cached {
    /// Keeps `view` with its subjects' owners and tags, working out once what every page needs: each subject's
    /// nearest deadline and the order by it.
    pub fn new(
        as_of: Date,
        revision: i64,
        view: View,
        meta: HashMap<String, (String, Vec<String>)>,
    ) -> Cached {
        let index: HashMap<&str, usize> = view
            .items
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut next: Vec<Option<(Date, String)>> = vec![None; view.items.len()];
        // Deadlines are sorted by date: the first of each subject is its nearest.
        for d in &view.deadlines {
            if let Some(&i) = index.get(d.subject_id.as_str()) {
                if next[i].is_none() {
                    next[i] = Some((d.date, d.text.clone()));
                }
            }
        }
        let mut by_deadline: Vec<usize> = (0..view.items.len()).collect();
        by_deadline.sort_by(|&a, &b| {
            let da = next[a].as_ref().map(|x| x.0);
            let db = next[b].as_ref().map(|x| x.0);
            (da.is_none(), da, &view.items[a].name).cmp(&(db.is_none(), db, &view.items[b].name))
        });
        Cached {
            as_of,
            revision,
            view: Arc::new(view),
            meta: Arc::new(meta),
            next: Arc::new(next),
            by_deadline: Arc::new(by_deadline),
        }
    }
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
        let passes = |s: &SubjectView| {
            let (o, t) = meta(&s.id);
            jurisdiction.is_none_or(|j| s.classifications.iter().any(|c| c.jurisdiction == j))
                && tier.is_none_or(|x| s.classifications.iter().any(|c| c.tier == x))
                && owner.is_none_or(|x| o == x)
                && tag.is_none_or(|x| t.iter().any(|y| y == x))
        };
        let by_name = Filter::get(&f.sort) == Some("name");
        // Nearest deadline first is worked out once per view; by name is sorted here.
        let mut items: Vec<usize> = c
            .by_deadline
            .iter()
            .copied()
            .filter(|&i| passes(&view.items[i]))
            .collect();
        if by_name {
            items.sort_by(|&a, &b| {
                (&view.items[a].name, &view.items[a].id)
                    .cmp(&(&view.items[b].name, &view.items[b].id))
            });
        }
        let matching = items.len();
        let pages = matching.div_ceil(PAGE).max(1);
        let page = f.page.unwrap_or(1).clamp(1, pages);
        let rows = items
            .into_iter()
            .skip((page - 1) * PAGE)
            .take(PAGE)
            .map(|i| {
                let s = &view.items[i];
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
                    next: c.next[i].as_ref().map(|(d, t)| (d.to_string(), t.clone())),
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
