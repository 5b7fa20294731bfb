"""Page furniture: lines that belong to the page around a story, not to the story.

One line classifier shared by the HTML post-cleaner and the scraped-text cleaner.
``furniture_reason(line)`` looks at a single line (ads, promos, share prompts, link labels,
video and photo credits, copyright); ``is_story_line``/``is_headline_shaped`` describe
shapes the context rules in ``text.py`` and ``html.py`` build on.  The rules describe the
*shape* of a line (a short imperative about a newsletter, a label ending in a colon, a
timestamped caption) rather than one outlet's wording.
"""

from __future__ import annotations

import re

MAX_FURNITURE_WORDS = 40
"""Lines longer than this are never furniture by shape alone (story paragraphs are long)."""

_AD = re.compile(
    r"""^[\W_]*(?:
        ad(?:vert(?:isement|ising)?)?s?|advertisements?|adchoices|ad\s+choices|
        (?:paid\s+|sponsored\s+|partner\s+)?(?:content|post|stories|links?)\s+by\s+\S.*|
        sponsored(?:\s+(?:content|stories|links|post|by\b.*))?|paid\s+(?:content|post)|
        promoted(?:\s+(?:content|stories|links))?|
        (?:the\s+)?(?:story|article|text)\s+continues\s+(?:below|after).*|
        continue\s+reading(?:\s+(?:below|the\s+main\s+story|after\s+.*))?|
        scroll\s+(?:down\s+)?to\s+continue.*|skip\s+(?:this\s+)?(?:ad(?:vert(?:isement)?)?)\b.*|
        (?:advertisement|ad)\s*[-–—:|]\s*(?:scroll|continue|story).*|
        report\s+(?:this\s+)?ad
    )[\W_]*$""",
    re.I | re.X,
)
_BREADCRUMB = re.compile(r"^[\w&' ]{1,30}(?:\s*[>›»/]\s*[\w&' ]{1,30}){1,5}$")
_SKIP = re.compile(r"^(?:skip\s+to\s+(?:main\s+)?(?:content|navigation|footer)|jump\s+to)\b", re.I)
_VIDEO = re.compile(
    r"^(?:click\s+(?:here\s+)?to\s+(?:play|watch|view|expand)\b.*|"
    r"(?:watch|video|listen|audio|podcast|now\s+playing|play\s+video|watch\s+more|"
    r"watch\s+now|up\s+next)\s*[:|–—-]\s*.*|"
    r"(?:play|watch|pause)\s+(?:video|now)|\d{1,2}:\d{2}(?:\s*(?:min|mins))?)$",
    re.I,
)
_STAMP = re.compile(
    r"[–—-]\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}$"
)
_PHOTO = re.compile(
    r"^[(\[]?\s*(?:photo(?:graph)?s?|images?|pictures?|pic|illustration|graphic|credit|"
    r"video|gallery\s+credit|file\s+photo|source\s+images?)"
    r"(?:\s+(?:credit|by|courtesy(?:\s+of)?|illustration))?\s*[:/]\s*.{0,120}$|"
    r"^[(\[]?(?:AP|AFP|Reuters|Getty|EPA|Shutterstock|Bloomberg)\s+(?:Photo|Images?)\b.{0,80}$|"
    r"^.{0,80}/\s*(?:Getty\s+Images|Shutterstock|AFP|AP|Reuters|EPA|Alamy)"
    r"(?:\s+via\s+.{0,40})?[)\].]?\s*$",
    re.I,
)
_LINK_LABEL = re.compile(
    r"^(?:read\s+(?:more|next|also|this|the\s+full\s+story|full\s+article)|related"
    r"(?:\s+(?:articles?|stories|content|coverage|links?|reading|video|topics?))?|"
    r"see\s+also|also\s+read|more\s+(?:from|on|about|stories|news|coverage|reading)(?:\s+[^\s:]+){0,4}|"
    r"recommended(?:\s+(?:for\s+you|reading|stories|videos?))?|you\s+may\s+(?:also\s+)?like|"
    r"(?:most\s+)?(?:popular|read|trending|viewed)(?:\s+(?:now|stories|today|news|articles))?|"
    r"must\s+read|don'?t\s+miss|top\s+stories|latest(?:\s+(?:news|stories|videos?))?|"
    r"editor'?s\s+picks?|further\s+reading|explore\s+more|in\s+case\s+you\s+missed\s+it|"
    r"also\s+(?:on|in)\s+\w+|keep\s+reading|what\s+to\s+read\s+next|more)\b"
    r"\s*(?:[:>»|–—-]|$)|^read\s+more\s+(?:on|from|about|at|in)\b(?:\s+\S+){1,8}\s*$",
    re.I,
)
_SHARE_WORDS = (
    r"share|tweet|email|e-mail|print|copy(?:\s+link)?|link\s+copied|pin|save|comment|comments|"
    r"facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|flipboard|messenger|"
    r"instagram|tiktok|youtube|threads|bluesky|sms|gift\s+(?:this\s+)?article|bookmark|"
    r"listen(?:\s+to\s+(?:this\s+)?article)?|\d+\s+min(?:ute)?s?\s+read"
)
_SHARE = re.compile(
    rf"^(?:(?:{_SHARE_WORDS})(?:\s+(?:this|the|on|via|to|with)(?:\s+\w+){{0,2}})?[\s,|·•/]*)+[!.:]?$",
    re.I,
)
_FOLLOW = re.compile(
    r"^(?:follow|like|join)\s+(?:us|@\w+|\w+(?:\s+\w+){0,4}\s+on\s+"
    r"(?:twitter|x|facebook|instagram|tiktok|threads|linkedin|youtube|telegram|bluesky|"
    r"whatsapp|google\s+news))\b.{0,160}$",
    re.I,
)
_PROMO_TOPIC = re.compile(
    r"\b(?:newsletters?|inbox|e-?mail\s+(?:updates|alerts|address)|sent\s+to\s+your\s+e-?mail|"
    r"delivered\s+(?:straight\s+)?to\s+your|sign(?:ing)?[\s-]?up|sign[\s-]?in|subscri(?:be|ber|ption)s?|"
    r"download\s+(?:our|the)\s+\w*\s*app|get\s+the\s+\w+\s+app|podcasts?\s+wherever|"
    r"breaking\s+news\s+alerts?|push\s+notifications?|free\s+trial|unlimited\s+access|"
    r"privacy\s+(?:policy|notice)|terms\s+(?:of\s+(?:use|service)|(?:and|&)\s+conditions)|"
    r"special\s+offers|news\s+and\s+offers)\b",
    re.I,
)
_PROMO_VERB = re.compile(
    r"^(?:[\W_]*)(?:sign\s*up|subscribe|get|join|download|register|enter|receive|stay|"
    r"never\s+miss|don'?t\s+miss|want|like\s+this|love\s+this|enjoy(?:ed)?|thank\s+you|thanks\s+for|"
    r"by\s+(?:clicking|signing|subscribing|providing|submitting|entering|registering|creating)|"
    r"contact\s+me|you\s+(?:can|may)\s+unsubscribe|already\s+a|"
    r"create\s+(?:a|an|your)|log\s*in|continue\s+with|we\s+(?:care|respect|use)|"
    r"breaking\s+news|the\s+latest|top\s+(?:headlines|stories)|this\s+(?:site|website)|"
    r"click\s+here|tap\s+here|try\s+\w+|start\s+your|your\s+(?:email|inbox))\b",
    re.I,
)
_PROMO_CALL = re.compile(
    r"\b(?:sign\s+up\s+(?:here|now|today|for\s+(?:it|free|our|the))|subscribe\s+(?:here|now|today)|"
    r"get\s+it\s+(?:delivered|in\s+your)|in\s+your\s+inbox|to\s+your\s+inbox|"
    r"sent\s+to\s+your\s+e-?mail|(?:you|i)\s+agree\s+to)\b",
    re.I,
)
_CLICK = re.compile(r"^(?:click|tap|swipe)\s+(?:here|to|for|below|on)\b", re.I)
_SYNDICATION = re.compile(
    r"^(?:this\s+(?:article|story|post|piece)\s+(?:was\s+)?(?:originally\s+|first\s+)?"
    r"(?:appeared|published|posted|ran)\s+(?:on|in|at)\b|originally\s+published\s+(?:on|in|at)\b)"
    r".{0,120}$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b).{0,200}$|.{0,200}\ball\s+rights\s+reserved\b.{0,200}$", re.I
)
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:reply|report|show\s+more\s+comments?)$|^(?:leave|post|add|view|show|load)\s+(?:a\s+|the\s+)?"
    r"(?:comments?|replies)\b.*$|^(?:be\s+the\s+first\s+to\s+comment|join\s+the\s+conversation)\b.*$",
    re.I,
)
_PRINT_NOTE = re.compile(
    r"^this\s+(?:article|story)\s+(?:appeared|was\s+published|ran)\s+in\s+the\s+.{0,80}"
    r"(?:print|newspaper|edition|issue)\b.*$",
    re.I,
)
_INTERACTIVE = re.compile(
    r"^(?:tap|click|hover|swipe)\s+(?:to|here\s+to)\s+(?:reveal|expand|see|show|view|enlarge)\b.*$|"
    r"^.{1,60}:\s*(?:tap|click)\s+to\s+(?:reveal|expand|show)\s*$|"
    r"^(?:oops!?\s*)?something\s+went\s+wrong\.?\s*please\s+try\s+again.*$|"
    r"^(?:loading|please\s+wait)(?:\.{3}|…)?$|"
    r"^(?:instagram|twitter|x|tiktok|youtube|facebook|embedded|social(?:\s+media)?|"
    r"third[-\s]party|external)\s+(?:content|post|embed)$|"
    r"^view\s+(?:this\s+)?(?:post|photo|video)\s+on\s+\w+$|"
    r"^this\s+content\s+(?:can\s+also\s+be\s+viewed|is\s+not\s+available|is\s+imported)\b.*$",
    re.I,
)
_AFFILIATE = re.compile(
    r"\b(?:earn|receive|get)\s+(?:an?\s+)?(?:small\s+)?(?:affiliate\s+)?(?:commission|compensation)"
    r"|\baffiliate\s+(?:links?|commission)\b",
    re.I,
)
_TERMINAL = re.compile(r"[.!?…:;\"'”’)\]]$")
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def word_count(line: str) -> int:
    return len(_WORDS.findall(line))


