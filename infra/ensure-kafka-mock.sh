#!/usr/bin/env bash
# Makes sure the Kafka-protocol broker for tests is built: librdkafka's mock cluster (infra/kafka-mock/mock-cluster.c,
# a real broker over TCP, in memory) compiled against Debian's librdkafka-dev into infra/kafka-mock/build/ (git-ignored).
# No Apache Kafka can be installed here; kcat comes along for poking at the broker by hand.
# Tests start the binary themselves (libs/messaging/src/testing/mock-kafka.ts) and stop it afterwards.
set -euo pipefail
cd "$(dirname "$0")/kafka-mock"
missing=()
[ -e /usr/include/librdkafka/rdkafka_mock.h ] || missing+=(librdkafka-dev)
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "kafka mock: installing ${missing[*]} from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
binary=build/mock-cluster
if [ ! -x "$binary" ] || [ mock-cluster.c -nt "$binary" ]; then
  mkdir -p build
  gcc -O2 -Wall -Wextra -o "$binary.tmp" mock-cluster.c -lrdkafka
  mv "$binary.tmp" "$binary"
fi
echo "kafka mock: $(pwd)/$binary (librdkafka $(pkg-config --modversion rdkafka 2>/dev/null || echo '?'))"
