# The web app's words for the law pages (export controls, the corpus, reports) in English (United States). Every
# message here must also exist in zh-CN/web-law.ftl; a test checks it. The law's own texts come from the corpus.

## Navigation
web-nav-export = Export controls
web-nav-corpus = The law
web-nav-reports = Reports

## Common
web-law-bad-date = `{ $date }` is not a date: write it as YYYY-MM-DD, e.g. 2026-08-02.
web-unknown = unknown

## Export controls
web-export-title = Export controls
web-export-intro = A chip's US export classification on any date and how it changed since October 2022, with the arithmetic behind its total processing performance (TPP) and performance density; and a party's name screened against the restricted-party lists stored on this server.
web-export-classify = Classify a chip
web-export-chip = Chip
web-export-choose-chip = Choose a chip
web-export-classify-submit = Classify
web-export-as-of = as of { $date }
web-export-tpp = Total processing performance (TPP)
web-export-pd = Performance density (TPP per mm² of die)
web-export-arithmetic = How the figures are computed
web-export-classes = Classification on this date
web-export-not-controlled = not controlled under 3A090/4A090
web-export-eccn = Classification
web-export-axis = Axis
web-export-status = Status
web-export-since = Since
web-export-citation = Citation
web-export-letter = Named in the is-informed letter `{ $letter }`: its addressee needs a licence to export it to China (Hong Kong and Macau included) or a Country Group D:5 country, or to a party headquartered there or whose parent is, whatever its ECCN. The letter binds only its addressee.
web-export-to-settle = What would settle an open classification
web-export-timeline = Classification over time
web-export-specs = Or give a chip's specifications
web-export-specs-help = For a chip not in the catalog: its peak dense (non-sparse) throughput at the number format that gives the highest throughput times bit length, that format's bit length, and its applicable die area for the performance density. Halve sparse datasheet figures.
web-export-spec-name = Name (optional)
web-export-dense-tops = Dense TOPS or TFLOPS
web-export-bit-length = Bit length of that format
web-export-die-area = Applicable die area (mm²)
web-export-datacenter = Designed or marketed for data centres?
web-export-dont-know = I don't know
web-export-your-chip = Your chip
web-export-bad-number = { $field }: `{ $value }` is not a number (write e.g. 1979 or 989.5).
web-export-screen = Screen a party
web-export-party = Party name
web-export-country = Country (ISO code, optional)
web-export-country-help = Two letters, e.g. CN; a listed address in that country raises the score.
web-export-screen-submit = Screen
web-export-no-lists = No restricted-party list is imported on this server (looked in { $dir }). An administrator imports them with `aigov lists update` (downloads the Consolidated Screening List and OFAC's files) or `aigov lists import FILE...`; set AIGOV_LISTS_DIR to use another folder.
web-export-screened = Screening of “{ $name }”
web-export-no-hit = No listed name scores { $threshold } or more.
web-export-score = score { $score }
web-export-alias = matched the alias “{ $name }”
web-export-why = Why this score
web-export-lists-used = Lists used
web-export-store-version = store version { $version }
web-export-not-determination = A hit or a miss is not a compliance determination: check the listing itself and keep the lists current.

## Lifecycle events
web-event-adopted = adopted
web-event-signed = signed
web-event-published = published
web-event-entered-into-force = entered into force
web-event-applies-from = applies
web-event-amended = amended
web-event-revoked = revoked
web-event-repealed = repealed
web-event-replaced = replaced
web-event-expired = expired
web-event-vetoed = vetoed
web-event-stayed = stayed by a court
web-event-stay-lifted = stay lifted
web-event-not-enforced = codified, not enforced
web-event-enforcement-resumed = enforcement resumed
web-event-challenged = challenged
web-event-proposed = proposed
web-event-withdrawn = withdrawn

## The corpus
web-corpus-title = The law
web-corpus-intro = Every law, regulation and guidance aigov encodes, with its lifecycle (adopted, in force, applies, amended, stayed, revoked) and a link to its primary source. Open one to read its rules and the conditions under which each applies.
web-corpus-count = { $count ->
    [one] { $count } instrument
   *[other] { $count } instruments
}
web-corpus-not-binding = not binding
web-corpus-not-binding-long = This instrument binds no one (guidance, a plan or a proposal): aigov reports what it says, not duties.
web-corpus-source = primary source
web-corpus-source-label = Primary source
web-corpus-rules = { $count ->
    [one] { $count } rule
   *[other] { $count } rules
}
web-corpus-lifecycle = Lifecycle
web-corpus-back = All instruments of this jurisdiction
web-corpus-citation = Citation
web-corpus-issuer = Issued by
web-corpus-detail = Provisions and notes
web-corpus-addresses = addresses: { $subject }
web-corpus-until = until { $date }
web-corpus-provision = the provision
web-corpus-version-from = Text in force from { $date }
web-corpus-amended-by = as amended by
web-corpus-when = Applies when
web-corpus-cel = The condition as written (CEL)
web-corpus-except = Except when
web-corpus-by = by

## Conditions
web-cond-all = All of these:
web-cond-any = At least one of these:
web-cond-not = Not this:
web-cond-always = Always (no condition)
web-cond-rule = the rule “{ $title }” applies
web-cond-expression = computed:
web-cond-yes = yes
web-cond-no = no
web-cond-includes = includes { $value }
web-cond-includes-any = includes any of { $values }
web-cond-includes-all = includes all of { $values }
web-cond-one-of = one of { $values }
web-cond-known = answered (any answer)

## What changed in the law
web-changes-title = What changed in the law
web-changes-from = After
web-changes-to = Up to
web-changes-jurisdiction-help = Optional: EU, US, US-CA, CN... (a country includes its states).
web-changes-heading = Changes after { $from } up to { $to }
web-changes-none = Nothing changed in the law between these dates.
web-changes-began = { $count ->
    [one] { $count } rule began to apply
   *[other] { $count } rules began to apply
}
web-changes-amended = text amended
web-changes-ended = { $count ->
    [one] { $count } rule stopped applying
   *[other] { $count } rules stopped applying
}

## Reports
web-report-pdf = Download PDF
web-report-print = Or print this page: the print layout leaves out the menus.
web-report-pdf-english = The PDF is in English: its standard font has no Chinese characters, and aigov does not ship a Chinese font. Print this page to get the report in Chinese.
web-report-subjects = Each subject's report
web-report-link = Printable report (HTML, PDF)
