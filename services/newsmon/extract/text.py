"""Input preparation: HTML to text, whitespace kept so offsets stay meaningful."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_HTML_HINT = re.compile(r"<\s*(p|div|br|html|body|article|span|a|h[1-6]|li|figure|figcaption)\b", re.I)
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "tr")
_DROP_TAGS = ["script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg", "figure"]
# Hover cards that a site writes into the body after a linked name (The Hill's "rollover" blocks).
_DROP_SELECTORS = (".rollover-people-block",)

# The same hover card in text scraped without its markup: the linked name, then the person's full name
# glued to the first of several unrelated headlines, then "MORE":
#   "President Trump Donald John TrumpGOP senators balk at ... veterans' votes MORE won't be ..."
_NAME_PART = r"(?:[A-Z(][\w'’.()-]*|[a-z]{1,3})"
_CARD_START = r"(?:[A-Z(][\w'’.()-]*)"
_ROLLOVER = re.compile(
    rf"\b(?:(?P<first>[A-Z][\w'’-]*) )?(?P<surname>[A-Z][\w'’-]*[a-z][\w'’-]*)(?P<card>"
    # the full name glued to the first headline ("Donald John TrumpGOP senators ..."), or spaced from it
    # when it has a middle name ("Paul Davis Ryan Retirees should ...") or repeats the linked name
    # ("Joe Biden Joe Biden Parnas: ...")
    rf"(?: ?{_CARD_START} (?:{_NAME_PART} ){{0,4}}?(?P=surname)"
    rf"| {_CARD_START} (?:{_NAME_PART} ){{1,4}}?(?P=surname) "
    rf"| (?P=first) (?P=surname) )"
    # then the headlines and " MORE", or "MORE" glued to the name when the card has no headline
    rf"(?:(?=[A-Z0-9'‘\"“])[^\n]{{0,700}}? MORE|MORE))(?![\w])"
)

# A photo credit line a scraper kept from a player widget: "Enlarge this image toggle caption Evan
# Vucci/AP Evan Vucci/AP" (NPR). Page chrome, not prose: its photographer is nobody in the story.
_CAPTION_TOGGLE = re.compile(r"^[ \t]*(?:Enlarge this image[ \t]+)?(?:toggle|hide) caption\b[^\n]*$", re.M)


@dataclass(frozen=True)
class Prepared:
    """The text extraction runs on, and whether it came from HTML."""

    text: str
    is_html: bool


def looks_like_html(raw: str) -> bool:
    return bool(_HTML_HINT.search(raw[:5000]))


def html_to_text(raw: str) -> str:
    """Paragraph-preserving text of an HTML fragment or page (captions and scripts dropped)."""
    tree = HTMLParser(raw)
    tree.strip_tags(_DROP_TAGS)
    for selector in _DROP_SELECTORS:
        for node in tree.css(selector):
            node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    for tag in _BLOCK_TAGS:
        for node in root.css(tag):
            node.insert_after("\n\n")
    text = root.text(separator="", deep=True)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def blank_hover_cards(text: str) -> str:
    """Hover-card text glued into a scraped body, and caption-toggle credit lines, overwritten with
    spaces so every offset still holds."""
    if " caption" in text:
        text = _CAPTION_TOGGLE.sub(lambda m: " " * len(m.group(0)), text)
    if "MORE" not in text:
        return text
    return _ROLLOVER.sub(
        lambda m: m.group(0)[: m.start("card") - m.start()] + " " * len(m.group("card")), text
    )


def prepare(raw: str) -> Prepared:
    """HTML is converted to text. Plain text keeps its length, so offsets refer to the input; only the
    characters of hover cards a scraper glued into it are blanked."""
    if looks_like_html(raw):
        return Prepared(text=blank_hover_cards(html_to_text(raw)), is_html=True)
    return Prepared(text=blank_hover_cards(raw), is_html=False)
