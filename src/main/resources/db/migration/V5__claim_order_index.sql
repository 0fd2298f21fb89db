-- The claim walks pending deliveries in claim order (priority, then age) and stops at its limit, instead
-- of reading every due delivery and sorting them: under a backlog that read grew with the backlog, on
-- every claim (issue 6's profile).
create index deliveries_claim on deliveries (status, priority, id);
