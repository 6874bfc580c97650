"""Words and shapes of site chrome, as data: what the line-scoring features look for.

These are *evidence*, weighed by the fitted model (``line_model.json``), not rules: a line
that mentions "comments" or "cookies" is not removed for it. Each pattern is a Rust regex
(Polars), case-insensitive where it says ``(?i)``. Several languages are covered where the
word is short and unambiguous; the model learned how much each is worth on pages in many.
"""

from __future__ import annotations

# Menu and section labels: a short line made only of these (and separators) is navigation.
NAVIGATION_WORDS = (
    r"home|homepage|news|world|local|national|international|politics|business|economy|money"
    r"|markets|tech|technology|science|health|sport|sports|football|culture|arts?|entertainment"
    r"|lifestyle|life|style|food|travel|opinion|opinions|editorials?|columns?|columnists|blogs?"
    r"|video|videos|photos?|gallery|galleries|podcasts?|radio|tv|live|weather|obituaries"
    r"|classifieds|jobs|cars|autos?|real estate|shop|shopping|deals|games|puzzles|crosswords?"
    r"|events|magazine|archives?|topics|sections|menu|more|search|contact|contact us|about"
    r"|about us|careers|advertise|help|faq|rss|newsletters?|subscribe|subscriptions?|log ?in"
    r"|log ?out|sign ?in|sign ?up|register|account|my account|profile|settings|edition"
    r"|today's paper"
    r"|e-?paper|print edition|latest|trending|popular|top stories|breaking|science|education"
    r"|environment|climate|media|features?|reviews?|guides?|how to|us|uk|europe|asia|africa"
    r"|americas|middle east|australia|india|china|next|previous|prev|back|close|skip"
    r"|inicio|noticias|deportes|accueil|actualités|nachrichten|startseite|politik|wirtschaft"
    r"|kultur|sport|notícias|esportes"
)
# One line made of navigation words, separators and list punctuation only.
NAVIGATION_LINE = rf"(?i)^(?:(?:{NAVIGATION_WORDS})[\s|·•»/&,:>-]*)+$"

SHARE_WORDS = (
    r"(?i)\b(?:share|facebook|twitter|whatsapp|linkedin|pinterest|reddit|tumblr"
    r"|flipboard|telegram|messenger|e-?mail|print|tweet|copy link|link copied|pin it)\b"
)
COMMENT_WORDS = (
    r"(?i)\b(?:comments?|commenting|reply|replies|responses?|discussion|commentaires?"
    r"|kommentare?|comentarios?|comentários?)\b|\bsaid\.\.\.$|\bsays:$"
)
RELATED_WORDS = (
    r"(?i)\b(?:related|recommended|popular|trending|most read|most viewed|more from|more stories"
    r"|more news|you may also like|you might also like|read more|read next|see also"
    r"|further reading|also read|also on|latest news|up next|what to read next|sponsored"
    r"|promoted|partner content|around the web|from the web|más leídas|lire aussi|mehr zum thema"
    r"|weitere artikel|weitere nachrichten)\b"
)
LEGAL_WORDS = (
    r"(?i)©|\bcopyright\b|all rights reserved|\bprivacy\b|terms of (?:use|service)"
    r"|\bcookies?\b|\bdisclaimer\b|\bgdpr\b|ad ?choices|do not sell"
)
ACCOUNT_WORDS = (
    r"(?i)\b(?:subscribe|subscriber|subscription|newsletter|sign ?up|sign ?in|log ?in|log ?out"
    r"|register|password|username|e-?mail address|your email|create an account|my account"
    r"|already a subscriber|free trial|paywall)\b"
)
# A byline: "By Meg James", "Von ...", "Par ...", "Por ...", optionally with a role.
BYLINE = r"^(?i:by|von|par|por|di|door|av|af)\s+\p{Lu}"
# A credit for a picture: agency names and the words sites put before them.
CREDIT_WORDS = (
    r"(?i)\b(?:photo|photograph|image|picture|credit|courtesy|getty|getty images|reuters|afp"
    r"|ap photo|associated press|shutterstock|istock|epa|alamy|pa media|file photo)\b"
)
# Month names (English and a few others) next to a number: a date or a timestamp.
DATE_WORDS = (
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:de\s+|of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr"
    r"|mars|avr|mai|juin|juil|août|sept|déc|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
    r"|septiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli|oktober|dezember"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)[a-zé]*\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\d{4}年\d{1,2}月"
)
TIME_OF_DAY = r"(?i)\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|h|uhr|utc|gmt|[ecmp][sd]t)?\b"
URL_OR_HANDLE = r"(?i)https?://|www\.|\.(?:com|org|net|co\.uk)\b|(?:^|\s)@\w"
# Whole lines that open a comment section, and whole lines that open a list of other stories.
COMMENT_HEADING = (
    # "Comments", "[ 167 comments ]", "Top Rated Comments", "Show comments (12)"
    r"(?i)^[\[(]?\s*(?:\d+\s+)?"
    r"(?:(?:top(?: rated)?|best|latest|newest|most recent|recent|all|show|view|read|see)\s+)?"
    r"(?:comments?|responses?|replies|reader comments|discussion|leave a reply"
    r"|leave a comment|post a comment|add a comment|write a comment|join the discussion"
    r"|join the conversation|what do you think\??|have your say|\d+ thoughts? on .{0,120}"
    r"|commentaires?|kommentare?|comentarios?|comentários?|commenti|комментарии|评论|留言"
    r"|コメント|댓글)\s*(?:\(\d+\))?\s*[\])]?:?$"
)
RELATED_HEADING = (
    r"(?i)^(?:related(?: articles| stories| content| news| coverage| posts| links)?"
    r"|recommended(?: for you| stories| reading)?|more (?:stories|news|from|on|in)\b.{0,60}"
    r"|you (?:may|might) (?:also )?like|read (?:more|next)|see also|further reading"
    r"|most (?:read|popular|viewed|shared)|trending(?: now)?|popular(?: now| stories)?"
    r"|latest(?: news| stories)?|top stories|up next|around the web|from the web"
    r"|editor'?s picks|don'?t miss|sponsored(?: stories| content)?|lire aussi|mehr zum thema"
    r"|más noticias|leia também|lesen sie auch|à lire aussi|vea también|te puede interesar"
    r"|weitere (?:artikel|nachrichten|meldungen|themen)|mehr (?:artikel|nachrichten)"
    r"|autres articles|altri articoli|otras noticias|outras notícias|meer nieuws"
    r"|leggi anche|читайте также|相关新闻|相关阅读|延伸阅读|推荐阅读|热门新闻|関連記事"
    r"|関連ニュース|관련기사|관련 기사)\s*:?$"
)
