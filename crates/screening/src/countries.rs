//! Country names as OFAC publishes them (add.csv) mapped to ISO 3166-1 alpha-2 codes, so that `--country CC`
//! works on OFAC and CSL rows alike.

/// (name as published, lowercased; ISO code).
#[rustfmt::skip]
const NAMES: &[(&str, &str)] = &[
    ("afghanistan", "AF"), ("albania", "AL"), ("algeria", "DZ"), ("angola", "AO"), ("argentina", "AR"),
    ("armenia", "AM"), ("australia", "AU"), ("austria", "AT"), ("azerbaijan", "AZ"), ("bahamas, the", "BS"),
    ("bahamas", "BS"), ("bahrain", "BH"), ("bangladesh", "BD"), ("barbados", "BB"), ("belarus", "BY"),
    ("belgium", "BE"), ("belize", "BZ"), ("benin", "BJ"), ("bolivia", "BO"), ("bosnia and herzegovina", "BA"),
    ("brazil", "BR"), ("brunei", "BN"), ("bulgaria", "BG"), ("burkina faso", "BF"), ("burma", "MM"),
    ("myanmar", "MM"), ("burundi", "BI"), ("cambodia", "KH"), ("cameroon", "CM"), ("canada", "CA"),
    ("cayman islands", "KY"), ("central african republic", "CF"), ("chad", "TD"), ("chile", "CL"),
    ("china", "CN"), ("colombia", "CO"), ("comoros", "KM"), ("congo, democratic republic of the", "CD"),
    ("congo, republic of the", "CG"), ("costa rica", "CR"), ("cote d ivoire", "CI"), ("croatia", "HR"),
    ("cuba", "CU"), ("cyprus", "CY"), ("czech republic", "CZ"), ("czechia", "CZ"), ("denmark", "DK"),
    ("djibouti", "DJ"), ("dominica", "DM"), ("dominican republic", "DO"), ("ecuador", "EC"), ("egypt", "EG"),
    ("el salvador", "SV"), ("eritrea", "ER"), ("estonia", "EE"), ("ethiopia", "ET"), ("finland", "FI"),
    ("france", "FR"), ("georgia", "GE"), ("germany", "DE"), ("ghana", "GH"), ("gibraltar", "GI"),
    ("greece", "GR"), ("guatemala", "GT"), ("guinea", "GN"), ("guyana", "GY"), ("haiti", "HT"),
    ("honduras", "HN"), ("hong kong", "HK"), ("hungary", "HU"), ("india", "IN"), ("indonesia", "ID"),
    ("iran", "IR"), ("iraq", "IQ"), ("ireland", "IE"), ("israel", "IL"), ("italy", "IT"), ("jamaica", "JM"),
    ("japan", "JP"), ("jersey", "JE"), ("jordan", "JO"), ("kazakhstan", "KZ"), ("kenya", "KE"),
    ("korea, north", "KP"), ("korea, south", "KR"), ("kosovo", "XK"), ("kuwait", "KW"), ("kyrgyzstan", "KG"),
    ("laos", "LA"), ("latvia", "LV"), ("lebanon", "LB"), ("liberia", "LR"), ("libya", "LY"),
    ("liechtenstein", "LI"), ("lithuania", "LT"), ("luxembourg", "LU"), ("malaysia", "MY"), ("mali", "ML"),
    ("malta", "MT"), ("marshall islands", "MH"), ("mauritania", "MR"), ("mexico", "MX"), ("moldova", "MD"),
    ("mongolia", "MN"), ("montenegro", "ME"), ("morocco", "MA"), ("mozambique", "MZ"), ("namibia", "NA"),
    ("nepal", "NP"), ("netherlands", "NL"), ("netherlands antilles", "AN"), ("new zealand", "NZ"),
    ("nicaragua", "NI"), ("niger", "NE"), ("nigeria", "NG"), ("north macedonia", "MK"), ("norway", "NO"),
    ("oman", "OM"), ("pakistan", "PK"), ("palestinian", "PS"), ("west bank", "PS"), ("region: gaza", "PS"),
    ("panama", "PA"), ("paraguay", "PY"), ("peru", "PE"), ("philippines", "PH"), ("poland", "PL"),
    ("portugal", "PT"), ("qatar", "QA"), ("romania", "RO"), ("russia", "RU"), ("rwanda", "RW"),
    ("saint kitts and nevis", "KN"), ("saint vincent and the grenadines", "VC"), ("samoa", "WS"),
    ("saudi arabia", "SA"), ("senegal", "SN"), ("serbia", "RS"), ("seychelles", "SC"), ("sierra leone", "SL"),
    ("singapore", "SG"), ("slovakia", "SK"), ("slovenia", "SI"), ("somalia", "SO"), ("south africa", "ZA"),
    ("south sudan", "SS"), ("spain", "ES"), ("sri lanka", "LK"), ("sudan", "SD"), ("sweden", "SE"),
    ("switzerland", "CH"), ("syria", "SY"), ("taiwan", "TW"), ("tajikistan", "TJ"), ("tanzania", "TZ"),
    ("thailand", "TH"), ("the gambia", "GM"), ("gambia", "GM"), ("tunisia", "TN"), ("turkey", "TR"),
    ("turkiye", "TR"), ("turkmenistan", "TM"), ("uganda", "UG"), ("ukraine", "UA"),
    ("region: crimea", "UA"), ("united arab emirates", "AE"), ("united kingdom", "GB"),
    ("united states", "US"), ("uruguay", "UY"), ("uzbekistan", "UZ"), ("vanuatu", "VU"),
    ("venezuela", "VE"), ("vietnam", "VN"), ("virgin islands, british", "VG"), ("yemen", "YE"),
    ("zambia", "ZM"), ("zimbabwe", "ZW"),
];

