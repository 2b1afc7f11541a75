"""The JSON API of this app (see docs/api.md)."""
