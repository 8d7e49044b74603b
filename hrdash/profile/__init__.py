"""The country profile: its data (data), its every-year frames cut to the years (years), its brief and deck (brief)."""
