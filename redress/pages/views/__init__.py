"""Owns what each template is given: plain records with every reference resolved, per page kind."""
