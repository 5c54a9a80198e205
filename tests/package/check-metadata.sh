#!/usr/bin/env bash
# check-metadata.sh DESKTOP METAINFO MIME: the desktop-integration files pass their own
# validators (desktop-file-validate, appstreamcli validate without network, xmllint for the
# shared-mime-info schema's basics) and name each other: the launcher opens the project MIME type
# and AppStream launches that launcher. Exit 77 (skipped) when a validator is not installed.
set -euo pipefail
desktop=$1 metainfo=$2 mime=$3
for tool in desktop-file-validate appstreamcli xmllint; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/install-deps.sh installs it)"; exit 77; }
done
status=0
echo "== desktop-file-validate $desktop"
desktop-file-validate "$desktop" || status=1
echo "== appstreamcli validate --no-net $metainfo"
appstreamcli validate --no-net --explain "$metainfo" || status=1
echo "== xmllint $mime"
xmllint --noout "$mime" || status=1

id=$(basename "$desktop" .desktop)
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
  { echo "FAIL: the metainfo does not launch $id.desktop"; status=1; }
grep -q "^Icon=$id$" "$desktop" || { echo "FAIL: the launcher's icon is not $id"; status=1; }
type=$(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$mime")
grep -q "^MimeType=.*$type;" "$desktop" || { echo "FAIL: the launcher does not open $type"; status=1; }
grep -q "<mediatype>$type</mediatype>" "$metainfo" || { echo "FAIL: the metainfo does not provide $type"; status=1; }
grep -q '<glob pattern="\*.periscope"/>' "$mime" || { echo "FAIL: no *.periscope glob"; status=1; }
[ $status -eq 0 ] && echo "package metadata: valid"
exit $status
