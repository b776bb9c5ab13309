#!/usr/bin/env bash
# Draws per second of `accord sweep` on the world model, 24 quarters (2025Q1-2030Q4), scenario and
# baseline per draw, at 1 and 2 threads; the issue's target is 10,000 draws in under 2 minutes on 2
# cores (83 draws a second). Each run is the launcher's (./accord sweep: its JVM options, C1 only
# below 1,000 draws, C2 from there) in a fresh JVM (its warm-up counts, as a user's would); the rate
# is the sweep's own "draws a second" line (loading and compiling the model excluded). ACCORD_JAVA_OPTS reaches the JVM, as for ./accord.
#   bench/sweep.sh                       # DRAWS=400, us-china-tariffs.yaml
#   DRAWS=10000 bench/sweep.sh           # the issue's sweep
#   SCENARIO=models/world/scenarios/negotiation-odds.yaml bench/sweep.sh
# The machine's load is printed with the figures: on a shared machine, compare runs taken together.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
draws="${DRAWS:-400}"
scenario="${SCENARIO:-$root/models/world/scenarios/us-china-tariffs.yaml}"
echo "sweep of $(basename "$scenario"), $draws draws, 24 quarters; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for threads in 1 2; do
  line="$("$root/accord" sweep "$scenario" --draws "$draws" --horizon 24 --threads "$threads" --seed 1 \
    --no-store | grep '^draws:')"
  rate="$(sed -E 's/.*\(([0-9.]+) draws a second\).*/\1/' <<<"$line")"
  echo "threads $threads: $rate draws a second; $line"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
