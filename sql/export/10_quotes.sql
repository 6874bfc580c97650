-- The quotes of the exported articles.
create or replace temp view export_quotes as
with final as (
    select t.*
    from quotes as t
    semi join export_articles using (article_id)
)
select * from final;
