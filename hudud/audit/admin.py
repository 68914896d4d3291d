"""The audit trail is not in the admin site: auditors read and verify it on their own pages
(/audit/) and through the API, where reading it is itself audited and needs the auditor's
capability. Legal holds are placed and released with `hudud retention hold/release`."""
