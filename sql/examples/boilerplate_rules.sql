-- Which rules removed the most lines (tune the rules in transforms/patterns.py).
select rule, sum(lines) as lines, sum(documents) as documents
from boilerplate_stats
group by rule
order by lines desc, rule;
