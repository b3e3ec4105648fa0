"""The «методический десант»: a school asks the district for a methodical visit; the district answers with an event
at the school or declines with a reason (seed 002)."""
