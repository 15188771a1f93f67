# aigov's own words in English (United States). Translators: every message here must also exist in
# zh-CN/aigov.ftl; a test checks it. Variables are written { $name }. The law's own texts (titles, summaries,
# citations) come from the corpus, not from this file.

## Statuses (headings of a report's groups, and words in sentences)
status-in-effect = In effect
status-upcoming = Upcoming
status-suspended = Suspended
status-ended = Ended
status-undetermined = Undetermined
status-not-applicable = Not applicable
status-prohibited = Prohibited

## Effect kinds
effect-classification = classification
effect-obligation = obligation
effect-prohibition = prohibition
effect-exemption = exemption
effect-prohibited = PROHIBITED

## The assessment report
report-title = aigov assessment: { $name } ({ $subject })
report-linked-subject = Subject { $n } of { $count }: { $id } ({ $subject })
report-linked-built-on = built on { $id }
report-unnamed = (unnamed)
report-as-of = As of { $date } · corpus: { $instruments } instruments, { $rules } rules
report-jurisdictions = jurisdictions: { $list }
report-markets-complete = Markets listed as complete: { $list } (facts about any other place are taken as no)
report-prohibition-applies = A PROHIBITION APPLIES to this subject (see below).
report-counts = Rules: { $counts }
report-count = { $count } { $status }
report-classification = Classification
report-no-classification = No classification applies.
report-item-classification = Item classification (US export controls)
report-conflict = CONFLICT
report-proposed-group = (proposed rules: not law)
report-non-binding-group = (non-binding)
report-nothing = No rule of the corpus concerns this subject on this date.
report-derived = Derived values
report-questions = Questions that would settle the undetermined rules
report-open = Still open: each question, with the rules it would settle
report-open-listed-above = (its rules are listed above)
report-open-also-needs = also needs: { $facts }
report-open-other = Open for other reasons
report-nothing-decided = Nothing is decided yet: every rule that may concern this subject waits on a fact below.
report-question-settles = settles { $count ->
    [one] { $count } rule
   *[other] { $count } rules
}
report-footer = Every finding cites its provision; `aigov explain FILE RULE_ID` shows the derivation.

## One finding
finding-since = in effect since { $date }
finding-from = applies from { $date }
finding-would-apply-from = would apply from { $date }
finding-would-be-in-effect = would be in effect since { $date }
finding-would-be = would be { $status }
finding-does-not-apply = does not apply
finding-proposed = proposed { $date }, not law
finding-proposed-open = (would it reach you? see the questions)
finding-proposed-adopted = (it would reach you if adopted)
finding-must = must: { $duty }
finding-deadline = deadline: { $deadline }
finding-must-not = must not: { $practice }
finding-exempt = exempt: { $relief }
finding-classification = classification: { $tier } ({ $regime } { $axis })
finding-penalty = penalty: { $text } ({ $citation })
finding-penalty-ended = penalty (no longer enforceable): { $text } ({ $citation })
finding-penalty-in-full = { " " }— in full: { $summary }
finding-penalty-not-yet = { " " }— not enforceable yet: fines for breaching this rule can be imposed from { $date }
finding-penalty-confidence = { " " }— confidence in these terms: { $level }{ $note }
finding-history = history: { $instrument } { $steps }
finding-history-then = ,{ " " }then{ " " }
finding-caveat = caveat ({ $instrument }): { $note }
finding-caveat-again = caveat ({ $instrument }): as above
finding-amended = as amended by { $by } (text in force since { $date })
finding-needs = needs: { $facts } (questions below)
finding-confidence = confidence: { $level }
finding-challenged = challenged { $date }{ $by } (a challenge, not a stay: the law still applies)
finding-challenged-by = { " " }by { $by }
finding-derived = { $fact } = { $value } (derived from { $method }: { $arithmetic })
finding-derived-answer = { $fact } = { $value } (derived from { $method }: { $formula }, with { $values }; answer { $fact } directly to override it)
confidence-high = high
confidence-medium = medium
confidence-low = low
report-by-jurisdiction = By jurisdiction (binding rules)
report-jurisdiction-counts = { $in_effect } in effect, { $upcoming } upcoming, { $undetermined } undetermined
report-jurisdiction-class = most severe class: { $class } ({ $law })
report-jurisdiction-no-class = no risk class

