"""Link stage: passes that enrich the parsed model (glossary terms, later citations)."""
