-- presswash warehouse schema. Applied on every run (idempotent: `if not exists`).
-- Long text columns use zstd: DuckDB's default string compression (DICT_FSST) spent 19 of
-- the 35 s of loading 50,000 articles compressing them, for a larger file (625 -> 384 MB).
-- One row per input document, loaded or not.
create table if not exists documents (
    document_id   varchar primary key,             -- sha256(source_uri), 16 hex chars
    source_uri    varchar not null unique,         -- file path, or path#L<n> for a .jsonl line
    source_path   varchar not null,                -- the file it came from
    line_no       integer,                         -- line within a .jsonl file
    raw_sha256    varchar,                         -- of the raw bytes (null if unreadable)
    bytes         bigint not null,
    encoding      varchar,                         -- as detected: utf-8, utf-16, cp1252, ...
    repairs       varchar,                         -- e.g. 'invalid_utf8_bytes_repaired:2; nul_removed:1'
    status        varchar not null check (status in ('loaded', 'duplicate', 'rejected')),
    reason        varchar,                         -- why it was rejected
    article_id    varchar,                         -- the article it holds (loaded or duplicate)
    run_id        varchar not null,
    ingested_at   timestamp not null,
    site          varchar,                         -- URL host, else JSON Lines file, else folder
    format        varchar,                         -- the path it took: text, html, jsonl-text, jsonl-html
    check ((status = 'rejected') = (reason is not null)),
    check ((status = 'rejected') = (article_id is null))
);

-- Warehouses made before sites were recorded have no site column.
alter table documents add column if not exists site varchar;
-- ... nor the format column (which path a document took).
alter table documents add column if not exists format varchar;

-- One row per distinct article; article_id is derived from the cleaned content.
create table if not exists articles (
    article_id      varchar primary key,
    document_id     varchar not null,              -- the document it was first loaded from
    source_uri      varchar not null,
    url             varchar,                       -- from JSON Lines input
    published_date  date,
    date_line       varchar,                       -- the line the date was read from
    headline        varchar,
    body_text       varchar not null using compression zstd,  -- paragraphs joined by blank lines
    word_count      integer not null,
    paragraph_count integer not null check (paragraph_count > 0),
    image_count     integer not null,
    quote_count     integer not null,
    scraped_at      timestamp,
    run_id          varchar not null,
    loaded_at       timestamp not null,
    author          varchar                        -- the name in the byline ("By ...")
);
-- Warehouses made before bylines were read have no author column.
alter table articles add column if not exists author varchar;

create table if not exists paragraphs (
    article_id  varchar not null,
    position    integer not null check (position >= 1),   -- 1 = first body paragraph
    text        varchar not null using compression zstd,
    word_count  integer not null,
    line_no     integer not null,                         -- line in the source document
    primary key (article_id, position)
);

-- One row per picture: an alt label and/or a caption. A caption printed twice is one
-- picture (caption_repeats = 2); two labels over one caption are two pictures.
create table if not exists images (
    article_id       varchar not null,
    position         integer not null check (position >= 1),
    alt_text         varchar,
    caption          varchar,
    caption_repeats  integer,
    line_no          integer,            -- its first line in the text; null when read from HTML markup
    credit           varchar,            -- the picture's credit line, when the page printed one
    primary key (article_id, position),
    check (alt_text is not null or caption is not null)
);
-- Warehouses made before credits were read have no credit column.
alter table images add column if not exists credit varchar;
-- Pictures read from a page's markup have no line; older warehouses required one.
alter table images alter column line_no drop not null;

create table if not exists quotes (
    article_id              varchar not null,
    position                integer not null check (position >= 1),
    source                  varchar not null check (source in ('headline', 'body', 'caption')),
    paragraph_position      integer not null,   -- 0 headline, paragraph or image position
    end_paragraph_position  integer not null,   -- differs for a multi-paragraph quote
    start_char              integer not null,   -- offsets of the quoted text in the paragraph
    end_char                integer not null,
    quote_text              varchar not null using compression zstd,  -- without the quote marks
    speaker                 varchar,            -- as written: 'he', 'a senior official'
    speaker_canonical       varchar,            -- fullest name: 'Vladimir Putin'
    cue                     varchar,            -- 'said', 'told reporters', 'according to'
    kind                    varchar not null check (kind in ('full', 'partial', 'scare')),
    speaker_kind            varchar,            -- person, organisation, document, group, pronoun
    primary key (article_id, position)
);
-- Warehouses made before speaker kinds have no speaker_kind column (added last, as here).
alter table quotes add column if not exists speaker_kind varchar;

-- Every line the cleaner dropped, with the rule that dropped it: a pattern's name, or where
-- the line model put it (before_headline, after_article, low_score) with its body score.
create table if not exists removed_lines (
    document_id  varchar not null,
    line_no      integer not null,
    text         varchar not null using compression zstd,
    rule         varchar not null,
    score        double,                 -- the line model's body score (0-1), for scored rules
    primary key (document_id, line_no, text)
);
-- Warehouses made before the line model have no score column.
alter table removed_lines add column if not exists score double;

-- One row per run of the ingest flow.
create table if not exists runs (
    run_id               varchar primary key,
    flow_run_id          varchar,
    started_at           timestamp not null,
    finished_at          timestamp,
    status               varchar not null check (status in ('running', 'completed', 'failed', 'skipped', 'aborted')),
    message              varchar,
    sources              varchar,
    documents_seen       integer,
    documents_loaded     integer,
    documents_unchanged  integer,
    documents_duplicate  integer,
    documents_rejected   integer,
    bytes_read           bigint
);

-- Seconds each stage of a run took (the transform stages summed over the workers): what the
-- quality report charts per run.
create table if not exists run_stages (
    run_id   varchar not null,
    stage    varchar not null,   -- read, decode, repair, parse, quotes, write_shard, load, ...
    seconds  double not null,
    primary key (run_id, stage)
);

-- Lines that repeat across a site's pages (its menus, share rows, footers), learned from
-- the corpus across runs; the transforms remove the qualified ones (view site_chrome_lines)
-- with the rule site_repeated. Only lines seen on two pages or more are kept here.
create table if not exists site_chrome (
    site            varchar not null,   -- documents.site: URL host, JSON Lines file or folder
    line_hash       varchar not null,   -- md5 of the line's text
    text            varchar not null,
    documents       integer not null,   -- different articles of the site that show the line
    site_documents  integer not null,   -- articles of the site in the warehouse
    first_run_id       varchar not null,   -- the run that first saw it on two pages
    last_run_id        varchar not null,   -- the last run that loaded a page showing it
    primary key (site, line_hash)
);

-- The ledger of input files already processed: an unchanged file is skipped by its
-- size and modification time, or by its content hash when only the time changed.
create table if not exists source_files (
    path       varchar primary key,
    size       bigint not null,
    mtime_ns   bigint not null,
    sha256     varchar not null,
    documents  integer not null,
    run_id     varchar not null
);