## The interview (aigov interview)
interview-intro = aigov interview — as of { $date }. Answer each question; press Enter to skip, `q` to stop.
interview-question = { $question } ({ $fact }; settles { $count } rule(s))
interview-choices = choices
interview-choices-set = choices (comma-separated)
interview-hint-bool = yes/no
interview-hint-date = YYYY-MM-DD
interview-hint-regions = codes, comma-separated, e.g. DE, FR, US-CA
interview-hint-number = number, { $unit }
interview-not-utf8 = the answer is not UTF-8 text; answer again
interview-invalid = { $detail }
interview-subject = For { $id } ({ $subject }):
interview-organization = For the organization (every subject):
report-corpus-stale = WARNING: the corpus encodes the law as reviewed up to { $reviewed }; this answer is for { $date }, { $days } days later: law made or changed since may be missing.

## Penalties in words (English reports print the engine's own wording; these mirror it)
money = { $currency } { $amount }
penalty-band-range = { $min } to { $max }
penalty-band-up-to = up to { $max }
penalty-band-at-least = at least { $min }
penalty-unit-per-violation = per violation
penalty-unit-per-day = per day of violation
penalty-unit-per-affected-person = per affected person
penalty-unit-one-off = per infringement
penalty-turnover = { $percent }% of worldwide annual turnover
penalty-cap-higher = up to { $amount } or { $turnover }, whichever is higher
penalty-cap-lower = up to { $amount } or { $turnover }, whichever is lower
penalty-sme-applies = { " " }(SME rule applies)
penalty-sme-higher = ; for an SME, whichever is higher
penalty-sme-lower = ; for an SME, whichever is lower
penalty-each-day = , each day a separate violation
penalty-tier = { $label }: { $band } { $unit }
penalty-with-tiers = { $amount } ({ $tiers })
penalty-enforced-by = enforced by { $names }
penalty-enforced-by-only = enforced by { $names } only
penalty-private-right = private right of action
penalty-no-private-right = no private right of action
penalty-cure = { $days }-day cure period after notice
penalty-from = can be imposed from { $date }
list-separator = ,{ " " }
clause-separator = ;{ " " }

## Lifecycle events (causes of a status, history, changes)
event-adopted = adopted
event-signed = signed
event-published = published
event-entered-into-force = entered into force
event-applies-from = applies
event-amended = amended
event-revoked = revoked
event-repealed = repealed
event-replaced = replaced
event-expired = expired
event-vetoed = vetoed
event-stayed = stayed by a court
event-stayed-by = stayed
event-stay-lifted = stay lifted
event-not-enforced = codified, not enforced
event-enforcement-resumed = enforcement resumed
event-challenged = challenged
event-proposed = proposed
event-withdrawn = withdrawn
cause = { $instrument } { $verb } on { $date }
cause-by = { $instrument } { $verb } by { $by } on { $date }
cause-no-instrument = { $verb } on { $date }
cause-ends = ends on { $date }
report-conflict-says = { $rule } says { $tier }

