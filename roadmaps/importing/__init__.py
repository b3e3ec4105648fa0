"""Roadmap import: readers turn a .txt/.tsv, .xlsx or .docx file into neutral blocks, `parse` finds the roadmap tables
in them, and `services.roadmap_import` writes everything or nothing."""
