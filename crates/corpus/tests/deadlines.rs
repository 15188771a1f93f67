//! Deadlines in the unit the law counts them in: a window the law gives in hours is encoded in hours, never
//! rounded to days (24 hours is not "1 day": a day-count starts the next day and ends at midnight).

use aigov_core::model::Effect;

#[test]
fn a_window_the_law_gives_in_hours_is_encoded_in_hours() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = aigov_corpus::load(&sources).unwrap_or_else(|d| panic!("{d:#?}"));
    let mut wrong = Vec::new();
    for rule in &loaded.corpus.rules {
        for v in &rule.versions {
            if let Effect::Obligation {
                deadline: Some(d), ..
            } = &v.effect
            {
                let words = format!("{} {}", d.after.as_deref().unwrap_or(""), d.text);
                if d.within_days.is_some() && words.contains("hours") {
                    wrong.push(format!(
                        "{}: {} days, but {words:?}",
                        rule.id,
                        d.within_days.unwrap_or(0)
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // EU AI Act Art 5(3): in urgency, the authorisation is requested "at the latest within 24 hours".
    let rule = loaded
        .corpus
        .rules
        .iter()
        .find(|r| r.id == "eu_ai_act.art5_2_rbi_safeguards")
        .expect("the rule");
    let Effect::Obligation {
        deadline: Some(d), ..
    } = &rule.versions[0].effect
    else {
        panic!("an obligation with a deadline: {rule:?}");
    };
    assert_eq!((d.within_hours, d.within_days), (Some(24), None));
}