## aigov explain
explain-instrument = Instrument: { $title } ({ $citation }), { $jurisdiction } — { $url }
explain-not-yet-law = As of { $date }: this rule was not yet law (its text is law from { $first }).
explain-citation = Citation: { $citation }
explain-as-of = As of { $date }: { $status } — { $when }
explain-effect = Effect: { $effect }
explain-summary = Summary: { $summary }
explain-challenge = Challenge: { $challenge }
explain-text = Text: law since { $date }{ $amended }
explain-text-amended = , as amended by { $by }
explain-versions = Versions:
explain-version = from { $from }: applies from { $applies }{ $amended }
explain-version-amended = { " " }(amended by { $by })
explain-derivation = Derivation
explain-condition = Condition:
explain-exceptions = Exceptions (any that holds defeats the rule):
explain-exception-fired = FIRED
explain-exception-not-fired = did not fire
explain-exception-unknown = unknown
explain-exception = { $id } — { $verdict } ({ $citation }): { $summary }
explain-defeater = { $rule } ({ $citation }): { $result }
explain-defeaters = Rules that defeat it when they apply:
explain-builds-on = Builds on
explain-questions = Questions that would settle it
explain-confidence = Confidence: { $level }. { $note }
explain-any-of = any of { $count } alternatives
explain-all-of = all of { $count } conditions
explain-others = { $count } other(s) { $verdict }
explain-others-false = false
explain-others-true = true
explain-others-decided = decided
explain-above = { " " }(above)
explain-ref-exception = exception { $id } ({ $citation }): { $result }
explain-ref-defeated = defeated if { $rule } ({ $citation }) applies: { $result }
explain-refs-failed = { $count } other rule(s) do not hold: { $ids }
trace-not-given = unknown (not given)
trace-not-given-markets = not given, within the markets listed as complete ({ $markets })
trace-no-parameter-value = no value on this date
truth-true = true
truth-false = false
truth-unknown = unknown
penalty-amount-unit = { $amount } { $unit }
date-source = { $instrument } { $verb }{ $provisions }
date-source-provisions = { " " }({ $provisions })
finding-source = { " " }({ $source })
penalty-cap-unit = ,{ " " }{ $unit }

## aigov changes
changes-scope = { " " }({ $list })
changes-title = What changed in the law{ $scope } after { $from } up to { $to }
changes-nothing = Nothing changed.
changes-law = { $title } ({ $jurisdiction })
changes-law-not-binding = { $title } ({ $jurisdiction }, not binding)
changes-by = { " " }by { $by }
changes-event = { $law } { $verb }{ $by }
changes-rules-began = { $law }: { $count ->
    [one] { $count } rule
   *[other] { $count } rules
} began to apply
changes-rules-ended = { $law }: { $count ->
    [one] { $count } rule
   *[other] { $count } rules
} stopped to apply
changes-rule-amended = { $law }: text amended{ $by }
changes-rules-were = { $count ->
    [one] { $count } rule
   *[other] { $count } rules
} were applying the day before:

## aigov diff
diff-title = What changed for { $name } ({ $subject }) from { $from } to { $to }
diff-nothing = Nothing changed.
diff-because = because: { $cause }
diff-new-law = { $status } (new law)
diff-no-longer-law = { $status } → no longer law
diff-tier = tier { $from } → { $to }
diff-applies-from = applies from { $date } instead of { $before }
diff-amended-by = amended by { $by }
diff-amended = amended: { $change }
diff-new-text = new text from { $date }
diff-summary-changed = summary changed
diff-fines-now = fines can now be imposed ({ $citation }, from { $date })

## aigov timeline
timeline-title = Timeline for { $name } ({ $subject }), law as of { $date }
timeline-as-of = as of { $date }
timeline-kind-applies = applies
timeline-kind-proposed = proposed
timeline-kind-deadline = deadline
timeline-kind-penalty = penalty
timeline-kind-amended = amended
timeline-kind-suspended = suspended
timeline-kind-ends = ends
timeline-penalty-text = fines for breaching the rule can be imposed from this date
timeline-amended-text = the rule's text is amended
timeline-suspended-text = the rule is suspended
timeline-ends-text = the rule stops applying

## aigov corpus list
list-id = ID
list-jurisdiction = JURIS.
list-rules = RULES
list-title = TITLE

