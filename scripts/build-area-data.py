#!/usr/bin/env python3
"""Builds the packaged area directory from the prepared reference data.

Reads municipalities.csv and towns/NN.csv (see that folder's README.md) and writes, into the
core module's resources, one gzip'd UTF-8 text file the Java AreaDirectory reads, a manifest with
row counts and the SHA-256 of the uncompressed text (AreaDataManifestTest checks both), and a
notice with the sources, their dates and the attribution text to show.

Deterministic: rows sorted by code, gzip header without name or time, fixed compression level;
the same inputs give the same bytes.  Python 3 standard library only.

    python3 scripts/build-area-data.py --source /work/shared/data/areas      # rebuild
    python3 scripts/build-area-data.py --source /work/shared/data/areas --check  # compare only

Format (one record per line, tab-separated, no header beyond the first line):
    #bousai-relay-areas 1
    M code kind name kana county parent_code lat lon      a municipality or prefecture
    T town_id level name kana point_src lat lon           a town of the M line above
lat/lon are integer micro-degrees (JGD2011), empty when there is no point; level is o/c/k
(oaza/chome/koaza); point_src is a/m/x (abr/mlit/approx) or empty; the 12-digit L-Alert code is
not stored, it is the first five digits of the municipality code + town_id.
"""
import argparse, csv, gzip, hashlib, io, os, sys

RESOURCE_DIR = "core/src/main/resources/jp/bousai/relay/core/area/directory"
DATA_FILE = "areas.tsv.gz"
MANIFEST_FILE = "areas.manifest"
NOTICE_FILE = "areas-NOTICE.txt"
NOTICE = """Area reference data packaged with bousai-relay (areas.tsv.gz)
================================================================

Built by scripts/build-area-data.py from the reference data prepared on 2026-12-02
(municipalities.csv and towns/NN.csv; see docs/areas.md). Contents: 47 prefectures,
1,747 municipalities, 171 wards of designated cities, 222,758 towns (大字・町, 丁目, some 小字)
with ABR ids, readings and representative points.

Sources
-------
- Municipalities, prefectures, readings, office points; towns of 和歌山県 with points:
  Digital Agency, Address Base Registry (アドレス・ベース・レジストリ) mt_pref / mt_city
  (2024-01/03), mt_town_pref30 (2026-03), via geolonia/japanese-addresses-v2
  @ 521f6130110dabcc8d6d12e89606f0515c217eed.
- Towns of the other 46 prefectures: ABR 町字マスター trial release (downloaded 2022-04-26),
  via code4fukui/address-japan @ a3a706c1457e86255a1e4bf3fa544934b4c87738.
- Town representative points (joined by name): Geolonia 住所データ (CC BY 4.0), monthly update
  of 2023-07-02, geolonia/japanese-addresses @ c3999f70b20c8a9dba58f1daba89615123b9c20c; built
  from MLIT 位置参照情報 and Japan Post postcode data.
Licences: ABR data under 公共データ利用規約 第1.0版 (PDL1.0, compatible with CC BY 4.0,
https://www.digital.go.jp/policies/base_registry_address_tos); Geolonia data CC BY 4.0.
Processing: towns filtered and joined to points, 浜松市 moved to its 2024 wards, reformatted.
The 12-digit L-Alert sub-area code is derived (municipality code without check digit + town id)
and not verified against live L-Alert traffic.

Attribution (show wherever this data is shown or redistributed)
---------------------------------------------------------------
出典：「アドレス・ベース・レジストリ」（デジタル庁）https://www.digital.go.jp/policies/base_registry_address を加工して作成。
町字の代表点：「Geolonia 住所データ」（株式会社Geolonia, CC BY 4.0, https://github.com/geolonia/japanese-addresses ；元データ 国土交通省「位置参照情報」）を加工して作成。
"""
FORMAT_LINE = "#bousai-relay-areas 1"
LEVELS = {"oaza": "o", "chome": "c", "koaza": "k"}
SOURCES = {"abr": "a", "mlit": "m", "approx": "x", "": ""}
KINDS = {"prefecture", "city", "ward", "town", "village", "special_ward"}


def micro(value):
    if value == "":
        return ""
    return str(int(round(float(value) * 1_000_000)))


def clean(value):
    if "\t" in value or "\n" in value:
        raise ValueError("tab or newline in %r" % value)
    return value


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build_text(source):
    municipalities = read_rows(os.path.join(source, "municipalities.csv"))
    towns_by_code = {}
    town_count = 0
    for name in sorted(os.listdir(os.path.join(source, "towns"))):
        if not name.endswith(".csv"):
            continue
        for row in read_rows(os.path.join(source, "towns", name)):
            towns_by_code.setdefault(row["municipality_code"], []).append(row)
            town_count += 1
    known = {m["code"] for m in municipalities}
    orphans = set(towns_by_code) - known
    if orphans:
        raise ValueError("towns under unknown municipalities: %s" % sorted(orphans)[:5])

    lines = [FORMAT_LINE]
    counts = {"municipalities": 0, "towns": 0, "towns_with_point": 0}
    for m in sorted(municipalities, key=lambda r: r["code"]):
        if m["kind"] not in KINDS:
            raise ValueError("unknown kind %r" % m["kind"])
        lines.append("\t".join(["M", m["code"], m["kind"], clean(m["name"]), clean(m["kana"]),
                                clean(m["county"]), m["parent_code"], micro(m["lat"]), micro(m["lon"])]))
        counts["municipalities"] += 1
        # town_id order; 浜松市's rows have no id and keep their name order
        for t in sorted(towns_by_code.get(m["code"], []), key=lambda r: (r["town_id"], r["name"])):
            lines.append("\t".join(["T", t["town_id"], LEVELS[t["level"]], clean(t["name"]),
                                    clean(t["kana"]), SOURCES[t["point_src"]], micro(t["lat"]), micro(t["lon"])]))
            counts["towns"] += 1
            if t["lat"]:
                counts["towns_with_point"] += 1
    if counts["towns"] != town_count:
        raise ValueError("lost towns: %d of %d" % (counts["towns"], town_count))
    return ("\n".join(lines) + "\n").encode("utf-8"), counts


def gzip_bytes(data):
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return out.getvalue()


def manifest(text, counts):
    lines = ["# written by scripts/build-area-data.py; checked by AreaDataManifestTest",
             "format=1",
             "municipalities=%d" % counts["municipalities"],
             "towns=%d" % counts["towns"],
             "towns_with_point=%d" % counts["towns_with_point"],
             "text_bytes=%d" % len(text),
             "text_sha256=%s" % hashlib.sha256(text).hexdigest()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="folder with municipalities.csv and towns/")
    parser.add_argument("--out", default=None, help="resource folder (default: the core module's)")
    parser.add_argument("--check", action="store_true", help="only compare with the committed files")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = args.out or os.path.join(root, RESOURCE_DIR)

    text, counts = build_text(args.source)
    outputs = {DATA_FILE: gzip_bytes(text), MANIFEST_FILE: manifest(text, counts),
               NOTICE_FILE: NOTICE.encode("utf-8")}
    if args.check:
        stale = []
        for name, data in outputs.items():
            path = os.path.join(out, name)
            if not os.path.exists(path) or open(path, "rb").read() != data:
                stale.append(name)
        if stale:
            print("differs from a fresh build: %s" % ", ".join(stale), file=sys.stderr)
            return 1
        print("up to date: %s" % counts)
        return 0
    os.makedirs(out, exist_ok=True)
    for name, data in outputs.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print("wrote %s (%d bytes, %d uncompressed): %s"
          % (DATA_FILE, len(outputs[DATA_FILE]), len(text), counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
