-- The retention sweep picks old rows by time; without these it would scan whole tables each batch.
-- (events already has events_received.)
create index deliveries_created on deliveries (created_at);
create index incidents_resolved on incidents (resolved_at);
create index login_failures_at on login_failures (at);
