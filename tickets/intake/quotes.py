"""What the person actually wrote: an email's text without the history their mail client quoted
below it, nor their signature.

HTML is turned into text first, dropping the quote containers Gmail, Outlook, Apple Mail and
Yahoo wrap the history in. The text is then cut at the first line that starts quoted history:
our own "reply above this line" marker, an "On … wrote:" attribution, an Outlook header block
(From:/Sent:), "-----Original Message-----", or a run of ">" lines; then at the signature
delimiter ("-- ") or a mobile "Sent from my …" line.
"""

import re
from html.parser import HTMLParser

from tickets.reply_tokens import REPLY_MARKER

# Containers whose content is always the quoted history.
QUOTE_CLASSES = {"gmail_quote", "yahoo_quoted", "moz-cite-prefix"}
# Outlook puts the history after these, as siblings rather than children: stop reading there.
HISTORY_STARTS_IDS = {"appendonsend", "divrplyfwdmsg", "mail-editor-reference-message-container"}
SKIPPED_TAGS = {"head", "style", "script", "title", "template"}
# Elements that end a line, and those that stand apart as a paragraph (a blank line around).
LINE_TAGS = {"address", "article", "dd", "div", "dt", "footer", "header", "li", "section", "tr"}
PARAGRAPH_TAGS = {
    "blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ol", "p", "pre", "table", "ul",
}  # fmt: skip
VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"}

ATTRIBUTION = re.compile(
    r"^\s*(on|le|am|el|il|op)\b.{0,250}"
    r"\b(wrote|a écrit|schrieb|escribió|ha scritto|schreef)\b.{0,200}:\s*$",
    re.IGNORECASE,
)
ORIGINAL_MESSAGE = re.compile(r"^\s*-{2,}\s*(original message|forwarded message)\s*-{2,}\s*$", re.I)
OUTLOOK_SEPARATOR = re.compile(r"^\s*_{10,}\s*$")
HEADER_LINE = re.compile(r"^\s*\**(from|de|von|van)\s*:\**\s", re.IGNORECASE)
SECOND_HEADER_LINE = re.compile(
    r"^\s*\**(sent|date|to|subject|envoyé|gesendet|enviado|datum|cc)\s*:", re.IGNORECASE
)
SIGNATURE_DELIMITER = re.compile(r"^-- ?$")
INLINE_IMAGE_PLACEHOLDER = re.compile(r"\[cid:[^\]]+\]")  # Outlook's text for a signature logo
MOBILE_SIGNATURE = re.compile(
    r"^\s*(sent from my \w[\w ]*|sent from (mail|outlook) for \w+.*|get outlook for \w+.*"
    r"|sent from yahoo mail.*|enviado desde mi \w+.*)$",
    re.IGNORECASE,
)


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.newlines = 0  # line breaks owed before the next text: 1 ends a line, 2 a paragraph
        self.skip_depth = 0  # inside <style>, <script>… or a quote container
        self.stack = []  # open elements: whether each one started a skipped region
        self.done = False

    def _break(self, tag):
        if tag == "br":
            self.newlines = min(self.newlines + 1, 2)
        elif tag in PARAGRAPH_TAGS:
            self.newlines = 2
        elif tag in LINE_TAGS:
            self.newlines = max(self.newlines, 1)

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        attrs = dict(attrs)
        if (attrs.get("id") or "").lower() in HISTORY_STARTS_IDS:
            self.done = True
            return
        if not self.skip_depth:
            self._break(tag)
        if tag in VOID_TAGS:
            return
        classes = set((attrs.get("class") or "").split())
        skips = tag in SKIPPED_TAGS or tag == "blockquote" or bool(classes & QUOTE_CLASSES)
        self.stack.append((tag, skips))
        if skips:
            self.skip_depth += 1

    def handle_endtag(self, tag):
        if self.done or tag in VOID_TAGS:
            return
        while self.stack:
            open_tag, skipped = self.stack.pop()
            if skipped:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if not self.skip_depth and tag != "br":
            self._break(tag)

    def handle_data(self, data):
        if self.done or self.skip_depth:
            return
        text = re.sub(r"[ \t\r\n\f]+", " ", data)
        if not text.strip():
            if not self.newlines:
                self.parts.append(text)
            return
        if self.newlines and self.parts:
            self.parts.append("\n" * self.newlines)
        self.newlines = 0
        self.parts.append(text)

    def text(self):
        lines = "".join(self.parts).replace("\xa0", " ").split("\n")
        return "\n".join(line.strip() for line in lines).strip()


def html_to_text(html):
    """The readable text of an HTML email, without styles, scripts or quoted history."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return extractor.text()


def _history_starts(lines, index):
    line = lines[index]
    if REPLY_MARKER in line or ORIGINAL_MESSAGE.match(line) or ATTRIBUTION.match(line):
        return True
    following = [other for other in lines[index + 1 : index + 4] if other.strip()]
    if OUTLOOK_SEPARATOR.match(line):
        return bool(following) and bool(HEADER_LINE.match(following[0]))
    if HEADER_LINE.match(line):
        return bool(following) and bool(SECOND_HEADER_LINE.match(following[0]))
    # Gmail wraps a long attribution: "On Sat, … Help Center <" / "support+…> wrote:".
    if index + 1 < len(lines) and re.match(r"^\s*on\b", line, re.IGNORECASE):
        return bool(ATTRIBUTION.match(f"{line} {lines[index + 1]}"))
    return False


def strip_reply(text):
    """The new part of a reply: everything above the quoted history and the signature."""
    text = INLINE_IMAGE_PLACEHOLDER.sub("", text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index in range(len(lines)):
        if _history_starts(lines, index):
            lines = lines[:index]
            break
    for index, line in enumerate(lines):
        if SIGNATURE_DELIMITER.match(line) or MOBILE_SIGNATURE.match(line):
            lines = lines[:index]
            break
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith(">")):
        lines.pop()
    return "\n".join(line.rstrip() for line in lines).strip()
