-- The paragraphs of the exported articles.
create or replace temp view export_paragraphs as
with final as (
    select t.*
    from paragraphs as t
    semi join export_articles using (article_id)
)
select * from final;
