"""A complete credential as plain data, for the format and verification tests."""

from __future__ import annotations

import datetime as dt

from assessor_app.credentials.data import (
    AwardingBody,
    CredentialData,
    Evidence,
    LearningOutcome,
    NqfLevel,
    RubricResult,
    StatusEntry,
)

BODY = AwardingBody(
    name="Ammattiopisto Esimerkki Oy", legal_id="FI12345678", legal_id_type="vat",
    address="Teollisuuskatu 1, 00510 Helsinki", country="FI", url="https://provider.example.fi",
    email="credentials@provider.example.fi",
)
ESCO_MEASUREMENTS = "http://data.europa.eu/esco/skill/ab75d510-ac75-482d-b671-bb3bad741f07"


def sample_data(**changes: object) -> CredentialData:
    """An HV isolation credential for learner L-0042, every Annex I element filled."""
    data = CredentialData(
        id="6f1c2a8e-3b7d-4c55-9a21-0d4e5f6a7b8c",
        issued=dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.UTC),
        awarding_body=BODY,
        learner_id="L-0042",
        learner_name="Aino Virtanen",
        subject_salt="9f86d081884c7d659a2feaa0c55ad015",
        title={"en": "HV isolation and re-energisation (series vehicle)",
               "fi": "Korkeajännitejärjestelmän jännitteettömäksi tekeminen ja jännitteen palauttaminen"},
        description={"en": "Isolating the high-voltage system of a series-production electric or hybrid "
                           "vehicle and returning it to service, assessed as a recorded practical."},
        criteria={"en": "Every critical step passed in order, readings within their limits, and each "
                        "behavioural criterion scored at its minimum or above."},
        checklist_id="hv-isolation-series", checklist_version="1.3.0",
        checklist_sha256="a" * 64,
        outcomes=(
            LearningOutcome({"en": "Isolate a series-production HV vehicle following the OEM procedure.",
                             "fi": "Tekee sarjavalmisteisen ajoneuvon HV-järjestelmän jännitteettömäksi."},
                            (ESCO_MEASUREMENTS,)),
            LearningOutcome({"en": "Verify the absence of voltage with the live-dead-live method."}),
        ),
        eqf_level=4,
        nqf_levels=(NqfLevel("FI", "4", "Finnish National Qualifications Framework"),),
        workload_hours=8.0,
        ects=0.3,
        assessment_type={"en": "Supervised practical on a vehicle, recorded"},
        participation={"en": "In person, at the workshop"},
        quality_assurance={"en": "Assessed by a qualified assessor; external moderation of a "
                                 "risk-weighted sample by a sector panel"},
        prerequisites=({"en": "Foundational electrical safety (SFS 6002 card or equivalent)."},),
        supervision={"en": "Supervised; identity checked against a photo ID"},
        id_verification="photo_id",
        rubric=(RubricResult("safety_protocols", {"en": "Safety protocols"}, 4, 1, 4,
                             {"en": "Demonstrated independently"}),
                RubricResult("documentation", {"en": "Documentation"}, 3, 1, 4)),
        stackability={"en": "Gateway 3 (EV and hybrid work): a prerequisite of HV battery diagnostics."},
        gateway="ev-hybrid",
        standards=("SFS 6002", "EN 50110-1"),
        unit_codes=("FI qualification unit 100123",),
        assessed=dt.datetime(2026, 11, 20, 13, 40, tzinfo=dt.UTC),
        assessor_id="A-007", workshop_id="W-HEL-01", workshop_country="FI",
        moderation={"en": "Sampled in moderation cycle 2026-H2 and confirmed"},
        evidence=Evidence("b-20261120-0001", "c" * 64, "9d2e4f60-1111-4a4a-8b8b-123456789abc", "e" * 64,
                          "https://provider.example.fi/console/assessments/" + "c" * 64 + "/b-20261120-0001"),
        status=StatusEntry("https://provider.example.fi/credentials/status/1", 17),
        language="fi",
    )
    from dataclasses import replace

    return replace(data, **changes) if changes else data
