#!/usr/bin/env python3
"""Generates a synthetic AI-system inventory as JSONL (one manifest per line) for `aigov assess --batch`
benchmarks. Deterministic: the same N and seed give the same file. Usage: gen_inventory.py N [SEED] > out.jsonl"""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 42)
COUNTRIES = ["DE", "FR", "IT", "ES", "NL", "PL", "SE", "IE", "US", "GB", "CN", "JP", "US-CA", "US-NY", "US-CO",
             "US-IL", "US-TX", "US-NY-NYC"]
DECISIONS = ["employment", "education", "financial_lending", "housing", "insurance", "healthcare"]
ANNEX3 = ["employment_recruitment", "employment_work_relationship", "credit_scoring", "life_health_insurance_pricing",
          "education_admission", "remote_biometric_identification", "emergency_triage_dispatch"]
CAPS = ["interacts_with_people", "generates_synthetic_content", "emotion_recognition"]
ROLES = ["provider", "deployer", "importer", "distributor"]
SETTINGS = ["workplace", "education", "publicly_accessible_spaces", "consumers"]

out = sys.stdout
for i in range(n):
    # Like an inventory exported from a governance tool: most facts answered, a few left open at random.
    system = {
        "roles": rng.sample(ROLES, rng.randint(1, 2)),
        "placed_on_market_in": rng.sample(COUNTRIES, rng.randint(1, 4)),
        "output_used_in": rng.sample(COUNTRIES, rng.randint(1, 3)),
        "scope_exclusions": [],
        "practices": [],
        "annex1_legislation": [],
        "derogation_grounds": [],
        "use_settings": rng.sample(SETTINGS, rng.randint(0, 2)),
        "annex3_uses": rng.sample(ANNEX3, rng.randint(0, 2)) if rng.random() < 0.5 else [],
        "capabilities": rng.sample(CAPS, rng.randint(0, 2)),
        "profiling": rng.random() < 0.5,
        "significantly_changed": rng.random() < 0.3,
        "intended_for_public_authorities": rng.random() < 0.1,
        "open_source_licence": rng.random() < 0.1,
        "placed_on_market_date": f"20{rng.randint(23, 27)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        "ai_interaction_obvious": rng.random() < 0.3,
        "standard_editing_only": False,
        "medical_or_safety_purpose": False,
        # Where it reaches, for the US state laws.
        "affected_persons_in": rng.sample(COUNTRIES, rng.randint(1, 3)),
        "consequential_decisions": rng.sample(DECISIONS, rng.randint(0, 2)) if rng.random() < 0.4 else [],
        "companion_chatbot": rng.random() < 0.05,
        "user_generated_content_platform": rng.random() < 0.05,
        "platform_exclusions": [],
        "sexual_deepfake_capable": False,
        "publishes_generated_content": rng.random() < 0.2,
        "tx_prohibited_intents": [],
        "employment_decision_uses": ["hiring"] if rng.random() < 0.2 else [],
        "critical_infrastructure_control": rng.random() < 0.05,
        "biometric_identification_without_consent": False,
    }
    for key in rng.sample(sorted(system), 2 if rng.random() < 0.3 else 0):
        if key != "roles":
            del system[key]
    manifest = {
        "subject": "ai_system",
        "name": f"system-{i}",
        "organization": {
            "established_in": rng.sample(COUNTRIES, 1),
            "operates_in": rng.sample(COUNTRIES, rng.randint(1, 4)),
            "sme": rng.random() < 0.3,
            "public_authority": rng.random() < 0.05,
            "eu_institution": False,
        },
        "ai_system": system,
    }
    out.write(json.dumps(manifest, separators=(",", ":")))
    out.write("\n")
