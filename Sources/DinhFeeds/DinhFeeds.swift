// DinhFeeds: filled in by its issue.
