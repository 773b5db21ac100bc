"""Input preparation: HTML to text, whitespace kept so offsets stay meaningful."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_HTML_HINT = re.compile(r"<\s*(p|div|br|html|body|article|span|a|h[1-6]|li|figure|figcaption)\b", re.I)
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "tr")
_DROP_TAGS = ["script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg", "figure"]


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


def prepare(raw: str) -> Prepared:
    """Plain text is returned unchanged (offsets refer to it); HTML is converted to text."""
    if looks_like_html(raw):
        return Prepared(text=html_to_text(raw), is_html=True)
    return Prepared(text=raw, is_html=False)
