-- Each site's learned chrome: lines on at least half of its pages (and five of them), which
-- presswash removes with the rule site_repeated. Thresholds as in transforms/site_chrome.py.
create or replace view site_chrome_lines as
with shares as (
    select
        site,
        text,
        documents,
        site_documents,
        round(documents / site_documents, 3) as share_of_pages,
        first_run_id,
        last_run_id
    from site_chrome
),
final as (
    select *
    from shares
    where documents >= 5 and share_of_pages >= 0.5
)
select * from final order by site, documents desc, text;
