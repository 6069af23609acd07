"""Read an article file into an Article: decode, recognise the format, find metadata,
and cut the body into paragraphs whose characters map back to the file's text.

Formats, one module each:
- epaper-text (epaper): the text of a Founder e-paper page, as in the seed: a date line
  (2022年08月10日), an edition line (第08版:08), the title, the body, and the page's
  metadata comment (tags stripped or not), ending in ``/enpproperty-->``.
- markdown (markdown): .md, or any text with a YAML front-matter block (title, date, source,
  url, region, page, id); Markdown markup is dropped from the text, offsets stay true.
- founder-html (founder) and html (html): HTML pages, Founder e-paper pages or others.
- text (plain): anything else that reads as text: copied web pages (navigation bars,
  "发布时间：", "来源：" and footer lines are dropped but mined for the date and the paper),
  hard-wrapped lines, tab-separated tables, tables of `` | ``-separated cells (with or
  without pipes at the ends of the lines).

Every paragraph carries ``offsets``: ``offsets[i]`` is the position in ``Article.source``
of ``text[i]``. Text is changed only one character for one character (full-width
digits and signs folded to ASCII, traditional characters to simplified, entities
decoded to their first character's position), by dropping characters (line breaks,
indentation, markup, invisible characters), or by one inserted separator that stands
on whitespace or on the tag that made it (a space between two ASCII words joined across
a line break, a tab between table cells).

Modules, each importing only those listed before it:
  text         characters: folding, traditional -> simplified, invisible characters, source ids
  decode       bytes -> text (BOM, UTF-8, GB18030; empty and binary files refused)
  offsets      Line, text with an offset map, and the edits that keep the map true
  markup       Markdown markup inside a line
  lines        source -> cleaned Lines
  units        Lines -> units (paragraphs joined across hard wraps, headings, rows)
  dates        publication dates
  boilerplate  web-page furniture and the metadata lines among it
  body         units -> paragraphs and headings (digest)
  enp          Founder e-paper metadata (the enpproperty comment, edition lines)
  markdown, epaper, plain                 the text formats
  htmltree, htmlrender, founder, html     the HTML formats
  detect       which reader reads a file
  read         read_article: decode, detect, read, apply the user's overrides

The package itself imports nothing: importing one of its modules loads only what that
module needs. ingest.reader and ingest.html keep the names other code imports.
"""
