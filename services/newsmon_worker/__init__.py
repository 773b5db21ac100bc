"""newsmon_worker service."""
