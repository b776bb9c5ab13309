#!/usr/bin/env bash
# Hand-made mutation testing: applies each mutation of tools/mutations.tsv to the sources, runs the
# tests it names (offline Maven), restores the file, and prints killed / survived and the kill rate.
# A mutation whose text is not found exactly once is "stale" (the code moved on: update the list);
# one that does not compile is "invalid". Neither counts in the rate.
#
#   tools/mutate.sh                 # every mutation
#   tools/mutate.sh csv broyden     # only those whose name contains one of the words
#   MUTATIONS=other.tsv tools/mutate.sh
#
# The mutated file is restored after each run, and on exit, Ctrl-C or kill (trap), byte for byte
# from a copy taken before it was touched. Logs: $LOGS (default /tmp/accord-mutate-logs).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
list=${MUTATIONS:-$root/tools/mutations.tsv}
logs=${LOGS:-${TMPDIR:-/tmp}/accord-mutate-logs}
mkdir -p "$logs"
saved=$(mktemp -d)
current=""
child=""

# restored with a new modification time (not cp -p): an older one would leave the mutant's classes
# in target/ looking up to date, and every later run would test the mutant
restore() {
  if [ -n "$current" ]; then
    cp "$saved/original" "$root/$current"
    touch "$root/$current"
    current=""
  fi
}
trap 'restore; rm -rf "$saved"' EXIT
# the tests run in the background and are waited for, so that a signal is handled at once: the
# file is restored and the test run stopped
trap 'echo; echo "interrupted: restoring ${current:-nothing}" >&2; restore; [ -n "$child" ] && kill "$child" 2>/dev/null; exit 130' INT TERM HUP

selected() {
  [ $# -eq 1 ] && return 0
  local name=$1; shift
  for word in "$@"; do
    [[ $name == *"$word"* ]] && return 0
  done
  return 1
}

killed=0; survived=0; stale=0; invalid=0
survivors=()
printf '%-40s %-9s %s\n' mutation result tests
while IFS=$'\t' read -r name file module tests from to; do
  [[ -z $name || $name == \#* ]] && continue
  selected "$name" "$@" || continue
  path=$root/$file
  if [ ! -f "$path" ] || [ "$(grep -cF -- "$from" "$path")" != 1 ]; then
    printf '%-40s %-9s %s\n' "$name" stale "text not found exactly once in $file"
    stale=$((stale + 1))
    continue
  fi
  cp -p "$path" "$saved/original"
  current=$file
  content=$(cat "$path"; printf x)
  content=${content%x}
  printf '%s' "${content/"$from"/"$to"}" > "$path"
  args=(-B -o -q test -pl "$module" -am)
  if [ "$tests" != "-" ]; then
    args+=("-Dtest=$tests" -Dsurefire.failIfNoSpecifiedTests=false)
  fi
  log=$logs/$name.log
  (cd "$root" && exec ./mvnw "${args[@]}") < /dev/null > "$log" 2>&1 &
  child=$!
  wait "$child"
  rc=$?
  child=""
  restore
  if [ $rc -eq 0 ]; then
    result=survived; survived=$((survived + 1)); survivors+=("$name")
  elif grep -q "COMPILATION ERROR" "$log"; then
    result=invalid; invalid=$((invalid + 1))
  else
    result=killed; killed=$((killed + 1))
  fi
  printf '%-40s %-9s %s\n' "$name" "$result" "$module: $tests"
done < "$list"

total=$((killed + survived))
echo
echo "killed $killed, survived $survived (stale $stale, invalid $invalid); logs in $logs"
[ ${#survivors[@]} -gt 0 ] && echo "survivors: ${survivors[*]}"
if [ $total -gt 0 ]; then
  echo "kill rate: $killed/$total = $((100 * killed / total))%"
fi
[ $survived -eq 0 ]
