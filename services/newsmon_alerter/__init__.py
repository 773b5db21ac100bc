"""newsmon_alerter service."""
