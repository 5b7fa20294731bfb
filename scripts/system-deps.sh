#!/usr/bin/env bash
# System services the full test suite uses: Chromium (browser tests), Java (Spark),
# and a PostgreSQL server on 127.0.0.1:5432 with a `test` database.  Idempotent.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "system-deps: installing ${need[*]}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
      || echo "system-deps: could not install ${need[*]}; tests needing them will skip"
  else
    echo "system-deps: missing ${need[*]} (not root; tests needing them will skip)"
  fi
fi
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    ver=$(ls /etc/postgresql 2>/dev/null | head -n1)
    [ -n "$ver" ] && pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
    sleep 2
  fi
fi
if command -v psql >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test" >/dev/null 2>&1 || true
fi
exit 0
