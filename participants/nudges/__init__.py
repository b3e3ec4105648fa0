"""What goes stale, computed from the data (issue #25): a pair with no meeting for a month, a plan behind near its
end, an active pair missing a consent, an account invitation not accepted, a questionnaire not answered, a pair
ending without its final questionnaire. Shown on the school curator's and the mentor's landing pages, and so in the
weekly digest (roadmaps/digest.py sends the landing's to-dos)."""
