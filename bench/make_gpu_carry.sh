#!/usr/bin/env bash
# Packs what a GPU batch needs from a build made here (Debian 12 binaries run
# on the lent Ubuntu machine): stripped kforge, kforge-runner, the benches and
# the Qt Test binaries into BUILD/carry, and the Qt Core/Test libraries they
# load (with ICU and glib) into .qtcarry/qtlibs.tar.xz. The device tool
# carries both (64 MiB in all).
#   bash bench/make_gpu_carry.sh [BUILD]     (default: build)
set -euo pipefail
BUILD=${1:-build}
CARRY=$BUILD/carry
rm -rf "$CARRY" && mkdir -p "$CARRY" .qtcarry
for f in "$BUILD"/bin/*; do
  [ -f "$f" ] && [ -x "$f" ] || continue
  case "$(basename "$f")" in kernelforge|kforge-bench-gui*|kforge-gui*|test_gui*) continue ;; esac
  # GUI tests link Qt Widgets, which the device machine cannot load.
  if ldd "$f" 2>/dev/null | grep -q "libQt6Widgets"; then continue; fi
  strip -o "$CARRY/$(basename "$f")" "$f"
done
libs=$(for f in "$CARRY"/*; do ldd "$f" 2>/dev/null; done | grep -oE '/[^ ]*lib(Qt6|icu|glib|pcre2|double-conversion|b2|zstd|md4c|gthread)[^ ]*' | sort -u)
tmp=$(mktemp -d)
for l in $libs; do cp -L "$l" "$tmp/"; done
tar cJf .qtcarry/qtlibs.tar.xz -C "$tmp" .
rm -rf "$tmp"
du -sh "$CARRY" .qtcarry/qtlibs.tar.xz
