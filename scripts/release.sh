#!/usr/bin/env bash
# The offline release (ADR 0031): a self-contained linux-x64 archive that installs on a Debian machine without network.
#   scripts/release.sh [OUT_DIR]      -> OUT_DIR/lianxin-<version>-linux-x64.tar.gz (default dist/)
# Inside: app/ (the published app with its .NET runtime and wwwroot incl. the npm libraries), migrations/ (the SQL the
# app applies itself, for the DBA to read), install.sh, lianxin.service (systemd), lianxin.env, nginx-lianxin.conf,
# README-install.md (Chinese), VERSION. LIANXIN_VERSION=… sets the version (default: git describe; not VERSION, which MSBuild would read as the package version).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
version=${LIANXIN_VERSION:-$(git describe --tags --always --dirty 2>/dev/null || date -u +%Y%m%d)}
name=lianxin-$version-linux-x64
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/$name

echo "==> publishing $name (self-contained linux-x64)"
dotnet publish src/Lianxin.Web -c Release -r linux-x64 --self-contained true -p:DebugType=none -o "$root/app" -nologo -v q

# The front-end comes from npm at build time (no CDN on an intranet): refuse an archive without it.
for f in lib/bootstrap/css/bootstrap.min.css lib/bootstrap-icons/bootstrap-icons.min.css lib/htmx/htmx.min.js lib/echarts/echarts.min.js lib/jsqr/jsQR.js; do
  [ -f "$root/app/wwwroot/$f" ] || { echo "wwwroot/$f is missing from the published app" >&2; exit 1; }
done
[ -x "$root/app/Lianxin.Web" ] && [ -f "$root/app/libcoreclr.so" ] || { echo "the publish is not self-contained" >&2; exit 1; }

mkdir -p "$root/migrations"
cp -r src/Lianxin.Migrations/Sqlite src/Lianxin.Migrations/Postgres "$root/migrations/"
cp deploy/install.sh deploy/lianxin.service deploy/lianxin.env deploy/nginx-lianxin.conf deploy/README-install.md "$root/"
echo "$version" > "$root/VERSION"

tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "==> $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1))"
