"""Bibliography stage: reference strings -> BibTeX records -> one merged, formatted bibliography."""
