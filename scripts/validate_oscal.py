#!/usr/bin/env python3
"""Validates aigov's OSCAL output with an independent implementation: compliance-trestle's pydantic models.

    pip install compliance-trestle
    aigov plan examples/cv-screening-eu-us.yaml --as-of 2026-03-01 --format oscal --catalog /tmp/catalog.json > /tmp/ar.json
    python3 scripts/validate_oscal.py /tmp/catalog.json /tmp/ar.json

Each file is read by the trestle model of its root key (catalog, assessment-results); a file that does not fit
the OSCAL model fails. When both a catalog and assessment results are given, every control the results review
and every finding's target must exist in the catalog. Exit 0: valid; 1: invalid; 3: trestle is not installed.
"""
import json
import pathlib
import sys

try:
    from trestle.oscal.assessment_results import AssessmentResults
    from trestle.oscal.catalog import Catalog
except ImportError as e:  # pragma: no cover
    print(f"SKIP: compliance-trestle is not installed ({e}); pip install compliance-trestle", file=sys.stderr)
    sys.exit(3)

MODELS = {"catalog": Catalog, "assessment-results": AssessmentResults}


def main(paths):
    catalogs, results = [], []
    for p in map(pathlib.Path, paths):
        root = next(iter(json.loads(p.read_text())))
        model = MODELS.get(root)
        if model is None:
            print(f"{p}: unknown OSCAL root `{root}`", file=sys.stderr)
            return 1
        try:
            obj = model.oscal_read(p)
        except Exception as e:  # trestle raises pydantic ValidationError or TrestleError
            print(f"{p}: not a valid OSCAL {root}:\n{e}", file=sys.stderr)
            return 1
        (catalogs if root == "catalog" else results).append(obj)
        version = json.loads(p.read_text())[root]["metadata"]["oscal-version"]
        print(f"{p}: valid OSCAL {root} (oscal-version {version})")
    if catalogs and results:
        ids, parts = set(), set()
        for c in catalogs:
            for g in c.groups or []:
                for ctl in g.controls or []:
                    ids.add(ctl.id)
                    for part in ctl.parts or []:
                        parts.add(part.id)
        for ar in results:
            for r in ar.results:
                for sel in r.reviewed_controls.control_selections:
                    for ic in sel.include_controls or []:
                        if ic.control_id not in ids:
                            print(f"reviewed control `{ic.control_id}` is not in the catalog", file=sys.stderr)
                            return 1
                for f in r.findings or []:
                    if f.target.target_id not in parts:
                        print(f"finding target `{f.target.target_id}` is not a part of the catalog", file=sys.stderr)
                        return 1
                print(f"assessment results: {len(r.findings or [])} findings, {len(r.observations or [])} observations, all in the catalog")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
