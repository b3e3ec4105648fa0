"""Teachers' professional deficits and the individual educational route (ИОМ) that closes them (seed 002)."""
