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
report-unnamed = (unnamed)
report-as-of = As of { $date } · corpus: { $instruments } instruments, { $rules } rules
report-jurisdictions = jurisdictions: { $list }
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
finding-penalty-not-yet = { " " }— not enforceable yet: fines for breaching this rule can be imposed from { $date }
finding-penalty-confidence = { " " }— confidence in these terms: { $level }{ $note }
finding-history = history: { $instrument } { $steps }
finding-history-then = ,{ " " }then{ " " }
finding-caveat = caveat ({ $instrument }): { $note }
finding-amended = as amended by { $by } (text in force since { $date })
finding-needs = needs: { $facts } (questions below)
finding-confidence = confidence: { $level }
finding-challenged = challenged { $date }{ $by } (a challenge, not a stay: the law still applies)
finding-challenged-by = { " " }by { $by }
finding-derived = { $fact } = { $value } (derived from { $method }: { $arithmetic })
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
report-corpus-stale = WARNING: the corpus encodes the law as reviewed up to { $reviewed }; this answer is for { $date }, { $days } days later: law made or changed since may be missing.

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
