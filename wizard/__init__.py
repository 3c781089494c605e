"""Byline's domain: the wizard engine and steps, the knowledge library, the
generators that turn answers into a framework, and the views that show them."""
