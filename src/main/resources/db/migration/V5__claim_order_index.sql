-- The claim walks pending deliveries in claim order (priority, then age) and stops at its limit. With
-- (status, next_attempt_at) as well, H2 chose that index, read every due delivery of a backlog and sorted
-- them, on every claim: a backlog of 10,000 drained at a few deliveries a second (issue 6's profile).
create index deliveries_claim on deliveries (status, priority, id);
drop index deliveries_due;
