-- Governance events, the outbox of deliveries they cause, the attempts to send them, and the
-- incidents ASCEND Notify holds open per (channel, routing key, dedup key).

create table events (
    id           varchar(40)  primary key,
    org_id       varchar(40)  not null,
    source_id    varchar(200),
    type         varchar(40)  not null,
    action_id    varchar(300),
    dedup_key    varchar(255) not null,
    occurred_at  timestamp with time zone not null,
    received_at  timestamp with time zone not null,
    body         varchar(1000000) not null,
    decisions    varchar(1000000) not null
);
-- Idempotent ingest: a sender's own id is unique within its organization (NULLs never collide).
create unique index events_source on events (org_id, source_id);
create index events_org on events (org_id, id);
create index events_action on events (org_id, action_id, id);
create index events_received on events (received_at);

create table deliveries (
    id                  varchar(40)  primary key,
    org_id              varchar(40)  not null,
    event_id            varchar(40),
    channel_id          varchar(40)  not null,
    channel_type        varchar(40)  not null,
    kind                varchar(20)  not null,
    sequence_key        varchar(64)  not null,
    dedup_key           varchar(255) not null,
    destination_sealed  varchar(1000) not null,
    destination_masked  varchar(100) not null,
    priority            int          not null,
    payload             varchar(1000000) not null,
    status              varchar(20)  not null,
    attempts            int          not null default 0,
    merged_count        int          not null default 0,
    created_at          timestamp with time zone not null,
    retry_from          timestamp with time zone not null,
    next_attempt_at     timestamp with time zone not null,
    claimed_by          varchar(100),
    claimed_until       timestamp with time zone,
    finished_at         timestamp with time zone,
    last_status         int,
    last_message        varchar(4000)
);
create index deliveries_due on deliveries (status, next_attempt_at);
create index deliveries_sequence on deliveries (sequence_key, id);
create index deliveries_org on deliveries (org_id, id);
create index deliveries_event on deliveries (event_id);
create index deliveries_channel on deliveries (org_id, channel_id, id);

create table delivery_attempts (
    id            varchar(40)  primary key,
    delivery_id   varchar(40)  not null,
    attempted_at  timestamp with time zone not null,
    http_status   int,
    outcome       varchar(20)  not null,
    message       varchar(4000),
    errors        varchar(8000),
    latency_ms    bigint       not null
);
create index delivery_attempts_delivery on delivery_attempts (delivery_id, id);

create table incidents (
    id                  varchar(40)  primary key,
    org_id              varchar(40)  not null,
    channel_id          varchar(40)  not null,
    channel_type        varchar(40)  not null,
    sequence_key        varchar(64)  not null,
    -- equals sequence_key while the incident is open (or acknowledged), NULL once resolved:
    -- at most one open incident per (channel, routing key, dedup key), on H2 and PostgreSQL alike.
    open_key            varchar(64),
    dedup_key           varchar(255) not null,
    action_id           varchar(300),
    destination_sealed  varchar(1000) not null,
    destination_masked  varchar(100) not null,
    status              varchar(20)  not null,
    opened_at           timestamp with time zone not null,
    last_event_at       timestamp with time zone not null,
    resolved_at         timestamp with time zone
);
create unique index incidents_open on incidents (open_key);
create index incidents_dedup on incidents (org_id, dedup_key);
create index incidents_org on incidents (org_id, id);

-- Sends per routing key in the last 60 s, shared by every instance: PagerDuty's per-key limit is
-- enforced for the cluster, not per process. rate_keys rows are the per-key locks.
create table rate_keys (
    key_hash  varchar(64) primary key
);
create table rate_sends (
    id        varchar(40) primary key,
    key_hash  varchar(64) not null,
    sent_at   timestamp with time zone not null
);
create index rate_sends_key on rate_sends (key_hash, sent_at);
