-- The ten most quoted people, with an example quote each.
select speaker_canonical, quotes, articles, example_quote
from quotes_by_speaker
limit 10;
