"""What contributors meet outside the site: GitHub issue forms and their conversion."""
