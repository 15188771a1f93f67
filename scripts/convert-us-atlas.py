#!/usr/bin/env python3
"""Converts the us-atlas TopoJSON of US states into the shapes `aigov map` embeds.

Run once (and again to refresh):

    cd /tmp && npm pack us-atlas@3 && tar xzf us-atlas-3.*.tgz
    python3 scripts/convert-us-atlas.py /tmp/package/states-albers-10m.json \
        crates/app/assets/us-states/states.tsv

Input: `states-albers-10m.json` from the npm package us-atlas (version 3), a TopoJSON topology of the Census
Bureau's cartographic state boundaries (2017, 1:10,000,000), already projected with d3.geoAlbersUsa (scale 1300,
translate [487.5, 305]) to fit a 975x610 viewport, quantized, delta-encoded and simplified.

Output: a tab-separated file, one line per state (50 states and DC, sorted by FIPS code):

    fips  postal  name  label_x  label_y  svg_path_d

plus one line `#point` for New York City (where the map puts its marker), and `#` comment lines naming the
source. Coordinates are SVG user units of the 975x610 viewport, rounded to 0.1. The TopoJSON arcs are decoded
here (no dependencies): delta-decode each arc, apply the topology transform, join arcs into rings (a negative
index ~i means arc i reversed), drop the duplicated first point of each joined arc.
"""

import hashlib
import json
import math
import sys

# FIPS state code -> USPS postal code (50 states and DC).
POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE",
    "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA",
    "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN",
    "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM",
    "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
    "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA",
    "54": "WV", "55": "WI", "56": "WY",
}


def albers_usa_lower48(lon, lat):
    """d3.geoAlbersUsa's lower-48 projection (conic equal-area, parallels 29.5/45.5, rotate 96, center
    [-0.6, 38.7]) at scale 1300, translate [487.5, 305]: the projection us-atlas used. For points only."""
    rad = math.pi / 180
    y0, y1 = 29.5 * rad, 45.5 * rad
    sy0 = math.sin(y0)
    n = (sy0 + math.sin(y1)) / 2
    c = 1 + sy0 * (2 * n - sy0)
    r0 = math.sqrt(c) / n

    def raw(lam, phi):
        r = math.sqrt(c - 2 * n * math.sin(phi)) / n
        lam *= n
        return r * math.sin(lam), r0 - r * math.cos(lam)

    cx, cy = raw(-0.6 * rad, 38.7 * rad)
    px, py = raw((lon + 96) * rad, lat * rad)
    k = 1300
    return 487.5 + k * (px - cx), 305 - k * (py - cy)


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs, indexes):
    pts = []
    for i in indexes:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    raise ValueError(f"unexpected geometry {geom['type']}")


def area_centroid(pts):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        return 0.0, pts[0]
    return abs(a) / 2, (cx / (3 * a), cy / (3 * a))


def fmt(v):
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def path_d(rings):
    out = []
    for pts in rings:
        rounded = []
        for x, y in pts:
            p = (fmt(x), fmt(y))
            if not rounded or rounded[-1] != p:
                rounded.append(p)
        if len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        if len(rounded) < 3:
            continue
        out.append("M" + "L".join(f"{x},{y}" for x, y in rounded) + "Z")
    return "".join(out)


def main(src, dst):
    raw = open(src, "rb").read()
    topo = json.loads(raw)
    arcs = decode_arcs(topo)
    rows = []
    for g in topo["objects"]["states"]["geometries"]:
        fips = g["id"]
        if fips not in POSTAL:
            continue
        rings = []
        best = (-1.0, (0.0, 0.0))
        for poly in polygons(g):
            for k, r in enumerate(poly):
                pts = ring(arcs, r)
                rings.append(pts)
                if k == 0:
                    area, c = area_centroid(pts)
                    if area > best[0]:
                        best = (area, c)
        lx, ly = best[1]
        rows.append((fips, POSTAL[fips], g["properties"]["name"], fmt(lx), fmt(ly), path_d(rings)))
    rows.sort()
    if len(rows) != 51:
        raise SystemExit(f"expected 51 shapes (50 states and DC), found {len(rows)}")
    nx, ny = albers_usa_lower48(-74.006, 40.7128)
    with open(dst, "w", encoding="utf-8", newline="\n") as f:
        f.write("# US states (50 + DC) for `aigov map`: see PROVENANCE.md. Generated by scripts/convert-us-atlas.py\n")
        f.write(f"# source: us-atlas@3 states-albers-10m.json sha256 {hashlib.sha256(raw).hexdigest()}\n")
        f.write("# columns: fips postal name label_x label_y svg_path_d (975x610 viewport, Albers USA)\n")
        f.write(f"#point\tUS-NY-NYC\tNew York City\t{fmt(nx)}\t{fmt(ny)}\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {dst}: {len(rows)} states, NYC at ({fmt(nx)}, {fmt(ny)})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: convert-us-atlas.py states-albers-10m.json OUT.tsv")
    main(sys.argv[1], sys.argv[2])
