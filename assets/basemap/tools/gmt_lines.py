#!/usr/bin/python3
"""GMT's multisegment text (gmt coast -M) to a GeoJSON MultiLineString.
usage: gmt_lines.py IN.txt OUT.geojson"""
import json
import sys

lines, current = [], []
for text in open(sys.argv[1]):
    if text.startswith(">"):
        if len(current) > 1:
            lines.append(current)
        current = []
    elif text.strip():
        x, y = (float(v) for v in text.split()[:2])
        current.append([x, y])
if len(current) > 1:
    lines.append(current)
json.dump({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString", "coordinates": lines}}]},
    open(sys.argv[2], "w"))
