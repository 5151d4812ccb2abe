#!/usr/bin/env bash
# Runs the same load against bousai-relay and its peers, one after the other, and prints the
# ratio of times to the last delivery (ours / peer). Needs a relay started with
# loadtest/relay-loadtest.yaml and the peers started with loadtest/peers/setup.sh.
#   loadtest/peers/compare.sh burst|sustained [SUBSCRIBERS]
#     burst:     SUBSCRIBERS (default 15000) nationwide subscribers, 15 advisories at 1/s after 10 to warm
#                up; relay SSE vs nchan, relay MQTT (through its broker) vs mosquitto
#     sustained: SUBSCRIBERS (default 5000) area-filtered subscribers, RATE (default 50) advisories/s for 30 s
# Environment: RELAY_PORT (8080), RELAY_MQTT_PORT (1883), NCHAN_PORT (18180), MOSQUITTO_PORT (18183),
# OUT (loadtest-results).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/target/loadtest.jar"
mode="${1:-burst}"
count="${2:-}"
out="${OUT:-loadtest-results}"
mkdir -p "$out"
relay="--port ${RELAY_PORT:-8080} --mqtt-port ${RELAY_MQTT_PORT:-1883}"
if [ "$mode" = burst ]; then
  count="${count:-15000}"
  load="--everyone --rate 1 --warmup 10 --duration 15 --drain 5 --source-addresses 2"
else
  count="${count:-5000}"
  load="--rate ${RATE:-50} --warmup 10 --duration 30 --drain 10"
fi
run() { # name, arguments...
  local name="$1"; shift
  java -jar "$jar" "$@" $load --report "$out/$mode-$name.json" > "$out/$mode-$name.log" 2>&1
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); t=r['timeToLastDeliveryMs']; \
c=r['channels'][0]; print('%-16s time to last delivery p50 %8.1f ms  max %8.1f ms | delivery p99 %8.1f ms | lost %d dup %d' \
% (sys.argv[2], t['p50'], t['max'], c['latencyMs']['p99'], c['losses'], c['duplicates']))" "$out/$mode-$name.json" "$name"
}
run relay-sse $relay --sse "$count" --ws 0 --mqtt 0
run nchan --target nchan --port "${NCHAN_PORT:-18180}" --sse "$count" --ws 0 --mqtt 0
run relay-mqtt $relay --sse 0 --ws 0 --mqtt "$count"
run mosquitto --target mosquitto --mqtt-port "${MOSQUITTO_PORT:-18183}" --sse 0 --ws 0 --mqtt "$count"
python3 - "$out" "$mode" <<'PY'
import json, sys
out, mode = sys.argv[1], sys.argv[2]
def ttl(name, key):
    return json.load(open(f"{out}/{mode}-{name}.json"))["timeToLastDeliveryMs"][key]
for ours, peer in (("relay-sse", "nchan"), ("relay-mqtt", "mosquitto")):
    print(f"{ours} / {peer}: time to last delivery p50 {ttl(ours,'p50')/ttl(peer,'p50'):.2f}, "
          f"max {ttl(ours,'max')/ttl(peer,'max'):.2f}")
PY
