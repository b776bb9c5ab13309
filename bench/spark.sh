#!/usr/bin/env bash
# The Spark engine in local[2] against the local engine on 2 threads: the same sweep (world model,
# 24 quarters, scenario and baseline per draw, seed 1) in a fresh JVM each, both from
# spark/target/accord-spark.jar with Spark's JVM options (spark/jvm.options), so that only the
# engine differs. Prints each rate (the sweep's own "draws a second": from the experiment's start to
# its last draw, Spark's context start included, reading the model excluded) and their ratio, local
# over Spark (the issue's target: at most 1.3 at 10,000 draws, where Spark's start weighs less).
#   bench/spark.sh                      # DRAWS=200, us-china-tariffs.yaml
#   DRAWS=10000 bench/spark.sh          # the issue's sweep
#   ROUNDS=3 bench/spark.sh             # local, spark, local, spark, ...: each rate's median
# The machine's load is printed with the figures: on a shared machine, compare runs taken together.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
draws="${DRAWS:-200}"
rounds="${ROUNDS:-1}"
scenario="${SCENARIO:-$root/models/world/scenarios/us-china-tariffs.yaml}"
java="${ACCORD_JAVA:-java}"
jar="$root/spark/target/accord-spark.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -o -q package -DskipTests -pl spark -am)
export SPARK_LOCAL_IP=127.0.0.1
rate() {   # the sweep's draws a second, with these extra arguments
  local line
  line="$("$java" @"$root/spark/jvm.options" -Daccord.home="$root" -jar "$jar" sweep "$scenario" --draws "$draws" \
    --horizon 24 --seed 1 --no-store "$@" 2>/dev/null | grep '^draws:')"
  sed -E 's/.*\(([0-9.]+) draws a second\).*/\1/' <<<"$line"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "sweep of $(basename "$scenario"), $draws draws, 24 quarters, $rounds round(s); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
locals=() sparks=()
for ((i = 1; i <= rounds; i++)); do
  l="$(rate --threads 2)"; locals+=("$l")
  s="$(rate --engine spark --master 'local[2]')"; sparks+=("$s")
  echo "round $i: local engine, 2 threads: $l draws a second; spark local[2]: $s draws a second"
done
l="$(printf '%s\n' "${locals[@]}" | median)"
s="$(printf '%s\n' "${sparks[@]}" | median)"
echo "local $l, spark $s draws a second: local/spark = $(awk -v l="$l" -v s="$s" 'BEGIN { printf "%.2f", l / s }')"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
