"""The JSON API's conventions, shared by every app's ``api/`` package (see docs/api.md)."""
