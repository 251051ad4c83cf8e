"""The screens of the assessor window."""
