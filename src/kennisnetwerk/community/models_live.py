"""Live questions during webinars (see the webinar pages of this app)."""
