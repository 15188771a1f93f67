//! A penalty's own start date: it is never earlier than every duty it sanctions, as the law now stands. A penalty
//! dated from an operative date that a later amendment moved (before it arrived) would read as imposable before
//! any of its duties applies. The exception is a law that gives its penalty provisions their own, earlier date:
//! the EU AI Act's Arts 99 and 100 apply from 2 August 2025 (Art 113(b)), before most of the duties they sanction.

use aigov_core::model::Effect;

#[test]
fn no_penalty_starts_before_every_duty_it_sanctions() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = aigov_corpus::load(&sources).unwrap_or_else(|d| panic!("{d:#?}"));
    let corpus = &loaded.corpus;
    let own_date = ["eu_ai_act.art99_4", "eu_ai_act.art100_3"];
    let mut wrong = Vec::new();
    for p in corpus
        .penalties
        .iter()
        .filter(|p| !own_date.contains(&p.id.as_str()))
    {
        let Some(start) = &p.applies_from else {
            continue;
        };
        // The earliest date from which a duty citing this penalty applies, in each rule's latest version.
        let earliest = corpus
            .rules
            .iter()
            .filter_map(|r| r.versions.last())
            .filter(|v| match &v.effect {
                Effect::Obligation { penalty, .. } | Effect::Prohibition { penalty, .. } => {
                    penalty.as_deref() == Some(p.id.as_str())
                }
                _ => false,
            })
            .map(|v| v.applies_from.date)
            .min();
        if let Some(first) = earliest {
            if start.date < first {
                wrong.push(format!(
                    "{}: from {}, its duties from {first}",
                    p.id, start.date
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The two penalties of laws delayed before their first operative date start on the delayed date.
    for (id, date) in [
        ("us_ca_sb942.civil_penalty", "2026-08-02"),
        ("us_co_sb24_205.cpa_civil_penalty", "2026-06-30"),
    ] {
        let p = corpus.penalty(id).expect(id);
        let from = p.applies_from.as_ref().map(|d| d.date.to_string());
        assert_eq!(from.as_deref(), Some(date), "{id}");
    }
}
