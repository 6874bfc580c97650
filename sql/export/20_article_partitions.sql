-- Partition columns of each exported article (--partition-by), joined onto the article and
-- the tables that hang off it, so each lands in its article's folder.
create or replace temp view export_article_partitions as
with final as (
    select
        article_id,
        published_date,
        year(published_date) as published_year,
        month(published_date) as published_month
    from export_articles
)
select * from final;
