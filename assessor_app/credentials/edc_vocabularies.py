"""The EU controlled vocabularies a European Digital Credential names its codes from, as the concepts
(IRIs) the ELM shapes accept. Read from the European Learning Model's code lists
(european-commission-empl/European-Learning-Model ``xsd/loq/cv/*.xsd``, commit
9d7c5d22002237c3afeb1750b7038e6fe2cdd371) and its micro-credential sample; see ``elm/README.md``.
Only the concepts this product writes are here."""

from __future__ import annotations

from collections.abc import Mapping

EQF_SCHEME = "http://data.europa.eu/snb/eqf/25831c2"
QDR_SCHEME = "http://data.europa.eu/snb/qdr/25831c2"  # national qualifications frameworks' levels
COUNTRY_SCHEME = "http://publications.europa.eu/resource/authority/country"
LANGUAGE_SCHEME = "http://publications.europa.eu/resource/authority/language"
ESCO_SKILL_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills"
CREDENTIAL_SCHEME = "http://data.europa.eu/snb/credential/25831c2"
MODE_SCHEME = "http://data.europa.eu/snb/learning-assessment/25831c2"
SETTING_SCHEME = "http://data.europa.eu/snb/learning-setting/25831c2"
CREDIT_SCHEME = "http://data.europa.eu/snb/education-credit/25831c2"
ASSESSMENT_SCHEME = "http://data.europa.eu/snb/assessment/25831c2"
SUPERVISION_SCHEME = "http://data.europa.eu/snb/supervision-verification/25831c2"
OPPORTUNITY_SCHEME = "http://data.europa.eu/snb/learning-opportunity/25831c2"

EQF_LEVEL = "http://data.europa.eu/snb/eqf/{level}"
COUNTRY = "http://publications.europa.eu/resource/authority/country/{iso3}"
LANGUAGE = "http://publications.europa.eu/resource/authority/language/{iso3}"

#: the credential profile the EU's micro-credential sample uses
PROFILE_GENERIC = ("http://data.europa.eu/snb/credential/e34929035b", "Generic")
MODE_PRESENTIAL = ("http://data.europa.eu/snb/learning-assessment/9191af2ed9", "Presential")
MODE_WORKBASED = ("http://data.europa.eu/snb/learning-assessment/729f3bed4b", "Workbased")
SETTING_NON_FORMAL = ("http://data.europa.eu/snb/learning-setting/e207a81fc7", "non-formal learning")
CREDIT_ECTS = ("http://data.europa.eu/snb/education-credit/6fcec5c5af", "European Credit Transfer System")
ASSESSMENT_PRACTICAL = ("http://data.europa.eu/snb/assessment/6a4db9f11d", "practical assessment")
OPPORTUNITY_SHORT = ("http://data.europa.eu/snb/learning-opportunity/74a4a268e8", "Short learning programme")
#: the assessor is present at every assessment; the identity check decides the rest. No concept is
#: known for "supervised without ID verification": such a credential states supervision in words only
SUPERVISED_WITH_ID = ("http://data.europa.eu/snb/supervision-verification/70be69aaf9",
                      "Supervised with ID Verification")
ID_CHECKED = frozenset({"photo_id", "known_to_assessor", "provider_record"})

#: ISO 3166-1 alpha-2 -> (alpha-3 as the EU country authority table writes it, English name)
COUNTRIES: Mapping[str, tuple[str, str]] = {
    "AT": ("AUT", "Austria"), "BE": ("BEL", "Belgium"), "BG": ("BGR", "Bulgaria"), "HR": ("HRV", "Croatia"),
    "CY": ("CYP", "Cyprus"), "CZ": ("CZE", "Czechia"), "DK": ("DNK", "Denmark"), "EE": ("EST", "Estonia"),
    "FI": ("FIN", "Finland"), "FR": ("FRA", "France"), "DE": ("DEU", "Germany"), "GR": ("GRC", "Greece"),
    "HU": ("HUN", "Hungary"), "IE": ("IRL", "Ireland"), "IT": ("ITA", "Italy"), "LV": ("LVA", "Latvia"),
    "LT": ("LTU", "Lithuania"), "LU": ("LUX", "Luxembourg"), "MT": ("MLT", "Malta"),
    "NL": ("NLD", "Netherlands"), "PL": ("POL", "Poland"), "PT": ("PRT", "Portugal"),
    "RO": ("ROU", "Romania"), "SK": ("SVK", "Slovakia"), "SI": ("SVN", "Slovenia"), "ES": ("ESP", "Spain"),
    "SE": ("SWE", "Sweden"), "IS": ("ISL", "Iceland"), "LI": ("LIE", "Liechtenstein"),
    "NO": ("NOR", "Norway"), "CH": ("CHE", "Switzerland"), "GB": ("GBR", "United Kingdom"),
}

#: the product's languages -> (EU language authority code, English name)
LANGUAGES: Mapping[str, tuple[str, str]] = {
    "en": ("ENG", "English"), "fi": ("FIN", "Finnish"), "sv": ("SWE", "Swedish"),
    "es": ("SPA", "Spanish"), "pt": ("POR", "Portuguese"),
}

#: country -> (framework's short name in the register, level -> concept IRI): the Qualification
#: Dataset Register's level concepts (``xsd/loq/cv/nqf.xsd``) for the pilot countries and Sweden
NQF_LEVELS: Mapping[str, tuple[str, Mapping[int, str]]] = {
    "FI": ("FiNQF", {1: "c_b9b2b42d", 2: "c_c660dbf8", 3: "c_63c1f703", 4: "c_cbf250da", 5: "c_fd8ce5f6",
                     6: "c_8a7da315", 7: "c_3b2bd7b5", 8: "c_7fa9dfe4"}),
    "SE": ("SeQF", {1: "c_20b8cbc9", 2: "c_e1f75f79", 3: "c_4ec9e6c0", 4: "c_6477e349", 5: "c_b44f7367",
                    6: "c_185bb246", 7: "c_1ab773a2", 8: "c_055b6cf8"}),
    "ES": ("MECU", {1: "c_9f7b21f9", 2: "c_a358d163", 3: "c_d81640d2", 4: "c_9f9cd022", 5: "c_cdd36a4b",
                    6: "c_6422359b", 7: "c_37f3c037", 8: "c_62866e36"}),
    "PT": ("QNQ", {1: "c_1eeca5f9", 2: "c_fd9234c1", 3: "c_5c91e0ca", 4: "c_7d534b92", 5: "c_d2b47671",
                   6: "c_8cf0774e", 7: "c_0fe2b814", 8: "c_370653aa"}),
}


def nqf_concept(country: str, level: str) -> tuple[str, str] | None:
    """The register's concept (IRI, label) for a country's NQF level ("4", "QNQ 4"), if it has one."""
    known = NQF_LEVELS.get(country.upper())
    digits = "".join(ch for ch in level if ch.isdigit())
    if known is None or not digits or int(digits) not in known[1]:
        return None
    return f"http://data.europa.eu/snb/qdr/{known[1][int(digits)]}", f"{known[0]} Level {int(digits)}"


def country_concept(iso2: str) -> tuple[str, str]:
    """The EU country authority's concept (IRI, English name) for an ISO 3166-1 alpha-2 code."""
    try:
        iso3, name = COUNTRIES[iso2.upper()]
    except KeyError:
        raise ValueError(f"country {iso2!r}: not an ISO 3166-1 alpha-2 code the credential knows "
                         f"({', '.join(sorted(COUNTRIES))})") from None
    return COUNTRY.format(iso3=iso3), name