## The checkerboard measured in controls (aigov compare, aigov map)
measured-title = The checkerboard, measured
measured-row = { $jurisdiction }: { $duties } { $duties ->
    [one] duty
   *[other] duties
}, { $controls } { $controls ->
    [one] control
   *[other] controls
}
measured-summary = State by state: { $state_duties } duties ({ $duties } distinct) and { $state_controls } control implementations. One national programme of { $programme } controls satisfies { $covered } of the { $duties } duties as is; { $tailored } { $tailored ->
    [one] needs
   *[other] need
} state-specific tailoring{ $list }.
measured-tailored-list = { " " }({ $list })

## aigov map
map-title = aigov map: { $name } ({ $subject }), binding duties by US state, law as of { $date }
map-score = Score: distinct binding duties (obligations and prohibitions) in effect: federal + state (+ city for NYC).
map-federal = Federal duties in effect everywhere: { $count }. ⚑ = the law faces a federal challenge.
map-col-area = Area
map-col-score = Score
map-col-fed = Fed
map-col-state = State
map-col-city = City
map-col-upcoming = Upcoming
map-col-suspended = Susp.
map-col-undetermined = Undet.
map-col-laws = Laws
map-duties-by-law = Duties by law
map-challenged = ⚑ challenged { $date }{ $by }{ $note }
map-challenged-by = { " " }by { $by }
map-in-effect-since = in effect since { $date }
map-applies-from = applies from { $date }
map-suspended = suspended
map-undetermined = undetermined (see questions)
map-undetermined-heading = Undetermined
map-undetermined-text = { $count } { $count ->
    [one] duty hinges
   *[other] duties hinge
} on facts the manifest does not give: the score counts only duties known to be in effect, so a state with undetermined duties may carry more. Answer to settle them:

## Fact types (in the questions of a report)
type-bool = bool
type-number = number
type-date = date
type-enum = enum
type-set = set
type-regions = regions
type-text = text

## An item's US export classification (aigov assess on an export or item)
item-unknown = unknown
item-performance = TPP { $tpp } · performance density { $density }
item-not-classified = not in 3A090/4A090/4E091 (or any other item classification of the corpus) on this date
item-class = { $label } — { $status } since { $date } — { $citation } [{ $rule }]
item-to-settle = to settle: { $question }
# The names of an item's facts in its tests and arithmetic.
item-fact-tpp = TPP
item-fact-pd = PD
item-fact-datacenter = designed or marketed for data centres
item-fact-die-area = applicable die area (mm²)
item-fact-dense-tops = dense TOPS
item-fact-mac-tops = MacTOPS
item-fact-bit-length = bit length
item-fact-io-bandwidth = I/O bandwidth (GB/s)
item-fact-memory-bandwidth = memory bandwidth (GB/s)
item-fact-memory-bandwidth-density = memory bandwidth density (GB/s/mm²)
# How a value is derived (the corpus's derivation labels).
item-method-dense-tops = dense TOPS × bit length
item-method-mac-tops = 2 × MacTOPS × bit length
item-method-pd = TPP / applicable die area
item-method-hbm-density = memory bandwidth / package area
item-derived = { $name } = { $method } = { $figures }
item-derived-dense-tpp = { $name } = { $method } = { $figures } (= 2 × MacTOPS × bit length: dense TOPS count 2 operations per multiply-accumulate)
item-tpp-formats = TPP = 2 × MacTOPS × bit length = dense TOPS × bit length (dense TOPS count 2 operations per multiply-accumulate), the highest over formats: { $formats }
item-format-max = { $line } ← max
item-tpp-published = TPP as published (per-format figures not in the catalog)
item-tpp-unknown = TPP unknown: no published specification in the catalog
item-tpp-manifest = TPP as given in the manifest
# A sub-paragraph's tests: `3A090.a.1: TPP 4,992 ≥ 4800`.
item-paragraph-tests = { $paragraph }: { $tests }
item-list-separator = {", "}
item-also-meets = { $label } (also meets { $others })
item-ic-meets = { $label } (its integrated circuit meets { $met })
item-and = {" and "}
item-tier-z = {".z paragraph"}
item-tier-sec232-band-1 = Sec 232 tariff band 1
item-tier-sec232-band-2 = Sec 232 tariff band 2
item-class-status = { $label } ({ $status })
finding-penalty-note = { " " }({ $note })
cause-new-text = new text from { $date }
cause-amended-by = amended by { $by } (in force { $date })

