"""Widgets of the app's own."""
