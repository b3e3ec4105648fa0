"""Recruitment by an open link (issue #25; seed 001: анкеты на педсовете, родительском собрании, классном часе и
встрече с партнёрами): anyone with the link fills in a short form without signing in; the answers arrive as
candidates, and the school's curator takes a candidate into the registry — nothing enters it by itself."""
