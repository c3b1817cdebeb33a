"""`run_worker`, `run_scheduler` and `seed_demo`."""
