"""The words an Open Badge states in its own language: the Annex I facts Open Badges 3.0 has no field
for (written into the achievement's criteria for every displayer), the evidence's name and narrative,
the names of its results. Rendered from the catalogs in the credential's language."""

from __future__ import annotations

from assessor_app.i18n import Message

# TRANSLATORS: headings of the Annex I facts in an Open Badge's criteria (Markdown); keep the "**"
FACTS_HEADING = Message("ob3.facts_heading", "**About this micro-credential**")
WORKLOAD = Message("ob3.workload", "Notional workload: {hours} hours")
WORKLOAD_ECTS = Message("ob3.workload_ects", "Notional workload: {hours} hours ({ects} ECTS credits)")
LEVEL = Message("ob3.level", "Level: EQF {eqf}")
NQF_LEVEL = Message("ob3.nqf_level", "National level ({country}): {level} {framework}")
ASSESSMENT_TYPE = Message("ob3.assessment_type", "Type of assessment: {text}")
PARTICIPATION = Message("ob3.participation", "Form of participation: {text}")
QUALITY_ASSURANCE = Message("ob3.quality_assurance", "Quality assurance: {text}")
PREREQUISITES = Message("ob3.prerequisites", "Prerequisites: {text}")
SUPERVISION = Message("ob3.supervision", "Supervision and identity verification: {text}")
STACKABILITY = Message("ob3.stackability", "Integration and stackability: {text}")
GATEWAY = Message("ob3.gateway", "Progression gateway: {gateway}")
MODERATION = Message("ob3.moderation", "Moderation: {text}")
STANDARDS = Message("ob3.standards", "Standards: {standards}")
UNIT_CODES = Message("ob3.unit_codes", "National unit codes: {codes}")
FURTHER_INFORMATION = Message("ob3.further_information", "Further information: {text}")

EQF_NAME = Message("ob3.eqf_name", "EQF level {level}")
OUTCOME_NAME = Message("ob3.outcome_name", "Outcome of the assessment")
EVIDENCE_NAME = Message("ob3.evidence_name", "Sealed evidence bundle {bundle}")
EVIDENCE_NARRATIVE = Message(
    "ob3.evidence_narrative",
    "The recorded practical: video of the key steps, diagnostic logs and the structured checklist, "
    "sealed at the workshop by workstation {workstation}. The bundle's manifest, whose SHA-256 is "
    "{sha256}, hashes every file in it. The awarding body keeps the bundle for authorised reviewers "
    "and moderators.")
