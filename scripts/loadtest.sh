#!/usr/bin/env bash
# Load test of the live servers (issue 16), on 127.0.0.1 only, bounded in time, release build.
#
#   scripts/loadtest.sh                 # about 3 minutes; needs wrk (apt-get install wrk), curl, python3
#   DURATION=5 RECORD_SECONDS=20 scripts/loadtest.sh   # shorter
#   ROUNDS=3 scripts/loadtest.sh                         # best of 3 rounds for the with/without pairs (default 2)
#   SCRATCH_PATH=.build-release scripts/loadtest.sh     # build in another folder (no wait for a debug build's lock)
#   CONFIGURATION=debug scripts/loadtest.sh             # the debug build (figures not comparable with release)
#
# Prints: the mock's requests/s without and with --record (HAR and JSONL), the peak memory of a
# mock recording for RECORD_SECONDS under full load, ShowVolume with 14,000 volumes, the proxy's
# requests/s without and with --record, and the latency of a fast request through the proxy
# while 20 slow ones are in flight. Not part of `swift test`: figures are measured, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
RECORD_SECONDS=${RECORD_SECONDS:-60}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-64}
PROJECT=0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "loadtest: needs $tool (apt-get install wrk curl python3)" >&2; exit 2; }
done

SCRATCH_PATH=${SCRATCH_PATH:-.build}
CONFIGURATION=${CONFIGURATION:-release}
echo "loadtest: swift build -c $CONFIGURATION --product conformance --scratch-path $SCRATCH_PATH" >&2
swift build -c "$CONFIGURATION" --product conformance --scratch-path "$SCRATCH_PATH" >&2
BIN=$(swift build -c "$CONFIGURATION" --scratch-path "$SCRATCH_PATH" --show-bin-path)/conformance

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
    for _ in $(seq 1 100); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 1)" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "loadtest: nothing listens on port $1" >&2
    exit 1
}
# Starts a server in the background: start_server NAME ARGS...; sets PORT and PID.
start_server() {
    local name=$1
    shift
    PORT=$(free_port)
    "$@" --port "$PORT" >"$WORK/$name.log" 2>&1 &
    PID=$!
    PIDS+=("$PID")
    wait_port "$PORT"
}
stop_server() { kill -INT "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
# wrk for SECONDS against URL; prints requests/s.
throughput() {
    local seconds=$1 url=$2
    wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" -H 'X-Auth-Token: load-test-token' "$url" | awk '/Requests\/sec/ { printf "%d", $2 }'
}
# Creates one volume (and COUNT more in batches of 100 when given); prints the first id.
create_volumes() {
    local base=$1 count=${2:-1} first=""
    while [ "$count" -gt 0 ]; do
        local batch=$(( count > 100 ? 100 : count ))
        local answer
        answer=$(curl -s -X POST "$base/v2.1/$PROJECT/cloudvolumes" -H 'X-Auth-Token: t' -H 'Content-Type: application/json' \
            --data "{\"volume\":{\"availability_zone\":\"az-1\",\"volume_type\":\"SATA\",\"size\":10,\"count\":$batch}}")
        [ -n "$first" ] || first=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["volume_ids"][0])' <<<"$answer")
        count=$(( count - batch ))
    done
    sleep 0.3
    echo "$first"
}
peak_rss_mib() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
percent() { python3 -c "print(f'{($2 - $1) / $1 * 100:+.0f}%')"; }

# The three mock figures are measured in ROUNDS rounds of plain, HAR, JSONL back to back, and
# the best of each is printed: on a shared host, a ratio of two runs far apart measures the
# neighbours as much as the recording.
mock_throughput() {
    local name=$1
    shift
    start_server "$name" "$BIN" mock --delay 0 "$@"
    VOLUME=$(create_volumes "http://127.0.0.1:$PORT")
    RATE=$(throughput "$DURATION" "http://127.0.0.1:$PORT/v2/$PROJECT/volumes/$VOLUME")
    RATE=${RATE:-0}
    RSS=$(peak_rss_mib "$PID")
    stop_server "$PID"
    rm -f "$WORK/load.har" "$WORK/load.jsonl"
}
PLAIN=0 HAR=0 JSONL=0 PLAIN_RSS=0
for round in $(seq 1 "$ROUNDS"); do
    echo "loadtest: mock without and with --record (HAR, JSONL), round $round of $ROUNDS" >&2
    mock_throughput mock
    if [ "$RATE" -gt "$PLAIN" ]; then PLAIN=$RATE PLAIN_RSS=$RSS; fi
    mock_throughput mock-har --record "$WORK/load.har"
    if [ "$RATE" -gt "$HAR" ]; then HAR=$RATE; fi
    mock_throughput mock-jsonl --record "$WORK/load.jsonl"
    if [ "$RATE" -gt "$JSONL" ]; then JSONL=$RATE; fi
done

