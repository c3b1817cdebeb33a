"""The project: settings per environment, URLs, the worker and scheduler, what the admin's
reports and tables share, and the `seed_demo`, `run_worker`, `run_scheduler` commands."""
