-- 0008: a headcount entered as a total can say how many of those people meet the standard (NULL: not stated), so a
-- unit that mixes person records and totals gets a true share of staff meeting the standard.

ALTER TABLE staff_headcount ADD COLUMN meeting_standard INTEGER CHECK (meeting_standard >= 0 AND meeting_standard <= count);
