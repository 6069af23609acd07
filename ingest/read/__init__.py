"""The parts of reading an article file that every format needs.

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

The package itself imports nothing: importing one of its modules loads only what that
module needs.
"""
