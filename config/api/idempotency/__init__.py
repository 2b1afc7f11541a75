"""Idempotency keys: a POST that is retried with the same ``Idempotency-Key`` creates one record.

An app of its own (label ``api_idempotency``) in the api layer, for its one model.
``models.py`` stores each key with its account, the request's fingerprint and the first answer;
``keys.py`` claims a key, replays the first answer or refuses a reused or busy key. docs/api.md
("Retries: Idempotency-Key") is what clients are told.
"""
