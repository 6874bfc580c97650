-- Who is quoted: quotes per speaker (fullest name), over which dates, with an example.
create or replace view quotes_by_speaker as
with attributed as (
    select
        q.speaker_canonical,
        q.quote_text,
        q.kind,
        q.article_id,
        a.published_date
    from quotes as q
    join articles as a using (article_id)
    where q.speaker_canonical is not null
),
final as (
    select
        speaker_canonical,
        count(*) as quotes,
        count(*) filter (where kind = 'full') as full_quotes,
        count(distinct article_id) as articles,
        min(published_date) as first_date,
        max(published_date) as last_date,
        arg_max(quote_text, length(quote_text)) as example_quote
    from attributed
    group by speaker_canonical
)
select * from final order by quotes desc, speaker_canonical;
