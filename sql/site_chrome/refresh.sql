-- Count again, for the sites this run loaded pages of, the short lines each site's pages
-- share. A page is an article (renderings of one article count once) or, for a rejected
-- document, the document. $run_id, $max_words.
create or replace temp table touched_sites as
select distinct site from documents where run_id = $run_id and site is not null;

create or replace temp table site_pages as
select
    d.site,
    coalesce(d.article_id, d.document_id) as page,
    d.document_id,
    d.article_id,
    d.run_id
from documents as d
where d.site in (select site from touched_sites);

create or replace temp table site_page_lines as
with removed as (
    select p.site, p.page, p.run_id, r.text
    from removed_lines as r
    join site_pages as p using (document_id)
),
kept as (
    select p.site, p.page, p.run_id, x.text
    from site_pages as p
    join paragraphs as x on x.article_id = p.article_id
    where x.word_count <= $max_words
),
pictures as (
    select p.site, p.page, p.run_id, unnest([i.alt_text, i.caption, i.credit]) as text
    from site_pages as p
    join images as i on i.article_id = p.article_id
),
heads as (
    select p.site, p.page, p.run_id, unnest([a.headline, a.date_line]) as text
    from site_pages as p
    join articles as a on a.article_id = p.article_id
),
all_lines as (
    select * from removed
    union all select * from kept
    union all select * from pictures
    union all select * from heads
),
final as (
    select site, page, run_id, text
    from all_lines
    where text is not null and len(string_split(text, ' ')) <= $max_words
)
select * from final;

create or replace temp table site_line_counts as
with counted as (
    select
        site,
        md5(text) as line_hash,
        min(text) as text,
        count(distinct page) as documents,
        bool_or(run_id = $run_id) as seen_now
    from site_page_lines
    group by site, md5(text)
),
pages as (
    select site, count(distinct page) as site_documents from site_pages group by site
),
final as (
    select c.site, c.line_hash, c.text, c.documents, p.site_documents, c.seen_now
    from counted as c
    join pages as p using (site)
    where c.documents >= 2
)
select * from final;

create or replace temp table site_chrome_new as
select
    n.site,
    n.line_hash,
    n.text,
    n.documents,
    n.site_documents,
    coalesce(o.first_run_id, $run_id) as first_run_id,
    case when n.seen_now or o.last_run_id is null then $run_id else o.last_run_id end as last_run_id
from site_line_counts as n
left join site_chrome as o using (site, line_hash);

delete from site_chrome where site in (select site from touched_sites);
insert into site_chrome select * from site_chrome_new;

drop table touched_sites;
drop table site_pages;
drop table site_page_lines;
drop table site_line_counts;
drop table site_chrome_new;
