#!/usr/bin/env bash
# Seeds every fuzz target from real inputs, so that fuzzing starts deep instead of from empty bytes:
# the corpus files and examples of this repository, the test fixtures (real list formats), every condition of the
# corpus, and one batch line per example. Writes fuzz/corpus/<target>/, cargo-fuzz's own corpus folder (ignored by git:
# regenerate, do not commit; hand-written seeds that must be kept live in fuzz/seeds/<target>/).
# Usage: scripts/fuzz-seeds.sh   (then: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET corpus/TARGET seeds/TARGET)
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus
mkdir -p "$out"/{manifest,corpus_file,condition,batch_line,screening,list_store}
n=0
for f in examples/*.yaml examples/*.json examples/*.toml crates/cli/tests/fixtures/*.{yaml,json,toml}; do
  [ -f "$f" ] || continue
  cp "$f" "$out/manifest/$(basename "$f")"
done
for f in $(find corpus -name '*.yaml' -not -path '*/vocabulary/*'); do
  n=$((n + 1))
  cp "$f" "$out/corpus_file/$n-$(basename "$f")"
done
# Every `when:` condition of the corpus, one per file (multi-line YAML scalars joined).
python3 - "$out/condition" <<'PY'
import sys, pathlib, yaml
out = pathlib.Path(sys.argv[1])
n = 0
for p in pathlib.Path("corpus").rglob("*.yaml"):
    if "vocabulary" in p.parts:
        continue
    doc = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    def walk(x):
        global n
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "when" and isinstance(v, str):
                    n += 1
                    (out / f"{n}.cel").write_text(" ".join(v.split()), encoding="utf-8")
                else:
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(doc)
print(f"{n} conditions", file=sys.stderr)
PY
# One JSONL line per YAML example, as `assess --batch` reads them.
python3 - "$out/batch_line" <<'PY'
import sys, pathlib, json, yaml, datetime
out = pathlib.Path(sys.argv[1])
def plain(x):
    if isinstance(x, (datetime.date, datetime.datetime)):
        return x.isoformat()
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    return x
for p in sorted(pathlib.Path("examples").glob("*.yaml")):
    (out / (p.stem + ".jsonl")).write_text(json.dumps(plain(yaml.safe_load(p.read_text(encoding="utf-8")))) + "\n")
PY
# List files in the real formats (test fixtures), each behind a query line, as the screening target reads them.
for f in $(find crates -path '*fixtures*' \( -name '*.csv' -o -name '*.json' \) | grep -v '/corpus/'); do
  { echo "Banco Nacional de Cuba"; cat "$f"; } > "$out/screening/$(basename "$f")"
done
# A real store made from the list fixtures: its CURRENT (mode byte 0), manifest (1) and each part (2, 5, 8, ...: the
# byte picks the part), as the list_store target replaces them.
store=$(mktemp -d)
fx=crates/screening/tests/fixtures
cargo run -q -p aigov-cli -- lists import --lists-dir "$store" --published 2026-11-01 \
  "$fx/sdn.csv" "$fx/alt.csv" "$fx/add.csv" "$fx/csl.json" "$fx/uel.csv" >/dev/null
version=$(cut -d' ' -f1 "$store/CURRENT")
{ printf '\x00'; cat "$store/CURRENT"; } > "$out/list_store/current"
{ printf '\x01'; cat "$store/$version/manifest.json"; } > "$out/list_store/manifest"
i=0
for part in $(python3 -c 'import json,sys; [print(p["file"]) for p in json.load(open(sys.argv[1]))["parts"]]' "$store/$version/manifest.json"); do
  mode=$((2 + 3 * i)); i=$((i + 1))
  { printf "\\x$(printf %02x $mode)"; cat "$store/$version/$part"; } > "$out/list_store/part-$part"
done
rm -rf "$store"
echo "seeds written to $out/"
