-- Held triggers and incident outcomes (issue 10). One dialect for H2 (MODE=PostgreSQL) and PostgreSQL 15+.

-- Retention keeps an old event while a notify_after window still holds a trigger of it: "is there an
-- unreleased held trigger for this event?" is one probe per event. Pruning released held triggers by
-- released_at uses suppressed_triggers_pending (released_at, window_id) from V3.
create index suppressed_triggers_event on suppressed_triggers (event_id, released_at);
