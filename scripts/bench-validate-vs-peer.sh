#!/usr/bin/env bash
# `conformance validate FILE.jsonl` as users run it (default flags: states followed) against the
# fastest Python peer we know (orjson + jsonschema-rs + compiled-regex routing over our own
# OpenAPI export), on the same file, in the same run, timed as whole processes.
#
#   scripts/bench-validate-vs-peer.sh [EXCHANGES] [ROUNDS]      (defaults: 200000, 3)
#
# Prints each round's wall time, the best and the median of the rounds, and the ratios the
# README quotes: ours on one core (--jobs 1) over the peer, and all cores over one core (also
# as the median of each round's own ratio), with the CPU time the threads cost. Each round also
# runs one one-core process per core side by side, which share no memory (only the host's caches,
# its memory bandwidth and the file's pages): what the host's cores give at best in that hour to
# work that does not pass data between them, the ceiling for all cores over one.
# Needs python3 with venv and PyPI (for orjson and jsonschema-rs, installed into .build/peer-venv).
set -euo pipefail
cd "$(dirname "$0")/.."

exchanges=${1:-200000}
rounds=${2:-3}
work=.build/bench-validate
mkdir -p "$work"

echo "bench: building conformance (release)" >&2
swift build -c release --product conformance >&2
binary=.build/release/conformance

venv=.build/peer-venv
if [ ! -x "$venv/bin/python" ]; then
    echo "bench: creating $venv (orjson, jsonschema-rs from PyPI)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q orjson jsonschema-rs >&2
fi

corpus=$work/corpus-$exchanges.jsonl
if [ ! -s "$corpus" ]; then
    echo "bench: writing $corpus" >&2
    python3 scripts/make_validate_corpus.py . "$corpus.tmp" "$exchanges"
    mv "$corpus.tmp" "$corpus"
fi
bytes=$(stat -c %s "$corpus")

# One command's wall, user and system seconds ("R U S"), its output discarded. When the
# command fails, its standard error is shown and the script stops. Bash's own `time`, so
# nothing else needs installing.
measure() {
    local TIMEFORMAT='%R %U %S'
    if ! { time "$@" >/dev/null 2>"$work/stderr.log"; } 2>&1; then
        echo "bench: failed: $*" >&2
        cat "$work/stderr.log" >&2
        return 1
    fi
}

# One one-core run per core, side by side as separate processes: their wall seconds. When one
# fails, its standard error is shown and the script stops (as `measure` does).
measure_side_by_side() {
    local TIMEFORMAT='%R' pids=() failed=() i
    { time {
        for i in $(seq 1 "$(nproc)"); do
            "$binary" validate "$corpus" --jobs 1 >/dev/null 2>"$work/side-$i.log" &
            pids+=($!)
        done
        for i in "${!pids[@]}"; do
            wait "${pids[$i]}" || failed+=("$work/side-$((i + 1)).log")
        done
    }; } 2>&1
    if [ "${#failed[@]}" -ne 0 ]; then
        echo "bench: failed: $binary validate $corpus --jobs 1 (side by side)" >&2
        cat "${failed[@]}" >&2
        return 1
    fi
}

best() { printf '%s\n' "$@" | sort -g | head -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The three run one after another in every round, so that a change in the host's load
# reaches all three alike; the medians and the per-round ratios below are steadier than
# the best of each on a host whose two vCPUs do not behave the same from one hour to the next.
ours1=() ; oursN=() ; peer=() ; cpu1=() ; cpuN=() ; paired=() ; ceiling=()
for round in $(seq 1 "$rounds"); do
    one=$(measure "$binary" validate "$corpus" --jobs 1)
    all=$(measure "$binary" validate "$corpus")
    theirs=$(measure "$venv/bin/python" scripts/peer_validate.py specs/huawei-evs/openapi.json "$corpus")
    side=$(measure_side_by_side)
    read -r a au as <<<"$one"
    read -r b bu bs <<<"$all"
    read -r c _ _ <<<"$theirs"
    ours1+=("$a"); oursN+=("$b"); peer+=("$c")
    cpu=$(echo "$bu + $bs" | bc -l)
    cpu1+=("$(echo "$au + $as" | bc -l)"); cpuN+=("$cpu")
    paired+=("$(echo "$a / $b" | bc -l)")
    ceiling+=("$(echo "$(nproc) * $a / $side" | bc -l)")
    printf 'round %d: conformance --jobs 1 %.2f s, conformance (all cores) %.2f s (%.2f s of CPU), peer %.2f s, %d --jobs 1 side by side %.2f s\n' "$round" "$a" "$b" "$cpu" "$c" "$(nproc)" "$side"
done

o1=$(best "${ours1[@]}"); on=$(best "${oursN[@]}"); p=$(best "${peer[@]}")
m1=$(median "${ours1[@]}"); mn=$(median "${oursN[@]}"); mp=$(median "${peer[@]}")
rate() { echo "$exchanges / $1" | bc -l; }
printf '\n%d exchanges, %.0f MB, %d rounds (whole processes, start-up included)\n' "$exchanges" "$(echo "$bytes / 1000000" | bc -l)" "$rounds"
printf '                                     best of rounds   median\n'
printf '  conformance validate --jobs 1     %8.0f       %8.0f exchanges/s\n' "$(rate "$o1")" "$(rate "$m1")"
printf '  conformance validate (%d cores)    %8.0f       %8.0f exchanges/s\n' "$(nproc)" "$(rate "$on")" "$(rate "$mn")"
printf '  peer (orjson + jsonschema-rs)     %8.0f       %8.0f exchanges/s\n' "$(rate "$p")" "$(rate "$mp")"
printf '  one core / peer:        %.2fx best, %.2fx median (goal: at least 1.5x)\n' "$(echo "$p / $o1" | bc -l)" "$(echo "$mp / $m1" | bc -l)"
printf '  all cores / one core:   %.2fx best, %.2fx median, %.2fx median of the rounds'"'"' own ratios (goal: at least 1.7x)\n' \
    "$(echo "$o1 / $on" | bc -l)" "$(echo "$m1 / $mn" | bc -l)" "$(median "${paired[@]}")"
printf '  CPU time, all cores over one core: %.2fx (median; 1.00x would be no cost for the threads)\n' "$(echo "$(median "${cpuN[@]}") / $(median "${cpu1[@]}")" | bc -l)"
printf '  %d one-core processes side by side: %.2fx one (median of the rounds; the ceiling for all cores, which reached %.0f%% of it)\n' \
    "$(nproc)" "$(median "${ceiling[@]}")" "$(echo "100 * $(median "${paired[@]}") / $(median "${ceiling[@]}")" | bc -l)"
