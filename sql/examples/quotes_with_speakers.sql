-- Every direct quotation with who said it and how it was attributed.
select
    a.published_date,
    q.source,
    q.paragraph_position,
    q.speaker,
    q.speaker_canonical,
    q.cue,
    q.kind,
    q.quote_text
from quotes as q
join articles as a using (article_id)
order by a.published_date, q.article_id, q.position;
