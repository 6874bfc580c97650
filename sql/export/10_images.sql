-- The images of the exported articles.
create or replace temp view export_images as
with final as (
    select t.*
    from images as t
    semi join export_articles using (article_id)
)
select * from final;
