#!/usr/bin/env bash
# The web lab under load: starts `accord serve` on a free loopback port, warms it with one run,
# then sends N (default 50) POST /api/runs at once, each moving the USA-CHN tariff of
# us-china-tariffs to another rate, and prints the latency percentiles (curl's total time per
# request), the statuses (every one must be 201: the server queues up to 64 behind its run
# threads), the server's resident memory and its heap after a full GC. Loopback only, a bounded
# number of requests, each with a time limit; the server is stopped by its pid at the end.
#   bench/web-load.sh            # N=50
#   N=20 bench/web-load.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${N:-50}"
jar="$root/app/target/accord.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
java -Daccord.home="$root" -jar "$jar" serve --port 0 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  grep -q 'accord lab: http' "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1)"
[ -n "$url" ] || { cat "$work/serve.log"; exit 1; }
echo "server $url (pid $server), $(nproc) cores"
post() {   # $1: the rate; prints status and seconds
  curl -s -o /dev/null --max-time 300 -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: application/json' \
    -d "{\"scenario\":\"us-china-tariffs\",\"overrides\":{\"tariff[2].rate\":$1}}" "$url/api/runs"
}
export -f post; export url
echo "warm-up: $(post 0.40) (loads and compiles the world model, runs the baseline once)"
rss0=$(ps -o rss= -p "$server")
start=$(date +%s.%N)
seq 1 "$n" | awk '{printf "%.3f\n", 0.3 + $1 / 100}' | xargs -P "$n" -I{} bash -c 'post {}' >"$work/times"
end=$(date +%s.%N)
rss1=$(ps -o rss= -p "$server")
jcmd "$server" GC.run >/dev/null 2>&1 || true
heap=$(jcmd "$server" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 || true)
sort -k2 -n "$work/times" >"$work/sorted"
awk -v n="$n" -v wall="$(echo "$end - $start" | bc)" '
  { t[NR] = $2; s[$1]++ }
  END {
    p50 = t[int((NR + 1) * 0.50)]; p95 = t[int((NR * 0.95) + 0.999)];
    printf "%d requests at once: p50 %.2f s, p95 %.2f s, max %.2f s, all done in %.2f s\n", NR, p50, p95, t[NR], wall;
    for (k in s) printf "  status %s: %d\n", k, s[k];
  }' "$work/sorted"
echo "server resident memory: $((rss0 / 1024)) MiB after the warm-up, $((rss1 / 1024)) MiB after the load; heap after a full GC: ${heap:-n/a}"
! grep -qv '^201 ' "$work/times" || { echo "some requests failed" >&2; exit 1; }
