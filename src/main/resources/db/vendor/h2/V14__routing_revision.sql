-- channels_revision becomes routing_revision: it now also counts writes to the organization's maintenance windows, so
-- routing keeps both its channels and its windows in memory while it is unchanged (channel.RoutingRevision).
-- H2's spelling of the rename; db/vendor/postgresql has PostgreSQL's.
alter table organizations alter column channels_revision rename to routing_revision;
