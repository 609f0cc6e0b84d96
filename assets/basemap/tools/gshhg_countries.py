#!/usr/bin/python3
"""GSHHG's land, named by country: the input of `nofly basemap --land` and --water.

Reads a land mask (`gmt grdlandmask -N0/1/2/1/2`: 0 sea, 1 land, 2 lakes and
ponds) turned into polygons by `gdal_contour -p -amin emin -fl 0.5 1.5`
(marching squares: a coast along the cells' diagonals, not their stairs),
GSHHG's national
borders as lines (`gmt coast -N1 -M`, then gmt_lines.py), and countries' land
plus territorial sea (@geo-maps/countries-maritime-10m: a feature per country
with its ISO 3166-1 alpha-3 code in A3). The land is cut along the borders
and each piece named by the country whose territory holds it; no geometry of
the territories is copied, so the land stays GSHHG's alone (LGPL). Writes
each country's land, lakes included, with its A3; and the lakes.

usage: gshhg_countries.py CONTOURS.geojson BORDERS.geojson MARITIME.geojson SOUTH,WEST,NORTH,EAST LAND_OUT LAKES_OUT
"""
import json
import sys

from shapely.geometry import box, mapping, shape
from shapely.ops import linemerge, split, unary_union

mask_file, borders_file, maritime_file, area_text, land_out, lakes_out = sys.argv[1:7]
south, west, north, east = (float(v) for v in area_text.split(","))
area = box(west, south, east, north)

land_parts, lake_parts = [], []
for feature in json.load(open(mask_file))["features"]:
    low = feature["properties"]["emin"]  # the band's lower level: 0.5 land, 1.5 lakes
    if low >= 0.5:
        land_parts.append(shape(feature["geometry"]))
    if low >= 1.5:
        lake_parts.append(shape(feature["geometry"]))
land = unary_union(land_parts).buffer(0)
lakes = unary_union(lake_parts).buffer(0)

borders = linemerge([line for f in json.load(open(borders_file))["features"]
                     for line in getattr(shape(f["geometry"]), "geoms", [shape(f["geometry"])])])
pieces = list(getattr(land, "geoms", [land]))
for border in getattr(borders, "geoms", [borders]):
    cut = []
    for polygon in pieces:
        cut.extend(split(polygon, border).geoms if polygon.intersects(border) else [polygon])
    pieces = cut

territories = []
for feature in json.load(open(maritime_file))["features"]:
    territory = shape(feature["geometry"])
    if territory.intersects(area):
        territories.append((feature["properties"]["A3"], territory.buffer(0)))

by_country = {}
for piece in pieces:
    point = piece.representative_point()
    holders = [code for code, territory in territories if territory.contains(point)]
    code = holders[0] if holders else min(territories, key=lambda t: t[1].distance(point))[0]
    by_country.setdefault(code, []).append(piece)

countries = []
for code in sorted(by_country):
    mine = unary_union(by_country[code])
    countries.append({"type": "Feature", "properties": {"A3": code}, "geometry": mapping(mine)})
    print(code, len(by_country[code]), "pieces", file=sys.stderr)

json.dump({"type": "FeatureCollection", "features": countries}, open(land_out, "w"))
json.dump({"type": "FeatureCollection",
           "features": [{"type": "Feature", "properties": {}, "geometry": mapping(lakes)}]},
          open(lakes_out, "w"))
