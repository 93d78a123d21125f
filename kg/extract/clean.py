"""Boilerplate removal: the article body and its headline, without the web page around them.

Line-based rules that hold across news sites (scraped text keeps one block
per line):

- everything from a teaser block onward is cut ("Check Also", "Read more",
  "Related", "You may also like", "More from ...", "Show Comments");
- navigation lines are dropped: language pickers and breadcrumbs ("Portuguese /
  Spanish / English", "Home | World | ..."), widget labels ("Font size: Decrease
  font Enlarge font", "Written by:", "Share this"), runs of glued category tags
  ("Europe & RussiaIraqMiddle EastNewsRussiaSyria") and site taglines;
- bylines (a short line of capitalised names: "Manal Ismael", "Manar al-Freih /
  Hazem Sabbagh", "By Jane Doe") are dropped;
- a headline repeated as a line is kept once.

The title is the article's own title when the reader found one, else the first
headline-like line. Lines are joined by blank lines, so a headline never runs
into the first sentence. Datelines ("Moscow, SANA –") stay in the text; the
``kg_entities`` component keeps them out of the entities.

    >>> from kg.ingest.article import Article
    >>> text = "Home | World | Putin visits Paris for talks\\n\\nPutin visits Paris for talks\\nPutin visits Paris for talks\\n"
    >>> text += "PARIS, AFP - Putin met Macron.\\nJane Doe\\nRead more\\nOther story."
    >>> c = clean_article(Article(id="a", text=text))
    >>> c.title
    'Putin visits Paris for talks'
    >>> c.body
    'Putin visits Paris for talks\\n\\nPARIS, AFP - Putin met Macron.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STOP = re.compile(
    r"^(check also|read more|read also|also read|related|related (articles?|news|posts?|stories|topics|content)"
    r"|you may also like|you might also like|more from\b.*|more stories|recommended( for you)?|see also"
    r"|show comments|comments|leave a (comment|reply)|most (read|popular)|trending( now)?|latest news"
    r"|more on this( topic)?|popular posts)\s*:?\s*$",
    re.I,
)
_WIDGET = re.compile(
    r"^(font size\b|decrease font|enlarge font|show comments|hide comments|written by\b|posted by\b|posted on\b"
    r"|share( this( article)?)?\s*:?$|print( this)?$|email$|tweet$|follow us\b|subscribe\b|advertisement$"
    r"|sign up\b|tags?\s*:|categories\s*:|filed under\b|image( source)?\s*:|photo\s*:|file photo\b"
    r"|click here\b|skip to (main )?content|menu$|search$|home$|close$|log ?in$|register$"
    r"|middle east near you$)",
    re.I,
)
_SEPS = re.compile(r"\s+[/|\u2022\u00b7>\u00bb\u203a]\s+")
_SOCIAL = frozenset({"facebook", "twitter", "x", "email", "e-mail", "whatsapp", "telegram", "linkedin", "print",
                     "share", "reddit", "pinterest", "vk", "copy", "link", "messenger", "tweet", "sms", "comments"})
_DATE_WORD = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?$"
    r"|^[\d:/.,\-]+(?:am|pm|gmt|utc)?,?$|^(?:am|pm|gmt|utc|updated|published|posted|last|on|at)[:\]\[,]*$|^[\[\]()|:-]+$",
    re.I,
)
_GLUED = re.compile(r"[a-z][A-Z]")
_BULLETS = " \t\u00a0\u2022\u00b7\u25cf*-\u2013\u2014>"
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'\u2019.]*(?:-[A-Z]?[\w'\u2019]+)*|(?:al|el|bin|ibn|bint|de|da|di|van|von|der|la|le|abu|abd)(?:-[A-Z][\w'\u2019]+)?)$")
_BY = re.compile(r"^by\s+", re.I)


@dataclass(frozen=True)
class CleanText:
    """The text the extractor reads: the article body and its title."""

    body: str
    title: str | None = None


def clean_article(article) -> CleanText:
    """The body and title of ``article`` (a ``kg.ingest.article.Article``) without page boilerplate."""
    return clean_text(article.text, title=getattr(article, "title", None))


def clean_text(text: str, *, title: str | None = None) -> CleanText:
    kept: list[str] = []
    seen: set[str] = set()
    body_started = False
    gap = True  # a blank line since the last kept line
    for raw in text.splitlines():
        ln = raw.strip(_BULLETS).strip()
        if not ln:
            gap = True
            continue
        if _STOP.match(ln) and (body_started or kept):
            break
        if is_navigation(ln) or (kept and is_byline(ln)):
            gap = True
            continue
        norm = " ".join(ln.lower().split())
        if norm in seen and len(norm.split()) <= 30:
            gap = True
            continue  # a repeated headline or caption
        seen.add(norm)
        if kept and not gap and _wrapped(kept[-1], ln):
            kept[-1] = kept[-1] + " " + ln  # a hard-wrapped paragraph
        else:
            kept.append(ln)
        gap = False
        if len(ln.split()) >= 15 or ln.endswith((".", "\u201d", '"')):
            body_started = True
    if title is None:
        title = pick_title(kept)
    return CleanText(body="\n\n".join(kept), title=title)


def _wrapped(prev: str, nxt: str) -> bool:
    """True when ``nxt`` continues ``prev``'s sentence (text wrapped at a fixed width)."""
    if prev.endswith((".", "!", "?", ":", '"', "\u201d", "\u2019")):
        return False
    return nxt[:1].islower() or (len(prev) >= 65 and (prev[-1:].islower() or prev.endswith(",")))


