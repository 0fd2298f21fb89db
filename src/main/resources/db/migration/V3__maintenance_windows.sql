-- Maintenance windows, and the triggers they held back for "notify_after".
-- One dialect for H2 (MODE=PostgreSQL) and PostgreSQL 15+.

create table maintenance_windows (
    id            varchar(40)  primary key,
    org_id        varchar(40)  not null references organizations (id),
    name          varchar(200) not null,
    starts_at     timestamp with time zone not null,
    -- NULL only for a recurring window without end
    ends_at       timestamp with time zone,
    -- JSON list of channel ids; NULL = every channel of the organization
    channel_ids   varchar(50000),
    -- JSON list of event types; NULL = every trigger type
    events        varchar(2000),
    reason        varchar(4000),
    notify_after  boolean      not null,
    -- JSON {"weekdays", "start_time", "end_time", "time_zone"}; NULL = one continuous window
    recurrence    varchar(1000),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index maintenance_windows_org on maintenance_windows (org_id, id);
-- Routing reads the windows that have not ended: (org_id, ends_at) with "ends_at is null or ends_at > now".
create index maintenance_windows_ends on maintenance_windows (org_id, ends_at);

-- One row per trigger a notify_after window muted on a channel. released_at stays NULL until the
-- release job has decided (once, under a row lock) what became of it: triggered, resolved meanwhile, ...
create table suppressed_triggers (
    id               varchar(40)  primary key,
    window_id        varchar(40)  not null,
    org_id           varchar(40)  not null,
    channel_id       varchar(40)  not null,
    dedup_key        varchar(255) not null,
    event_id         varchar(40)  not null,
    suppressed_at    timestamp with time zone not null,
    released_at      timestamp with time zone,
    release_outcome  varchar(40),
    delivery_id      varchar(40)
);
create unique index suppressed_triggers_once on suppressed_triggers (window_id, channel_id, event_id);
create index suppressed_triggers_pending on suppressed_triggers (released_at, window_id);
create index suppressed_triggers_key on suppressed_triggers (org_id, channel_id, dedup_key, released_at);

-- "Was the action resolved after its trigger was held back?" looks events up by dedup key.
create index events_dedup on events (org_id, dedup_key, received_at);
