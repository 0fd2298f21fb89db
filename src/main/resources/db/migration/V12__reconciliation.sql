-- Reconciliation (issue 15): a periodic check asks the destination's own API what became of the incidents
-- ASCEND holds open, and corrects what drifted. One dialect for H2 (MODE=PostgreSQL) and PostgreSQL 15+.

-- One row per reconciled channel: who holds it now (only one instance reconciles a channel at a time: the
-- holder is set by one conditional update, times are the database's), when it is next due, and what its
-- last pass did (shown in the channel's answer).
create table reconciliation_leases (
    channel_id       varchar(40)   primary key,
    org_id           varchar(40)   not null,
    holder           varchar(80),
    held_until       timestamp with time zone,
    next_due_at      timestamp with time zone not null,
    last_run_at      timestamp with time zone,
    last_checked     integer,
    last_corrected   integer,
    last_error       varchar(1000)
);

-- The passes worth keeping: those that corrected something, failed, or were asked for by a person (a quiet
-- scheduled pass only updates the lease row). At most a few hundred per channel (pruned on insert).
create table reconciliation_runs (
    id             varchar(40)   primary key,
    org_id         varchar(40)   not null,
    channel_id     varchar(40)   not null,
    trigger_kind   varchar(20)   not null,
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone not null,
    open_incidents integer       not null,
    checked        integer       not null,
    corrected      integer       not null,
    error          varchar(1000),
    corrections    varchar(100000) not null
);
create index reconciliation_runs_channel on reconciliation_runs (org_id, channel_id, id);
