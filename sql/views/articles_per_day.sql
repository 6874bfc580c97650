-- Articles, words and quotes per publication day.
create or replace view articles_per_day as
with articles_dated as (
    select published_date, word_count, quote_count, image_count from articles
),
final as (
    select
        published_date,
        count(*) as articles,
        sum(word_count) as words,
        sum(quote_count) as quotes,
        sum(image_count) as images
    from articles_dated
    group by published_date
)
select * from final order by published_date;
