-- Quotes per article, by kind, with the people quoted.
create or replace view quotes_per_article as
with article_quotes as (
    select
        a.article_id,
        a.headline,
        a.published_date,
        q.kind,
        q.speaker_canonical
    from articles as a
    left join quotes as q using (article_id)
),
final as (
    select
        article_id,
        any_value(headline) as headline,
        any_value(published_date) as published_date,
        count(kind) as quotes,
        count(*) filter (where kind = 'full') as full_quotes,
        count(*) filter (where kind = 'partial') as partial_quotes,
        count(*) filter (where kind = 'scare') as scare_quotes,
        list(distinct speaker_canonical order by speaker_canonical)
            filter (where speaker_canonical is not null) as speakers
    from article_quotes
    group by article_id
)
select * from final order by published_date, article_id;
