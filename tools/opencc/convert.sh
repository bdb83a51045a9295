#!/bin/sh
# convert.sh regenerates zh/data/ from OpenCC's own dictionaries as packaged
# by Debian, then checks the Go converter against the real opencc binary.
#
# Why Debian: the Go module proxy refuses every Go OpenCC port, while Debian
# ships OpenCC's compiled dictionaries (.ocd2) and the opencc_dict tool that
# dumps them back to text. Nothing is installed: the packages are downloaded
# and unpacked into a temporary directory.
#
# Usage: tools/opencc/convert.sh [SEED_DIR]
#   SEED_DIR  articles to compare with `opencc` (default: corpus/data, then
#             /work/shared/seed-articles); the check is skipped if none exist.
# Environment:
#   OPENCC_VERSION, MARISA_VERSION  Debian versions to fetch (pinned so a rerun
#             gives the same tables; bump both after `apt-cache policy opencc`).
#   KEEP=1    keep the temporary directory (its path is printed).
# Needs apt indexes (run `apt-get update` once), dpkg, sha256sum, go.
set -eu

OPENCC_VERSION=${OPENCC_VERSION:-1.1.6+ds1-1}
MARISA_VERSION=${MARISA_VERSION:-0.2.6-13+b1}
TABLES="TSCharacters TSPhrases STCharacters STPhrases TWVariants"

repo=$(cd "$(dirname "$0")/../.." && pwd)
out=$repo/zh/data
work=$(mktemp -d)
if [ "${KEEP:-}" = 1 ]; then
	echo "convert.sh: working in $work (kept)"
else
	trap 'rm -rf "$work"' EXIT
fi

cd "$work"
if ! apt-get download \
	"opencc=$OPENCC_VERSION" "libopencc1.1=$OPENCC_VERSION" \
	"libopencc-data=$OPENCC_VERSION" "libmarisa0=$MARISA_VERSION"; then
	echo "convert.sh: download failed; run 'apt-get update' and check the versions with" >&2
	echo "  apt-cache policy opencc libopencc1.1 libopencc-data libmarisa0" >&2
	exit 1
fi
for deb in ./*.deb; do
	dpkg -x "$deb" root
done

# The libraries sit in a multiarch directory; find it rather than assume amd64.
libdir=$(dirname "$(find root -name 'libopencc.so.*' | head -n 1)")
LD_LIBRARY_PATH=$work/$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH
bin=$work/root/usr/bin
share=$work/root/usr/share/opencc

mkdir -p "$out"
for t in $TABLES; do
	"$bin/opencc_dict" -i "$share/$t.ocd2" -o "$work/$t.txt" -f ocd2 -t text
	# Sorted bytewise so that a rerun gives a byte-identical file.
	LC_ALL=C sort "$work/$t.txt" >"$out/$t.txt"
	printf 'convert.sh: %-13s %6d entries %8d bytes\n' "$t" \
		"$(wc -l <"$out/$t.txt")" "$(wc -c <"$out/$t.txt")"
done

{
	echo "The tables in this directory (TSCharacters, TSPhrases, STCharacters,"
	echo "STPhrases, TWVariants) are OpenCC's dictionaries, dumped to text with opencc_dict"
	echo "from the Debian package libopencc-data $OPENCC_VERSION by"
	echo "tools/opencc/convert.sh and sorted; their content is unchanged."
	echo
	echo "OpenCC - Open Chinese Convert, https://github.com/BYVoid/OpenCC"
	echo "Copyright 2010-2022 BYVoid <byvoid.kcp@gmail.com>"
	echo "Licensed under the Apache License, Version 2.0 (see LICENSE-Apache-2.0)."
	echo
	echo "Debian package sha256:"
	sha256sum ./*.deb | sed 's|  \./|  |'
	echo
	echo "The Debian copyright file of libopencc-data follows."
	echo "------------------------------------------------------------------------"
	cat root/usr/share/doc/libopencc-data/copyright
} >"$out/NOTICE"
if [ -f /usr/share/common-licenses/Apache-2.0 ]; then
	cp /usr/share/common-licenses/Apache-2.0 "$out/LICENSE-Apache-2.0"
fi

# Reference outputs from the real binary: each article and its Simplified
# version, converted both ways (t2s, and s2tw: Traditional in Taiwan's
# standard forms, as zh.ToTraditional gives). The Go test compares byte for
# byte.
seed=${1:-}
if [ -z "$seed" ]; then
	for d in "$repo/corpus/data" /work/shared/seed-articles; do
		if ls "$d"/*.txt >/dev/null 2>&1; then
			seed=$d
			break
		fi
	done
fi
if [ -z "$seed" ]; then
	echo "convert.sh: no seed articles found; reference check skipped" >&2
	exit 0
fi
ref=$work/ref
mkdir -p "$ref"
opencc() { "$bin/opencc" -c "$share/$1.json" -i "$2" -o "$3"; }
for f in "$seed"/*.txt; do
	b=$(basename "$f" .txt)
	cp "$f" "$ref/$b.txt"
	opencc t2s "$f" "$ref/$b.t2s"
	opencc s2tw "$f" "$ref/$b.s2t"
	cp "$ref/$b.t2s" "$ref/${b}_hans.txt"
	opencc t2s "$ref/${b}_hans.txt" "$ref/${b}_hans.t2s"
	opencc s2tw "$ref/${b}_hans.txt" "$ref/${b}_hans.s2t"
done
echo "convert.sh: comparing zh with opencc on $(ls "$seed"/*.txt | wc -l) articles from $seed"
cd "$repo"
ZH_OPENCC_REF=$ref go test -count=1 -run '^TestOpenCCReference$' -v ./zh
