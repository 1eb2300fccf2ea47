#!/usr/bin/env bash
# The PostgreSQL figures of docs/benchmarks.md, pair by pair (../shared/bench/paired.py), on a
# throwaway cluster: W1-W3 of ledger-bench on PostgreSQL beside the eventsourcing library's
# PostgreSQL recorder (tools/bench/es_postgres_bench.py, in a virtualenv with
# eventsourcing[postgres]) and beside ledger-bench on SQLite; then W1 with 1, 2 and 4 writers.
#
#   tools/bench/postgres.sh BENCH PYTHON [PER_STREAM]
#     BENCH   Benchmarks/.build/release/ledger-bench
#     PYTHON  a python with eventsourcing[postgres] (python -m venv V && V/bin/pip install 'eventsourcing[postgres]==9.5.6')
set -euo pipefail
bench=$1 python=$2 per=${3:-20}
here=$(cd "$(dirname "$0")" && pwd)
shared=${LEDGER_SHARED_BENCH:-$here/../../../shared/bench}
dir=$(mktemp -d /tmp/ledger-pg-bench.XXXXXX)
trap '"$here/../postgres/cluster" stop "$dir"' EXIT
url=$("$here/../postgres/cluster" start "$dir")
port=${url##*port=}
psql="psql -q -h $dir -p $port -U ledger_owner -d postgres"
$psql -c "CREATE DATABASE peer" -c "CREATE DATABASE ours"
ours="postgres://ledger_owner@/ours?host=$dir&port=$port"
fresh() { $psql -c "DROP DATABASE IF EXISTS ours" -c "CREATE DATABASE ours"; }
# W1 of ours starts from a new database each run, as the peer drops its table.
cat > "$dir/ours-w1" <<SCRIPT
$psql -c "DROP DATABASE IF EXISTS ours" -c "CREATE DATABASE ours"
exec $bench w1 "$ours" --per-stream $per
SCRIPT
peer="$python $here/es_postgres_bench.py --host $dir --port $port --user ledger_owner --per-stream $per"
sqlite=$dir/w.sqlite
pair() { python3 "$shared/paired.py" --pairs 3 "$@"; }

echo "== W1 append, events/s"
pair --key events_per_s --label-a ledger-postgres --label-b es-postgres --a "sh $dir/ours-w1" --b "$peer append peer"
pair --key events_per_s --label-a ledger-postgres --label-b ledger-sqlite --a "sh $dir/ours-w1" \
  --b "$bench w1 $sqlite --per-stream $per"
echo "== W2 replay, events/s"
pair --key events_per_s --label-a ledger-postgres --label-b es-postgres --a "$bench w2 $ours" --b "$peer replay peer"
pair --key events_per_s --label-a ledger-postgres --label-b ledger-sqlite --a "$bench w2 $ours" --b "$bench w2 $sqlite"
echo "== W3 one stream, median µs"
pair --key lat_median_us --label-a ledger-postgres --label-b es-postgres --a "$bench w3 $ours" --b "$peer read peer"
pair --key lat_median_us --label-a ledger-postgres --label-b ledger-sqlite --a "$bench w3 $ours" --b "$bench w3 $sqlite"

echo "== W1 with 1, 2 and 4 writer processes"
for writers in 1 2 4; do
  fresh
  start=$(date +%s.%N)
  for k in $(seq 0 $((writers - 1))); do
    "$bench" w1 "$ours" --per-stream "$per" --writers "$writers" --writer "$k" > "$dir/w$k.out" &
  done
  wait
  end=$(date +%s.%N)
  gaps=$($psql -d ours -tAc "SELECT count(*) - max(position) FROM events")
  events=$($psql -d ours -tAc "SELECT count(*) FROM events")
  echo "writers=$writers events=$events events_per_s=$(python3 -c "print(round($events / ($end - $start)))") gaps=$gaps"
done
