#!/usr/bin/env bash
# Put the built app on a Linux desktop's menu: the .desktop entry and the icons, for this user.
#   packaging/install-desktop.sh [PREFIX]     PREFIX defaults to ~/.local
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-$HOME/.local}
app="$(pwd)/dist/calculus-explorer/calculus-explorer"
[ -x "$app" ] || { echo "no built app at $app; run packaging/build.sh first" >&2; exit 1; }
icons=explorer/resources/icons
for png in "$icons"/calculus-explorer-*.png; do
  size=${png##*-}; size=${size%.png}
  install -Dm644 "$png" "$prefix/share/icons/hicolor/${size}x${size}/apps/calculus-explorer.png"
done
install -Dm644 "$icons/calculus-explorer.svg" "$prefix/share/icons/hicolor/scalable/apps/calculus-explorer.svg"
# The entry runs the bundle by its absolute path; everything else is the shipped .desktop file.
mkdir -p "$prefix/share/applications"
sed "s|^Exec=calculus-explorer|Exec=\"$app\"|" explorer/resources/calculus-explorer.desktop \
  > "$prefix/share/applications/calculus-explorer.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$prefix/share/icons/hicolor" || true
echo "Installed the menu entry and icons under $prefix/share"