/// Countries' formal names, as the United Nations writes them in treaties and diplomatic use (the UN Terminology
/// Database, UNTERM, and the UNGEGN List of Country Names, which gives each state's short and formal name), with
/// the short name that listings and queries mostly write instead: `ISLAMIC REPUBLIC OF IRAN SHIPPING LINES` and
/// `IRAN SHIPPING LINES`, `STATE SECURITY COMMITTEE OF THE REPUBLIC OF BELARUS` and `... OF BELARUS`. Only
/// states whose short name is unambiguous: not the Republic of Korea, the Republic of China (Taiwan) or the two
/// Congos. The Democratic People's Republic of Korea is brought to its initials, `DPRK`, which the
/// romanisation tables equate with `korea` and `korean` as the list writes them.
#[rustfmt::skip]
pub const FORMAL_NAMES: &[(&str, &str)] = &[
    ("islamic republic of afghanistan", "afghanistan"), ("republic of armenia", "armenia"),
    ("republic of azerbaijan", "azerbaijan"), ("republic of belarus", "belarus"),
    ("people's republic of china", "china"), ("republic of cuba", "cuba"), ("arab republic of egypt", "egypt"),
    ("islamic republic of iran", "iran"), ("republic of iraq", "iraq"), ("hashemite kingdom of jordan", "jordan"),
    ("republic of kazakhstan", "kazakhstan"), ("democratic people's republic of korea", "dprk"),
    ("kyrgyz republic", "kyrgyzstan"), ("lao people's democratic republic", "laos"),
    ("lebanese republic", "lebanon"), ("state of libya", "libya"), ("republic of mali", "mali"),
    ("republic of moldova", "moldova"), ("republic of the union of myanmar", "myanmar"),
    ("republic of nicaragua", "nicaragua"), ("islamic republic of pakistan", "pakistan"),
    ("russian federation", "russia"), ("kingdom of saudi arabia", "saudi arabia"),
    ("federal republic of somalia", "somalia"), ("republic of the sudan", "sudan"),
    ("syrian arab republic", "syria"), ("republic of tajikistan", "tajikistan"), ("republic of turkiye", "turkey"),
    ("republic of turkey", "turkey"), ("united kingdom of great britain and northern ireland", "united kingdom"),
    ("united states of america", "united states"), ("republic of uzbekistan", "uzbekistan"),
    ("bolivarian republic of venezuela", "venezuela"), ("republic of yemen", "yemen"),
    ("republic of zimbabwe", "zimbabwe"),
];

