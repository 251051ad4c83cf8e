"""What making a moderator's anonymised package says (codes ``moderation.package.*``).

Refusals carry these messages, so a console page can say them in its language; the command line
prints them in the language of ``--language``.
"""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

NO_CYCLE = Message("moderation.package.no_cycle", "there is no moderation cycle '{cycle}'")
NOT_HELD = Message("moderation.package.not_held",
                   "the provider holds no assessment or bundle '{assessment}'")
NOT_SAMPLED = Message("moderation.package.not_sampled",
                      "assessment '{assessment}' is not in the sample of cycle {cycle}: only sampled "
                      "assessments are packaged for moderators")
AMBIGUOUS = Message("moderation.package.ambiguous",
                    "'{assessment}' names {bundles} in the sample of cycle {cycle}: give the bundle id")
OUT_EXISTS = Message("moderation.package.out_exists",
                     "{path} already exists and is not an empty folder: give a new folder for the package")
NOT_ANONYMISED = Message("moderation.package.not_anonymised",
                         "bundle {bundle} cannot be packaged without its identity: {reason}")
CANDIDATE_NAME = Message("moderation.package.candidate_name", "the candidate's name")
ASSESSOR_NAME = Message("moderation.package.assessor_name", "the assessor's name")
RESPONSIBLE_NAME = Message("moderation.package.responsible_name", "the responsible person's name")
SIGNER_NAME = Message("moderation.package.signer_name", "a signer's name")
VIN = Message("moderation.package.vin", "the VIN")
NAME_FOUND = Message("moderation.package.name_found",
                     "the package was not written: {what} is in {file}")
BAD_SOURCE = Message("moderation.package.bad_source", "the media of bundle {bundle} cannot be read: {reason}")

WRITTEN = Message("moderation.package.written",
                  "Anonymised package of bundle {bundle} (cycle {cycle}) written to {path}")
FILES = Plural("moderation.package.files", "{count} file, each listed with its SHA-256 in package.json",
               "{count} files, each listed with its SHA-256 in package.json", count="count")
MEDIA = Plural("moderation.package.media",
               "{count} video segment or photo with faces blurred, each with its source's sealed hash",
               "{count} video segments and photos with faces blurred, each with its source's sealed hash",
               count="count")
LEFT_OUT = Message("moderation.package.left_out", "left out (not anonymised): {name}: {reason}")

# `assessor provider derive --anonymised CYCLE`
DERIVE_HEADER = Plural(
    "moderation.anonymised.header",
    "Faces blurred in the video and photos of {count} sampled assessment of cycle {cycle}",
    "Faces blurred in the video and photos of {count} sampled assessments of cycle {cycle}", count="count")
DERIVE_DONE = Message("moderation.anonymised.done", "  done    {bundle}  {name}")
DERIVE_FAILED = Message("moderation.anonymised.failed", "  FAILED  {bundle}  {name}: {reason}")
DERIVE_SUMMARY = Message("moderation.anonymised.summary", "{done} made or already made, {failed} failed")
