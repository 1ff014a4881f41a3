#!/usr/bin/env bash
# Runs CoreOverheadBenchmark (SDK vs raw OkHttp + Jackson on a loopback server) and prints the median time and the
# bytes allocated per call of each side, with the SDK/raw ratios. CallerCostProfiler adds the calling thread's own
# CPU time and allocation (the client's cost, without the in-process server's); -prof gc gives the whole JVM's.
#
# Usage: benchmarks/run.sh [extra JMH options]    e.g. benchmarks/run.sh -f 1 -wi 2 -i 3 (a quicker, noisier run)
# Results: benchmarks/target/core-overhead.json (JMH's JSON) and benchmarks/target/core-overhead.txt (the table).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar
json=benchmarks/target/core-overhead.json

# Rebuild when the jar is missing or older than any source or pom it is made of.
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml sdk-core sdk-supabase benchmarks -path '*/target' -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' \) -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar ..."
  mvn -B -q -pl benchmarks -am package -DskipTests
fi

java -jar "$jar" CoreOverheadBenchmark -prof gc -prof com.rabaislocal.sdk.benchmarks.CallerCostProfiler \
    -rf json -rff "$json" "$@"

python3 - "$json" <<'PY' | tee benchmarks/target/core-overhead.txt
import json, sys

rows = {}
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[-1]
    pm, sm = r["primaryMetric"], r.get("secondaryMetrics", {})
    score = lambda k: sm.get(k, {}).get("score")
    rows[name] = dict(p50=pm["scorePercentiles"]["50.0"], p90=pm["scorePercentiles"]["90.0"], mean=pm["score"],
                      cpu=score("caller.cpu.norm"), caller=score("caller.alloc.norm"), jvm=score("gc.alloc.rate.norm"))

def fmt(v, spec):
    return "n/a" if v is None or v != v else format(v, spec)

cols = ("p50", "p90", "mean", "cpu", "caller", "jvm")
print()
print("%-8s %10s %10s %10s %12s %12s %10s" % ("", "p50 us", "p90 us", "mean us", "caller CPU", "caller B", "JVM B"))
for name in ("rawGet", "sdkGet", "rawPost", "sdkPost"):
    if name in rows:
        r = rows[name]
        print("%-8s %10s %10s %10s %12s %12s %10s" % ((name,) + tuple(
            fmt(r[c], ".0f" if c in ("caller", "jvm") else ".1f") for c in cols)))
print("(per call; CPU and B are the calling thread's CPU microseconds and allocated bytes; JVM B is -prof gc's)")
print()
for call in ("Get", "Post"):
    sdk, raw = rows.get("sdk" + call), rows.get("raw" + call)
    if sdk and raw:
        ratio = lambda k: None if sdk[k] is None or not raw[k] else sdk[k] / raw[k]
        extra = None if sdk["caller"] is None or raw["caller"] is None else sdk["caller"] - raw["caller"]
        print("%-8s %9sx %9sx %9sx %11sx %11sx %9sx   (caller %s B more per call)" % (
            "SDK/raw " + call.upper(), *(fmt(ratio(c), ".3f") for c in cols), fmt(extra, "+.0f")))
PY
