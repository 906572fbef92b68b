#!/usr/bin/env bash
# Explores every large MCC model (../shared/mcc/large beside the repository, or $MCC_LARGE)
# completely and prints a table: wall time, CPU time (user + sys) and peak RSS (from
# /usr/bin/time -v), the heap given, markings and edges, and whether they match oracle.tsv.
# Not part of CI: it takes minutes. On a shared machine compare CPU times; wall times wander.
#   benchmarks/mcc-large.sh [-Xmx value, default 2g]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${MCC_LARGE:-$root/../../shared/mcc/large}"
[ -d "$dir" ] || dir="$root/../shared/mcc/large"
oracle="$dir/../oracle.tsv"
heap="${1:-2g}"
jar="$root/cli/target/cadenza.jar"
if [ ! -d "$dir" ] || [ ! -f "$oracle" ]; then
  echo "mcc-large: no large models at $dir (set MCC_LARGE)" >&2
  exit 2
fi
[ -f "$jar" ] || (cd "$root" && mvn -B -ntp -q -pl cli -am -DskipTests package)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

printf '%-28s %7s %7s %8s %5s %10s %11s %6s\n' model wall_s cpu_s peak_MB heap markings edges oracle
for f in "$dir"/*.pnml; do
  model="$(basename "$f" .pnml)"
  /usr/bin/time -v java -Xmx"$heap" -Xms256m -XX:+UseParallelGC -jar "$jar" explore "$f" --untimed --json \
      >"$out/json" 2>"$out/time" || true
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time" \
          | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$out/time")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time" | awk '{ printf "%.0f", $1 / 1024 }')"
  markings="$(grep -o '"markings": [0-9]*' "$out/json" | grep -o '[0-9]*$' || echo '?')"
  edges="$(grep -o '"edges": [0-9]*' "$out/json" | grep -o '[0-9]*$' || echo '?')"
  want="$(awk -F'\t' -v m="$model" '$1 == m { print $2 " " $3 }' "$oracle")"
  if [ -z "$want" ]; then match="no row"
  elif [ "$want" = "$markings $edges" ]; then match="yes"
  else match="NO($want)"; fi
  printf '%-28s %7s %7s %8s %5s %10s %11s %6s\n' "$model" "$wall" "$cpu" "$rss" "$heap" "$markings" "$edges" "$match"
done
