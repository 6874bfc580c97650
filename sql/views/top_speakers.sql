-- Who is quoted most: quotes and articles per speaker (fullest name), and the speaker's
-- share of all quotes in the warehouse (unattributed quotes count in the total).
create or replace view top_speakers as
with all_quotes as (
    select count(*) as total_quotes from quotes
),
attributed as (
    select speaker_canonical as speaker, article_id
    from quotes
    where speaker_canonical is not null
),
per_speaker as (
    select
        speaker,
        count(*) as quotes,
        count(distinct article_id) as articles
    from attributed
    group by speaker
),
final as (
    select
        p.speaker,
        p.quotes,
        p.articles,
        round(p.quotes / t.total_quotes, 4) as share_of_quotes
    from per_speaker as p
    cross join all_quotes as t
)
select * from final order by quotes desc, speaker;
