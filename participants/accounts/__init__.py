"""Accounts and roles: invitations, role changes, switching an account off, the bases of curators and experts."""
