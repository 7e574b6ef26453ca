"""News signal handlers (kept for the comments and cache issues to extend)."""
