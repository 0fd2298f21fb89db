-- One dialect for H2 (MODE=PostgreSQL) and PostgreSQL 15+.
-- Ids are generated in the application (prefix + time-ordered random), so inserts need no round trip
-- and "newest first" is an index scan on (org_id, id).

create table organizations (
    id          varchar(40)  primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);
create unique index organizations_name on organizations (name);

create table users (
    id            varchar(40)  primary key,
    org_id        varchar(40)  not null references organizations (id),
    email         varchar(320) not null,
    password_hash varchar(200) not null,
    role          varchar(20)  not null,
    system_admin  boolean      not null default false,
    created_at    timestamp with time zone not null
);
create unique index users_email on users (email);
create index users_org on users (org_id, id);

create table api_keys (
    id            varchar(40)  primary key,
    org_id        varchar(40)  not null references organizations (id),
    name          varchar(200) not null,
    prefix        varchar(20)  not null,
    key_hash      varchar(64)  not null,
    created_by    varchar(40),
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone
);
create unique index api_keys_hash on api_keys (key_hash);
create index api_keys_org on api_keys (org_id, id);

-- A channel's type-owned settings (config with its keys, severity mapping, routing rules) are one
-- AES-GCM sealed JSON document: keys are never stored in clear.
create table channels (
    id             varchar(40)  primary key,
    org_id         varchar(40)  not null references organizations (id),
    name           varchar(200) not null,
    type           varchar(40)  not null,
    enabled        boolean      not null,
    events         varchar(2000),
    filters        varchar(2000) not null,
    sealed_settings varchar(1000000) not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create index channels_org on channels (org_id, id);

create table audit_log (
    id           varchar(40)  primary key,
    org_id       varchar(40)  not null,
    actor_id     varchar(40),
    actor_email  varchar(320),
    action       varchar(60)  not null,
    target_type  varchar(40)  not null,
    target_id    varchar(40),
    changes      varchar(1000000),
    at           timestamp with time zone not null
);
create index audit_log_org on audit_log (org_id, id);

-- Sign-in throttling is kept in the database so that it holds across instances.
create table login_failures (
    id       varchar(40)  primary key,
    subject  varchar(400) not null,
    at       timestamp with time zone not null
);
create index login_failures_subject on login_failures (subject, at);

create table login_locks (
    subject       varchar(400) primary key,
    locked_until  timestamp with time zone not null
);

create table instance_settings (
    name   varchar(100) primary key,
    setting_value varchar(4000) not null
);

-- Spring Session JDBC (its schema-postgresql.sql; BYTEA is also H2's name for VARBINARY).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)     not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
