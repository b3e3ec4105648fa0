"""The participants' own side (issue #25): a mentee, or a pupil's parent, opens a personal link — or a mentee signs
in — and sees his pair or group, the plan and its tasks, the meetings, what is addressed to him; marks a task done,
writes to the curator; a parent gives or withdraws the consent to the processing of the child's data."""
