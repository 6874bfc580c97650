-- The chrome the transforms remove: lines on enough of a site's pages. $min_documents,
-- $min_share.
select site, text
from site_chrome
where documents >= $min_documents and documents >= $min_share * site_documents
order by site, text;
