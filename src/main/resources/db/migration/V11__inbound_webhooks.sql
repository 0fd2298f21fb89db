-- Inbound webhooks (issue 15): what a destination sends back about the incidents ASCEND opened there
-- (PagerDuty v3 webhook subscriptions first). One dialect for H2 (MODE=PostgreSQL) and PostgreSQL 15+.

-- Every verified delivery, kept with its raw body for audit and debugging; the body is bounded by the
-- route (256 KiB: larger deliveries are never sent by the vendor). delivery_id is the sender's id of the
-- delivery, repeated on each of its retries: unique per channel, so a replay changes nothing.
create table inbound_webhooks (
    id            varchar(40)   primary key,
    org_id        varchar(40)   not null,
    channel_id    varchar(40)   not null,
    channel_type  varchar(40)   not null,
    delivery_id   varchar(200)  not null,
    event_type    varchar(200)  not null,
    occurred_at   timestamp with time zone not null,
    received_at   timestamp with time zone not null,
    incident_key  varchar(255),
    incident_id   varchar(40),
    outcome       varchar(20)   not null,
    detail        varchar(1000),
    body          varchar(262144) not null
);
create unique index inbound_webhooks_delivery on inbound_webhooks (channel_id, delivery_id);
create index inbound_webhooks_channel on inbound_webhooks (org_id, channel_id, id);
create index inbound_webhooks_received on inbound_webhooks (received_at);

-- The incident as the destination last said it is: its status there, who changed it, and when (the
-- vendor's own time of the change, which orders deliveries: an older one never rolls a newer back).
alter table incidents add column remote_status varchar(40);
alter table incidents add column remote_actor varchar(300);
alter table incidents add column remote_changed_at timestamp with time zone;
alter table incidents add column remote_url varchar(1000);
-- The destination's own id of the incident: events about it that do not repeat our key (a note) find it by this.
alter table incidents add column remote_id varchar(100);
create index incidents_remote on incidents (channel_id, remote_id);
