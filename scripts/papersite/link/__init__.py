"""Passes that enrich the parsed model: citations (in the text and in notes) and the anchor ledger."""
