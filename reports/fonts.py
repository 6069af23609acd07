"""Find a CJK font before rendering, so that a brief never goes out with boxes for Chinese.

WeasyPrint resolves CSS font-family names through fontconfig and silently falls back to
whatever it finds; a machine without a CJK font would produce a PDF full of tofu. So the
brief asks fontconfig itself first and refuses to render when no font covers Chinese.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

INSTALL_HINT = "apt-get install fonts-noto-cjk"


class NoCJKFont(RuntimeError):
    """No font that covers Chinese is installed; the message says how to get one."""

    def __init__(self, detail: str = "fontconfig lists no font for :lang=zh") -> None:
        super().__init__(f"no CJK font found ({detail}); install one with: {INSTALL_HINT}")


@dataclass(frozen=True)
class CJKFont:
    family: str
    file: str

    @property
    def serif(self) -> bool:
        name = self.family.lower()
        return any(word in name for word in ("serif", "song", "ming", "sung"))

    @property
    def mono(self) -> bool:
        return "mono" in self.family.lower()


@dataclass(frozen=True)
class FontChoice:
    """The families the brief's CSS names: sans for text and tables, serif for display type."""

    sans: str
    serif: str

    def css(self) -> str:
        """A stylesheet that puts the detected families first; the brief's CSS names the roles."""
        sans = f'"{self.sans}", "Noto Sans CJK SC", sans-serif'
        serif = f'"{self.serif}", "{self.sans}", serif'
        return (f"html {{ font-family: {sans}; }}\n"
                f".serif, h1, .cover-title {{ font-family: {serif}; }}\n")


# Simplified-Chinese variants first: the articles are mainland papers, and the TC/JP/KR
# cuts of the same fonts draw some shared code points with regional glyph shapes.
_REGION_RANK = (" SC", " CN", " GB", "Simplified", " HK", " TC", " TW", " JP", " KR")


def _rank(font: CJKFont) -> tuple[int, int, str]:
    region = next((i for i, tag in enumerate(_REGION_RANK) if tag.lower() in font.family.lower()), len(_REGION_RANK))
    known = 0 if font.family.startswith(("Noto", "Source Han")) else 1
    return (region, known, font.family)


def list_cjk_fonts() -> list[CJKFont]:
    """Every (family, file) fontconfig says covers Chinese; empty when fc-list is missing."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run([fc_list, ":lang=zh", "family", "file"], capture_output=True, text=True,
                             timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    fonts: set[CJKFont] = set()
    for line in out.splitlines():
        file, sep, families = line.partition(": ")
        if not sep:
            continue
        # fontconfig joins localised family names with commas; the first is the English one.
        family = families.split(",")[0].strip()
        if family:
            fonts.add(CJKFont(family=family, file=file.strip()))
    return sorted(fonts, key=_rank)


def find_cjk_fonts() -> FontChoice:
    """The sans and serif families to use, or NoCJKFont when none covers Chinese."""
    fonts = [f for f in list_cjk_fonts() if not f.mono]
    if not fonts:
        raise NoCJKFont()
    sans = next((f for f in fonts if not f.serif), fonts[0])
    serif = next((f for f in fonts if f.serif), sans)
    return FontChoice(sans=sans.family, serif=serif.family)