## Printable reports (the web app's HTML and PDF reports)
doc-subject-title = Report: { $name }
doc-subject-meta = As of { $date } · { $kind } · version { $version } · id { $id }
doc-inventory-title = Inventory report
doc-inventory-meta = As of { $date }
doc-corpus = Corpus: { $instruments } instruments, { $rules } rules
doc-classifications = Classifications
doc-duties = Duties
doc-no-duties = No duty applies on this date.
doc-finding = { $title }: { $what } — { $status } from { $date } — { $citation }
doc-overview = Overview
doc-inventory-counts = { $subjects } subjects, { $prohibited } with a prohibition in effect.
doc-subjects = Subjects
doc-deadlines = Deadlines ahead
doc-no-deadlines = No dated event ahead.
doc-col-jurisdiction = Jurisdiction
doc-col-class = Class
doc-col-status = Status
doc-col-from = From
doc-col-citation = Citation
doc-col-subjects = Subjects
doc-col-name = Name
doc-col-kind = Kind
doc-col-questions = Open questions
doc-col-date = Date
doc-col-what = What
doc-footer = Every finding cites its provision. Produced by aigov from the law as data; not legal advice.
doc-pdf-replaced = { $count } characters outside this PDF's Latin font (such as Chinese) are shown as "?"; the HTML report shows them.

## aigov plan: the work list, one control at a time.
plan-title = Work plan for { $who } as of { $date }
plan-intro = { $controls } { $controls ->
    [one] control
   *[other] controls
} for { $duties } { $duties ->
    [one] duty
   *[other] duties
}{ $undetermined }: each control once, earliest date first.
plan-intro-undetermined = { " " }({ $count } undetermined: see the questions)
plan-subjects = Subjects: { $list }.
plan-subject = { $id } ({ $subject }, { $duties } { $duties ->
    [one] duty
   *[other] duties
}{ $built })
plan-for-subject = { $subject }: { $text }
plan-jurisdictions = Jurisdictions: { $list }.
plan-control = { $n }. { $title } [{ $id }] — { $due }
plan-references = References: { $refs }.
plan-not-sufficient = This control alone does not satisfy every rule below: see what each also needs.
plan-rule = { $instrument } { $citation } — { $title } ({ $rule })
plan-rule-detail = { $status }; { $relationship } this control{ $source }
plan-source = { " " }(source: { $source })
plan-also-needs = also needs: { $controls }
plan-extend = extend the control for: { $text }
plan-unmapped = Duties mapped to no control
plan-questions = Questions that would settle undetermined duties
plan-question = { $question } ({ $fact })
plan-due-since = required since { $date }
plan-due-by = by { $date }
plan-in-effect = in effect since { $date }
plan-upcoming = applies from { $date }
plan-undetermined-since = undetermined; would apply since { $date }
plan-undetermined-from = undetermined; would apply from { $date }
plan-deadline = ; { $deadline }
plan-proposed = ; proposed rule, not law
rel-equal = equal to
rel-subset-of = subset of
rel-superset-of = superset of
rel-intersects-with = intersects with

