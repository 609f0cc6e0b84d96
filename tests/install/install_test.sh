#!/bin/sh
# An installed nofly stands on its own: `cmake --install` of this build into a
# temporary prefix, the prefix moved elsewhere, then the installed program run
# from another folder, with NOFLY_ASSETS unset and (where a private mount
# namespace can be made: root, as make test runs) the source tree's assets/
# and scenarios/ and the build tree hidden under empty folders. It must find
# its assets in the prefix (nofly --version says which folder and why), check
# and run the installed scenarios, and have a man page that lists every
# command and option of --help; one frame of the window (nofly render, on a
# virtual display) and a replay page. Not here: nofly view (interactive).
# Usage (tests/CMakeLists.txt): install_test.sh CMAKE BUILD_DIR SOURCE_DIR VERSION
#   with NOFLY_BINDIR, NOFLY_DATADIR, NOFLY_MANDIR and NOFLY_DOCDIR in the
#   environment: the GNUInstallDirs folders, relative to the prefix.
set -eu
cmake=$1 build=$2 source=$3 version=$4
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nofly-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

"$cmake" --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; fail "cmake --install $build failed"; }

# The layout: the GNUInstallDirs places.
for f in "$NOFLY_BINDIR/nofly" "$NOFLY_MANDIR/man1/nofly.1" \
         "$NOFLY_DATADIR/nofly/assets/basemap/denmark.geojson" \
         "$NOFLY_DATADIR/nofly/assets/basemap/LICENSE-world-atlas.txt" \
         "$NOFLY_DATADIR/nofly/assets/airports/world_airports.csv" \
         "$NOFLY_DATADIR/nofly/assets/mappings/finland.yaml" \
         "$NOFLY_DATADIR/nofly/scenarios/nofly.schema.json" \
         "$NOFLY_DATADIR/nofly/scenarios/denmark_2025/summit_ban.yaml" \
         "$NOFLY_DATADIR/nofly/scenarios/tutorial/05_real_zones.yaml" \
         "$NOFLY_DATADIR/nofly/scenarios/invalid/unknown_key.yaml" \
         "$NOFLY_DOCDIR/README.md" "$NOFLY_DOCDIR/LICENSE" "$NOFLY_DOCDIR/docs/cli.md" \
         "$NOFLY_DOCDIR/docs/images/flagship.png" "$NOFLY_DOCDIR/docs/sources/denmark_2025.md"; do
  [ -f "$tmp/prefix/$f" ] || fail "cmake --install did not install $f"
done
[ -x "$tmp/prefix/$NOFLY_BINDIR/nofly" ] || fail "$NOFLY_BINDIR/nofly is not executable"

# Moved after installing: the program finds its data from where it is now.
mv "$tmp/prefix" "$tmp/moved"
prefix=$tmp/moved
nofly=$prefix/$NOFLY_BINDIR/nofly
assets=$prefix/$NOFLY_DATADIR/nofly/assets
scenarios=$prefix/$NOFLY_DATADIR/nofly/scenarios
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
unset NOFLY_ASSETS

# Hides the source tree's data and the build tree from COMMAND, in a private
# mount namespace (nothing outside it sees a change); without root it runs
# COMMAND as it is, and says so.
hidden=no
if [ "$(id -u)" -eq 0 ] && unshare --mount --propagation private true 2>/dev/null; then
  hidden=yes
else
  echo "install test: cannot hide the source and build trees here (needs root); checking the asset folder nofly names instead"
fi
alone() {
  if [ "$hidden" = yes ]; then
    unshare --mount --propagation private sh -c '
      for dir in "$0/assets" "$0/scenarios" "$1"; do
        mount -t tmpfs -o ro,size=4k nofly-hidden "$dir" || exit 3
      done
      shift; exec "$@"' "$source" "$build" "$@"
  else
    "$@"
  fi
}

# nofly --version names the folder it uses, and why.
out=$(alone "$nofly" --version) || fail "nofly --version failed"
printf '%s\n' "$out" | grep -qxF "nofly $version" || fail "nofly --version printed '$out', not 'nofly $version'"
printf '%s\n' "$out" | grep -qxF "assets: $assets (installed)" ||
  fail "the installed nofly does not use the installed assets: '$out' (expected 'assets: $assets (installed)')"
# NOFLY_ASSETS still overrides it.
out=$(NOFLY_ASSETS=/nowhere/assets alone "$nofly" --version) || fail "nofly --version failed"
printf '%s\n' "$out" | grep -qxF "assets: /nowhere/assets (NOFLY_ASSETS)" ||
  fail "NOFLY_ASSETS=/nowhere/assets did not override: '$out'"

