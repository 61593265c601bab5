// DinhQR: filled in by its issue.
