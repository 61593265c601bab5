// Content loading.
