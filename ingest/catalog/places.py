"""Reading regions: the national file (regions_cn.yaml: provinces, the cities that host
national zones, the national zones) and the local file (regions.yaml) that extends it."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ingest.catalog.model import LEVELS, CatalogError, Region, checked_entry, read_yaml, word_list

ZONE_CONTEXT = {"etdz": ("开发区", "经开区", "全区", "区内", "本区"), "htz": ("高新区", "全区", "区内", "本区"),
                "new_area": ("新区", "全区", "区内")}
PROVINCE_CONTEXT = ("全省", "我省", "省内")
CITY_CONTEXT = ("全市", "我市", "市内")
_ETDZ = re.compile(r"^(?P<x>.+?)(?:国家级)?经济技术开发区$")
_HTZ = re.compile(r"^(?P<x>.+?)(?:高新技术产业开发区|高新技术产业园区|高技术产业开发区|新技术开发区)$")


def _short(name: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _zone_forms(name: str, kind: str, city_short: str | None) -> list[str]:
    """Short forms of a national zone's name (天津经济技术开发区 -> 天津开发区, 天津经开区)."""
    stems: list[str] = []
    m = (_ETDZ if kind == "etdz" else _HTZ).match(name) if kind in ("etdz", "htz") else None
    if m:
        x = m.group("x")
        stems.append(x)
        if x.endswith("市") and len(x) > 3:
            stems.append(x[:-1])
        if city_short and x.startswith(city_short) and len(x) - len(city_short) >= 2:
            stems.append(x[len(city_short):])
    out: list[str] = []
    for x in stems:
        if kind == "etdz":
            out += [f"{x}开发区", f"{x}经开区", f"{x}经济开发区", f"{x}经济技术开发区"]
        else:
            out += [f"{x}高新区", f"{x}国家高新区", f"{x}高新技术开发区", f"{x}高新技术产业开发区"]
    return [f for f in out if f != name]


def _load_national(path: Path) -> tuple[list[tuple[Region, str]], dict[str, list[str]]]:
    """Regions of the national file, with where each was defined, and generated short forms."""
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("provinces"), list):
        raise CatalogError(f"{path}: expected a mapping with a 'provinces' list")
    out: list[tuple[Region, str]] = [(Region("中国", "China", "country", None, ("全国", "我国", "中华人民共和国")), f"{path}: 中国")]
    generated: dict[str, list[str]] = {}

    def zones(holder: dict[str, Any], parent: str, city_short: str | None, where: str) -> None:
        items: list[tuple[str, Any]] = []
        for kind in ("etdz", "htz", "new_area"):
            value = holder.get(kind) or []
            if not isinstance(value, list):
                raise CatalogError(f"{where}.{kind}: expected a list of zones")
            items += [(kind, z) for z in value]
        for z in holder.get("extra_zones") or []:
            items.append((str(z.get("type", "")) if isinstance(z, dict) else "", z))
        for kind, z in items:
            if kind not in ZONE_CONTEXT:
                raise CatalogError(f"{where}: zone {z!r} needs a type (etdz, htz or new_area)")
            if isinstance(z, str):
                z = {"name": z}
            if not isinstance(z, dict) or not z.get("name"):
                raise CatalogError(f"{where}.{kind}: each zone is a name or a mapping with 'name'")
            name = str(z["name"])
            label = {"etdz": "national economic and technological development zone", "htz": "national high-tech zone",
                     "new_area": "state-level new area"}[kind]
            city_en = city_names_en.get(parent, parent)
            region = Region(name, f"{label}, {city_en}", "zone", parent, word_list(z.get("aliases"), f"{where}: {name}.aliases"),
                            word_list(z.get("context_aliases"), f"{where}: {name}.context_aliases") or ZONE_CONTEXT[kind], kind)
            out.append((region, f"{where}: {name}"))
            generated[name] = _zone_forms(name, kind, city_short)

    city_names_en: dict[str, str] = {}
    for i, p in enumerate(raw["provinces"]):
        where = f"{path}: provinces[{i}]" + (f" ({p.get('name')})" if isinstance(p, dict) else "")
        entry = checked_entry(p, where, ("name", "name_en"), {"name", "name_en", "aliases", "municipality", "cities", "etdz", "htz",
                                                         "new_area", "extra_zones"})
        name = str(entry["name"])
        municipality = bool(entry.get("municipality"))
        out.append((Region(name, str(entry["name_en"]), "province", "中国", word_list(entry.get("aliases"), f"{where}.aliases"),
                           CITY_CONTEXT if municipality else PROVINCE_CONTEXT), where))
        city_names_en[name] = str(entry["name_en"])
        if municipality:
            zones(entry, name, _short(name), where)
        for j, c in enumerate(entry.get("cities") or []):
            cwhere = f"{where}.cities[{j}]" + (f" ({c.get('name')})" if isinstance(c, dict) else "")
            city = checked_entry(c, cwhere, ("name", "name_en"), {"name", "name_en", "aliases", "etdz", "htz", "new_area", "extra_zones"})
            cname = str(city["name"])
            city_names_en[cname] = str(city["name_en"])
            out.append((Region(cname, str(city["name_en"]), "city", name, word_list(city.get("aliases"), f"{cwhere}.aliases"),
                               CITY_CONTEXT), cwhere))
            short = _short(cname)
            if short != cname:
                generated[cname] = [short]
            zones(city, cname, short if short != cname else None, cwhere)
    return out, generated


