#!/usr/bin/env bash
# `conformance validate FILE.jsonl` as users run it (default flags: states followed) against the
# fastest Python peer we know (orjson + jsonschema-rs + compiled-regex routing over our own
# OpenAPI export), on the same file, in the same run, timed as whole processes.
#
#   scripts/bench-validate-vs-peer.sh [EXCHANGES] [ROUNDS]      (defaults: 200000, 3)
#
# Prints each round's wall time and throughput, the best of the rounds, and the ratios the
# README quotes: ours on one core (--jobs 1) over the peer, and all cores over one core.
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

# Wall seconds of one command, its output discarded; fails the script if the command does.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

best() { printf '%s\n' "$@" | sort -g | head -1; }

ours1=() ; oursN=() ; peer=()
for round in $(seq 1 "$rounds"); do
    a=$(seconds "$binary" validate "$corpus" --jobs 1)
    b=$(seconds "$binary" validate "$corpus")
    c=$(seconds "$venv/bin/python" scripts/peer_validate.py specs/huawei-evs/openapi.json "$corpus")
    ours1+=("$a"); oursN+=("$b"); peer+=("$c")
    printf 'round %d: conformance --jobs 1 %.2f s, conformance (all cores) %.2f s, peer %.2f s\n' "$round" "$a" "$b" "$c"
done

o1=$(best "${ours1[@]}"); on=$(best "${oursN[@]}"); p=$(best "${peer[@]}")
rate() { echo "$exchanges / $1" | bc -l; }
printf '\n%d exchanges, %.0f MB, best of %d rounds (whole processes, start-up included)\n' "$exchanges" "$(echo "$bytes / 1000000" | bc -l)" "$rounds"
printf '  conformance validate --jobs 1     %8.0f exchanges/s\n' "$(rate "$o1")"
printf '  conformance validate (%d cores)    %8.0f exchanges/s\n' "$(nproc)" "$(rate "$on")"
printf '  peer (orjson + jsonschema-rs)     %8.0f exchanges/s\n' "$(rate "$p")"
printf '  one core / peer:        %.2fx (goal: at least 1.5x)\n' "$(echo "$p / $o1" | bc -l)"
printf '  all cores / one core:   %.2fx (goal: at least 1.7x)\n' "$(echo "$o1 / $on" | bc -l)"
