#!/usr/bin/env python3
"""Refreshes the command outputs shown in README.md from the real binary. Each block in README.md that follows a
line `$ aigov ARGS` inside a ```console fence is replaced by the output of `target/debug/aigov ARGS`, cut to the
number of lines the block marks with a trailing `    …` (or shown whole). Run after `cargo build`."""
import os
import re
import shlex
import shutil
import subprocess
import sys

BIN = "target/debug/aigov"
CUTS = {  # command -> (head lines, tail lines) to show
    "assess examples/cv-screening-saas.yaml --as-of 2026-11-28": (31, 0),
    "assess examples/customer-service-chatbot.yaml --as-of 2026-11-28": (0, 10),
    "explain examples/workplace-emotion-recognition.yaml eu_ai_act.art5_1_f --as-of 2026-11-28": (200, 0),
    "diff examples/cv-screening-saas.yaml --from 2026-06-01 --to 2026-11-28": (12, 0),
    "timeline examples/cv-screening-saas.yaml --as-of 2026-11-28 --ics deadlines.ics --svg timeline.svg": (12, 0),
    "diff examples/frontier-model-developer.yaml --from 2025-01-19 --to 2025-01-21": (10, 0),
    "diff examples/federal-agency-use-case.yaml --from 2025-04-02 --to 2025-04-04": (13, 0),
    "assess examples/colorado-high-risk-deployer.yaml --as-of 2026-03-01 -j US-CO": (8, 0),
    "assess examples/colorado-high-risk-deployer.yaml --as-of 2026-05-01 -j US-CO": (8, 0),
    "assess examples/colorado-high-risk-deployer.yaml --as-of 2027-02-01 -j US-CO": (8, 0),
    "compute --parameters 4.05e11 --tokens 1.56e13 --accelerators 16384 --peak-flops 9.89e14 --utilization 0.4 --days 54 --as-of 2026-11-28": (200, 0),
    "map examples/hr-tech-multistate.yaml --as-of 2026-11-28 --svg checkerboard.svg": (200, 0),
    "assess examples/datacenter-1gw.yaml --as-of 2026-11-28": (12, 0),
    "assess examples/companion-chatbot-app.yaml --as-of 2026-11-28 -j US-CA -j US-NY": (40, 0),
    "chips": (200, 0),
    "export classify A800 --as-of 2026-11-28": (200, 0),
    "export classify H20 --as-of 2026-11-28": (200, 0),
    "assess examples/export-h100-malaysia-cn-parent.yaml --as-of 2026-11-28": (200, 0),
    "assess examples/export-h20-nvidia-china.yaml --as-of 2026-11-28": (200, 0),
    "lists import ../shared/data/screening/ofac-sdn.csv ../shared/data/screening/ofac-alt.csv ../shared/data/screening/ofac-add.csv ../shared/data/screening/csl-sample.csv": (200, 0),
    'screen 周建书 "Li Fang-wei" "Banco Nacional de Cuba" "Acme Robotics Ltd"': (200, 0),
    "assess examples/export-to-listed-party.yaml --as-of 2026-11-28 --screen": (25, 16),
    "changes --from 2025-01-19 --to 2025-01-23 -j US": (40, 0),
    "init ai_system": (30, 0),
    "assess examples/cn-eu-us-writing-assistant.yaml --as-of 2026-11-28": (30, 0),
    "assess examples/cn-medical-data-transfer.yaml --as-of 2026-11-28": (30, 0),
    "assess examples/cn-genai-chatbot.yaml --as-of 2026-11-28 --lang zh-CN": (30, 0),
    "explain examples/cn-genai-chatbot.yaml cn_genai_measures.art17_assessment_filing --as-of 2026-11-28 --lang zh-CN": (200, 0),
    "plan examples/cv-screening-saas.yaml --as-of 2026-11-28": (12, 0),
    "compare examples/cv-screening-eu-us.yaml -j EU -j US-CO -j US-IL --as-of 2026-03-01": (28, 0),
    "compare examples/hr-tech-multistate.yaml -j US-NY-NYC -j US-IL -j US-CO -j US-CA -j US-TX -j US-CT --as-of 2026-11-28": (0, 10),
}

# Screening commands use a scratch list store, filled by the `lists import` block that comes first in the README.
LISTS = "/tmp/aigov-readme-lists"
shutil.rmtree(LISTS, ignore_errors=True)
ENV = dict(os.environ, AIGOV_LISTS_DIR=LISTS, NO_COLOR="1")

def output(cmd):
    args = shlex.split(cmd)
    # The README shows --ics/--svg; write them to a scratch folder, not the repository.
    args = [a if not a.endswith((".ics", ".svg")) else "/tmp/aigov-readme-" + a for a in args]
    r = subprocess.run([BIN] + args, capture_output=True, text=True, env=ENV)
    lines = (r.stdout or r.stderr).rstrip("\n").split("\n")
    if cmd.startswith("map "):
        # The checkerboard lists every state; show the ones where something applies, or is coming.
        empty = re.compile(r"\s0\s+0\s+0\s+0\s+0\s+0\s+0\s*$")
        kept = [l for l in lines if not empty.search(l)]
        if len(kept) < len(lines):
            lines = kept + ["    … (states where nothing applies are left out here)"]
    head, tail = CUTS[cmd]
    if head and tail and len(lines) > head + tail:
        return lines[:head] + ["    …"] + lines[-tail:]
    if tail:
        return ["    …"] + lines[-tail:]
    if len(lines) > head:
        return lines[:head] + ["    …"]
    return lines

readme = open("README.md").read().split("\n")
out, i = [], 0
while i < len(readme):
    line = readme[i]
    out.append(line)
    m = re.match(r"^\$ aigov (.*)$", line)
    if m and m.group(1) in CUTS:
        # skip the old output up to the closing fence
        j = i + 1
        while readme[j] != "```":
            j += 1
        out.extend(output(m.group(1)))
        i = j
        continue
    i += 1
open("README.md", "w").write("\n".join(out))
print("README.md refreshed", file=sys.stderr)
