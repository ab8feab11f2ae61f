#!/usr/bin/env python3
"""Writes resources/querybench/query_params_skewed.csv: 200 one-hour queries over the data set's 20 hosts where
three hosts carry 60 % of them (host_000003: 50, host_000011: 40, host_000016: 30; the other 17 hosts 4 or 5 each),
in seeded random order with seeded random starts in the 48 h of data. Same bytes on every run.
Usage: bench/querybench-skewed-csv.py [out.csv]"""
import datetime
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "resources/querybench/query_params_skewed.csv"
r, base = random.Random(2017), datetime.datetime(2017, 1, 1)
heavy = {3: 50, 11: 40, 16: 30}
light = [h for h in range(20) if h not in heavy]
counts = dict(heavy)
for i, h in enumerate(light):
    counts[h] = 5 if i < 12 else 4
assert sum(counts.values()) == 200
hosts = [h for h, n in counts.items() for _ in range(n)]
r.shuffle(hosts)
with open(out, "w") as f:
    f.write("hostname,start_time,end_time\n")
    for h in hosts:
        s = base + datetime.timedelta(seconds=r.randrange(0, 47 * 3600))
        f.write(f"host_{h:06d},{s:%Y-%m-%d %H:%M:%S},{s + datetime.timedelta(hours=1):%Y-%m-%d %H:%M:%S}\n")