/// Names of a state other than its formal one that listings and queries write for the name [`FORMAL_NAMES`]
/// brings it to: North Korea (and its adjective) for the DPRK (`NORTH KOREAN ZINC INDUSTRY GROUP`, an OFAC alias
/// of KOREA ZINC INDUSTRIAL GROUP; `GORGEOUS BANK OF NORTH KOREA`).
pub const COMMON_NAMES: &[(&str, &str)] = &[("north korea", "dprk"), ("north korean", "dprk")];

/// Places whose two-word name listings also write as one word (`SINO ENERGY SHIPPING HONGKONG LIMITED` and its
/// alias `SINO ENERGY SHIPPING (HONG KONG) LTD`), brought to the one word, a place word: `hong` alone is also a
/// family name.
pub const ONE_WORD_PLACES: &[(&str, &str)] =
    &[("hong kong", "hongkong"), ("saudi arabia", "saudiarabia")];

/// The ISO 3166-1 alpha-2 code of a country name as OFAC publishes it, or of a code given as such.
pub fn iso2(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_ascii_lowercase();
    if lower.len() == 2 {
        let upper = lower.to_ascii_uppercase();
        return NAMES.iter().find(|(_, c)| *c == upper).map(|(_, c)| *c);
    }
    NAMES.iter().find(|(n, _)| *n == lower).map(|(_, c)| *c)
}

/// The countries (ISO 3166-1 alpha-2) a word of a name may name: a country's one-word name as OFAC publishes it
/// (`syria`), the adjective or the French or Spanish form the romanisation tables equate with it (`syrian`,
/// `syrien`; [`crate::translit::GROUPS`]), or Korea, which names two states. Empty for any other word.
pub fn countries_named(word: &str) -> Vec<&'static str> {
    let korea = |w: &str| matches!(w, "korea" | "korean");
    let of_name = |w: &str| -> Vec<&'static str> {
        if korea(w) {
            return vec!["KP", "KR"];
        }
        if w == "dprk" {
            return vec!["KP"];
        }
        // A place the normaliser writes as one word ([`ONE_WORD_PLACES`]) by its name as published.
        if let Some((written, _)) = ONE_WORD_PLACES.iter().find(|(_, one)| *one == w) {
            return iso2(written).into_iter().collect();
        }
        iso2(w).filter(|_| w.len() > 2).into_iter().collect()
    };
    let direct = of_name(word);
    if !direct.is_empty() {
        return direct;
    }
    crate::translit::GROUPS
        .iter()
        .filter(|(rule, words)| *rule == "country = its adjective" && words.contains(&word))
        .flat_map(|(_, words)| of_name(words[0]))
        .collect()
}

/// The country as stored on an entry: the ISO code when known, else the name as published.
pub fn normalize_country(name: &str) -> String {
    iso2(name)
        .map(str::to_string)
        .unwrap_or_else(|| name.trim().to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_that_name_countries() {
        assert_eq!(super::countries_named("syrian"), ["SY"]);
        assert_eq!(super::countries_named("iranienne"), ["IR"]);
        assert_eq!(super::countries_named("korea"), ["KP", "KR"]);
        assert_eq!(super::countries_named("coreen"), ["KP", "KR"]);
        assert_eq!(super::countries_named("hongkong"), ["HK"]);
        assert_eq!(super::countries_named("saudiarabia"), ["SA"]);
        assert_eq!(super::countries_named("saudi"), ["SA"]);
        assert_eq!(super::countries_named("omani"), ["OM"]);
        assert!(super::countries_named("bank").is_empty());
        assert!(super::countries_named("sy").is_empty());
    }

    #[test]
    fn names_and_codes() {
        assert_eq!(super::iso2("China"), Some("CN"));
        assert_eq!(super::iso2("Korea, North"), Some("KP"));
        assert_eq!(super::iso2("cn"), Some("CN"));
        assert_eq!(super::iso2("Atlantis"), None);
    }
}
