#!/usr/bin/env bash
# Scaling run: builds once, generates models of growing size and runs the command line on each
# under /usr/bin/time -v, then writes benchmarks/RESULTS.md (overwritten, dated) with one row a
# run: model, size, states or classes, wall and CPU seconds, peak RSS, states/s, which path
# answered. Rows:
#   - bounds MODEL on generated conflict-free assemblies (chain, DAG, fan-in/fan-out,
#     OpenStack x k): answered by the critical path, no exploration;
#   - explore on the translated nets of OpenStack x k and n independent components: the state
#     classes, to show how the class graph grows where the fast path does not look;
#   - bounds on Galera with n workers (a Concerto program: state classes);
#   - explore --untimed on ../shared/mcc/large (marking graphs), when present;
#   - issue 11's targets, each run with the reductions and with --no-reduction side by side
#     (Galera with its hosts deployed at once, generated from examples/galera.cdz by dropping
#     the waits of the registry and of the host loop in deploy_mariadb; n independent chains of
#     5 steps; deployable untimed of that Galera variant). `benchmarks/scaling.sh scale` runs
#     only these and replaces only their section of RESULTS.md.
# Each run is capped (--timeout, and `timeout` around the JVM); the whole takes about 10 min.
# Not part of CI. On a shared machine compare CPU times; wall times wander.
#   - examples/galera.cdz at n = 3, 4, 8, 20: bounds of deploy_mariadb (the conflict-free fast
#     path) and check of every property; `benchmarks/scaling.sh galera` runs only these.
#   benchmarks/scaling.sh [quick|scale|galera]   # quick: the smallest sizes; scale: issue 11; galera: the above
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick="${1:-}"
mcc="${MCC_LARGE:-$root/../shared/mcc/large}"
[ -d "$mcc" ] || mcc="$root/../../shared/mcc/large"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

mvn -B -ntp -q -pl benchmarks -am -DskipTests package >"$out/build.log" 2>&1 \
  || { echo "scaling: the build failed" >&2; tail -30 "$out/build.log" >&2; exit 70; }
# copies: a rebuild during the run must not change what is measured
cp "$root/cli/target/cadenza.jar" "$root/benchmarks/target/benchmarks.jar" "$out/"
cli=(java -Xss16m -XX:+UseParallelGC -XX:GCTimeRatio=9 -Xmx3g -jar "$out/cadenza.jar")  # the launcher's options, with a 3 GB heap
gen=(java -cp "$out/benchmarks.jar" dev.cadenza.benchmarks.ModelGenerator)

rows="$out/rows"
: >"$rows"

# run NAME SIZE KIND CMD... : times CMD, reads its JSON, appends a table row
run() {
  local name="$1" size="$2" kind="$3"
  shift 3
  echo "scaling: $name $size ..." >&2
  /usr/bin/time -v timeout 200 "$@" >"$out/json" 2>"$out/time"
  local code=$?
  local wall cpu rss count path rate note=""
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time" \
          | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$out/time")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time" | awk '{ printf "%.0f", $1 / 1024 }')"
  if [ "$kind" = markings ]; then
    count="$(grep -o '"markings": [0-9]*' "$out/json" | grep -o '[0-9]*$')"
  else
    count="$(grep -o '"classes": [0-9]*' "$out/json" | head -1 | grep -o '[0-9]*$')"
  fi
  path="$(grep -o '"answered_by": "[^"]*"' "$out/json" | sed 's/.*: "//; s/"$//')"
  [ -n "$path" ] || path="$kind"
  grep -q '"complete": false' "$out/json" && note="INCOMPLETE (limit)"
  [ "$code" = 124 ] && note="killed at 200 s"
  grep -q OutOfMemoryError "$out/time" && note="out of memory (-Xmx3g)"
  [ "$code" != 0 ] && [ -z "$note" ] && note="exit $code: $(head -c 120 "$out/time" | tr '\n' ' ')"
  if [ -n "$count" ] && [ "$count" != 0 ]; then
    rate="$(awk -v n="$count" -v c="$cpu" 'BEGIN { if (c > 0) printf "%.0f", n / c; else print "-" }')"
  else
    rate="-"
    [ "$path" = "critical path" ] && count="0 (none explored)"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$size" "${count:-?}" "$wall" "$cpu" "$rss" \
    "$rate" "$path" "$note" >>"$rows"
}