## aigov compare: one subject under several jurisdictions, by control.
compare-title = { $who } under { $jurisdictions } as of { $date }
compare-duties = Duties: { $list }. { $controls } { $controls ->
    [one] control
   *[other] controls
} cover them.
compare-duty-count = { $jurisdiction } { $count }
compare-rule = { $jurisdiction }: { $instrument } { $citation } — { $title } ({ $rule })
compare-rule-detail = { $status }; { $relationship } this control
compare-strictest = Strictest time limit: { $text } ({ $jurisdiction } { $citation }, { $rule }){ $others }
compare-others = ; others: { $list }
compare-window = { $text } ({ $jurisdiction } { $citation })
compare-one-action = One action:
compare-tailor = Tailor:
compare-action-one = Implement { $control } once, by { $date }{ $window }: it satisfies all { $n } { $n ->
    [one] rule
   *[other] rules
} of { $jurisdictions } { $jurisdictions ->
    [one] jurisdiction
   *[other] jurisdictions
}.
compare-action-window = , meeting the shortest time limit ({ $text })
compare-action-tailor = Implement { $control } once, by { $date }; it satisfies { $ok } of { $n } rules as is, the others need more (listed).
compare-extra = { $rule } ({ $jurisdiction }, { $relationship }): { $what }
compare-extra-extend = extend for: { $text }
compare-extra-needs = also needs { $controls }
compare-conflicts = Conflicts
compare-no-conflicts = None found between the rules compared.
compare-conflict-classification = { $regime }: { $rules } on the `{ $axis }` axis - the classifications pull apart; both are reported, neither wins
compare-conflict-says = { $rule } says { $tier }
compare-conflict-diverges = { $standing } classifies the subject `{ $tier }` on `{ $axis }` ({ $standing_citation }); { $carved } would too ({ $carved_citation }), but: { $why }
compare-conflict-why = { $text } ({ $citation })
compare-side = { $jurisdiction }: { $instrument } { $citation } ({ $rule }, { $status }) — { $conclusion }
compare-side-class = { $axis }: { $tier }
compare-side-must = must: { $duty }
compare-side-forbids = forbids: { $practice }
compare-side-exempts = exempts: { $relief }
compare-kind-classification = classification
compare-kind-diverges = diverges
compare-kind-declared = declared

## aigov corpus show: an instrument or a rule as encoded.
show-instrument = { $id } — { $short_title }
show-instrument-line = { $citation }; issued by { $issuer }; { $binding }
show-binding = binding
show-non-binding = non-binding
show-lifecycle = Lifecycle:
show-event-by = by { $by }{ " " }
show-reviews = Reviews of this encoding:
show-review-checked = checked: { $text }
show-review-changed = changed: { $text }
show-review-sources = sources: { $text }
show-rules = Rules:
show-rule = { $id } — { $title }
show-rule-line = { $instrument } ({ $jurisdiction }), addresses { $subject }{ $roles }
show-roles = { " " }as { $roles }
show-roles-separator = { " " }or{ " " }
show-text-from = Text from { $from }{ $amended }: { $citation } — applies from { $applies }
show-amended-by = { " " }(amended by { $by })
show-change = change: { $text }
show-when = when: { $condition }
show-reads = reads: { $facts }
show-builds-on = builds on: { $rules }
show-unless = unless { $id } ({ $citation }): { $condition }
show-effect = effect: { $effect }
show-confidence = confidence { $level }: { $note }

## aigov compute
compute-linked-skipped = Skipped, having no training-compute facts (compute applies to models): { $list }.
classify-linked-skipped = Skipped, being neither an item nor an export (export classification applies to those): { $list }.
compute-title = Training compute as of { $date }
compute-not-enough = Not enough inputs: give --flop, or --parameters and --tokens (6·N·D), or --accelerators, --peak-flops, --utilization and --days.
compute-given = given
compute-estimate = { $method }: { $flop } FLOP
compute-estimate-used = { $method } (used): { $flop } FLOP
compute-method = method: { $source }
compute-thresholds = Thresholds in the corpus on { $date }
compute-table-header = | threshold | instrument | standing | reached | parameter |
compute-reached = AT/ABOVE
compute-below = below
compute-unknown = unknown
compute-standing-ended = { $verb } { $date }
compute-standing-ended-by = { $verb } { $date } by { $by }
compute-standing-since = { $verb } since { $date }
compute-standing-since-by = { $verb } since { $date } by { $by }
compute-standing-proposed = proposed { $date }, not law
compute-standing-not-proposed = not proposed yet
compute-standing-not-yet-law = not yet law
compute-standing-enacted-in-force-from = enacted; in force from { $date }
compute-standing-enacted-applies-from = enacted; applies from { $date }
compute-standing-in-force = in force
compute-standing-in-force-non-binding = in force (non-binding)

