#!/usr/bin/env bash
# Debian/Ubuntu packages Banmian needs: the libraries Qt 6 loads even offscreen,
# the print-shop tools the PDF tests use to inspect exports, and Xvfb for the
# real-window screenshot test; shared-mime-info and desktop-file-utils for the
# `banmian install-desktop` tests (update-mime-database, desktop-file-validate);
# python3-venv for tools/check_wheel.py's fresh virtualenv (Debian's python3 lacks ensurepip).
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
    poppler-utils ghostscript qpdf xvfb shared-mime-info desktop-file-utils python3-venv >/dev/null
# Only to rebuild the bundled fonts (python fonts/build_fonts.py): the sources of the faces.
# The fallback face is made from fonts-hanazono (HanaMinA/B); pass --fonts to install them.
if [ "${1:-}" = "--fonts" ]; then
    $SUDO apt-get install -y -qq --no-install-recommends fonts-noto-cjk fonts-lxgw-wenkai fonts-hanazono >/dev/null
fi
