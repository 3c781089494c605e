"""The views: one blueprint per module."""

# Flashed in this category when the wizard has just made a framework: the
# framework page it lands on offers sharing with the programme's comms team first.
JUST_MADE = "just-made"
