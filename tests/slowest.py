#!/usr/bin/env python3
"""Prints the slowest test classes of each trx that test.sh wrote (ADR 0040): where a faster suite has to start.
Usage: slowest.py FILE.trx…"""
import collections, os, re, sys, xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def seconds(duration):  # hh:mm:ss.fffffff
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


for path in sys.argv[1:]:
    if not os.path.exists(path):
        continue
    root = ET.parse(path).getroot()
    classes = {d.get("id"): d.find("t:TestMethod", NS).get("className") for d in root.iterfind(".//t:UnitTest", NS)}
    total, count = collections.Counter(), collections.Counter()
    for r in root.iterfind(".//t:UnitTestResult", NS):
        name = re.sub(r"^Lianxin\.(Tests|E2E)\.", "", classes.get(r.get("testId"), "?"))
        total[name] += seconds(r.get("duration", "0:0:0"))
        count[name] += 1
    print(f"  {os.path.basename(path)}: {sum(total.values()):.0f} s in {sum(count.values())} tests; slowest classes:")
    for name, s in total.most_common(10):
        print(f"    {s:7.1f} s  {count[name]:4d} tests  {name}")
