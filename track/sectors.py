"""The one sector vocabulary, read from the catalog (the ``sectors`` list of
ingest/indicators.yaml): names in the order the brief shows them, English names, and the
other names (the extractor's guesses, older catalogs) that file under each.

A figure's sector is its indicator's sector; an unlinked figure keeps the sector the extractor
gave it, mapped through the aliases, else 其他 (OTHER). ``as_json`` gives the name map that the
brief's SQL uses, so counting and listing agree with the Python side.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

INDICATORS_PATH = Path(__file__).resolve().parent.parent / "ingest" / "indicators.yaml"
OTHER = "其他"


class SectorError(ValueError):
    """The catalog's sector list cannot be used; the message says why."""


@dataclass(frozen=True)
class Sector:
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sectors:
    sectors: tuple[Sector, ...]

    @cached_property
    def names(self) -> dict[str, str]:
        """Every name and alias -> the sector's name."""
        return {n: s.name for s in self.sectors for n in (s.name, *s.aliases)}

    @cached_property
    def _order(self) -> dict[str, int]:
        return {s.name: i for i, s in enumerate(self.sectors)}

    def canonical(self, name: str | None) -> str:
        """The vocabulary's name for a sector name or alias; unknown or empty: 其他."""
        return self.names.get((name or "").strip(), OTHER)

    def order(self, name: str) -> int:
        return self._order.get(name, len(self.sectors))

    def name_en(self, name: str) -> str:
        return next((s.name_en for s in self.sectors if s.name == name), name)

    def shown(self, name: str, lang: str) -> str:
        return self.name_en(name) if lang == "en" else name

    def as_json(self) -> str:
        """{name or alias: name} for SQL (json_extract), so queries file figures as Python does."""
        return json.dumps(self.names, ensure_ascii=False)


def _load(path: Path) -> Sectors:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as e:
        raise SectorError(f"{path}: cannot read the sector list ({e})") from None
    items = raw.get("sectors") if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        raise SectorError(f"{path}: expected a 'sectors' list")
    sectors: list[Sector] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not {"name", "name_en"} <= set(item):
            raise SectorError(f"{path}: sectors[{i}] needs name and name_en")
        aliases = tuple(str(a) for a in item.get("aliases") or ())
        for n in (str(item["name"]), *aliases):
            if n in seen:
                raise SectorError(f"{path}: sector name {n!r} listed twice")
            seen.add(n)
        sectors.append(Sector(str(item["name"]), str(item["name_en"]), aliases))
    if OTHER not in seen:
        sectors.append(Sector(OTHER, "Other"))
    return Sectors(tuple(sectors))


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Sectors:
    return _load(Path(path))


def sectors(path: Path = INDICATORS_PATH) -> Sectors:
    """The catalog's sector vocabulary (read again when the file changes)."""
    return _cached(str(path), path.stat().st_mtime)
