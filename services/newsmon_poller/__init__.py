"""newsmon_poller service."""
