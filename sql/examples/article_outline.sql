-- One article as a reader sees it: headline, then paragraphs and pictures in order.
with article as (
    select article_id from articles order by loaded_at, article_id limit 1
),
items as (
    select 'paragraph' as item, position, line_no, text
    from paragraphs where article_id = (select article_id from article)
    union all
    select 'image', position, line_no, coalesce(alt_text || ': ', '') || coalesce(caption, '')
    from images where article_id = (select article_id from article)
)
select item, position, left(text, 80) as text
from items
order by line_no, position;
