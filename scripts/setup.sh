#!/usr/bin/env bash
# One-time set-up: the npm packages and, on Debian/Ubuntu, the system tools the tests use
# (Chromium for the end-to-end tests, poppler-utils, openpyxl and LibreOffice as independent readers of exports).
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends \
    chromium poppler-utils python3-openpyxl libreoffice-calc-nogui fonts-noto-cjk
else
  echo "未检测到 apt-get：请自行安装 Chromium、poppler-utils、python3-openpyxl 与 LibreOffice（Calc）。" >&2
fi

# The Electron binary is never downloaded here (ELECTRON_SKIP_BINARY_DOWNLOAD): `npm start` fetches it only
# where the network allows, and falls back to the browser shell otherwise.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=warn
