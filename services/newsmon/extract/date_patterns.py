"""The date expressions news prose uses, as named regexes (resolution is in ``dates.py``).

Months are matched case-sensitively (capitalised) so that "may" and "march" as words do not
become dates; the other parts are case-insensitive via inline ``(?i:...)`` groups. Where two
patterns overlap, the earlier (longer) one wins.
"""

from __future__ import annotations

import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    k: int(v)
    for k, v in (
        item.split("=")
        for item in (
            "january=1 jan=1 february=2 feb=2 march=3 mar=3 april=4 apr=4 may=5 june=6 jun=6 july=7 "
            "jul=7 august=8 aug=8 september=9 sept=9 sep=9 october=10 oct=10 november=11 nov=11 "
            "december=12 dec=12"
        ).split()
    )
}
NUMBERS = {
    k: int(v)
    for k, v in (
        item.split("=")
        for item in (
            "a=1 an=1 one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 "
            "twelve=12"
        ).split()
    )
}

# Months are matched case-sensitively (capitalised) so that "may" and "march" as words do not
# become dates; the other parts are case-insensitive via inline (?i:...) groups.
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WD = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19\d\d|20\d\d)"  # the years news tells of, back to the wars
YEAR = _YEAR
_DASH = r"(?:\s*[-–—]\s*|\s+(?i:to|through|until|till|and)\s+)"
_EVENT_NOUNS = r"(?i:attacks?|attackers|hijackers|terror(?:ist)?\s+attacks?|commission)\b"
_NUM = r"(?:\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b"),
    # March 30 to April 2(, 2022) / March 3-5(, 2022)
    (
        "md_range",
        rf"\b(?:{_WD},?\s+)?(?P<m>{_MON})\s+(?P<d>{_DAY}){_DASH}(?:(?P<m2>{_MON})\s+)?(?P<d2>{_DAY})"
        rf"\b(?:,?\s+(?P<y>{_YEAR})|\s+(?P<yrel>(?i:next|last|this))\s+(?i:year))?",
    ),
    # 30 March to 2 April 2022 / 3-5 March(, 2022)
    (
        "dm_range",
        rf"\b(?P<d>{_DAY})(?:\s+(?P<m>{_MON}))?{_DASH}(?P<d2>{_DAY})\s+(?P<m2>{_MON})(?:,?\s+(?P<y>{_YEAR})|\s+(?P<yrel>(?i:next|last|this))\s+(?i:year))?",
    ),
    # "the September 11 attacks" names an event, not a day of the story
    ("event_name", rf"\b(?P<m>{_MON})\s+(?P<d>{_DAY})(?:,\s+{_YEAR},)?\s+(?={_EVENT_NOUNS})"),
    (
        "mdy",
        rf"\b(?:{_WD},?\s+)?(?P<m>{_MON})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})|\s+(?P<yrel>(?i:next|last|this))\s+(?i:year))?",
    ),
    (
        "dmy",
        rf"\b(?:{_WD},?\s+)?(?:(?i:the)\s+)?(?P<d>{_DAY})\s+(?:(?i:of)\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR})|\s+(?P<yrel>(?i:next|last|this))\s+(?i:year))?",
    ),
    (
        "my",
        rf"\b(?:(?i:early|mid|late|the end of|the beginning of|the start of)[\s-]+)?"
        rf"(?P<m>{_MON}),?\s+(?P<y>{_YEAR})\b",
    ),
    (
        "mon",
        rf"\b(?i:in|on|for|since|until|till|by|during|from|early|mid|late|of|before|after)[\s-]"
        rf"(?P<body>(?P<m>{_MON})(?:\s+(?P<yrel>(?i:next|last|this))\s+(?i:year))?)\b",
    ),
    ("mon_mod", rf"\b(?P<mod>(?i:last|next|this|coming))\s+(?P<m>{_MON})\b"),
    # attributive month or year: "a July NATO summit", "the 2009 Copenhagen climate summit"
    (
        "mon",
        rf"\b(?i:a|an|the|its|their|this)\s+(?P<body>(?P<m>{_MON}))\s+(?=[A-Za-z])(?!(?i:of|for|to)\b)",
    ),
    # "Trump's November phone call", "Obama’s June trip": a possessive before a meeting noun
    (
        "mon",
        rf"(?<=\w(?:'|’)s\s)(?P<body>(?P<m>{_MON}))\s+(?=(?i:phone\s+)?(?i:call|conversation|meeting|talks|"
        rf"summit|visit|trip|tour)s?\b)",
    ),
    # "on the 16th" (agency style: a day of the current month)
    (
        "ord_day",
        r"\b(?i:on|by|until|since)\s+(?P<body>(?i:the)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th))\b",
    ),
    (
        "rel_day",
        r"\b(?i:(?P<rd>the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow"
        r"|last night|this morning|this afternoon|this evening|earlier today|later today))\b",
    ),
    (  # "this weekend", "over the weekend", "next weekend", "weekend talks" (by the tense): its Saturday
        "weekend",
        r"\b(?:(?P<mod>(?i:this coming|this past|the past|over the|this|next|last|coming|the))\s+(?i:weekend)"
        r"|(?i:weekend)(?=\s+(?i:talks|negotiations|meetings?|summit|sessions?|retreat)\b))\b",
    ),
    ("wd_range", rf"\b(?:(?i:from|between)\s+)?(?P<w>{_WD}){_DASH}(?P<w2>{_WD})\b"),
    (
        "wd",
        rf"\b(?:(?P<cue>(?i:on|until|by|from|before|after))\s+)?"
        rf"(?P<body>(?:(?P<mod>(?i:last|next|this coming|this|coming|past))\s+)?(?P<w>{_WD}))\b",
    ),
    ("ago", rf"\b(?P<n>{_NUM})\s+(?P<u>(?i:days?|weeks?|months?|years?))\s+(?i:ago|earlier|before)\b"),
    (
        "in_n",
        rf"\b(?i:in|within)\s+(?P<n>{_NUM})\s+(?P<u>(?i:days?|weeks?|months?|years?))(?:'|’)?(?:\s+(?i:time))?\b",
    ),
    # "has spent the past few days in Manila": the days just gone (their month, when it is one)
    ("few_days", r"\b(?i:the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+days)\b"),
    (
        "rel_span",
        r"\b(?P<pre>(?i:later|earlier|early|late)\s+)?(?P<mod>(?i:the last|next|last|this|the coming|"
        r"the past|coming|past))\s+"  # not "the following year": that follows a year the story told
        r"(?P<u>(?i:week|month|year))\b",
    ),
    # "last winter", "in the summer", "spring of 2015" (a season alone, "prices fall", is not one)
    (
        "season",
        rf"\b(?:(?P<mod>(?i:this|last|next|past|coming|the past|the coming))\s+"
        rf"|(?i:in|during|over|through|by|until)\s+(?i:the)\s+(?:(?i:early|late)\s+)?)"
        rf"(?P<s>(?i:spring|summer|fall|autumn|winter))(?:,?\s+(?:(?i:of)\s+)?(?P<y>{_YEAR}))?\b"
        rf"|\b(?P<s2>(?i:spring|summer|fall|autumn|winter)),?\s+(?:(?i:of)\s+)?(?P<y2>{_YEAR})\b",
    ),
    ("year", rf"\b(?i:in|during|since|by|for|until|of|early|late|mid)[\s-](?P<body>(?P<y>{_YEAR}))\b"),
    (
        "year",
        rf"(?:\b(?i:a|an|the|its|their|his|her|our|my)|['’]s)\s+(?:[a-z]+\s+)?(?P<body>(?P<y>{_YEAR}))\s+"
        # "the 2019 meeting"
        r"(?=[A-Z]|(?:[a-z-]+\s+){0,2}"  # "the 2019 annual meeting", "a 2010 health care summit"
        r"(?i:summit|meeting|talks|visit|trip|conference|convention|discussion|conversation|call|phone"
        r"|negotiations|presidential|election|campaign"
        r"|race|primary|primaries|midterms?)\b)",
    ),
]
YREL = {"next": 1, "last": -1, "this": 0}
COMPILED = [(kind, re.compile(rx)) for kind, rx in _PATTERNS]
