"""Orders turned into tasks: a district's order (приказ) read from Word or text, its numbered duties become the items
of a tasks roadmap of the district, and the duties addressed to schools go into every school's roadmap draft, where
each school marks them done and the district sees who has done what."""
