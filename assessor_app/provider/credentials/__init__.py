"""Micro-credentials at the provider: the awarding body, issuance rules, who may get a credential and
when (the one rule moderation states trigger), issuing, revoking, the eligibility list workstations get."""