echo "loadtest: mock, --record HAR for ${RECORD_SECONDS} s" >&2
start_server mock-long "$BIN" mock --delay 0 --record "$WORK/long.har"
VOLUME=$(create_volumes "http://127.0.0.1:$PORT")
LONG=$(throughput "$RECORD_SECONDS" "http://127.0.0.1:$PORT/v2/$PROJECT/volumes/$VOLUME")
LONG_RSS=$(peak_rss_mib "$PID")
stop_server "$PID"
LONG_SIZE=$(du -m "$WORK/long.har" | cut -f1)
LONG_TAIL=$(tail -c 5 "$WORK/long.har" | od -An -c | tr -d ' \n')
rm -f "$WORK/long.har"

echo "loadtest: mock with 14,000 volumes" >&2
start_server mock-many "$BIN" mock --delay 0
VOLUME=$(create_volumes "http://127.0.0.1:$PORT" 14000)
MANY=$(throughput "$DURATION" "http://127.0.0.1:$PORT/v2/$PROJECT/volumes/$VOLUME")
MANY_LIST=$(throughput "$DURATION" "http://127.0.0.1:$PORT/v2/$PROJECT/cloudvolumes/detail?status=available&limit=10")
stop_server "$PID"

echo "loadtest: proxy in front of the mock" >&2
start_server upstream "$BIN" mock --delay 0
UPSTREAM=$PORT
UPSTREAM_PID=$PID
VOLUME=$(create_volumes "http://127.0.0.1:$UPSTREAM")
PROXY=0 PROXY_HAR=0
for round in $(seq 1 "$ROUNDS"); do
    start_server proxy "$BIN" proxy --upstream "http://127.0.0.1:$UPSTREAM" --format json
    RATE=$(throughput "$DURATION" "http://127.0.0.1:$PORT/v2/$PROJECT/volumes/$VOLUME")
    RATE=${RATE:-0}
    stop_server "$PID"
    if [ "$RATE" -gt "$PROXY" ]; then PROXY=$RATE; fi
    start_server proxy-har "$BIN" proxy --upstream "http://127.0.0.1:$UPSTREAM" --format json --record "$WORK/proxy.har"
    RATE=$(throughput "$DURATION" "http://127.0.0.1:$PORT/v2/$PROJECT/volumes/$VOLUME")
    RATE=${RATE:-0}
    stop_server "$PID"
    rm -f "$WORK/proxy.har"
    if [ "$RATE" -gt "$PROXY_HAR" ]; then PROXY_HAR=$RATE; fi
done
stop_server "$UPSTREAM_PID"

echo "loadtest: a fast request through the proxy while 20 slow ones are in flight" >&2
SLOW_PORT=$(free_port)
python3 - "$SLOW_PORT" >"$WORK/slow.log" 2>&1 <<'PY' &
import http.server, socketserver, sys, time
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        if self.path.startswith("/slow"):
            time.sleep(5)
        body = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
SLOW_PID=$!
PIDS+=("$SLOW_PID")
wait_port "$SLOW_PORT"
start_server proxy-slow "$BIN" proxy --upstream "http://127.0.0.1:$SLOW_PORT"
for i in $(seq 1 20); do curl -s -o /dev/null "http://127.0.0.1:$PORT/slow/$i" & done
sleep 0.5
FAST=()
for i in 1 2 3 4 5; do
    FAST+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/fast/$i")")
done
FAST_MS=$(python3 -c "import sys; v = sorted(float(x) * 1000 for x in sys.argv[1:]); print(f'median {v[len(v)//2]:.1f} ms, max {v[-1]:.1f} ms')" "${FAST[@]}")
wait_jobs() { for job in $(jobs -p); do [ "$job" = "$SLOW_PID" ] || [ "$job" = "$PID" ] || wait "$job" 2>/dev/null || true; done; }
wait_jobs
stop_server "$PID"

cat <<REPORT
mock, no recording                ShowVolume   $PLAIN requests/s  (peak RSS $PLAIN_RSS MiB)
mock, --record traffic.har        ShowVolume   $HAR requests/s  ($(percent "$PLAIN" "$HAR"))
mock, --record traffic.jsonl      ShowVolume   $JSONL requests/s  ($(percent "$PLAIN" "$JSONL"))
mock, --record for ${RECORD_SECONDS} s            ShowVolume   $LONG requests/s, peak RSS $LONG_RSS MiB, HAR $LONG_SIZE MiB ending '$LONG_TAIL'
mock, 14,000 volumes              ShowVolume   $MANY requests/s; ListVolumes?status=available&limit=10  $MANY_LIST requests/s
proxy → mock                      ShowVolume   $PROXY requests/s
proxy → mock, --record traffic.har ShowVolume  $PROXY_HAR requests/s  ($(percent "$PROXY" "$PROXY_HAR"))
proxy, fast request while 20 slow (5 s) ones are in flight: $FAST_MS
REPORT
