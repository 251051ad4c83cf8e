"""The fixed words of a credential a person reads: the PDF certificate's labels, the European Digital
Credential's display image and the subjects of its notes. One definition per word, translated in
``assessor_app/locale``."""

from __future__ import annotations

from functools import cache

from assessor_app.i18n import Message, render

_WORDS: dict[str, Message] = {
    "micro_credential": Message("certificate.micro_credential", "Micro-credential"),
    "awarded_to": Message("certificate.awarded_to", "awarded to"),
    "learner_id": Message("certificate.learner_id", "Learner's identifier"),
    "awarding_body": Message("certificate.awarding_body", "Awarding body"),
    "legal_id": Message("certificate.legal_id", "Legal identifier"),
    "address": Message("certificate.address", "Address"),
    "country": Message("certificate.country", "Country"),
    "date_of_issue": Message("certificate.date_of_issue", "Date of issue"),
    "learning_outcomes": Message("certificate.learning_outcomes", "Learning outcomes"),
    "level": Message("certificate.level", "Level"),
    "workload": Message("certificate.workload", "Workload"),
    "assessment_type": Message("certificate.assessment_type", "Type of assessment"),
    "participation": Message("certificate.participation", "Form of participation"),
    "quality_assurance": Message("certificate.quality_assurance", "Quality assurance"),
    "supervision": Message("certificate.supervision", "Supervision and identity verification"),
    "prerequisites": Message("certificate.prerequisites", "Prerequisites"),
    "stackability": Message("certificate.stackability", "Integration and stackability"),
    "further_information": Message("certificate.further_information", "Further information"),
    "moderation": Message("certificate.moderation", "Moderation"),
    "standards": Message("certificate.standards", "Standards"),
    "unit_codes": Message("certificate.unit_codes", "National unit codes"),
    "national_level": Message("certificate.national_level", "National qualifications framework level"),
    "grade": Message("certificate.grade", "Grade"),
    "competent": Message("certificate.competent", "Competent"),
    "rubric": Message("certificate.rubric", "Behavioural criteria"),
    "evidence": Message("certificate.evidence", "Evidence"),
    "credential_id": Message("certificate.credential_id", "Credential identifier"),
    "verify_at": Message("certificate.verify_at",
                         "Scan the code or open this address to check the credential:"),
}
EQF = Message("certificate.eqf", "EQF level {level}")
NQF = Message("certificate.nqf", "NQF level {level} ({country})")
HOURS = Message("certificate.hours", "{hours} hours")
ECTS = Message("certificate.ects", "{ects} ECTS credits")
EVIDENCE = Message("certificate.evidence_bundle", "Sealed evidence bundle {bundle}, manifest SHA-256:")


@cache
def words(language: str) -> dict[str, str]:
    """Every fixed word of a credential in ``language`` (English where a catalog lacks one)."""
    return {key: render(message(), language) for key, message in _WORDS.items()}


def word_in_languages(key: str, languages: tuple[str, ...]) -> dict[str, str]:
    """One word as an ELM language map: language -> the word in it."""
    return {language: words(language)[key] for language in languages}
