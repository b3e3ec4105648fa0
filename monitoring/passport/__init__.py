"""The compliance passport of a school (issue #26; 000 §3.4 «соблюдение норм законодательства»): computed from the
portal's own records, never typed — each mark says what was found and links to it. One table for a district, one for
a region; both in Excel."""
