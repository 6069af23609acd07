"""Tracking over the database: review decisions, series, conflicts and derived figures."""
