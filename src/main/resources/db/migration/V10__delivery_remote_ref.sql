-- What a channel type asked to keep of a delivered message (issue 13): a short reference the destination
-- gave back, e.g. a chat message's channel and timestamp, so that a later follow-up of the same sequence can
-- update that message instead of posting a new one. Channel-neutral; null for types that keep nothing. One
-- dialect for H2 (MODE=PostgreSQL) and PostgreSQL 15+.
alter table deliveries add column remote_ref varchar(2000);