# ---- issue 11: reduced and full side by side -------------------------------------------------
srows="$out/srows"
: >"$srows"
# measure CMD...: sets m_wall m_cpu m_rss m_count m_verdicts m_note from one run
measure() {
  /usr/bin/time -v timeout "${cap:-200}" "$@" >"$out/sjson" 2>"$out/stime"
  local code=$?
  m_wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/stime" \
            | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')"
  m_cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$out/stime")"
  m_rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/stime" | awk '{ printf "%.0f", $1 / 1024 }')"
  # the command's statistics come last: their "classes" is every search's states together
  m_count="$(grep -o '"classes": [0-9]*' "$out/sjson" | tail -1 | grep -o '[0-9]*$')"
  m_verdicts="$(grep -o '"verdict": "[a-z]*"' "$out/sjson" | sed 's/.*: "//; s/"$//' | sort | uniq -c \
                | awk '{ printf "%s%d %s", (NR > 1 ? ", " : ""), $1, $2 }')"
  [ -n "$m_verdicts" ] || m_verdicts="$(grep -o '"reachable": [a-z]*, "min": [^,]*, "max": [^,]*' "$out/sjson" \
                                        | head -1 | sed 's/"reachable": [a-z]*, //; s/"//g')"
  m_by="$(grep -o '"answered_by": "[^"]*"' "$out/sjson" | sed 's/.*: "//; s/"$//' | sort | uniq -c \
          | awk '{ c = $1; $1 = ""; printf "%s%d%s", (NR > 1 ? "; " : ""), c, $0 }')"
  m_note=""
  [ "$code" = 124 ] && m_note="killed at ${cap:-200} s"
  grep -q OutOfMemoryError "$out/stime" && m_note="out of memory"
  [ "$code" = 3 ] && m_note="inconclusive (exit 3)"
  [ "$code" = 2 ] && m_note="exit 2: $(grep -v '^\s' "$out/stime" | head -1 | head -c 100)"
  [ "$code" = 1 ] && m_note="a property violated (exit 1)"
  return 0
}
# srow NAME SIZE CMD... : the command with the reductions, then with --no-reduction
srow() {
  local name="$1" size="$2"
  shift 2
  echo "scaling: $name $size (reduced) ..." >&2
  measure "$@"
  local r="${m_count:-?} | $m_wall | $m_cpu | $m_rss | $m_verdicts | $m_by | $m_note"
  local rw="$m_wall"
  if [ -n "${skip_full:-}" ]; then
    printf '| %s | %s | %s | not run (%s) | | | | | | - |\n' "$name" "$size" "$r" "$skip_full" >>"$srows"
    return
  fi
  echo "scaling: $name $size (--no-reduction) ..." >&2
  measure "$@" --no-reduction
  local f="${m_count:-?} | $m_wall | $m_cpu | $m_rss | $m_verdicts | $m_note"
  local ratio
  ratio="$(awk -v a="$rw" -v b="$m_wall" 'BEGIN { if (a > 0) printf "%.1f", b / a; else print "-" }')"
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$size" "$r" "$f" "$ratio" >>"$srows"
}
# Galera with every host at once, as the Python deploys them: the waits of the registry and of the
# host loop in deploy_mariadb dropped, nothing else. $2: keep the verify blocks, or only deployable untimed.
galera_at_once() {
  "${gen[@]}" galera "$1" examples \
    | sed -E '/^[[:space:]]*wait\((r_docker|r_registry|piplibs\{i\}|docker\{i\})\)[[:space:]]*$/d' >"$out/g.tmp"
  if [ "$2" = safety ]; then
    # the properties the untimed stage may answer: deployable, forbidden, sequence
    grep -Ev '^[[:space:]]*(bounds|within|parallel)([[:space:]]|$)' "$out/g.tmp"
  elif [ "$2" = untimed ]; then
    awk '/^verify /{ exit } { print }' "$out/g.tmp"
    printf 'verify deploy_mariadb {\n  deployable untimed centralized\n}\n'
  else
    cat "$out/g.tmp"
  fi
}
scale_section() {
  : >"$srows"
  if [ -n "$quick" ]; then gal="3"; galu="3 8"; chains="10"; else gal="3 4 8 20"; galu="3 8 20"; chains="10 50"; fi
  for n in $galu; do
    galera_at_once "$n" untimed >"$out/gu$n.cdz"
    skip_full=""
    [ "$n" -gt 3 ] && skip_full="the full marking graph is beyond the heap from n=3 on (26 M markings in 100 s)"
    cap=120 srow "Galera, hosts at once: check (deployable untimed)" "n=$n" \
      "${cli[@]}" check "$out/gu$n.cdz" --json --timeout 100
  done
  for n in $galu; do
    galera_at_once "$n" safety >"$out/gs$n.cdz"
    skip_full=""
    [ "$n" -gt 3 ] && skip_full="the state classes of the prefix deploy_mariadb are beyond the heap from n=4 on"
    cap=140 srow "Galera, hosts at once: check (deployable, forbidden, sequence)" "n=$n" \
      "${cli[@]}" check "$out/gs$n.cdz" --json --timeout 120
  done
  for n in $gal; do
    galera_at_once "$n" all >"$out/ga$n.cdz"
    skip_full=""
    [ "$n" -gt 3 ] && skip_full="the bounds' class graph alone is beyond the heap from n=4 on"
    # n=3 as the issue measured it; from n=4 on the bounds' state classes do not fit: 60 s then
    t=180; [ "$n" -gt 3 ] && t=60
    cap=$((t + 20)) srow "Galera, hosts at once: check (every property)" "n=$n" \
      "${cli[@]}" check "$out/ga$n.cdz" --json --timeout "$t"
  done
  for n in $chains; do
    "${gen[@]}" chains "$n" >"$out/ch$n.cdz"
    skip_full=""
    cap=60 srow "n chains of 5 steps, assembly: bounds" "n=$n" "${cli[@]}" bounds "$out/ch$n.cdz" --json --timeout 50
    "${gen[@]}" chains-program "$n" >"$out/chp$n.cdz"
    [ "$n" -gt 10 ] && skip_full="beyond the heap already at n=10"
    cap=60 srow "n chains of 5 steps, program: bounds" "n=$n" "${cli[@]}" bounds "$out/chp$n.cdz" --json --timeout 50
  done
  {
    echo "<!-- scale: begin -->"
    echo "## Issue 11: with the reductions and with \`--no-reduction\`"
    echo
    echo "Written by \`benchmarks/scaling.sh scale\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD);"
    echo "JVM start included, \`-Xmx3g\`, each run capped. \"states\" is every search's states (classes or"
    echo "markings) of the command together; \"ratio\" is full wall / reduced wall. Machine load (1-min average)"
    echo "when the section started: $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores: compare CPU seconds."
    echo
    echo "| target | size | states | wall s | cpu s | RSS MB | verdicts | answered by | note | full: states | wall s | cpu s | RSS MB | verdicts | note | ratio |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    cat "$srows"
    echo "<!-- scale: end -->"
  } >"$out/scale.md"
}
# examples/galera.cdz as it stands (its hosts deployed at once), at growing n: bounds of
# deploy_mariadb (the conflict-free fast path) and check of every property, reduced and full
galera_section() {
  : >"$srows"
  for n in 3 4 8 20; do
    skip_full=""
    [ "$n" -gt 3 ] && skip_full="without reductions the state classes are beyond -Xmx3g already at n=3"
    cap=120 srow "galera.cdz: bounds --program deploy_mariadb" "n=$n" \
      "${cli[@]}" bounds examples/galera.cdz --program deploy_mariadb --param "n=$n" --json --timeout 100
  done
  for n in 3 8; do
    skip_full=""
    [ "$n" -gt 3 ] && skip_full="without reductions already n=3 does not finish"
    cap=130 srow "galera.cdz: check (every property)" "n=$n" \
      "${cli[@]}" check examples/galera.cdz --param "n=$n" --json --timeout 100
  done
  {
    echo "<!-- galera: begin -->"
    echo "## examples/galera.cdz at growing n: the conflict-free fast path"
    echo
    echo "Written by \`benchmarks/scaling.sh galera\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD);"
    echo "columns as in the issue-11 section below. Machine load (1-min average) when the section started:"
    echo "$(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores: compare CPU seconds."
    echo
    echo "| target | size | states | wall s | cpu s | RSS MB | verdicts | answered by | note | full: states | wall s | cpu s | RSS MB | verdicts | note | ratio |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    cat "$srows"
    echo "<!-- galera: end -->"
  } >"$out/galera.md"
}
if [ "$quick" = galera ]; then
  galera_section
  if grep -q '<!-- galera: begin -->' "$root/benchmarks/RESULTS.md"; then
    awk -v f="$out/galera.md" '/<!-- galera: begin -->/ { while ((getline l < f) > 0) print l; skip = 1 }
         !skip { print } /<!-- galera: end -->/ { skip = 0 }' "$root/benchmarks/RESULTS.md" >"$out/results.md"
    cp "$out/results.md" "$root/benchmarks/RESULTS.md"
  else
    awk -v f="$out/galera.md" '/<!-- scale: begin -->/ && !done { while ((getline l < f) > 0) print l; print ""; done = 1 }
         { print }' "$root/benchmarks/RESULTS.md" >"$out/results.md"
    cp "$out/results.md" "$root/benchmarks/RESULTS.md"
  fi
  cat "$out/galera.md"
  exit 0
