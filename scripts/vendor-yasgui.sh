#!/usr/bin/env bash
# Refresh the vendored YASGUI (the query page of `kg serve`) from the npm registry, so users never need npm.
# Usage: scripts/vendor-yasgui.sh [VERSION]   (default: the version in kg/web/static/yasgui/VERSION)
# Copies the built bundle (yasgui.min.js, yasgui.min.css: YASQE, YASR and their dependencies in one file each)
# and writes the MIT licence the package declares. Run from anywhere; needs npm and tar.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/kg/web/static/yasgui"
PACKAGE="@zazuko/yasgui"
VERSION="${1:-$(cat "$DEST/VERSION" 2>/dev/null || echo latest)}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tar -xzf "$WORK"/*.tgz -C "$WORK"
META="$WORK/package/package.json"
RESOLVED="$(node -e 'console.log(require(process.argv[1]).version)' "$META")"
LICENSE="$(node -e 'console.log(require(process.argv[1]).license)' "$META")"
[ "$LICENSE" = "MIT" ] || { echo "vendor-yasgui: $PACKAGE $RESOLVED is licensed $LICENSE, not MIT; check before vendoring" >&2; exit 1; }
mkdir -p "$DEST"
cp "$WORK/package/build/yasgui.min.js" "$WORK/package/build/yasgui.min.css" "$DEST/"
# the source map comments point at files we do not ship
sed -i -e 's|//# sourceMappingURL=.*$||' "$DEST/yasgui.min.js"
sed -i -e 's|/\*# sourceMappingURL=.*\*/||' "$DEST/yasgui.min.css"
echo "$RESOLVED" > "$DEST/VERSION"
cat > "$DEST/LICENSE" <<LICENCE
YASGUI $RESOLVED ($PACKAGE on the npm registry, https://github.com/rdfjs/Yasgui), vendored unmodified except
for the removed source-map comments by scripts/vendor-yasgui.sh. The bundle includes its dependencies
(CodeMirror, DOMPurify, choices.js, SortableJS, lodash-es and others), each under its own licence as
published in its npm package.

MIT License

Copyright (c) Triply B.V. and Zazuko GmbH (the authors named in the package: Triply <info@triply.cc>,
contributors Zazuko GmbH)

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions
of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO
THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
IN THE SOFTWARE.
LICENCE
echo "vendored $PACKAGE $RESOLVED into ${DEST#"$ROOT"/}"