def load_regions(national: Path, local: Path) -> tuple[dict[str, Region], dict[str, str]]:
    """The regions of the national file extended by the local one, and every name, alias
    and generated short form -> the name of its region."""
    entries, generated = _load_national(national)
    regions: dict[str, Region] = {}
    defined: dict[str, str] = {}
    for region, where in entries:
        if region.name in regions:
            raise CatalogError(f"{where}: duplicate region {region.name!r}")
        if region.parent is not None and region.parent not in regions:
            raise CatalogError(f"{where}: parent {region.parent!r} must be listed above {region.name!r}")
        regions[region.name] = region
        defined[region.name] = where
    _load_local(local, national, regions, defined)
    names = _names(regions, defined, generated)
    return _with_generated_aliases(regions, names), names


def _load_local(local: Path, national: Path, regions: dict[str, Region], defined: dict[str, str]) -> None:
    """The local file's regions added to regions, or extending the national entry of their name."""
    rraw = read_yaml(local)
    if not isinstance(rraw, list):
        raise CatalogError(f"{local}: expected a list of regions")
    for i, item in enumerate(rraw):
        where = f"{local}: [{i}]" + (f" ({item.get('name')})" if isinstance(item, dict) else "")
        entry = checked_entry(item, where, ("name",), {"name", "name_en", "level", "parent", "aliases", "context_aliases"})
        name = str(entry["name"])
        aliases = word_list(entry.get("aliases"), f"{where}.aliases")
        context = word_list(entry.get("context_aliases"), f"{where}.context_aliases")
        old = regions.get(name)
        if old is not None:
            # Extends the national entry: more aliases, other bynames in context, an English name.
            for k in ("level", "parent"):
                if entry.get(k) is not None and entry[k] != getattr(old, k):
                    raise CatalogError(f"{where}: {k} {entry[k]!r} differs from {getattr(old, k)!r} in {defined[name]}")
            regions[name] = Region(name, str(entry.get("name_en") or old.name_en), old.level, old.parent,
                                   tuple(dict.fromkeys(old.aliases + aliases)), context or old.context_aliases, old.kind)
            continue
        if entry.get("level") not in LEVELS:
            raise CatalogError(f"{where}: level must be one of {', '.join(LEVELS)}")
        parent = entry.get("parent")
        if parent is not None and parent not in regions:
            raise CatalogError(f"{where}: parent {parent!r} must be listed above {name!r} (here or in {national.name})")
        regions[name] = Region(name, str(entry.get("name_en") or ""), str(entry["level"]), parent, aliases, context)
        defined[name] = where


def _names(regions: dict[str, Region], defined: dict[str, str], generated: dict[str, list[str]]) -> dict[str, str]:
    """Every name and alias -> the name of its region; no alias may name two regions."""
    names: dict[str, str] = {}
    for region in regions.values():
        for alias in (region.name, *region.aliases):
            if names.get(alias, region.name) != region.name:
                raise CatalogError(f"{defined[region.name]}: alias {alias!r} names both {names[alias]!r} and {region.name!r}")
            names[alias] = region.name
    # Generated short forms: only where no written name or alias, and no other generated form, has them.
    claims: dict[str, set[str]] = {}
    for name, forms in generated.items():
        for f in forms:
            claims.setdefault(f, set()).add(name)
    for form, owners in claims.items():
        if len(owners) == 1 and form not in names:
            names[form] = next(iter(owners))
    return names


def _with_generated_aliases(regions: dict[str, Region], names: dict[str, str]) -> dict[str, Region]:
    """The regions with the generated short forms that name them added to their aliases."""
    final: dict[str, Region] = {}
    aliases_of: dict[str, list[str]] = {}
    for alias, name in names.items():
        if alias != name:
            aliases_of.setdefault(name, []).append(alias)
    for name, region in regions.items():
        final[name] = Region(region.name, region.name_en, region.level, region.parent,
                             tuple(dict.fromkeys(list(region.aliases) + sorted(set(aliases_of.get(name, [])) - set(region.aliases)))),
                             region.context_aliases, region.kind)
    return final
