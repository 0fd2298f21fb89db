-- Channels the service disabled on its own account (issue 11). One dialect for H2 (MODE=PostgreSQL) and
-- PostgreSQL 15+. A receiver that answers 410 Gone (the Standard Webhooks spec: "disable the endpoint and
-- stop sending") disables its channel; why, and when, is shown on the channel until a user enables it again.
alter table channels add column disabled_reason varchar(1000);
