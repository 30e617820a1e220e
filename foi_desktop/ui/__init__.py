"""The Qt window: a thin layer that shows the case and turns actions into model changes."""
