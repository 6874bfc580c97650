-- New rows. A document the pipeline marked 'loaded' whose article is already stored is a
-- duplicate of it; only articles not stored yet are inserted, with their children.
create or replace temp table stage_new_articles as
select article_id
from stage_articles
where article_id not in (select article_id from articles);

insert into documents
select * replace (
    case
        when status = 'loaded' and article_id not in (select article_id from stage_new_articles)
            then 'duplicate'
        else status
    end as status
)
from stage_documents
where document_id not in (select document_id from stage_unchanged);

insert into articles
select * from stage_articles where article_id in (select article_id from stage_new_articles);
insert into paragraphs
select * from read_parquet($paragraphs) where article_id in (select article_id from stage_new_articles);
insert into images
select * from read_parquet($images) where article_id in (select article_id from stage_new_articles);
insert into quotes
select * from read_parquet($quotes) where article_id in (select article_id from stage_new_articles);
insert into removed_lines
select * from read_parquet($removed_lines)
where document_id not in (select document_id from stage_unchanged);

insert or replace into source_files
select path, size, mtime_ns, sha256, documents, $run_id as run_id from stage_source_files;
