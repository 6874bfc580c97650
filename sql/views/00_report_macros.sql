-- Report: has a figure doubled or halved against its history, moving by at least
-- min_change? (The drift flags of report_site_drift.)
create or replace macro doubled_or_halved(now, before, min_change) as
    abs(now - before) >= min_change and (now >= 2 * before or now * 2 <= before);
