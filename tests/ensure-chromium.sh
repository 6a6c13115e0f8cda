#!/usr/bin/env bash
# The real-browser tests drive Debian's Chromium (/usr/bin/chromium) with CJK fonts. Install them when
# missing and we may (root with apt-get); otherwise say exactly what to install.
set -euo pipefail
if [ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk </dev/null
  exit 0
fi
echo "The browser tests need Debian's Chromium and CJK fonts: sudo apt-get install chromium fonts-noto-cjk" >&2
exit 1
