#!/usr/bin/env bash
# Sets up the load test's peers on loopback: nginx with nchan (SSE) and mosquitto (MQTT), each in
# its own directory under ${PEERS_DIR:-/tmp/bousai-peers}, installing the Debian packages if missing.
#   loadtest/peers/setup.sh start [NCHAN_PORT] [MOSQUITTO_PORT]   (defaults 18180 and 18183)
#   loadtest/peers/setup.sh stop
set -euo pipefail
dir="${PEERS_DIR:-/tmp/bousai-peers}"
nchan_port="${2:-18180}"
mosquitto_port="${3:-18183}"

stop() {
  [ -f "$dir/nginx/nginx.pid" ] && nginx -p "$dir/nginx" -c nginx.conf -s quit 2>/dev/null || true
  [ -f "$dir/mosquitto/mosquitto.pid" ] && kill "$(cat "$dir/mosquitto/mosquitto.pid")" 2>/dev/null || true
  rm -f "$dir/mosquitto/mosquitto.pid"
}

install_missing() {
  local missing=()
  [ -f /usr/lib/nginx/modules/ngx_nchan_module.so ] || missing+=(nginx libnginx-mod-nchan)
  command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
}

start() {
  install_missing
  stop
  mkdir -p "$dir/nginx/logs" "$dir/mosquitto"
  # Two workers, as the relay has two event loops on this 2-core machine; 20,000 files per process.
  cat > "$dir/nginx/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_nchan_module.so;
worker_processes 2;
worker_rlimit_nofile 20000;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 19000; }
http {
  access_log off;
  nchan_shared_memory_size 256m;
  server {
    listen 127.0.0.1:$nchan_port backlog=4096;
    location ~ ^/pub/(\w+)$ {
      nchan_publisher;
      nchan_channel_id \$1;
      nchan_message_buffer_length 100;
      nchan_message_timeout 10m;
    }
    location ~ ^/sub/(\w+)$ {
      nchan_subscriber eventsource;
      nchan_channel_id \$1;
    }
  }
}
CONF
  nginx -p "$dir/nginx" -c nginx.conf
  cat > "$dir/mosquitto/mosquitto.conf" <<CONF
listener $mosquitto_port 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 100000
max_connections -1
pid_file $dir/mosquitto/mosquitto.pid
user $(id -un)
CONF
  /usr/sbin/mosquitto -c "$dir/mosquitto/mosquitto.conf" -d
  echo "nchan: http://127.0.0.1:$nchan_port (/pub/<channel>, /sub/<channel>); mosquitto: 127.0.0.1:$mosquitto_port"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start [NCHAN_PORT] [MOSQUITTO_PORT] | stop" >&2; exit 2 ;;
esac
