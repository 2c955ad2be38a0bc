#!/bin/sh
# Renders the installers' icons from assets/divergence-lab.svg into src/dist/ (docs/install.md):
#   divergence-lab.png   256 px (Linux app image), and the same in linux/ for the .deb's menu entry (jpackage's
#                        --resource-dir: without it the .deb made from the app image had jpackage's 32 px Duke)
#   divergence-lab.ico   16, 32, 48, 256 px (Windows .msi, launchers)
#   divergence-lab.icns  16-1024 px, Retina (@2x) entries included (macOS .app and .dmg)
# Needs ImageMagick (convert, with its own SVG renderer) and python3 (standard library only: the .icns container,
# which this ImageMagick cannot write, is a list of PNG entries). Run from anywhere; output without timestamps,
# so that a re-run with the same tools gives the same files.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
svg="$root/assets/divergence-lab.svg"
out="$root/src/dist"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the 2:1 drawing centred on a transparent square, rendered once at 1024 px and scaled down from there
convert -background none -density 384 "$svg" -gravity center -extent 1024x1024 "$tmp/1024.png"
for s in 16 32 48 64 128 256 512; do
    convert "$tmp/1024.png" -resize "${s}x${s}" -depth 8 -strip -define png:exclude-chunks=date,time "$tmp/$s.png"
done
convert "$tmp/1024.png" -depth 8 -strip -define png:exclude-chunks=date,time "$tmp/1024-8.png"
mv "$tmp/1024-8.png" "$tmp/1024.png"

cp "$tmp/256.png" "$out/divergence-lab.png"
cp "$tmp/256.png" "$out/linux/divergence-lab.png"
convert "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/256.png" "$out/divergence-lab.ico"

python3 - "$tmp" "$out/divergence-lab.icns" <<'EOF'
import struct, sys
tmp, target = sys.argv[1], sys.argv[2]
# ICNS types holding PNG data: size in pixels (the @2x types are the Retina forms of the half size)
entries = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
           ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
body = b""
for kind, size in entries:
    png = open(f"{tmp}/{size}.png", "rb").read()
    body += kind.encode("ascii") + struct.pack(">I", 8 + len(png)) + png
with open(target, "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
EOF
echo "wrote $out/divergence-lab.png, .ico, .icns and $out/linux/divergence-lab.png"
