-- Report: quotes per speaker (fullest name; null: no speaker found) and kind, per run.
create or replace view report_speakers as
with quoted as (
    select
        a.run_id,
        r.started_at as run_started_at,
        q.speaker_canonical as speaker,
        q.kind,
        q.article_id
    from quotes as q
    join articles as a using (article_id)
    join runs as r on r.run_id = a.run_id
),
final as (
    select
        run_id,
        run_started_at,
        speaker,
        kind,
        count(*) as quotes,
        count(distinct article_id) as articles
    from quoted
    group by all
)
select * from final order by run_started_at, quotes desc, speaker;
