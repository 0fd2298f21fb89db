-- Routing reads an organization's channels for every ingest group. It keeps them in memory while this number is
-- unchanged (channel.RoutingChannels): every write to an organization's channels (create, update, disable,
-- delete; channel.ChannelRepository) adds one to it, on every instance's database, so a change made on any
-- instance is seen by the next event on all of them. One dialect for H2 (MODE=PostgreSQL) and PostgreSQL 15+.
alter table organizations add column channels_revision bigint default 0 not null;
