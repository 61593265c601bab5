// DinhPanorama: filled in by its issue.