def is_navigation(line: str) -> bool:
    """Menus, breadcrumbs, widget labels, glued category tags."""
    if _WIDGET.match(line):
        return True
    parts = _SEPS.split(line)
    if len(parts) >= 2 and all(len(p.split()) <= 3 for p in parts):
        return True  # "World | Middle East"
    if len(parts) >= 3 and sum(len(p.split()) <= 3 for p in parts[:-1]) == len(parts) - 1:
        return True  # "Portuguese / Spanish / English", "Home | World | headline"
    words = line.split()
    if len(words) <= 12 and any(len(_GLUED.findall(w)) >= 2 for w in words) and not line.endswith("."):
        return True  # "Europe & RussiaIraqMiddle EastNewsRussiaSyria"
    low = [w.strip("[]():|,").lower() for w in words]
    if len(words) <= 8 and all(w in _SOCIAL for w in low if w):
        return True  # "Facebook Twitter Email"
    if len(words) <= 16 and sum(bool(_DATE_WORD.match(w.strip("[]()"))) or not w.strip("[]():|") for w in words) >= len(words) - 1 \
            and any(c.isdigit() for c in line):
        return True  # "Sun Jan 5, 2020 03:12PM [Updated: Sun Jan 5, 2020 03:12PM ]"
    return False


def is_byline(line: str) -> bool:
    """A short line of 1-4 capitalised name tokens per author ("Manar al-Freih / Hazem Sabbagh")."""
    if line.endswith((".", ":", "?", "!", '"', "\u201d")) or any(c.isdigit() for c in line) or _STOP.match(line):
        return False
    line = _BY.sub("", line)
    authors = [a.strip() for a in re.split(r"\s*(?:/|,|&|\band\b)\s*", line) if a.strip()]
    if not authors or len(authors) > 4:
        return False
    for a in authors:
        toks = a.split()
        if not 1 <= len(toks) <= 4 or not all(_NAME_TOKEN.match(t) for t in toks):
            return False
        if not any(t[:1].isupper() for t in toks):
            return False
    return len(authors) > 1 or len(authors[0].split()) >= 2


def pick_title(lines: list[str]) -> str | None:
    """The first headline-like line: 4+ words with a lower-case word or a colon, not a sentence paragraph."""
    for ln in lines[:6]:
        words = ln.split()
        if 4 <= len(words) <= 25 and not ln.endswith(".") and (":" in ln or any(w[:1].islower() for w in words[1:])):
            return ln.rstrip(".")
    for ln in lines[:6]:
        if 3 <= len(ln.split()) <= 25 and not ln.endswith("."):
            return ln.rstrip(".")
    return lines[0] if lines else None
