#!/usr/bin/env bash
# Whole-process timings of accord as users meet it: a cold JVM per command, through ./accord (the
# launcher, so its JVM flags and caches count), interleaved over RUNS rounds, medians printed.
# Where fsic (Python) is importable it also runs fsic's model PC (bench/fsic_pc.py) in the same
# rounds and prints accord's PC time over fsic's.
#   bench/cold-start.sh                      # RUNS=20, JDK 17 (else the java on PATH)
#   RUNS=5 bench/cold-start.sh               # quicker
#   ACCORD_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/cold-start.sh
#   ONLY='pc|version' bench/cold-start.sh    # only the targets whose name matches
# Wall and CPU (user+sys, children included) are in seconds. The jar is built first if needed,
# and one untimed warm-up round lets the launcher build its class-data cache (the first run after
# a build pays for it; README.md says so): the medians are of the runs after it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-20}"
jdk17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
[ -x "$jdk17" ] || jdk17=java
export ACCORD_JAVA="${ACCORD_JAVA:-$jdk17}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
acc="${ACCORD:-$root/accord}"   # ACCORD: another launcher to time (e.g. an older copy)
names=(version help pc check-world run-world)
cmds=("$acc --version" "$acc --help" "$acc run $root/models/gl/pc.acc --periods 100 --out pc.csv"
      "$acc check world" "$acc run world --out world.csv")
if python3 -c 'import fsic' >/dev/null 2>&1; then
  names+=(fsic-pc); cmds+=("python3 $root/bench/fsic_pc.py pc-fsic.csv")
else
  echo "fsic not installed: no ratio"
fi
sel=()
for i in "${!names[@]}"; do [[ "${names[$i]}" =~ ${ONLY:-.} ]] && sel+=("$i"); done

"$ACCORD_JAVA" -version 2>&1 | head -1
echo "warm-up round (builds the jar and the launcher's caches if needed) ..."
cd "$work"
for i in "${sel[@]}"; do ${cmds[$i]} >/dev/null 2>&1 || { echo "failed: ${cmds[$i]}" >&2; ${cmds[$i]} >/dev/null; }; done
TIMEFORMAT='%R %U %S'
for ((r = 1; r <= runs; r++)); do
  for i in "${sel[@]}"; do
    # bash's time reports the child's wall, user and system seconds on stderr
    t=$( { time ${cmds[$i]} >"$work/err" 2>&1; } 2>&1 )
    echo "${names[$i]} $t" >> "$work/times"
    # the world's own "solved 40 quarters in X ms": a class-data archive that left the solver
    # interpreted would show here first (issue 10)
    sed -n 's/^solved .* in \([0-9.]*\) ms.*/\1/p' "$work/err" | while read -r ms; do
      echo "${names[$i]}:solve-s $(awk -v m="$ms" 'BEGIN { print m / 1000 }') 0 0" >> "$work/times"; done
  done
done
cd "$root"
awk -v runs="$runs" '
  function median(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
                                     return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
  { n[$1]++; w[$1, n[$1]] = $2; c[$1, n[$1]] = $3 + $4; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
  END {
    printf "%-18s %10s %10s %10s %10s  (%d runs)\n", "target", "wall med", "wall min", "wall max", "cpu med", runs
    for (o = 1; o <= k; o++) { x = order[o]; delete a; delete b; lo = 1e9; hi = 0
      for (i = 1; i <= n[x]; i++) { a[i] = w[x, i]; b[i] = c[x, i]; if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
      mw[x] = median(a, n[x]); printf "%-18s %10.3f %10.3f %10.3f %10.3f\n", x, mw[x], lo, hi, median(b, n[x]) }
    if (("fsic-pc" in mw) && ("pc" in mw)) printf "ratio accord pc / fsic pc (wall medians): %.2f\n", mw["pc"] / mw["fsic-pc"]
  }' "$work/times"