def ends_like_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def is_story_line(line: str) -> bool:
    """A line shaped like a story paragraph: long enough and ending like a sentence."""
    n = word_count(line)
    return (n >= 14 and ends_like_sentence(line)) or n >= 30


def is_headline_shaped(line: str) -> bool:
    """3–30 words, mostly letters, not ending in a full stop or colon (a title or a link)."""
    n = word_count(line)
    s = line.rstrip()
    return 3 <= n <= 30 and not s.endswith((".", ":", ",", ";")) and len(s) <= 250


def promo_reason(line: str) -> str | None:
    """``promo`` for a short line selling a newsletter, subscription or app."""
    if word_count(line) > MAX_FURNITURE_WORDS or _quoted(line):
        return None
    if not _PROMO_TOPIC.search(line):
        return None
    if _PROMO_VERB.search(line) or _PROMO_CALL.search(line) or word_count(line) <= 6:
        return "promo"
    return None


def _quoted(line: str) -> bool:
    return bool(re.search(r"[\"“”]|\bsaid\b|\bsays\b|\btold\b", line))


def furniture_reason(line: str) -> str | None:
    """Why ``line`` on its own is page furniture, or ``None`` if it may be story text."""
    s = " ".join(line.split())
    if not s:
        return None
    n = word_count(s)
    if n > MAX_FURNITURE_WORDS:
        return None
    if _AD.match(s):
        return "advertisement"
    if _SKIP.match(s) or (n <= 10 and _BREADCRUMB.match(s)):
        return "navigation"
    if _VIDEO.match(s):
        return "video caption"
    if n <= 30 and _STAMP.search(s) and not ends_like_sentence(s):
        return "video caption"
    if _PHOTO.match(s) and n <= 25:
        return "photo credit"
    if _LINK_LABEL.match(s) and (n <= 25 and not _quoted(s)):
        return "related links"
    if n <= 12 and _SHARE.match(s):
        return "share prompt"
    if _FOLLOW.match(s) and n <= 30:
        return "share prompt"
    if _COMMENTS.match(s) and n <= 12:
        return "comments"
    if _PRINT_NOTE.match(s):
        return "print note"
    if _SYNDICATION.match(s) and n <= 25:
        return "syndication note"
    if _CLICK.match(s) and n <= 25 and not _quoted(s):
        return "promo"
    if _INTERACTIVE.match(s) and n <= 20:
        return "widget"
    if _COPYRIGHT.match(s) and n <= 40:
        return "copyright"
    if _AFFILIATE.search(s) and not _quoted(s):
        return "affiliate disclosure"
    if n == 0 and len(s) <= 12:
        return "no words"
    return promo_reason(s)


def caption_of_video_line(line: str) -> str | None:
    """The caption quoted in ``Click to play video: '…'`` (to drop its repeat), if any."""
    m = re.match(r"^click\s+(?:here\s+)?to\s+(?:play|watch)\s+(?:the\s+)?video\s*:?\s*(.+)$",
                 line.strip(), re.I)
    if not m:
        return None
    return m.group(1).strip().strip("'\"‘’“”").strip()


def normalise_line(line: str) -> str:
    """Case- and punctuation-folded form used to spot repeated lines."""
    return " ".join(_WORDS.findall(line.lower()))