fi
if [ "$quick" = scale ]; then
  quick=""
  scale_section
  if grep -q '<!-- scale: begin -->' "$root/benchmarks/RESULTS.md"; then
    awk -v f="$out/scale.md" '/<!-- scale: begin -->/ { while ((getline l < f) > 0) print l; skip = 1 }
         !skip { print } /<!-- scale: end -->/ { skip = 0 }' "$root/benchmarks/RESULTS.md" >"$out/results.md"
    cp "$out/results.md" "$root/benchmarks/RESULTS.md"
  else
    { echo; cat "$out/scale.md"; } >>"$root/benchmarks/RESULTS.md"
  fi
  cat "$out/scale.md"
  exit 0
fi

if [ -n "$quick" ]; then sizes_chain="1000 10000"; sizes_os="1 2"; sizes_par="4"; sizes_gal="3"; sizes_fan="100"
else sizes_chain="1000 10000 100000"; sizes_os="1 2 10 100"; sizes_par="4 6 8"; sizes_gal="3"; sizes_fan="100 1000 10000"; fi

for n in $sizes_chain; do
  "${gen[@]}" chain "$n" >"$out/chain$n.cdz"
  run "chain (bounds)" "$n components" classes "${cli[@]}" bounds "$out/chain$n.cdz" --json
  "${gen[@]}" dag "$n" >"$out/dag$n.cdz"
  run "DAG, 2 uses each (bounds)" "$n components" classes "${cli[@]}" bounds "$out/dag$n.cdz" --json
