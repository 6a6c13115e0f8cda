#!/usr/bin/env bash
# The real-browser tests drive Debian's Chromium (/usr/bin/chromium) and Firefox ESR (/usr/bin/firefox-esr),
# with CJK fonts for the screenshots. Install what is missing when we may (root with apt-get); otherwise say
# exactly what to install.
set -euo pipefail
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -x /usr/bin/firefox-esr ] || packages+=(firefox-esr)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || packages+=(fonts-noto-cjk)
[ ${#packages[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${packages[*]} for the browser tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" </dev/null
  exit 0
fi
echo "The browser tests need Debian's Chromium, Firefox ESR and CJK fonts: sudo apt-get install ${packages[*]}" >&2
exit 1
