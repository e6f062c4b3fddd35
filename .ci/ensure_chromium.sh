#!/usr/bin/env bash
# Make Debian's chromium available for the browser tests (tests/test_browser.py).
# Installs it with apt-get when it is missing and we are root (CI); otherwise says why it
# cannot, and the browser tests skip with that reason. Never downloads a browser of its own.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "browser tests: /usr/bin/chromium missing and not root; run 'sudo apt-get install chromium' to enable them" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "browser tests: /usr/bin/chromium missing and no apt-get (not Debian/Ubuntu); they will skip" >&2
  exit 0
fi
echo "installing Debian's chromium for the browser tests (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; }; then
  echo "browser tests: apt-get could not install chromium; they will skip" >&2
fi
exit 0
