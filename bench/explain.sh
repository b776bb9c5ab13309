#!/bin/sh
# Times accord explain (65 runs of the world model: the baseline and the 64 combinations of six
# channels) and accord grid on 1 and 2 threads, wall and CPU seconds, RUNS rounds each (default 3),
# and prints the command's own timing line ("... in X s", which leaves out JVM start and model
# loading). Usage: bench/explain.sh [RUNS]. Needs app/target/accord.jar (./mvnw -q package -DskipTests).
set -e
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAR=app/target/accord.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -o -q package -DskipTests"; exit 1; }
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
for threads in 1 2; do
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "explain 2027Q4, $threads thread(s): wall %e s, cpu %U+%S s" \
      java -Daccord.home="$PWD" -jar "$JAR" explain models/world/scenarios/tariffs-2025.yaml \
      --output 'TB[USA]' --at 2027Q4 --threads "$threads" | grep "runs"
  done
done
for threads in 1 2; do
  /usr/bin/time -f "grid 16 points to 2027Q4, $threads thread(s): wall %e s, cpu %U+%S s" \
    java -Daccord.home="$PWD" -jar "$JAR" grid models/world/scenarios/tariffs-2025.yaml \
    --vary 'tariff[1].rate=0:1.5:0.1' --output 'TBG[USA,CHN]' --at 2027Q4 --threads "$threads" | grep "runs"
done
