"""Which image each job runs, and why."""
