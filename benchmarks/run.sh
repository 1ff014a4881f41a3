#!/usr/bin/env bash
# Runs CoreOverheadBenchmark (SDK vs raw OkHttp + Jackson on a loopback server) and prints, per call, the median
# time, the calling thread's CPU time and allocated bytes (CallerCostProfiler: the client's own cost, without the
# in-process server's) and the whole JVM's allocated bytes (-prof gc), with the SDK/raw ratios.
#
# The run is split into ROUNDS short JMH runs (default 4) of all four benchmarks, one fork each, so the SDK and raw
# variants are measured minutes apart at most and a change of load on a shared machine hits both; the table merges
# the rounds (medians over every sample) and also gives the spread of the per-round ratios.
#
# InterleavedComparison then runs the four calls in one JVM, alternating blocks of 1000 calls for 40 rounds, and
# gives the per-round SDK/raw ratios: the steadier estimate when other processes share the cores.
#
# Usage: benchmarks/run.sh [extra JMH options, e.g. -jvmArgsAppend -XX:+UseParallelGC]
#   ROUNDS=8 benchmarks/run.sh                   more rounds, tighter spread (default 4)
#   ROUND_OPTS="-f 1 -wi 1 -i 1" benchmarks/run.sh   JMH settings of each round (default below): a quick smoke run
# Results: benchmarks/target/core-overhead/round-N.json (JMH's JSON) and benchmarks/target/core-overhead.txt.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/core-overhead
rounds="${ROUNDS:-4}"
round_opts="${ROUND_OPTS:--f 1 -wi 5 -w 1s -i 4 -r 1s}"

# Rebuild when the jar is missing or older than any source or pom it is made of.
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml sdk-core sdk-supabase benchmarks -path '*/target' -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' \) -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar ..."
  mvn -B -q -pl benchmarks -am package -DskipTests
fi

rm -rf "$out"
mkdir -p "$out"
for ((i = 1; i <= rounds; i++)); do
  echo "=== round $i of $rounds"
  # JMH allows one run per machine at a time (/tmp/jmh.lock): wait for another benchmark to finish.
  # shellcheck disable=SC2086 # round_opts is a list of options
  until java -jar "$jar" CoreOverheadBenchmark $round_opts \
      -prof gc -prof com.rabaislocal.sdk.benchmarks.CallerCostProfiler \
      -rf json -rff "$out/round-$i.json" "$@" > "$out/round-$i.log" 2>&1; do
    if grep -q "Unable to acquire the JMH lock" "$out/round-$i.log"; then
      echo "another JMH run holds /tmp/jmh.lock; waiting"
      sleep 15
    else
      cat "$out/round-$i.log" >&2
      exit 1
    fi
  done
  grep -E "^CoreOverheadBenchmark\.[a-zA-Z]+ " "$out/round-$i.log" || true
done

{
python3 - "$out" <<'PY'
import glob, json, statistics, sys

def median_of(histogram):
    """Median of JMH SampleTime histograms ([[value, count], ...] per iteration, per fork)."""
    pairs = sorted((v, c) for fork in histogram for it in fork for v, c in it)
    half, seen = sum(c for _, c in pairs) / 2, 0
    for v, c in pairs:
        seen += c
        if seen >= half:
            return v

rounds = []  # per round: {benchmark: {metric: value}}
samples = {}  # benchmark: merged histograms
for path in sorted(glob.glob(sys.argv[1] + "/round-*.json")):
    row = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[-1]
        pm, sm = r["primaryMetric"], r.get("secondaryMetrics", {})
        score = lambda k: sm.get(k, {}).get("score")
        row[name] = dict(p50=pm["scorePercentiles"]["50.0"], cpu=score("caller.cpu.norm"),
                         caller=score("caller.alloc.norm"), jvm=score("gc.alloc.rate.norm"))
        samples.setdefault(name, []).extend(pm["rawDataHistogram"])
    rounds.append(row)

def mean(name, k):
    vals = [r[name][k] for r in rounds if name in r and r[name][k] is not None]
    return statistics.mean(vals) if vals else None

def fmt(v, spec):
    return "n/a" if v is None else format(v, spec)

names = [n for n in ("rawGet", "sdkGet", "rawPost", "sdkPost") if n in samples]
total = {n: dict(p50=median_of(samples[n]), cpu=mean(n, "cpu"), caller=mean(n, "caller"), jvm=mean(n, "jvm"))
         for n in names}
print()
print("%d rounds; per call: median wall time (all samples), calling thread's CPU time and bytes, whole JVM's bytes"
      % len(rounds))
print("%-16s %12s %14s %12s %10s" % ("", "p50 us", "caller CPU us", "caller B", "JVM B"))
for n in names:
    t = total[n]
    print("%-16s %12s %14s %12s %10s" % (n, fmt(t["p50"], ".1f"), fmt(t["cpu"], ".1f"), fmt(t["caller"], ".0f"),
                                         fmt(t["jvm"], ".0f")))
for call in ("Get", "Post"):
    sdk, raw = "sdk" + call, "raw" + call
    if sdk not in total or raw not in total:
        continue
    ratio = lambda k: None if total[sdk][k] is None or not total[raw][k] else total[sdk][k] / total[raw][k]
    print("%-16s %11sx %13sx %11sx %9sx   (caller %s B per call)" % (
        "SDK/raw " + call.upper(), fmt(ratio("p50"), ".3f"), fmt(ratio("cpu"), ".3f"), fmt(ratio("caller"), ".3f"),
        fmt(ratio("jvm"), ".3f"), fmt(total[sdk]["caller"] - total[raw]["caller"], "+.0f")))
print()
print("Per-round SDK/raw ratios: median [min .. max]")
for call in ("Get", "Post"):
    sdk, raw = "sdk" + call, "raw" + call
    cells = []
    for k, label in (("p50", "p50"), ("cpu", "caller CPU"), ("caller", "caller B")):
        rs = [r[sdk][k] / r[raw][k] for r in rounds if sdk in r and raw in r and r[sdk][k] and r[raw][k]]
        if rs:
            cells.append("%s %.3f [%.3f .. %.3f]" % (label, statistics.median(rs), min(rs), max(rs)))
    print("  %-5s %s" % (call.upper(), "   ".join(cells)))
PY
java -Dsun.net.httpserver.nodelay=true -Xms512m -Xmx512m -cp "$jar" \
    com.rabaislocal.sdk.benchmarks.InterleavedComparison
} | tee benchmarks/target/core-overhead.txt
