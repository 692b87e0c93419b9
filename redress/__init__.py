"""Redress core: bilingual consumer-dispute data to checked records to rendered pages (no MkDocs here)."""
