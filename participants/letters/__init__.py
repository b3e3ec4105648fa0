"""Letters from the district to its schools (issue #26; 000 §2.1): the district writes to all its schools, to those of
one kind, or to those it picks, and sees who has read it; a school reads its letters (the landing says which are new)."""