done
for n in $sizes_fan; do
  "${gen[@]}" fan "$n" >"$out/fan$n.cdz"
  run "fan-out/fan-in (bounds)" "$((n + 2)) components" classes "${cli[@]}" bounds "$out/fan$n.cdz" --json
done
for k in $sizes_os; do
  "${gen[@]}" openstack "$k" examples >"$out/os$k.cdz"
  run "OpenStack x k (bounds)" "k=$k, $((11 * k)) components" classes "${cli[@]}" bounds "$out/os$k.cdz" --json
done
for k in 1; do
  "${cli[@]}" export "$out/os$k.cdz" --format net -o "$out/os$k.net" >/dev/null 2>&1
  run "OpenStack x k, translated net (explore)" "k=$k" "state classes" "${cli[@]}" explore "$out/os$k.net" --json --timeout 120
done
for n in $sizes_par; do
  "${gen[@]}" parallel "$n" >"$out/par$n.cdz"
  "${cli[@]}" export "$out/par$n.cdz" --format net -o "$out/par$n.net" >/dev/null 2>&1
  run "n independent components, net (explore)" "n=$n" "state classes" "${cli[@]}" explore "$out/par$n.net" --json --timeout 120
done
for n in $sizes_gal; do
  "${gen[@]}" galera "$n" examples >"$out/galera$n.cdz"
  run "Galera, n workers (bounds)" "n=$n" "state classes" "${cli[@]}" bounds "$out/galera$n.cdz" --json --timeout 120 --program deploy_mariadb
done
if [ -d "$mcc" ] && [ -z "$quick" ]; then
  for f in "$mcc"/*.pnml; do
    run "MCC $(basename "$f" .pnml) (explore --untimed)" "$(grep -c '<place ' "$f") places" markings \
      "${cli[@]}" explore "$f" --untimed --json --timeout 240
  done
fi

galera_section
cp "$out/galera.md" "$out/galera.keep"
scale_section
{
  echo "# Scaling run"
  echo
  echo "Written by \`benchmarks/scaling.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (overwritten by each run)."
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'),"\
       "$(free -g | awk '/Mem:/ { print $2 }') GB RAM; $(java -version 2>&1 | head -1);" \
       "commit $(git rev-parse --short HEAD). The machine is shared: CPU (user + sys) is the fairer clock."
  echo
  echo "Each row is one JVM run, start included (\`java -jar cli/target/cadenza.jar ...\`), capped at 200 s."
  echo "\"states/s\" is states or classes per CPU second. Conflict-free assemblies are answered by the"
  echo "critical path (no states are explored: the column says so)."
  echo
  echo "| model | size | states / classes | wall s | cpu s | peak RSS MB | states/s | answered by | note |"
  echo "|---|---|---|---|---|---|---|---|---|"
  cat "$rows"
  echo
  cat "$out/galera.keep"
  echo
  cat "$out/scale.md"
} >"$root/benchmarks/RESULTS.md"
cat "$root/benchmarks/RESULTS.md"