# The installed scenarios check, from the installed assets (the basemap and
# the airport list); with an empty asset folder they do not, so the check
# above depends on the assets found.
alone "$nofly" check --quiet "$scenarios/denmark_2025" "$scenarios/tutorial" "$scenarios/world" >"$tmp/check.log" 2>&1 ||
  { cat "$tmp/check.log" >&2; fail "nofly check of the installed scenarios failed"; }
mkdir "$tmp/empty"
if NOFLY_ASSETS=$tmp/empty alone "$nofly" check --quiet "$scenarios/denmark_2025/summit_ban.yaml" >"$tmp/empty.log" 2>&1; then
  fail "nofly check passed with an empty asset folder: it read its data from somewhere else"
fi
grep -q "basemap 'denmark' is not a shipped basemap" "$tmp/empty.log" ||
  { cat "$tmp/empty.log" >&2; fail "with an empty asset folder, no complaint about the basemap"; }
# An invalid shipped scenario is refused as the README says.
if alone "$nofly" check "$scenarios/invalid/unknown_key.yaml" >"$tmp/invalid.log" 2>&1; then
  fail "nofly check accepted invalid/unknown_key.yaml"
fi
grep -q "unknown key 'restrction'" "$tmp/invalid.log" || { cat "$tmp/invalid.log" >&2; fail "unexpected message for invalid/unknown_key.yaml"; }

# A headless run writes its reports.
alone "$nofly" run "$scenarios/denmark_2025/summit_ban.yaml" --quiet --out "$tmp/out" >"$tmp/run.log" 2>&1 ||
  { cat "$tmp/run.log" >&2; fail "nofly run of the installed flagship failed"; }
for f in map.svg report.json events.csv flights.csv tracks.geojson; do
  [ -s "$tmp/out/$f" ] || fail "nofly run --out wrote no $f"
done
# the basemap reached the map: Denmark's coast is drawn, so the SVG is far
# larger than one with no basemap would be
[ "$(wc -c <"$tmp/out/map.svg")" -gt 20000 ] || fail "map.svg is suspiciously small (no basemap?)"

# One frame of the window, drawn on a virtual display, and the replay page: both from the
# installed assets (xvfb-run is installed by .ci/install-deps test, as make test runs it).
command -v xvfb-run >/dev/null || fail "xvfb-run is missing (.ci/install-deps test installs it)"
# Mesa's software GL driver preloaded, as make test does for the window tests, so that under
# LeakSanitizer its one known leak is still named at exit (.ci/lsan.supp)
swrast=$(ls /usr/lib/*/dri/swrast_dri.so 2>/dev/null | head -n 1 || true)
alone xvfb-run -a -s "-screen 0 1280x800x24" env ${swrast:+LD_PRELOAD=$swrast} \
  "$nofly" render "$scenarios/denmark_2025/summit_ban.yaml" \
  --at 10:30 -o "$tmp/frame.png" >"$tmp/render.log" 2>&1 ||
  { cat "$tmp/render.log" >&2; fail "nofly render of the installed flagship failed"; }
[ "$(head -c 4 "$tmp/frame.png" | tail -c 3)" = PNG ] || fail "nofly render wrote no PNG"
[ "$(wc -c <"$tmp/frame.png")" -gt 50000 ] || fail "the rendered frame is suspiciously small (no map?)"
alone "$nofly" replay "$scenarios/denmark_2025/summit_ban.yaml" -o "$tmp/replay.html" >"$tmp/replay.log" 2>&1 ||
  { cat "$tmp/replay.log" >&2; fail "nofly replay of the installed flagship failed"; }
grep -q '"primitives":\[{"kind":"polygon","role":"land"' "$tmp/replay.html" ||
  fail "the replay page has no basemap drawn from the installed assets"

# The man page: every command of `nofly --help`, every option of
# `nofly COMMAND --help`.
man=$prefix/$NOFLY_MANDIR/man1/nofly.1
commands=$("$nofly" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "nofly --help lists no commands"
for command in $commands; do
  grep -q "^\.SS \"nofly $command " "$man" || fail "the man page has no section for 'nofly $command'"
  for option in $("$nofly" "$command" --help | sed -n 's/^  \(-[^ ]*\).*/\1/p'); do
    roffed=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
    grep -q "^\\\\fB$roffed\\\\fR" "$man" || fail "the man page does not list '$option' of 'nofly $command'"
  done
done
grep -q "^\.TH NOFLY 1 .*nofly $version" "$man" || fail "the man page is not of version $version"

echo "install test: installed into a prefix, moved it, ran it from elsewhere (source and build trees hidden: $hidden): ok"
