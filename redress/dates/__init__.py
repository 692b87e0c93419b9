"""Owns the law's counting of periods: which days are working days, and where a period ends."""
