"""Helpers of the search tests and of bench/search_bench.py (never part of a build): the
ranking replayed in Python, as search.js does it in the browser, and query sampling."""
