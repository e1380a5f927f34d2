#!/usr/bin/env bash
# Debian/Ubuntu packages Banmian needs: the libraries Qt 6 loads even offscreen,
# the print-shop tools the PDF tests use to inspect exports, and Xvfb for the
# real-window screenshot test; shared-mime-info and desktop-file-utils for the
# `banmian install-desktop` tests (update-mime-database, desktop-file-validate).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
    libdbus-1-3 libglib2.0-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 \
    libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
    libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6 libsm6 libice6 \
    poppler-utils ghostscript qpdf xvfb shared-mime-info desktop-file-utils >/dev/null
