"""Workload W on the Python `eventsourcing` library's PostgreSQL recorder (eventsourcing[postgres]),
the peer of `ledger-bench w1|w2|w3 postgres://…` (docs/benchmarks.md, docs/postgres.md).

It reuses the shared workload's model (`../shared/bench/es_model.py`, or $LEDGER_SHARED_BENCH):
the same payload bytes, stream ids and LCG. Figures print as `key=value` on one line, as
`es_bench.py` prints them, so `../shared/bench/paired.py` can pair them with ours.

    python es_postgres_bench.py append|replay|read DBNAME --host SOCKETDIR --port 54329 --user ledger_owner
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.environ.get("LEDGER_SHARED_BENCH", os.path.join(os.path.dirname(__file__), "../../../shared/bench")))

import es_model  # noqa: E402
from eventsourcing.persistence import StoredEvent  # noqa: E402
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore  # noqa: E402

TOPICS = {1: "es_model:Individual.Registered", 2: "es_model:Individual.CertificationEarned"}


def emit(**kv: object) -> None:
    print(" ".join(f"{k}={(f'{v:.3f}'.rstrip('0').rstrip('.') if isinstance(v, float) else v)}" for k, v in kv.items()),
          flush=True)


def recorder(a: argparse.Namespace) -> tuple[PostgresDatastore, PostgresApplicationRecorder]:
    datastore = PostgresDatastore(dbname=a.db, host=a.host, port=a.port, user=a.user, password=a.password)
    return datastore, PostgresApplicationRecorder(datastore)


def append(a: argparse.Namespace) -> int:
    datastore, rec = recorder(a)
    with datastore.get_connection() as conn, conn.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS stored_events")
    rec.create_table()
    ids = [es_model.aggregate_id(i) for i in range(a.streams)]
    batch: list[StoredEvent] = []
    n = 0
    t0 = time.perf_counter()
    for v in range(1, a.per_stream + 1):
        topic = TOPICS[1 if v == 1 else 2]
        for i in range(a.streams):
            batch.append(StoredEvent(originator_id=ids[i], originator_version=v, topic=topic,
                                     state=es_model.payload_bytes(i, v)))
            n += 1
            if len(batch) == a.batch:
                rec.insert_events(batch)
                batch = []
    if batch:
        rec.insert_events(batch)
    t1 = time.perf_counter()
    with datastore.get_connection() as conn, conn.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        db_bytes = list(cursor.fetchone().values())[0]
    datastore.close()
    emit(op="append-recorder", events=n, append_s=t1 - t0, events_per_s=round(n / (t1 - t0)), db_bytes=db_bytes)
    return 0


def replay(a: argparse.Namespace) -> int:
    datastore, rec = recorder(a)
    loads = json.loads
    n = last = order_errors = 0
    start = 1
    t0 = time.perf_counter()
    while True:
        notifications = rec.select_notifications(start=start, limit=a.page)
        if not notifications:
            break
        for notification in notifications:
            loads(notification.state)
            if notification.id <= last:
                order_errors += 1
            last = notification.id
            n += 1
        start = last + 1
    t1 = time.perf_counter()
    datastore.close()
    emit(op="replay-recorder", events=n, order_errors=order_errors, replay_s=t1 - t0,
         events_per_s=round(n / (t1 - t0)))
    return 0 if order_errors == 0 else 1


def read(a: argparse.Namespace) -> int:
    datastore, rec = recorder(a)
    lcg = es_model.LCG(a.seed)
    picks = [lcg.pick(a.streams) for _ in range(a.samples)]
    loads = json.loads
    lat: list[float] = []
    errors = 0
    for i in picks:
        s = time.perf_counter()
        stored = rec.select_events(es_model.aggregate_id(i))
        payloads = [loads(e.state) for e in stored]
        lat.append(time.perf_counter() - s)
        errors += len(payloads) != a.per_stream
    datastore.close()
    lat.sort()
    at = lambda q: round(lat[min(len(lat) - 1, int(len(lat) * q))] * 1e6, 1)  # noqa: E731
    emit(op="read-recorder", samples=a.samples, version_errors=errors, lat_median_us=at(0.5), lat_p90_us=at(0.9),
         lat_p99_us=at(0.99))
    return 0 if errors == 0 else 1


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("op", choices=["append", "replay", "read"])
    p.add_argument("db")
    p.add_argument("--host", required=True)
    p.add_argument("--port", default="5432")
    p.add_argument("--user", default="postgres")
    p.add_argument("--password", default="")
    p.add_argument("--streams", type=int, default=10_000)
    p.add_argument("--per-stream", type=int, default=100)
    p.add_argument("--batch", type=int, default=1_000)
    p.add_argument("--page", type=int, default=1_000)
    p.add_argument("--samples", type=int, default=1_000)
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    return {"append": append, "replay": replay, "read": read}[a.op](a)


if __name__ == "__main__":
    sys.exit(main())
