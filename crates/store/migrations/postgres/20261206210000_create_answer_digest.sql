-- Each subject's last recorded answer, for re-assessment when the corpus changes: the fingerprint of the corpus it
-- was computed under, the date it was computed as of, the subject's version, and its rules' statuses (compact
-- JSON: rule id -> status, or an error when the manifest did not bind). One row per subject, replaced each time.
create table answer_digest (
    subject_id text primary key,
    fingerprint text not null,
    as_of text not null,
    version bigint not null,
    statuses text not null,
    recorded_at text not null
);
