"""The text of an HTML email, laid out the way intake reads plain text.

Blocks become lines, list items become bullets, table cells become tab-separated rows
(so a table in an HTML email is found like one pasted from Word), and quoted earlier
messages (``<blockquote>``) get the ``>`` prefix a plain-text reply would have.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "ul", "ol", "table", "tbody", "thead", "h1", "h2", "h3",
    "h4", "h5", "h6", "pre", "address", "hr", "dl", "dt", "dd", "center", "form", "fieldset",
}
_SKIPPED = {"script", "style", "head", "title", "template", "noscript", "xml"}


class _TextMaker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.skip = 0
        self.quote = 0
        self.cells_in_row = 0
        self.in_cell = 0
        self.pre = 0

    def _break(self) -> None:
        if self.in_cell:
            # Word and Outlook wrap each cell's text in <p>: the cell stays one cell of its row
            if self.lines[-1] and not self.lines[-1].endswith((" ", "\t")):
                self.lines[-1] += " "
            return
        if self.lines[-1].strip(" >"):
            self.lines.append("")

    def _newline(self) -> None:
        self.lines.append("")

    def _write(self, text: str) -> None:
        if not self.lines[-1] and self.quote:
            self.lines[-1] = "> " * self.quote
        self.lines[-1] += text

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skip += 1
        elif tag == "br":
            self._break() if self.in_cell else self._newline()
        elif tag == "blockquote":
            self._break()
            self.quote += 1
        elif tag == "li":
            self._break()
            self._write("\u2022 ")
        elif tag == "tr":
            self.in_cell = 0
            self._break()
            self.cells_in_row = 0
        elif tag in ("td", "th"):
            self.in_cell = 0
            if self.cells_in_row:
                self._write("\t")
            self.cells_in_row += 1
            self.in_cell = 1
        elif tag == "pre":
            self._break()
            self.pre += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote":
            self._break()
            self.quote = max(0, self.quote - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
            self._break()
        elif tag in ("td", "th"):
            self.in_cell = 0
        elif tag in ("table", "tr"):
            self.in_cell = 0
            self._break()
        elif tag in _BLOCKS or tag == "li":
            self._break()

    def handle_data(self, data):
        if self.skip:
            return
        if self.pre:
            for index, part in enumerate(data.split("\n")):
                if index:
                    self._newline()
                self._write(part)
            return
        text = " ".join(data.replace("\xa0", "\x00").split()).replace("\x00", "\xa0")
        if not text:
            if data and self.lines[-1] and not self.lines[-1].endswith((" ", "\t")):
                self._write(" ")
            return
        if data[:1].isspace() and self.lines[-1] and not self.lines[-1].endswith((" ", "\t")):
            text = " " + text
        if data[-1:].isspace():
            text += " "
        self._write(text)


def html_to_text(html: str) -> str:
    maker = _TextMaker()
    try:
        maker.feed(html)
        maker.close()
    except Exception:  # the html module is forgiving; this is belt and braces for a broken email
        pass
    lines = [line.rstrip(" ") for line in maker.lines]
    return "\n".join(lines).strip("\n")
