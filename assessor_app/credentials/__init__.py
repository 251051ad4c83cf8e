"""Micro-credentials as files: the Open Badges 3.0 credential (a VC-JWT), the European Digital
Credential (ELM v3 JSON-LD), the revocation status list and their offline verification. Plain
functions over plain data (``data.CredentialData``); the provider decides who gets one."""
