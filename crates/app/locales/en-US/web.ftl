# The web app's words in English (United States). Every message here must also exist in zh-CN/web.ftl; a test
# checks it. The law's own texts (titles, summaries, citations, questions) come from the corpus.

## Page chrome
web-app-name = aigov
web-skip-link = Skip to main content
web-nav-label = Main
web-nav-home = Home
web-nav-assess = Questionnaire
web-nav-inventory = Inventory
web-lang-switch = 中文
web-lang-switch-label = Language:
web-signed-in-as = Signed in as { $name } ({ $role })
web-sign-out = Sign out
web-sign-in = Sign in
web-footer = aigov answers which AI rules apply, where, on which date, and why, with a citation for every answer. It is not legal advice.
web-role-viewer = viewer
web-role-editor = editor
web-role-admin = admin

## Home
web-home-title = What applies, when, and why
web-home-intro = Assess an AI system, model, agency use case, data-centre project or chip export against the law as it stood on any date, and keep an inventory of what your organization runs.
web-home-assess = Start the questionnaire
web-home-inventory = Open the inventory

## Sign-in
web-signin-title = Sign in
web-signin-intro = Sign in with an aigov token. An administrator creates one with { $viewer } (read) or { $editor } (read and change).
web-signin-token = Token
web-signin-submit = Sign in
web-signin-failed = That token is unknown or revoked.
web-signout-done = You are signed out.

## Errors
web-error-title = Something went wrong
web-error-not-found = There is no page here.
web-error-forbidden = Your token's role ({ $role }) cannot do this; it needs the { $need } role.
web-error-csrf = The request was refused because it did not come from this site's own pages. Reload the page and try again.
web-error-bad-request = The request could not be read: { $detail }
web-error-internal = The server failed to answer. The error was logged.
web-error-back = Back to the home page

## Common words
web-as-of = As of
web-as-of-help = The date the law is read as of (YYYY-MM-DD).
web-apply = Apply
web-jurisdiction = Jurisdiction
web-tier = Tier
web-owner = Owner
web-tag = Tag
web-any = Any
web-none = None
web-undetermined = Undetermined
web-prohibited = Prohibited
web-undetermined-count = { $count ->
    [one] 1 more rule is undetermined; the questions settle it.
   *[other] { $count } more rules are undetermined; the questions settle them.
}
web-applies-from = applies from { $date }
web-in-effect-since = in effect since { $date }
web-previous = Previous page
web-next = Next page
web-page-of = Page { $page } of { $pages }

## Questionnaire
web-assess-title = Questionnaire
web-assess-intro = Pick what to assess. You will only be asked the questions that would settle a rule the engine cannot decide yet; "I don't know" is an answer, and the rules it would decide stay undetermined.
web-assess-kind = What do you want to assess?
web-assess-start = Start
web-assess-manifest = Or start from a manifest (YAML or JSON)
web-assess-manifest-start = Assess this manifest
web-assess-question = Question
web-assess-settles = { $count ->
    [one] settles 1 rule
   *[other] settles { $count } rules
}
web-assess-answer = Answer
web-assess-yes = Yes
web-assess-no = No
web-assess-unknown = I don't know
web-assess-done = No question is left that would settle a rule.
web-assess-skipped = Left unknown: { $facts }
web-assess-result = Assessment
web-assess-name = Name
web-assess-save = Save to the inventory
web-assess-saved = Saved as { $id }.
web-assess-save-needs-editor = Saving to the inventory needs an editor token; ask an administrator for one.
web-assess-restart = Start again
web-assess-answered = { $count ->
    [one] 1 answer given
   *[other] { $count } answers given
}
web-assess-updated = Assessment updated: { $classes } classifications, { $prohibitions } prohibitions, { $duties } duties, { $undetermined } more rules undetermined.
web-assess-invalid = That answer does not fit: { $detail }

## Assessment
web-classification = Classification
web-no-classification = No classification applies.
web-prohibitions = Prohibitions
web-no-prohibitions = No prohibition applies.
web-duties = Duties
web-no-duties = No duty applies.
web-other = Other rules
web-open-questions = Open questions
web-no-open-questions = Every rule is decided.
web-citation = Citation
web-source = Primary source
web-amended-by = as amended by { $by } (text in force since { $date })
web-derivation = Derivation
web-truth-true = true
web-truth-false = false
web-truth-unknown = unknown
# The connectives of a derivation tree: a node whose children must all hold, any of which may hold, or which must not hold.
web-op-and = all of
web-op-or = any of
web-op-not = not
# The kinds of subject the questionnaire assesses (the first words of each kind's description in the vocabulary).
web-kind-ai_system = An AI system
web-kind-model = An AI model, in particular a general-purpose AI model
web-kind-agency_use_case = A US federal agency's use of AI
web-kind-datacenter_project = A data-centre project
web-kind-item = A physical item or technology subject to export controls
web-kind-export = One export, re-export or in-country transfer
web-kind-data_transfer = One outbound transfer of data from mainland China
web-penalty = Penalty
web-status = Status

## Inventory
web-inventory-title = Inventory
web-inventory-count = { $count ->
    [one] 1 subject
   *[other] { $count } subjects
}
web-inventory-empty = The inventory is empty. Save a subject from the questionnaire.
web-inventory-filter = Filter
web-inventory-sort = Sort by
web-inventory-sort-deadline = Nearest deadline
web-inventory-sort-name = Name
web-inventory-name = Subject
web-inventory-classifications = Classifications
web-inventory-next-deadline = Next deadline
web-inventory-questions = Open questions

## Subject
web-subject-title = { $name }
web-subject-diff = Changes between two dates
web-subject-diff-from = From
web-subject-diff-to = To
web-subject-diff-statuses = { $from } → { $to }
web-subject-diff-none = Nothing changes between these dates.
web-subject-timeline = Timeline
web-subject-calendar = Calendar (.ics)
web-subject-map = US state map
web-subject-history = Version history
web-subject-version = Version
web-subject-written = Written
web-subject-by = By
