"""The build's stages, one module per feature; :mod:`papersite.pipeline` lists them in order.

Each module exposes ``STAGE`` (a :class:`papersite.stage.Stage`) and keeps
the feature's file reading, linking, cache entries and diagnostics together;
the feature's pure functions live in the packages named in ARCHITECTURE.md.
"""
