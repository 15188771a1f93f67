-- The inventory: organizations and subjects (kind), each a chain of versions; the current one is entry.version.
-- An edit adds a row to entry_version and never changes an old one; a delete only marks the entry.
create table entry (
    entry_id text primary key,
    kind text not null,
    version bigint not null,
    deleted bigint not null default 0,
    created_at text not null,
    updated_at text not null
);
create index entry_kind_idx on entry (kind, deleted, entry_id);

create table entry_version (
    entry_id text not null references entry (entry_id),
    version bigint not null,
    name text not null,
    organization_id text,
    owner text not null,
    tags text not null,
    notes text not null,
    manifest text not null,
    content_hash text not null,
    created_at text not null,
    created_by text not null,
    primary key (entry_id, version)
);

-- API tokens: only the SHA-256 of each token is kept.
create table api_token (
    api_token_id text primary key,
    name text not null,
    role text not null,
    token_hash text not null unique,
    created_at text not null,
    revoked_at text
);

-- The audit log: each entry carries the hash of the one before; audit_head holds the last sequence number and
-- hash, and is the row every writer locks first, so that concurrent writers keep one chain.
create table audit_entry (
    audit_entry_id bigint primary key,
    at text not null,
    actor text not null,
    action text not null,
    target text not null,
    hash_before text,
    hash_after text,
    prev_hash text not null,
    entry_hash text not null
);

create table audit_head (
    audit_head_id bigint primary key,
    seq bigint not null,
    entry_hash text not null
);
insert into audit_head (audit_head_id, seq, entry_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