## aigov export classify (a chip or an item manifest)
classify-title = { $name } — US export classification as of { $date }
classify-performance = Performance
classify-tpp = TPP: { $value }
classify-pd = PD: { $value }
classify-note = note: { $note }
classify-on = Classification on { $date }
classify-none = not in 3A090/4A090 (or any other classification of the corpus) on this date
classify-class = { $label } ({ $axis }) — { $status } since { $date } — { $citation } [{ $rule }]
classify-is-informed = named in the is-informed letter `{ $letter }`: its addressee needs a licence to China (incl. Hong Kong and Macau), D:5 or D:5/Macau-headquartered parties, whatever the ECCN [us_ear_is_informed_2025]
classify-timeline = Timeline { $from } → { $to }
classify-not-controlled = not controlled under 3A090/4A090

## aigov screen
screen-warning = warning: { $text }
screen-no-hit = { $query }: no hit at or above { $threshold }
screen-hits = { $query }: { $count } hit(s)
screen-alias-of = { " " }(alias of { $name })
screen-programs = programs: { $text }
screen-countries = countries: { $text }
screen-licence-requirement = licence requirement: { $text }
screen-licence-policy = licence policy: { $text }
screen-federal-register = Federal Register: { $text }
screen-why = why: { $text }
screen-lists-used = lists used:
screen-published = published { $date }
screen-published-basis = published { $date } ({ $basis })
screen-published-unknown = publication date unknown
screen-list-version = { $part } { $published }, imported { $imported }, { $records } records, from { $source }
screen-ages = list ages measured on { $date } ({ $basis }), at most { $days } days accepted
screen-not-current = : THE LISTS ARE NOT KNOWN TO BE CURRENT
screen-disclaimer = A hit or a miss is not a compliance determination; check the listing and keep the lists current.
screen-why-pair = { $query } = { $listed } ({ $how }, { $similarity })
screen-how-exact = exact
screen-how-translated = translated from { $hanzi }
screen-how-pinyin = pinyin of { $hanzi }
screen-how-fuzzy = { $edits } edit(s)
screen-how-joined = joined/split words
screen-how-acronym = acronym
screen-why-query-only = query only: { $tokens }
screen-why-listing-only = listing only: { $tokens }
screen-why-legal-forms = legal forms ignored: { $tokens }
screen-why-separator = {"; "}
screen-why-score = { $parts }; score { $score } = 0.7 x query coverage { $query } + 0.3 x name coverage { $name }
screen-stale-undated = { $part }: the publication date is unknown (the file does not carry one; give `--published DATE` when importing it), so its age cannot be checked
screen-stale-old = { $part }: published { $published }, { $days } days before { $date } (more than the { $max } days accepted): screen against current lists (`aigov lists update`)
screen-stale-future = { $part }: published { $published }, after { $date }: it shows who is listed on { $published }, not on { $date }

## aigov assess --screen: the screening section
screening-heading = Restricted-party screening (aigov assess --screen)
screening-given = export.parties_listed was given in the manifest and is kept; the hits below are for information.
screening-set-none = export.parties_listed set to [] (no party hit any list at or above { $threshold })
screening-set-by = export.parties_listed set to [{ $values }] by:
screening-set = export.parties_listed set to [{ $values }]
screening-no-hit = { $field } "{ $query }": no hit
screening-sets-no-fact = { " " }(sets no fact)
screening-hit = { $field } "{ $query }" = { $name } [{ $list } { $id }] score { $score }{ $fact }
screening-licence = licence requirement: { $requirement }; policy: { $policy }
screening-not-current = WARNING: the screening lists are not known to be current on { $date } ({ $count } warning(s) below): export.parties_listed may be wrong
