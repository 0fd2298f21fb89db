-- Held triggers and incident outcomes (issue 10). One dialect for H2 (MODE=PostgreSQL) and PostgreSQL 15+.

-- Retention keeps an old event while a notify_after window still holds a trigger of it: "is there an
-- unreleased held trigger for this event?" is one probe per event. Pruning released held triggers by
-- released_at uses suppressed_triggers_pending (released_at, window_id) from V3.
create index suppressed_triggers_event on suppressed_triggers (event_id, released_at);

-- An incident whose trigger PagerDuty refused (400) or that died after its maximum age was never
-- opened there: status 'not_opened', open_key NULL (so the next trigger opens a new one), resolved_at
-- when that was recorded (retention prunes it like a resolved one), why in status_reason, and which
-- delivery it was in closed_by_delivery (the event's explanation shows it).
alter table incidents add column status_reason varchar(1000);
alter table incidents add column closed_by_delivery varchar(40);
