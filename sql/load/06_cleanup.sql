drop table if exists stage_documents;
drop table if exists stage_articles;
drop table if exists stage_source_files;
drop table if exists stage_unchanged;
drop table if exists stage_replaced;
drop table if exists stage_orphans;
drop table if exists stage_new_owners;
drop table if exists stage_new_articles;
