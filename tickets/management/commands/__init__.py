"""`ingest_email`: feed a raw message to email intake."""
