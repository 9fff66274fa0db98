"""The terminal app: the only part of peeronboard that imports Textual."""
