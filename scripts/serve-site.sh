#!/usr/bin/env bash
# Serves the baked site as it will be published (see ServeSite.java), for Lighthouse and for a
# last look before pushing. Build first (./mvnw package or ./mvnw verify).
# Usage: scripts/serve-site.sh [PORT (8765)] [FOLDER (blog/target/site)]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f site-core/target/classpath.txt ] || [ ! -d "${2:-blog/target/site}" ]; then
  echo "build the site first: ./mvnw package" >&2
  exit 2
fi
exec java -cp "site-core/target/classes:$(cat site-core/target/classpath.txt)" scripts/ServeSite.java \
  "${2:-blog/target/site}" "${1:-8765}"
